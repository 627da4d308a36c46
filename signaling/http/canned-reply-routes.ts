/** The team's canned replies, for the agent's composer. */
import { createRoute, z } from '@hono/zod-openapi';
import { cannedReplySchema } from '../protocol/api.js';
import type { Services } from '../services/services.js';
import { requireAgent } from './require-agent.js';
import { createRouter, errorResponses } from './router.js';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['canned replies'],
  summary: 'All canned replies, by shortcut',
  responses: { 200: { description: 'Canned replies', content: { 'application/json': { schema: z.array(cannedReplySchema) } } }, ...errorResponses(401) },
});

export function cannedReplyRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(list, async (c) => c.json(await services.store.cannedReplies.list(), 200));
  return router;
}
