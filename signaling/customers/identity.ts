/**
 * Verified identity: the site's backend signs its own user id with the identity secret, and
 * the page passes both to `Switchboard.identify({ userId, userHash })`. Only a matching hash
 * lets a visitor claim that user (as Chatwoot's and Intercom's identity verification do).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The hash a site's backend computes: hex HMAC-SHA256 of the user id with the identity secret. */
export function userHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

export function verifyUserHash(secret: string | undefined, userId: string, hash: string): boolean {
  if (!secret) return false;
  const expected = Buffer.from(userHash(secret, userId));
  const given = Buffer.from(hash.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
