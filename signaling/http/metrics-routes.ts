/** Prometheus metrics at /metrics, for a scraper with METRICS_TOKEN or a signed-in supervisor. */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Services } from '../services/services.js';
import { SESSION_COOKIE } from './require-agent.js';

/** Quotes a label value as the exposition format requires. */
const label = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

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
    if (!byToken && (!agent || agent.role === 'agent')) {
      return c.json({ error: { reason: 'not-authenticated', message: 'metrics need METRICS_TOKEN as a bearer token, or a supervisor session' } }, 401);
    }
    const board = await services.wallboard.snapshot();
    const lines: string[] = [];
    const metric = (name: string, help: string, type: 'gauge' | 'counter', samples: [Record<string, string>, number | null][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) {
        if (value === null) continue;
        const l = Object.entries(labels).map(([k, v]) => `${k}=${label(v)}`).join(',');
        lines.push(`${name}${l ? `{${l}}` : ''} ${value}`);
      }
    };
    const perQueue = (pick: (q: (typeof board.queues)[number]) => number | null) => board.queues.map((q) => [{ queue: q.name }, pick(q)] as [Record<string, string>, number | null]);
    metric('switchboard_queue_waiting', 'Contacts waiting now.', 'gauge', perQueue((q) => q.waiting));
    metric('switchboard_queue_longest_wait_seconds', 'Wait of the oldest contact waiting now.', 'gauge', perQueue((q) => (q.waiting ? q.longestWaitMs / 1000 : 0)));
    metric('switchboard_queue_agents_available', 'Agents able to answer the queue now.', 'gauge', perQueue((q) => q.agentsAvailable));
    metric('switchboard_queue_offered_today', 'Contacts offered today (center time zone).', 'gauge', perQueue((q) => q.offered));
    metric('switchboard_queue_answered_today', 'Contacts answered today.', 'gauge', perQueue((q) => q.answered));
    metric('switchboard_queue_abandoned_today', 'Contacts abandoned today.', 'gauge', perQueue((q) => q.abandoned));
    metric('switchboard_queue_service_level_today', `Answered within ${board.serviceLevelSeconds} s ÷ offered, today.`, 'gauge', perQueue((q) => q.serviceLevel));
    const states = new Map<string, number>();
    for (const a of board.agents) states.set(a.state, (states.get(a.state) ?? 0) + 1);
    metric('switchboard_agents', 'Agents by state.', 'gauge', [...states].map(([state, n]) => [{ state }, n]));
    metric('switchboard_websocket_connections', 'Open client sockets on this node.', 'gauge', [[{}, options.socketCount()]]);
    return c.text(`${lines.join('\n')}\n`, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  return app;
}
