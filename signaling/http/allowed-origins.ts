/** Which web pages may talk to the visitor API and socket: our own, plus ALLOWED_ORIGINS. */
import { isSameOrigin } from './same-origin.js';

export class AllowedOrigins {
  private readonly any: boolean;
  private readonly listed: Set<string>;

  constructor(origins: string[]) {
    this.any = origins.includes('*');
    this.listed = new Set(origins.filter((o) => o !== '*').map((o) => o.toLowerCase()));
  }

  allows(origin: string | undefined, host: string | undefined): boolean {
    if (!origin) return false;
    return this.any || this.listed.has(origin.toLowerCase()) || isSameOrigin(origin, host);
  }
}
