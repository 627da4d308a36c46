/** Signed anonymous visitor identities: `v1.<visitorId>.<hmac>`, verifiable without a lookup. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export class VisitorTokens {
  constructor(private readonly secret: string) {}

  sign(visitorId: string): string {
    return `v1.${visitorId}.${this.mac(visitorId)}`;
  }

  /** The visitor id inside a genuine token, or undefined for anything else. */
  verify(token: string): string | undefined {
    const [version, visitorId, mac] = token.split('.');
    if (version !== 'v1' || !visitorId || !mac || !/^[A-Za-z0-9-]{1,64}$/.test(visitorId)) return undefined;
    const expected = Buffer.from(this.mac(visitorId));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? visitorId : undefined;
  }

  private mac(visitorId: string): string {
    return createHmac('sha256', this.secret).update(`visitor:${visitorId}`).digest('base64url');
  }
}
