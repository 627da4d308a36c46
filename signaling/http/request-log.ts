/**
 * One log line and one histogram sample per HTTP request: method, matched route pattern (never
 * the raw path or query, which carry ids and tokens), status and duration, under a request id
 * that is accepted from `X-Request-Id` when sane, made otherwise, and echoed in the response.
 */
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import { componentLogger } from '../kernel/logger.js';
import type { Metrics } from '../kernel/metrics.js';
import type { AppEnv } from './router.js';

const log = componentLogger('http');

/** Scrapes and health checks come every few seconds: they log at debug, not info. */
const QUIET_ROUTES = new Set(['/metrics', '/healthz']);

/** An id a proxy or client may hand us: short, and nothing that could forge a log line. */
export const assignRequestId = requestId({ limitLength: 64 });

/**
 * The route pattern of the request: the route that answered or, when middleware answered first
 * (a 401 before the handler), the route that would have; `unmatched` when none would (a 404), so
 * labels stay few and paths with ids never become one.
 */
function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const routes = matchedRoutes(c);
  // Middleware is registered for every method (ALL); routes for one.
  for (let i = c.req.routeIndex; i < routes.length; i++) if (routes[i]!.method !== 'ALL') return routes[i]!.path;
  return 'unmatched';
}

export function requestLog(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    const route = routeOf(c);
    // A WebSocket upgrade answers 200 to the adapter, which then switches protocols.
    const status = c.res.status === 200 && c.req.header('upgrade')?.toLowerCase() === 'websocket' ? 101 : c.res.status;
    metrics.httpDuration.observe({ method: c.req.method, route, status_class: `${Math.floor(status / 100)}xx` }, seconds);
    const level = QUIET_ROUTES.has(route) ? 'debug' : 'info';
    if (log.isLevelEnabled(level)) {
      log[level]({ reqId: c.get('requestId'), method: c.req.method, route, status, durationMs: Math.round(seconds * 10_000) / 10 }, 'request');
    }
  };
}
