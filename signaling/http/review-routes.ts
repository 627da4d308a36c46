/** Review before sending: supervisors list, approve and return held replies; agents resubmit their own; admins mark who is reviewed. */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../kernel/app-error.js';
import type { AgentRole } from '../protocol/presence.js';
import { approveReplySchema, heldReplySchema, resubmitReplySchema, returnReplySchema, reviewFlagSchema, reviewItemSchema, reviewSettingsSchema } from '../protocol/reply-review.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody, jsonOk, type AppEnv } from './router.js';

const common = { tags: ['Reply review'], security: access.signedIn };
const reply = jsonOk(heldReplySchema, 'The reply');

const routes = {
  pending: createRoute({ operationId: 'listRepliesForReview', method: 'get', path: '/', ...common, summary: 'Replies waiting for review, oldest first, with their conversation’s context (supervisors, admins)', responses: { ...jsonOk(z.array(reviewItemSchema), 'Replies'), ...errorResponses(401, 403) } }),
  approve: createRoute({ operationId: 'approveReply', method: 'post', path: '/{id}/approve', ...common, summary: 'Approve a reply, as written or edited: it becomes the agent’s message and goes to the customer (supervisors, admins; not one’s own)', request: { ...idParam, ...jsonBody(approveReplySchema) }, responses: { ...reply, ...errorResponses(400, 401, 403, 404, 409) } }),
  return: createRoute({ operationId: 'returnReply', method: 'post', path: '/{id}/return', ...common, summary: 'Return a reply to its agent with a comment; nothing is sent (supervisors, admins; not one’s own)', request: { ...idParam, ...jsonBody(returnReplySchema) }, responses: { ...reply, ...errorResponses(400, 401, 403, 404, 409) } }),
  resubmit: createRoute({ operationId: 'resubmitReply', method: 'post', path: '/{id}/resubmit', ...common, summary: 'The agent sends a returned reply, reworked, for review again (their own only)', request: { ...idParam, ...jsonBody(resubmitReplySchema) }, responses: { ...reply, ...errorResponses(400, 401, 404, 409) } }),
  settings: createRoute({ operationId: 'getReviewSettings', method: 'get', path: '/settings', ...common, summary: 'Agents and queues whose e-mail and channel replies need review (admins)', responses: { ...jsonOk(reviewSettingsSchema, 'Who is reviewed'), ...errorResponses(401, 403) } }),
  agentFlag: createRoute({ operationId: 'setAgentReview', method: 'put', path: '/settings/agents/{id}', ...common, summary: 'Mark a person’s replies as needing review, or clear it (admins)', request: { ...idParam, ...jsonBody(reviewFlagSchema) }, responses: { ...jsonOk(reviewSettingsSchema, 'Who is reviewed'), ...errorResponses(400, 401, 403, 404) } }),
  queueFlag: createRoute({ operationId: 'setQueueReview', method: 'put', path: '/settings/queues/{id}', ...common, summary: 'Mark a queue’s replies as needing review, or clear it (admins)', request: { ...idParam, ...jsonBody(reviewFlagSchema) }, responses: { ...jsonOk(reviewSettingsSchema, 'Who is reviewed'), ...errorResponses(400, 401, 403, 404) } }),
};

/** Lets through only the signed-in agent of these roles (behind requireAgent). */
const only = (roles: AgentRole[]): MiddlewareHandler<AppEnv> =>
  async function requireRole(c, next) {
    if (!roles.includes(c.get('agent').role)) throw new AppError('forbidden', 'your role may not do this');
    await next();
  };

export function reviewRoutes(services: Services) {
  const review = services.replyReview;
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.use('/settings', only(['admin']));
  router.use('/settings/*', only(['admin']));
  router.use('/', only(['supervisor', 'admin']));
  router.use('/:id/approve', only(['supervisor', 'admin']));
  router.use('/:id/return', only(['supervisor', 'admin']));
  router.openapi(routes.pending, async (c) => c.json(await review.pending(), 200));
  router.openapi(routes.approve, async (c) => c.json(await review.approve(c.get('agent'), c.req.valid('param').id, c.req.valid('json').text), 200));
  router.openapi(routes.return, async (c) => c.json(await review.returnToAgent(c.get('agent'), c.req.valid('param').id, c.req.valid('json').comment), 200));
  router.openapi(routes.resubmit, async (c) => c.json(await review.resubmit(c.get('agent'), c.req.valid('param').id, c.req.valid('json').text), 200));
  router.openapi(routes.settings, async (c) => c.json(await review.settings(), 200));
  router.openapi(routes.agentFlag, async (c) => c.json(await review.setFlag(agentActor(c), 'agent', c.req.valid('param').id, c.req.valid('json').repliesNeedReview), 200));
  router.openapi(routes.queueFlag, async (c) => c.json(await review.setFlag(agentActor(c), 'queue', c.req.valid('param').id, c.req.valid('json').repliesNeedReview), 200));
  return router;
}
