/** Calling a visitor back in the browser from their conversation: can the agent call now, and placing the call. */
import { createRoute, z } from '@hono/zod-openapi';
import { WEB_CALL_UNAVAILABLE } from '../protocol/web-call.js';
import type { Services } from '../wiring.js';
import { requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonOk } from './router.js';

const params = z.object({ id: z.string().max(64).openapi({ description: 'The conversation’s id (the visitor’s chat)' }) });
const tags = ['Conversations'];

const availabilitySchema = z
  .object({
    available: z.boolean(),
    reason: z.enum(WEB_CALL_UNAVAILABLE).optional().openapi({ description: 'Why not: the widget is not connected, the visitor turned calls off, a call is on or ringing, or the conversation is not being worked' }),
  })
  .openapi('WebCallAvailability');

const check = createRoute({
  method: 'get',
  path: '/{id}/web-call',
  operationId: 'getWebCallAvailability',
  tags,
  security: access.signedIn,
  summary: 'Whether the visitor can be called in the browser now',
  description: 'For the conversation’s agent (or one who joined it) and supervisors; anyone else is told the conversation does not exist.',
  request: { params },
  responses: { ...jsonOk(availabilitySchema, 'Whether a call can be placed, and if not why'), ...errorResponses(400, 401, 404) },
});

const place = createRoute({
  method: 'post',
  path: '/{id}/web-call',
  operationId: 'placeWebCall',
  tags,
  security: access.signedIn,
  summary: 'Call the visitor in the browser',
  description:
    'The visitor’s widget rings for 30 s. The answer arrives on the agent socket: `web-call.ring-ended` (answered, declined, unanswered), then a `call` frame when accepted. A declined or unanswered call is written into the timeline. ' +
    'Refused with 409 `visitor-not-connected`, `web-calls-off`, `call-in-progress` or `conversation-ended`.',
  request: { params },
  responses: {
    202: { description: 'Ringing', content: { 'application/json': { schema: z.object({ expiresAt: z.number().int().openapi({ description: 'When the ring stops unanswered (ms since the epoch)' }) }) } } },
    ...errorResponses(400, 401, 404, 409),
  },
});

export function webCallRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(check, async (c) => c.json(await services.webCalls.availability({ kind: 'agent', agent: c.get('agent') }, c.req.valid('param').id), 200));
  router.openapi(place, async (c) => c.json(await services.webCalls.place({ kind: 'agent', agent: c.get('agent') }, c.req.valid('param').id), 202));
  return router;
}
