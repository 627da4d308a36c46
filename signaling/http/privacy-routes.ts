/**
 * Customers' data: admins export or erase a customer and set retention, list visitors'
 * deletion requests and decide them; a visitor asks, from the widget, to delete their conversation.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { RateLimiter } from '../kernel/rate-limiter.js';
import { AppError } from '../kernel/app-error.js';
import { deletionReceiptSchema, deletionRequestSchema, DELETION_REQUEST_STATUSES, eraseRequestSchema, erasureReportSchema, retentionSettingsSchema, retentionUpdateSchema } from '../protocol/privacy.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { requireVisitor } from './require-visitor.js';
import { createRouter, errorResponses, idParam, jsonBody, jsonOk } from './router.js';

/** Cookie sessions, checked by requireAgent (admins only, below). */
const signedIn = [{ cookieAuth: [] }];

const routes = {
  exportCustomer: createRoute({ operationId: 'exportCustomer', security: signedIn, method: 'get', path: '/{id}/export', tags: ['Privacy'], summary: 'Everything stored about a customer, as one zip: customer.json and each call recording (audited)', request: idParam, responses: { 200: { description: 'The archive', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses(401, 403, 404) } }),
  eraseCustomer: createRoute({ operationId: 'eraseCustomer', security: signedIn, method: 'post', path: '/{id}/erase', tags: ['Privacy'], summary: "Erase a customer: conversations, recordings, identities, notes; KPIs keep anonymous facts (audited). `confirm` repeats the id", request: { ...idParam, ...jsonBody(eraseRequestSchema) }, responses: { ...jsonOk(erasureReportSchema, 'What was erased, by count'), ...errorResponses(400, 401, 403, 404) } }),
  getRetention: createRoute({ operationId: 'getRetention', security: signedIn, method: 'get', path: '/retention', tags: ['Privacy'], summary: 'How long conversations, recordings and attachments are kept, and how visitors’ deletion requests are handled', responses: { ...jsonOk(retentionSettingsSchema, 'Settings'), ...errorResponses(401, 403) } }),
  setRetention: createRoute({ operationId: 'setRetention', security: signedIn, method: 'put', path: '/retention', tags: ['Privacy'], summary: 'Change retention settings (days; null keeps forever) and the visitor deletion mode (audited)', request: jsonBody(retentionUpdateSchema), responses: { ...jsonOk(retentionSettingsSchema, 'Settings'), ...errorResponses(400, 401, 403) } }),
  listRequests: createRoute({ operationId: 'listDeletionRequests', security: signedIn, method: 'get', path: '/deletion-requests', tags: ['Privacy'], summary: "Visitors' requests to delete a conversation, newest first", request: { query: z.object({ status: z.enum(DELETION_REQUEST_STATUSES).optional().openapi({ description: 'Only requests in this state' }) }) }, responses: { ...jsonOk(z.array(deletionRequestSchema), 'Requests'), ...errorResponses(400, 401, 403) } }),
  approve: createRoute({ operationId: 'approveDeletionRequest', security: signedIn, method: 'post', path: '/deletion-requests/{id}/approve', tags: ['Privacy'], summary: 'Erase the conversation as the visitor asked (audited)', request: idParam, responses: { ...jsonOk(deletionRequestSchema, 'The request'), ...errorResponses(400, 401, 403, 404) } }),
  reject: createRoute({ operationId: 'rejectDeletionRequest', security: signedIn, method: 'post', path: '/deletion-requests/{id}/reject', tags: ['Privacy'], summary: 'Keep the conversation (audited)', request: idParam, responses: { ...jsonOk(deletionRequestSchema, 'The request'), ...errorResponses(400, 401, 403, 404) } }),
  visitorRequest: createRoute({ operationId: 'requestConversationDeletion', method: 'post', path: '/conversations/{id}/deletion-request', tags: ['Visitors'], security: [{ visitorToken: [] }], summary: 'The visitor asks to delete their conversation: erased at once or queued for an admin, as configured', request: idParam, responses: { ...jsonOk(deletionReceiptSchema, 'What happened'), ...errorResponses(401, 404, 429) } }),
};

/** Mounted at /api/customers: admins only. */
export function customerPrivacyRoutes(services: Services) {
  const router = createRouter();
  router.use('/:id/export', requireAgent(services.auth, ['admin']));
  router.use('/:id/erase', requireAgent(services.auth, ['admin']));
  router.openapi(routes.exportCustomer, async (c) => {
    const { filename, stream } = await services.privacy.exportCustomer(agentActor(c), c.req.valid('param').id);
    return c.body(stream, 200, { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' });
  });
  router.openapi(routes.eraseCustomer, async (c) => c.json(await services.privacy.eraseCustomer(agentActor(c), c.req.valid('param').id, c.req.valid('json').confirm), 200));
  return router;
}

/** Mounted at /api/privacy: admins only. */
export function privacyRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth, ['admin']));
  router.openapi(routes.getRetention, async (c) => c.json(await services.privacy.retention(agentActor(c)), 200));
  router.openapi(routes.setRetention, async (c) => c.json(await services.privacy.setRetention(agentActor(c), c.req.valid('json')), 200));
  router.openapi(routes.listRequests, async (c) => c.json(await services.deletionRequests.list(agentActor(c), c.req.valid('query').status), 200));
  router.openapi(routes.approve, async (c) => c.json(await services.deletionRequests.approve(agentActor(c), c.req.valid('param').id), 200));
  router.openapi(routes.reject, async (c) => c.json(await services.deletionRequests.reject(agentActor(c), c.req.valid('param').id), 200));
  return router;
}

/** Mounted at /api/visitors (cross-origin, allowed origins only). */
export function visitorDeletionRoutes(services: Services) {
  const router = createRouter();
  // A person asks once or twice; a script asking for thousands is refused.
  const limiter = new RateLimiter(10, 3_600_000);
  router.use('/conversations/:id/deletion-request', requireVisitor(services.visitors), async (c, next) => {
    if (!limiter.take(c.get('visitorId'), Date.now())) throw new AppError('rate-limited', 'too many requests; try again later');
    await next();
  });
  router.openapi(routes.visitorRequest, async (c) => c.json(await services.deletionRequests.request(c.get('visitorId'), c.req.valid('param').id), 200));
  return router;
}
