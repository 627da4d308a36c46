/** Agents' REST view of their conversations and timelines (live updates come over the socket). */
import { createRoute, z } from '@hono/zod-openapi';
import { callbackViewSchema } from '../protocol/contact-options.js';
import { CALLBACK_OUTCOMES } from '../protocol/conversation.js';
import { MAX_RECORDING_BYTES } from '../protocol/version.js';
import { AppError } from '../kernel/app-error.js';
import type { Services } from '../wiring.js';
import { requireAgent } from './require-agent.js';
import { createRouter, errorResponses } from './router.js';

const summarySchema = z.object({ id: z.string(), status: z.string(), queueId: z.string(), lastSeq: z.number() }).passthrough();
const eventSchema = z.object({ conversationId: z.string(), seq: z.number(), at: z.number(), type: z.string() }).passthrough();

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['conversations'],
  summary: "The signed-in agent's conversations, newest first",
  responses: { 200: { description: 'Conversations', content: { 'application/json': { schema: z.array(summarySchema) } } }, ...errorResponses(401) },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['conversations'],
  summary: 'One conversation, for its agent, or any supervisor (to monitor it)',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 200: { description: 'The conversation', content: { 'application/json': { schema: summarySchema } } }, ...errorResponses(401, 404) },
});

const events = createRoute({
  method: 'get',
  path: '/{id}/events',
  tags: ['conversations'],
  summary: 'Timeline events after a sequence number',
  request: {
    params: z.object({ id: z.string().max(64) }),
    query: z.object({ after: z.coerce.number().int().min(0).default(0) }),
  },
  responses: { 200: { description: 'Events in seq order', content: { 'application/json': { schema: z.array(eventSchema) } } }, ...errorResponses(401, 404) },
});

const callbackOutcome = createRoute({
  method: 'post',
  path: '/{id}/callback-outcome',
  tags: ['conversations'],
  summary: 'Record the result of calling a customer back; the conversation ends, and an unanswered call is scheduled again',
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { 'application/json': { schema: z.object({ outcome: z.enum(CALLBACK_OUTCOMES), retryAt: z.number().int().positive().optional() }) } }, required: true },
  },
  responses: { 200: { description: 'The callback', content: { 'application/json': { schema: callbackViewSchema } } }, ...errorResponses(400, 401, 404) },
});

export function conversationRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(list, async (c) => c.json(await services.conversations.listForAgent(c.get('agent').id), 200));
  router.openapi(one, async (c) => c.json(await services.conversations.summaryFor({ kind: 'agent', agent: c.get('agent') }, c.req.valid('param').id), 200));
  router.openapi(events, async (c) => {
    const { id } = c.req.valid('param');
    const { after } = c.req.valid('query');
    return c.json(await services.conversations.eventsAfter({ kind: 'agent', agent: c.get('agent') }, id, after), 200);
  });
  router.openapi(callbackOutcome, async (c) => {
    const { outcome, retryAt } = c.req.valid('json');
    return c.json(await services.callbacks.recordOutcome({ kind: 'agent', agent: c.get('agent') }, c.req.valid('param').id, outcome, retryAt), 200);
  });
  // Recordings are audio, not JSON: plain routes, described in PROTOCOL.md.
  router.post('/:id/recordings', async (c) => {
    const id = c.req.param('id');
    const mimeType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    const durationMs = Number(c.req.query('durationMs'));
    if (!/^audio\/(webm|ogg)$/.test(mimeType)) throw new AppError('invalid-input', 'send audio/webm or audio/ogg');
    if (!Number.isInteger(durationMs) || durationMs <= 0 || durationMs > 24 * 3600_000) throw new AppError('invalid-input', 'durationMs must be the recording length in milliseconds');
    if (Number(c.req.header('content-length') ?? 0) > MAX_RECORDING_BYTES) throw new AppError('invalid-input', `recordings are limited to ${MAX_RECORDING_BYTES} bytes`);
    const audio = new Uint8Array(await c.req.arrayBuffer());
    if (audio.byteLength === 0 || audio.byteLength > MAX_RECORDING_BYTES) throw new AppError('invalid-input', `a recording must have 1 to ${MAX_RECORDING_BYTES} bytes`);
    const recordingId = await services.recordings.add({ kind: 'agent', agent: c.get('agent') }, id, { mimeType, durationMs, audio });
    return c.json({ id: recordingId }, 201);
  });
  router.get('/:id/recordings/:recordingId', async (c) => {
    const found = await services.recordings.find({ kind: 'agent', agent: c.get('agent') }, c.req.param('id'), c.req.param('recordingId'));
    return c.body(Buffer.from(found.audio), 200, { 'Content-Type': found.mimeType, 'Cache-Control': 'private, max-age=3600' });
  });
  return router;
}
