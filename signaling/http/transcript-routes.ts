/** Transcripts over HTTP: downloads for the conversation's parties, and mail to its visitor. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TranscriptFile } from '../files/transcript-service.js';
import { emailAddressSchema } from '../protocol/email-address.js';
import type { Services } from '../wiring.js';
import { contentDisposition } from './file-routes.js';
import { agentActor, requireAgent } from './require-agent.js';
import { requireVisitor } from './require-visitor.js';
import { access, createRouter, errorResponses, jsonBody, type AppEnv } from './router.js';

const conversationId = z.string().min(1).max(64).openapi({ description: 'The conversation’s id' });
const format = z.object({ format: z.enum(['text', 'html']).default('text').openapi({ description: 'Plain text (the default) or an HTML page' }) });
const download = { 200: { description: 'The transcript, as a file to save (in the conversation’s language)', content: { 'text/plain': { schema: z.string() }, 'text/html': { schema: z.string() } } } };

const routes = {
  agent: createRoute({ method: 'get', path: '/{id}/transcript', operationId: 'downloadTranscript', tags: ['Conversations'], security: access.signedIn, summary: 'Download a conversation’s transcript (its agents, past and present, and supervisors)', request: { params: z.object({ id: conversationId }), query: format }, responses: { ...download, ...errorResponses(400, 401, 404) } }),
  visitor: createRoute({ method: 'get', path: '/conversations/{id}/transcript', operationId: 'downloadVisitorTranscript', tags: ['Visitors'], security: access.visitor, summary: 'Download the visitor’s own conversation', request: { params: z.object({ id: conversationId }), query: format }, responses: { ...download, ...errorResponses(400, 401, 404) } }),
  mail: createRoute({ method: 'post', path: '/conversations/{id}/transcript/email', operationId: 'mailVisitorTranscript', tags: ['Visitors'], security: access.visitor, summary: 'Mail the visitor’s conversation to them, files as links (a few per hour)', request: { params: z.object({ id: conversationId }), ...jsonBody(z.object({ email: emailAddressSchema })) }, responses: { 202: { description: 'Queued in the mail outbox' }, ...errorResponses(400, 401, 404, 429) } }),
};

const send = (c: Context<AppEnv>, file: TranscriptFile) =>
  c.body(file.body, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition('attachment', file.fileName),
    // Saved, not shown; and were it shown, nothing in it could run.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
    'Cache-Control': 'no-store',
  });

/** Mounted at /api/conversations (signed-in staff). */
export function transcriptRoutes(services: Services) {
  const router = createRouter();
  router.use('/:id/transcript', requireAgent(services.auth));
  router.openapi(routes.agent, async (c) => send(c, await services.transcripts.download(agentActor(c), c.req.valid('param').id, c.req.valid('query').format)) as never);
  return router;
}

/** Mounted at /api/visitors (cross-origin, allowed origins only). */
export function visitorTranscriptRoutes(services: Services) {
  const router = createRouter();
  router.use('/conversations/:id/transcript', requireVisitor(services.visitors));
  router.use('/conversations/:id/transcript/*', requireVisitor(services.visitors));
  router.openapi(routes.visitor, async (c) => send(c, await services.transcripts.download({ kind: 'visitor', visitorId: c.get('visitorId') }, c.req.valid('param').id, c.req.valid('query').format)) as never);
  router.openapi(routes.mail, async (c) => {
    await services.transcripts.mailToVisitor(c.get('visitorId'), c.req.valid('param').id, c.req.valid('json').email);
    return c.body(null, 202);
  });
  return router;
}
