/**
 * PeerJS identities bound to one party of one call, verifiable without a lookup.
 *
 * The peer id is an HMAC of (conversation, party), so it is stable across the party's reloads
 * and reconnects but cannot be guessed; the token proves the bearer was issued that id. The
 * stock PeerServer lets anyone claim any free id; ours accepts only ids it issued.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PeerCredentials } from '../protocol/call.js';

export interface CallParty {
  conversationId: string;
  kind: 'visitor' | 'agent';
  /** The visitor's or the agent's id. */
  id: string;
}

const TOKEN_TTL_MS = 6 * 60 * 60 * 1000;
const SAFE = /^[A-Za-z0-9-]{1,64}$/;

export class PeerCredentialIssuer {
  constructor(
    private readonly secret: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The party's peer id: letters and digits only, as PeerJS requires. */
  peerId(party: CallParty): string {
    return 'p' + this.mac(`peer-id:${party.conversationId}:${party.kind}:${party.id}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 31);
  }

  issue(party: CallParty): PeerCredentials {
    const id = this.peerId(party);
    const expiresAt = this.clock() + TOKEN_TTL_MS;
    // PeerJS puts the token into the socket URL unencoded: only URL-safe characters.
    const token = `${expiresAt}.${party.conversationId}.${party.kind}.${party.id}.${this.mac(`peer-token:${id}:${expiresAt}`)}`;
    return { id, token, expiresAt };
  }

  /** The party a (peer id, token) pair was issued to, or undefined when forged, mismatched or expired. */
  verify(peerId: string, token: string): CallParty | undefined {
    const [expires, conversationId, kind, id, mac] = token.split('.');
    if (!expires || !conversationId || !id || !mac || (kind !== 'visitor' && kind !== 'agent')) return undefined;
    if (!SAFE.test(conversationId) || !SAFE.test(id) || !/^\d{1,15}$/.test(expires)) return undefined;
    const expiresAt = Number(expires);
    if (expiresAt < this.clock()) return undefined;
    const party: CallParty = { conversationId, kind, id };
    if (this.peerId(party) !== peerId) return undefined;
    const expected = Buffer.from(this.mac(`peer-token:${peerId}:${expiresAt}`));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? party : undefined;
  }

  private mac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('base64url');
  }
}
