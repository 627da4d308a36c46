/** Probes for orchestrators: `/livez` (the process answers) and `/readyz` (send it traffic). */
import { Hono } from 'hono';
import type { ErrorBody } from '../protocol/errors.js';
import type { Readiness } from '../kernel/readiness.js';

/**
 * `/livez` answers 200 as long as the event loop does, so a long migration is not mistaken for a
 * hung process; `/readyz` answers 200 with the store's dialect only once the server is ready, and
 * 503 while it starts or drains. Neither touches the database: `/healthz` does that.
 */
export function probeRoutes(readiness: Readiness) {
  const app = new Hono();
  app.get('/livez', (c) => c.json({ status: 'live' }, 200, { 'Cache-Control': 'no-store' }));
  app.get('/readyz', (c) => {
    const report = readiness.report();
    return c.json(report, report.status === 'ready' ? 200 : 503, { 'Cache-Control': 'no-store' });
  });
  return app;
}

/**
 * What the server answers before its services exist: the probes, and 503 with `Retry-After`
 * for everything else, so a client that arrives early retries instead of failing.
 */
export function whileStarting(readiness: Readiness) {
  const app = new Hono();
  app.route('/', probeRoutes(readiness));
  app.all('*', (c) => {
    const body: ErrorBody = { error: { reason: 'internal', message: 'the server is starting; try again in a moment' } };
    return c.json(body, 503, { 'Retry-After': '1' });
  });
  return app;
}
