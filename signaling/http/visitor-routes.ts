/** Anonymous visitor identities for the widget (cross-origin, allowed origins only). */
import { createRoute } from '@hono/zod-openapi';
import { visitorSessionRequestSchema, visitorSessionSchema } from '../protocol/api.js';
import type { VisitorService } from '../conversations/visitor-service.js';
import { access, createRouter, errorResponses } from './router.js';

const openSession = createRoute({
  method: 'post',
  path: '/',
  operationId: 'openVisitorSession',
  tags: ['Visitors'],
  summary: 'Issue a signed visitor identity, or resume the one in `token`',
  description: 'Called by the widget on pages of allowed sites (CORS). An invalid or unknown token is not an error: a new identity is issued instead. The token is the `visitorToken` credential of the other visitor operations.',
  security: access.anyone,
  request: { body: { content: { 'application/json': { schema: visitorSessionRequestSchema } }, required: true } },
  responses: {
    200: { description: 'The visitor identity', content: { 'application/json': { schema: visitorSessionSchema } } },
    ...errorResponses(400),
  },
});

export function visitorRoutes(visitors: VisitorService) {
  const router = createRouter();
  router.openapi(openSession, async (c) => c.json(await visitors.openSession(c.req.valid('json').token), 200));
  return router;
}
