/**
 * The site's file policy over REST, mounted at /api/admin/file-policy: admins read and replace the
 * size limit and the types of shared files. The widget learns the limit with the queue status.
 */
import { createRoute } from '@hono/zod-openapi';
import { filePolicySchema } from '../protocol/file-policy.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonBody, jsonOk } from './router.js';

const admin = { tags: ['Integrations'], security: access.signedIn };
const policy = jsonOk(filePolicySchema, 'The file policy');

const routes = {
  read: createRoute({ method: 'get', path: '/', operationId: 'getFilePolicy', ...admin, summary: 'The size limit and the types of files visitors, agents, mails and channels may share (admins)', responses: { ...policy, ...errorResponses(401, 403) } }),
  save: createRoute({
    method: 'put',
    path: '/',
    operationId: 'saveFilePolicy',
    ...admin,
    summary: 'Replace the file policy',
    description: 'The limit is 1 KB to 100 MB; the types come from a known list (HTML, SVG and script are never on it). Applies to the next file; files already shared stay.',
    request: jsonBody(filePolicySchema),
    responses: { ...policy, ...errorResponses(400, 401, 403) },
  }),
};

export function filePolicyRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth, ['admin']));
  router.openapi(routes.read, async (c) => c.json(await services.filePolicy.read(), 200));
  router.openapi(routes.save, async (c) => c.json(await services.filePolicy.save(agentActor(c), c.req.valid('json')), 200));
  return router;
}
