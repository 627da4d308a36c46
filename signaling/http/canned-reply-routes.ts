/** Canned replies for the agent's composer: the team's (kept by supervisors and admins) and each agent's own. */
import { createRoute, z } from '@hono/zod-openapi';
import { cannedReplyInputSchema, cannedReplySchema } from '../protocol/api.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody, jsonOk, noContent } from './router.js';

const body = jsonBody(cannedReplyInputSchema);
const one = jsonOk(cannedReplySchema, 'The canned reply');

const staff = { tags: ['Canned replies'], security: access.signedIn };

const routes = {
  list: createRoute({ method: 'get', path: '/', operationId: 'listCannedReplies', ...staff, summary: "The team's canned replies and yours, by shortcut (each language variant separately)", responses: { ...jsonOk(z.array(cannedReplySchema), 'Canned replies'), ...errorResponses(401) } }),
  create: createRoute({ method: 'post', path: '/', operationId: 'createCannedReply', ...staff, summary: 'Add a personal reply, or (supervisors, admins) a team reply', request: body, responses: { ...one, ...errorResponses(400, 401, 403) } }),
  update: createRoute({ method: 'put', path: '/{id}', operationId: 'updateCannedReply', ...staff, summary: 'Change a reply you may change', request: { ...idParam, ...body }, responses: { ...one, ...errorResponses(400, 401, 403, 404) } }),
  remove: createRoute({ method: 'delete', path: '/{id}', operationId: 'deleteCannedReply', ...staff, summary: 'Remove a reply you may change', request: idParam, responses: { ...noContent, ...errorResponses(400, 401, 403, 404) } }),
};

export function cannedReplyRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(routes.list, async (c) => c.json(await services.knowledge.listReplies(agentActor(c)), 200));
  router.openapi(routes.create, async (c) => c.json(await services.knowledge.saveReply(agentActor(c), undefined, c.req.valid('json')), 200));
  router.openapi(routes.update, async (c) => c.json(await services.knowledge.saveReply(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.remove, async (c) => {
    await services.knowledge.removeReply(agentActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}
