/**
 * Short-lived bearer tokens that carry their own fields: `<expiresAt>.<field>...<mac>`. The
 * server verifies one without a lookup; fields are limited to URL-safe characters because
 * clients (PeerJS, y-websocket) put tokens into socket URLs unencoded.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SAFE = /^[A-Za-z0-9-]{1,64}$/;

export class SignedFields {
  constructor(
    private readonly secret: string,
    /** Keeps tokens of one purpose from being accepted for another. */
    private readonly purpose: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** @throws Error for a field that is not URL-safe (a programming error, not input). */
  sign(fields: readonly string[], ttlMs: number): { token: string; expiresAt: number } {
    if (!fields.every((f) => SAFE.test(f))) throw new Error('signed fields must be letters, digits and - only');
    const expiresAt = this.clock() + ttlMs;
    const body = [String(expiresAt), ...fields].join('.');
    return { token: `${body}.${this.mac(body)}`, expiresAt };
  }

  /** The fields of a genuine, unexpired token with `count` fields; undefined otherwise. */
  open(token: string, count: number): string[] | undefined {
    const parts = token.split('.');
    if (parts.length !== count + 2) return undefined;
    const expires = parts[0]!;
    const fields = parts.slice(1, -1);
    if (!/^\d{1,15}$/.test(expires) || Number(expires) < this.clock() || !fields.every((f) => SAFE.test(f))) return undefined;
    const expected = Buffer.from(this.mac(parts.slice(0, -1).join('.')));
    const given = Buffer.from(parts.at(-1)!);
    return given.length === expected.length && timingSafeEqual(given, expected) ? fields : undefined;
  }

  /** A keyed digest of `text` under this purpose, for ids derived from a secret. */
  mac(text: string): string {
    return createHmac('sha256', this.secret).update(`${this.purpose}:${text}`).digest('base64url');
  }
}
