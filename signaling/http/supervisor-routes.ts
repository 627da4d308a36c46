/** What supervisors do to agents directly: force a presence (for example, log out an agent who walked away). */
import { createRoute, z } from '@hono/zod-openapi';
import { AGENT_STATUSES, CHOOSABLE_BREAK_REASONS } from '../protocol/presence.js';
import type { Services } from '../wiring.js';
import { requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody } from './router.js';

const forcePresence = createRoute({
  method: 'put',
  path: '/agents/{id}/presence',
  operationId: 'forceAgentPresence',
  tags: ['Supervision'],
  security: access.signedIn,
  summary: "Set an agent's presence on their behalf (supervisors, admins)",
  description: "For example, log out an agent who walked away. The agent's app shows the change at once.",
  request: {
    ...idParam,
    ...jsonBody(z.object({ status: z.enum(AGENT_STATUSES), reason: z.enum(CHOOSABLE_BREAK_REASONS).optional().openapi({ description: 'Why, with `away`' }) })),
  },
  responses: { 204: { description: 'Done' }, ...errorResponses(400, 401, 403, 404) },
});

export function supervisorRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth, ['supervisor', 'admin']));
  router.openapi(forcePresence, async (c) => {
    const { id } = c.req.valid('param');
    const { status, reason } = c.req.valid('json');
    await services.supervision.forcePresence({ kind: 'agent', agent: c.get('agent') }, id, status, reason);
    return c.body(null, 204);
  });
  return router;
}
