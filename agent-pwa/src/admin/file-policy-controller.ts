/** Loads and saves the site's file policy (size limit, accepted types) for its editor in the Invitations screen. */
import type { FilePolicy } from '../../../signaling/protocol/file-policy.js';
import { api } from '../api-client.js';
import { SettingsController } from './settings-controller.js';

export class FilePolicyController extends SettingsController {
  policy: FilePolicy | undefined;

  load = () => this.run(async () => void (this.policy = await api.filePolicy()));

  /** Replaces the policy; the server's refusal (limit out of range, unknown type) is shown and nothing changes. */
  save = (policy: FilePolicy) => this.run(async () => void (this.policy = await api.saveFilePolicy(policy)), true);
}
