/**
 * The proactive invitation the visitor chose to answer (written by the invitation chunk, read
 * here): shown in the panel before the conversation exists, and sent with its start so the
 * conversation opens with it. Read fresh each time, since the chunk writes it after the chat may
 * have loaded.
 */
import type { InvitationOffer } from '../../signaling/protocol/invitations.js';
import { StoredValue } from './stored-value.js';

export class PendingInvitation {
  private readonly stored: StoredValue;

  constructor(storage: Storage | undefined, key: string) {
    this.stored = new StoredValue(storage, key);
  }

  /** The invitation waiting for the visitor's first message, if any. */
  get value(): InvitationOffer | undefined {
    try {
      const raw = this.stored.read();
      return raw ? (JSON.parse(raw) as InvitationOffer) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The conversation started: the invitation is in its timeline now. */
  clear(): void {
    this.stored.write(undefined);
  }
}
