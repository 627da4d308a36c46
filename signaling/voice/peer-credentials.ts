/**
 * PeerJS identities bound to one party of one call, verifiable without a lookup.
 *
 * The peer id is an HMAC of (conversation, party), so it is stable across the party's reloads
 * and reconnects but cannot be guessed; the token proves the bearer was issued that id. The
 * stock PeerServer lets anyone claim any free id; ours accepts only ids it issued.
 */
import type { PeerCredentials } from '../protocol/call.js';
import { SignedFields } from '../kernel/signed-fields.js';

export interface CallParty {
  conversationId: string;
  kind: 'visitor' | 'agent';
  /** The visitor's or the agent's id. */
  id: string;
}

const TOKEN_TTL_MS = 6 * 60 * 60 * 1000;

export class PeerCredentialIssuer {
  private readonly signer: SignedFields;

  constructor(secret: string, clock: () => number = Date.now) {
    this.signer = new SignedFields(secret, 'peer', clock);
  }

  /** The party's peer id: letters and digits only, as PeerJS requires. */
  peerId(party: CallParty): string {
    return 'p' + this.signer.mac(`id:${party.conversationId}:${party.kind}:${party.id}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 31);
  }

  issue(party: CallParty): PeerCredentials {
    const id = this.peerId(party);
    const { token, expiresAt } = this.signer.sign([party.conversationId, party.kind, party.id], TOKEN_TTL_MS);
    return { id, token, expiresAt };
  }

  /** The party a (peer id, token) pair was issued to, or undefined when forged, mismatched or expired. */
  verify(peerId: string, token: string): CallParty | undefined {
    const [conversationId, kind, id] = this.signer.open(token, 3) ?? [];
    if (!conversationId || !id || (kind !== 'visitor' && kind !== 'agent')) return undefined;
    const party: CallParty = { conversationId, kind, id };
    return this.peerId(party) === peerId ? party : undefined;
  }
}
