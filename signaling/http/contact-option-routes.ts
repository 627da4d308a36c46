/**
 * The widget's alternatives to a live chat (cross-origin, allowed origins only): the queue's
 * state, booking and cancelling a callback, and leaving a message. The visitor's signed token
 * comes as `Authorization: Bearer <token>`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import {
  callbackRequestSchema,
  callbackViewSchema,
  offlineMessageReceiptSchema,
  offlineMessageSchema,
  queueStatusQuerySchema,
  queueStatusSchema,
} from '../protocol/contact-options.js';
import { AppError } from '../kernel/app-error.js';
import { RateLimiter } from '../kernel/rate-limiter.js';
import type { Services } from '../wiring.js';
import { requireVisitor } from './require-visitor.js';
import { access, createRouter, errorResponses, jsonBody, jsonOk, type AppEnv } from './router.js';

const visitor = { tags: ['Visitors'], security: access.visitor };

const routes = {
  status: createRoute({ method: 'get', path: '/queue-status', operationId: 'getQueueStatus', tags: ['Visitors'], security: access.anyone, summary: 'Whether a queue is open and staffed, its expected wait, and bookable callback times', description: 'Without `queue`, the default queue.', request: { query: queueStatusQuerySchema }, responses: { ...jsonOk(queueStatusSchema, 'The queue now'), ...errorResponses(400, 404) } }),
  book: createRoute({ method: 'post', path: '/callbacks', operationId: 'bookCallback', ...visitor, summary: 'Book a callback, as soon as possible or at one of the bookable times', description: 'Retrying with the same `id` returns the same callback. Limited to a few per visitor an hour.', request: jsonBody(callbackRequestSchema), responses: { ...jsonOk(callbackViewSchema, 'The callback'), ...errorResponses(400, 401, 429) } }),
  pending: createRoute({ method: 'get', path: '/callbacks', operationId: 'listVisitorCallbacks', ...visitor, summary: "The visitor's callbacks still to come", responses: { ...jsonOk(z.array(callbackViewSchema), 'Callbacks, soonest first'), ...errorResponses(401) } }),
  cancel: createRoute({ method: 'delete', path: '/callbacks/{id}', operationId: 'cancelCallback', ...visitor, summary: 'Cancel a callback (not once an agent is dialling)', request: { params: z.object({ id: z.string().max(64).openapi({ description: 'The callback’s id' }) }) }, responses: { ...jsonOk(callbackViewSchema, 'The cancelled callback'), ...errorResponses(400, 401, 404) } }),
  leave: createRoute({ method: 'post', path: '/messages', operationId: 'leaveMessage', ...visitor, summary: 'Leave a message, answered by e-mail', description: 'An acknowledgement with a reference is mailed at once. Retrying with the same `id` files it once. Limited to a few per visitor an hour.', request: jsonBody(offlineMessageSchema), responses: { ...jsonOk(offlineMessageReceiptSchema, 'Where it was filed'), ...errorResponses(400, 401, 429) } }),
};

export function contactOptionRoutes(services: Services) {
  const router = createRouter();
  // Booking sends mail and rings phones: a few per visitor an hour is plenty for a person.
  const limiter = new RateLimiter(10, 3_600_000);

  const visitorOnly = requireVisitor(services.visitors);
  const limited: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!limiter.take(c.get('visitorId'), Date.now())) throw new AppError('rate-limited', 'too many requests; try again later');
    await next();
  };
  router.use('/callbacks', visitorOnly);
  router.use('/callbacks/*', visitorOnly);
  router.use('/messages', visitorOnly);
  router.on('POST', ['/callbacks', '/messages'], limited);

  router.openapi(routes.status, async (c) => {
    const [status, menu, files] = await Promise.all([services.callbacks.queueStatus(c.req.valid('query').queue), services.topicMenu.read(), services.filePolicy.read()]);
    return c.json({ ...status, ...(menu.topics.length ? { topics: menu.topics } : {}), files: { maxBytes: files.maxBytes, types: files.types } }, 200);
  });
  router.openapi(routes.book, async (c) => c.json(await services.callbacks.request(c.get('visitorId'), c.req.valid('json')), 200));
  router.openapi(routes.pending, async (c) => c.json(await services.callbacks.pendingFor(c.get('visitorId')), 200));
  router.openapi(routes.cancel, async (c) => c.json(await services.callbacks.cancel(c.get('visitorId'), c.req.valid('param').id), 200));
  router.openapi(routes.leave, async (c) => c.json(await services.email.leaveMessage(c.get('visitorId'), c.req.valid('json')), 200));
  return router;
}
