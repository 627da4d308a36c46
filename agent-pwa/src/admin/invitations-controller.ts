/** Loads and saves proactive invitations for the Invitations screen and the reports. */
import type { ReactiveControllerHost } from 'lit';
import type { InvitationInput, InvitationView } from '../../../signaling/protocol/invitations.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class InvitationsController extends ScreenController {
  invitations: InvitationView[] = [];
  error: string | undefined;
  loaded = false;

  constructor(host: ReactiveControllerHost) {
    super(host);
  }

  load = () => this.run(async () => void (this.invitations = await api.invitations()));

  /** Saves, then reloads the list; true when it was saved. */
  save = async (id: string | undefined, input: InvitationInput): Promise<boolean> => {
    await this.run(async () => {
      await api.saveInvitation(id, input);
      this.invitations = await api.invitations();
    });
    return !this.error;
  };

  /** Turns an invitation on or off, keeping its text, rules and counts. */
  setEnabled = (invitation: InvitationView, enabled: boolean) => this.save(invitation.id, { ...inputOf(invitation), enabled });

  private async run(work: () => Promise<void>): Promise<void> {
    this.error = undefined;
    try {
      await work();
      this.loaded = true;
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
    }
    this.changed();
  }
}

/** An invitation as the form and the API take it. */
export function inputOf(i: InvitationView): InvitationInput {
  return { text: i.text, senderAgentId: i.senderAgentId, queue: i.queue.slug, pathPattern: i.pathPattern, delaySeconds: i.delaySeconds, returningOnly: i.returningOnly, enabled: i.enabled };
}
