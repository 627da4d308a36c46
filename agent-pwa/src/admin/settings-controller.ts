/**
 * The base of an admin editor's controller for one site-wide setting (the topic menu, the file
 * policy): runs a load or a save, shows the server's refusal in words and nothing changes, and
 * says "Saved." after a save that worked until the next attempt.
 */
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { ScreenController } from '../screen-controller.js';

export abstract class SettingsController extends ScreenController {
  error: string | undefined;
  /** The last save worked (shown until the next change). */
  saved = false;

  /** Runs a load (`saving` false) or a save, and renders the host with its outcome. */
  protected async run(work: () => Promise<void>, saving = false): Promise<void> {
    this.error = undefined;
    this.saved = false;
    try {
      await work();
      this.saved = saving;
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
    }
    this.changed();
  }
}
