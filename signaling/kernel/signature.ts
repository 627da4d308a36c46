/** HMAC signatures of webhook bodies, both ways (see protocol/channels.ts for the format). */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_TOLERANCE_SECONDS, signedPayload } from '../protocol/channels.js';

export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(signedPayload(timestamp, body)).digest('hex')}`;
}

export type SignatureProblem = 'missing' | 'stale' | 'mismatch';

/** Checks a request's signature and that its timestamp is within the tolerance of `now`. */
export function verify(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, now: number): SignatureProblem | undefined {
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? undefined : 'mismatch';
}
