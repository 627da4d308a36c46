/** Prometheus metrics at /metrics, for a scraper with METRICS_TOKEN or a signed-in supervisor: the registry's counters and histograms, then today's wallboard gauges. */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { renderMetrics } from '../supervision/prometheus-metrics.js';
import type { Services } from '../wiring.js';
import { SESSION_COOKIE } from './require-agent.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsRoutes(services: Services, options: { token?: string; socketCount: () => number }) {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const byToken = !!options.token && !!bearer && sameSecret(bearer, options.token);
    const agent = byToken ? undefined : await services.auth.agentForSession(getCookie(c, SESSION_COOKIE));
    if (!byToken && !agent) {
      return c.json({ error: { reason: 'not-authenticated', message: 'metrics need METRICS_TOKEN as a bearer token, or a supervisor session' } }, 401);
    }
    // Signed in, but as a plain agent: known, and not allowed (as every other staff-only route answers).
    if (!byToken && agent?.role === 'agent') return c.json({ error: { reason: 'forbidden', message: 'metrics are for supervisors and admins' } }, 403);
    const gauges = renderMetrics(await services.wallboard.snapshot(), options.socketCount(), (id) => services.routing.queueSlug(id));
    const text = `${await services.metrics.render()}\n${gauges}`;
    return c.text(text, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  return app;
}
