/** Agents' REST view of their conversations and timelines (live updates come over the socket). */
import { createRoute, z } from '@hono/zod-openapi';
import { callbackViewSchema } from '../protocol/contact-options.js';
import { CALLBACK_OUTCOMES } from '../protocol/conversation.js';
import { MAX_ESCALATION_REASON, MAX_RECORDING_BYTES } from '../protocol/version.js';
import { AppError } from '../kernel/app-error.js';
import type { Services } from '../wiring.js';
import { requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonBody, jsonOk } from './router.js';
import { conversationEventSchema, conversationSummarySchema } from './response-schemas.js';

const conversationId = z.string().max(64).openapi({ description: 'The conversation’s id', example: '3f2b8c1e-6d4a-4b7e-9a51-2c8d0e7f4a19' });
const agentOnly = { tags: ['Conversations'], security: access.signedIn };

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listConversations',
  ...agentOnly,
  summary: "The signed-in agent's conversations, newest first",
  responses: { ...jsonOk(z.array(conversationSummarySchema), 'Conversations'), ...errorResponses(401) },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getConversation',
  ...agentOnly,
  summary: 'One conversation, for its agent, or any supervisor (to monitor it)',
  request: { params: z.object({ id: conversationId }) },
  responses: { ...jsonOk(conversationSummarySchema, 'The conversation'), ...errorResponses(400, 401, 404) },
});

const events = createRoute({
  method: 'get',
  path: '/{id}/events',
  operationId: 'listConversationEvents',
  ...agentOnly,
  summary: 'Timeline events after a sequence number',
  description: 'A client that holds events up to `after` asks for the rest; live events arrive on the agent socket.',
  request: {
    params: z.object({ id: conversationId }),
    query: z.object({ after: z.coerce.number().int().min(0).default(0).openapi({ description: 'The last sequence number the client holds' }) }),
  },
  responses: { ...jsonOk(z.array(conversationEventSchema), 'Events in seq order'), ...errorResponses(400, 401, 404) },
});

const callbackOutcome = createRoute({
  method: 'post',
  path: '/{id}/callback-outcome',
  operationId: 'recordCallbackOutcome',
  ...agentOnly,
  summary: 'Record the result of calling a customer back',
  description: 'The conversation ends; an unanswered call is scheduled again (`retry` at `retryAt`).',
  request: {
    params: z.object({ id: conversationId }),
    ...jsonBody(z.object({ outcome: z.enum(CALLBACK_OUTCOMES), retryAt: z.number().int().positive().optional().openapi({ description: 'When to call again (milliseconds since the epoch), with `retry`' }) })),
  },
  responses: { ...jsonOk(callbackViewSchema, 'The callback'), ...errorResponses(400, 401, 403, 404) },
});

const escalate = createRoute({
  method: 'post',
  path: '/{id}/escalate',
  operationId: 'escalateConversation',
  ...agentOnly,
  summary: 'Escalate a conversation to the next tier of its queue (its agent only)',
  description:
    'The conversation waits at the head of its queue for the agents of the next deeper tier (as the queue’s members are configured), keeping its timeline and customer. The reason goes into the hand-over note the next agent reads; the customer sees that a specialist is taking over. Past the last tier: 400, and nothing changes.',
  request: {
    params: z.object({ id: conversationId }),
    ...jsonBody(z.object({ reason: z.string().trim().min(1).max(MAX_ESCALATION_REASON).openapi({ description: 'Why it needs the next tier: the next agent reads it', example: 'Refund above my limit' }) }).strict()),
  },
  responses: { ...jsonOk(z.object({ tier: z.number().int().min(2).openapi({ description: 'The tier it now waits for' }) }).openapi('Escalated'), 'Escalated'), ...errorResponses(400, 401, 403, 404, 409) },
});

// Recordings are audio, not JSON: plain routes (below), described here for the OpenAPI document only.
const audio = (mimeType: string) => ({ schema: { type: 'string' as const, contentMediaType: mimeType } });

const uploadRecording = createRoute({
  method: 'post',
  path: '/{id}/recordings',
  operationId: 'uploadRecording',
  ...agentOnly,
  summary: "Store a call's recording (the call's agent, with the caller's consent)",
  description: `The raw audio as the browser's MediaRecorder made it, at most ${MAX_RECORDING_BYTES} bytes. Refused unless the caller's latest word in the timeline was consent; the timeline gets a \`recording\` event.`,
  request: {
    params: z.object({ id: conversationId }),
    query: z.object({ durationMs: z.number().int().min(1).max(24 * 3600_000).openapi({ description: 'The recording’s length in milliseconds' }) }),
    body: { required: true, content: { 'audio/webm': audio('audio/webm'), 'audio/ogg': audio('audio/ogg') } },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: z.object({ id: z.string().openapi({ description: 'The recording’s id' }) }).openapi('RecordingCreated') } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const downloadRecording = createRoute({
  method: 'get',
  path: '/{id}/recordings/{recordingId}',
  operationId: 'downloadRecording',
  ...agentOnly,
  summary: 'Play a recording (staff who may read the conversation)',
  request: { params: z.object({ id: conversationId, recordingId: z.string().max(64).openapi({ description: 'From the timeline’s `recording` event' }) }) },
  responses: {
    200: { description: 'The audio, in the type it was uploaded as', content: { 'audio/webm': audio('audio/webm'), 'audio/ogg': audio('audio/ogg') } },
    ...errorResponses(401, 404),
  },
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
  router.openapi(escalate, async (c) => {
    return c.json(await services.placement.escalate({ kind: 'agent', agent: c.get('agent') }, c.req.valid('param').id, c.req.valid('json').reason), 200);
  });
  // Recordings are audio, not JSON: plain routes (the OpenAPI validators would read a JSON body).
  router.openAPIRegistry.registerPath(uploadRecording);
  router.openAPIRegistry.registerPath(downloadRecording);
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
