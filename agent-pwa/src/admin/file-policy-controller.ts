/** Loads and saves the site's file policy (size limit, accepted types) for its editor in the Invitations screen. */
import type { ReactiveControllerHost } from 'lit';
import type { FilePolicy } from '../../../signaling/protocol/file-policy.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class FilePolicyController extends ScreenController {
  policy: FilePolicy | undefined;
  error: string | undefined;
  /** The last save worked (shown until the next change). */
  saved = false;

  constructor(host: ReactiveControllerHost) {
    super(host);
  }

  load = () => this.run(async () => void (this.policy = await api.filePolicy()));

  /** Replaces the policy; the server's refusal (limit out of range, unknown type) is shown and nothing changes. */
  save = (policy: FilePolicy) =>
    this.run(async () => {
      this.policy = await api.saveFilePolicy(policy);
      this.saved = true;
    });

  private async run(work: () => Promise<void>): Promise<void> {
    this.error = undefined;
    this.saved = false;
    try {
      await work();
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
    }
    this.changed();
  }
}
