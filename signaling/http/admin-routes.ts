/** Routing administration: queues, members, agents' skills and capacities. Admins change; supervisors read. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  agentRoutingSchema,
  agentViewSchema,
  queueCreateSchema,
  queueMemberSchema,
  queueUpdateSchema,
  queueViewSchema,
} from '../protocol/admin.js';
import type { AdminService } from '../routing/admin-service.js';
import type { AuthService } from '../auth/auth-service.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonBody, jsonOk, idParam } from './router.js';


const admin = { tags: ['Routing administration'], security: access.signedIn };

const routes = {
  listQueues: createRoute({ operationId: 'listQueues', method: 'get', path: '/queues', ...admin, summary: 'Queues with their routing settings and members (admins, supervisors)', responses: { ...jsonOk(z.array(queueViewSchema), 'Queues'), ...errorResponses(401, 403) } }),
  createQueue: createRoute({ operationId: 'createQueue', method: 'post', path: '/queues', ...admin, summary: 'Create a queue', request: jsonBody(queueCreateSchema), responses: { ...jsonOk(queueViewSchema, 'The new queue'), ...errorResponses(400, 401, 403) } }),
  updateQueue: createRoute({ operationId: 'updateQueue', method: 'patch', path: '/queues/{id}', ...admin, summary: 'Change a queue’s settings (null clears an optional one)', request: { ...idParam, ...jsonBody(queueUpdateSchema) }, responses: { ...jsonOk(queueViewSchema, 'The queue'), ...errorResponses(400, 401, 403, 404) } }),
  setMembers: createRoute({ operationId: 'setQueueMembers', method: 'put', path: '/queues/{id}/members', ...admin, summary: 'Replace the agents serving a queue, with tier and order', request: { ...idParam, ...jsonBody(z.array(queueMemberSchema).max(1000)) }, responses: { ...jsonOk(queueViewSchema, 'The queue'), ...errorResponses(400, 401, 403, 404) } }),
  listAgents: createRoute({ operationId: 'listAgents', method: 'get', path: '/agents', ...admin, summary: 'Agents with their skills and capacities (admins, supervisors)', responses: { ...jsonOk(z.array(agentViewSchema), 'Agents'), ...errorResponses(401, 403) } }),
  updateAgent: createRoute({ operationId: 'updateAgentRouting', method: 'patch', path: '/agents/{id}/routing', ...admin, summary: 'Change an agent’s skills or capacity per channel', request: { ...idParam, ...jsonBody(agentRoutingSchema) }, responses: { ...jsonOk(agentViewSchema, 'The agent'), ...errorResponses(400, 401, 403, 404) } }),
};

export function adminRoutes(auth: AuthService, admin: AdminService) {
  const router = createRouter();
  const readers = requireAgent(auth, ['admin', 'supervisor']);
  const writers = requireAgent(auth, ['admin']);
  router.use('*', async (c, next) => (c.req.method === 'GET' ? readers(c, next) : writers(c, next)));
  router.openapi(routes.listQueues, async (c) => c.json(await admin.listQueues(), 200));
  router.openapi(routes.createQueue, async (c) => c.json(await admin.createQueue(agentActor(c), c.req.valid('json')), 200));
  router.openapi(routes.updateQueue, async (c) => c.json(await admin.updateQueue(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.setMembers, async (c) => c.json(await admin.setMembers(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.listAgents, async (c) => c.json(await admin.listAgents(), 200));
  router.openapi(routes.updateAgent, async (c) => c.json(await admin.updateAgentRouting(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  return router;
}
