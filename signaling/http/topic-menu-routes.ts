/**
 * The topic menu over REST, mounted at /api/admin/topic-menu: admins read and replace it
 * (supervisors read it). The widget gets it with the queue status, only when it has topics.
 */
import { createRoute } from '@hono/zod-openapi';
import { topicMenuSchema } from '../protocol/topic-menu.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonBody, jsonOk } from './router.js';

const admin = { tags: ['Routing administration'], security: access.signedIn };
const menu = jsonOk(topicMenuSchema, 'The topic menu');

const routes = {
  read: createRoute({ method: 'get', path: '/', operationId: 'getTopicMenu', ...admin, summary: 'The topics the widget offers before a chat (admins, supervisors)', responses: { ...menu, ...errorResponses(401, 403) } }),
  save: createRoute({ method: 'put', path: '/', operationId: 'saveTopicMenu', ...admin, summary: 'Replace the topic menu (an empty list removes it)', description: 'Each topic routes to an existing queue (by slug); at most 8 topics, labels unique.', request: jsonBody(topicMenuSchema), responses: { ...menu, ...errorResponses(400, 401, 403) } }),
};

export function topicMenuRoutes(services: Services) {
  const router = createRouter();
  const readers = requireAgent(services.auth, ['admin', 'supervisor']);
  const writers = requireAgent(services.auth, ['admin']);
  router.use('*', async (c, next) => (c.req.method === 'GET' ? readers(c, next) : writers(c, next)));
  router.openapi(routes.read, async (c) => c.json(await services.topicMenu.read(), 200));
  router.openapi(routes.save, async (c) => c.json(await services.topicMenu.save(agentActor(c), c.req.valid('json')), 200));
  return router;
}
