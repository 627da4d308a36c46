/** Where an agent can transfer a conversation: the colleagues and queues to pick from. */
import { createRoute } from '@hono/zod-openapi';
import { transferTargetsSchema } from '../protocol/api.js';
import type { Services } from '../wiring.js';
import { requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses } from './router.js';

const targets = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listTransferTargets',
  tags: ['Conversations'],
  security: access.signedIn,
  summary: 'Agents and queues a conversation can be transferred to',
  description: 'Agents other than the caller, with `available` true when they are signed in and not on a break; every queue.',
  responses: { 200: { description: 'Transfer targets', content: { 'application/json': { schema: transferTargetsSchema } } }, ...errorResponses(401) },
});

export function transferRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(targets, async (c) => {
    return c.json(await services.placement.transferTargets(c.get('agent').id), 200);
  });
  return router;
}
