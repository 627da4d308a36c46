/**
 * Short-lived signed links to a file's bytes: HMAC-SHA256 with the server's secret over the file id
 * and the expiry, so the download route needs no session (an <img> cannot send a bearer token) and a
 * link is worth nothing to anyone once it expires.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link issued to a party's app works: long enough to load and save, short enough not to leak. */
export const LINK_TTL_MS = 5 * 60_000;

export type LinkProblem = 'bad-signature' | 'expired';

export class FileLinks {
  constructor(private readonly secret: string) {}

  /** The query of a link to `fileId` valid until `expiresAt` (milliseconds since the epoch). */
  sign(fileId: string, expiresAt: number): { e: string; s: string } {
    const e = String(Math.floor(expiresAt));
    return { e, s: this.mac(fileId, e) };
  }

  /** Why a link does not open its file, or undefined when it does. A bad signature is checked before the expiry. */
  check(fileId: string, e: string | undefined, s: string | undefined, now: number): LinkProblem | undefined {
    if (!e || !s || !/^\d{1,15}$/.test(e)) return 'bad-signature';
    const expected = Buffer.from(this.mac(fileId, e));
    const given = Buffer.from(s);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
    return Number(e) < now ? 'expired' : undefined;
  }

  private mac(fileId: string, e: string): string {
    return createHmac('sha256', this.secret).update(`file:${fileId}:${e}`).digest('base64url');
  }
}
