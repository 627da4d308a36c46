/** Cross-site request forgery guard: cookie-authenticated changes must come from our own pages. */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../kernel/app-error.js';

/** True when the Origin header names the host the request was sent to. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Refuses state-changing requests whose Origin is another site. SameSite=Strict cookies
 * already stop most of these; this also covers older browsers and same-site subdomains.
 */
export function sameOriginForChanges(): MiddlewareHandler {
  return async function sameOriginGuard(c, next) {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const origin = c.req.header('origin');
      // Non-browser clients (curl, server-to-server) send no Origin and carry no ambient cookies.
      if (origin !== undefined && !isSameOrigin(origin, c.req.header('host'))) {
        throw new AppError('origin-not-allowed', 'cross-site request refused');
      }
    }
    await next();
  };
}
