/**
 * Voice replies (issue 22): the team's clips (supervisors and admins keep them, every agent lists
 * them), and during a call a clip's audio for the conversation and the record that it played.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { voiceClipInputSchema, voiceClipSchema, type VoiceClipInput } from '../protocol/voice-clip-schemas.js';
import { MAX_VOICE_CLIP_BYTES, MAX_VOICE_CLIP_TEXT } from '../protocol/voice-clips.js';
import { AppError } from '../kernel/app-error.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonOk, noContent, type AppEnv } from './router.js';

const tags = { tags: ['Voice replies'], security: access.signedIn };
/** A form's fields beside the uploaded file (the multipart form the Library sends for a recording). */
const uploadForm = voiceClipInputSchema.omit({ text: true }).extend({ audio: z.string().openapi({ format: 'binary', description: `Opus in WebM or Ogg, or WAV, at most ${MAX_VOICE_CLIP_BYTES} bytes; the type is read from the bytes` }) });
const clipBody = {
  required: true,
  description: `A text to speak (JSON, \`text\` up to ${MAX_VOICE_CLIP_TEXT} characters), or a recording (multipart form with \`audio\`). Anything but Opus/WebM, Opus/Ogg or WAV, or above 2 MB, is refused with 400.`,
  content: { 'application/json': { schema: voiceClipInputSchema }, 'multipart/form-data': { schema: uploadForm } },
};
const one = jsonOk(voiceClipSchema, 'The clip');

const routes = {
  list: createRoute({ method: 'get', path: '/', operationId: 'listVoiceClips', ...tags, summary: 'The team’s voice replies, by shortcut slot', responses: { ...jsonOk(z.array(voiceClipSchema), 'Voice replies'), ...errorResponses(401) } }),
  create: createRoute({ method: 'post', path: '/', operationId: 'createVoiceClip', ...tags, summary: 'Add a voice reply: a text spoken by the server, or a recording (supervisors, admins)', request: { body: clipBody }, responses: { ...one, ...errorResponses(400, 401, 403) } }),
  update: createRoute({ method: 'put', path: '/{id}', operationId: 'updateVoiceClip', ...tags, summary: 'Change a voice reply; a recording keeps its audio unless a new one is sent (supervisors, admins)', request: { ...idParam, body: clipBody }, responses: { ...one, ...errorResponses(400, 401, 403, 404) } }),
  remove: createRoute({ method: 'delete', path: '/{id}', operationId: 'deleteVoiceClip', ...tags, summary: 'Remove a voice reply (supervisors, admins)', request: idParam, responses: { ...noContent, ...errorResponses(401, 403, 404) } }),
};

const inCall = { tags: ['Voice replies'], security: access.signedIn };
const callParams = { params: z.object({ id: z.string().max(64).openapi({ description: 'The call’s conversation id' }), clipId: z.string().max(64).openapi({ description: 'The voice reply’s id' }) }) };
const audio = (mimeType: string) => ({ schema: { type: 'string' as const, contentMediaType: mimeType } });
const callRoutes = {
  audio: createRoute({
    method: 'get',
    path: '/{id}/voice-clips/{clipId}/audio',
    operationId: 'getVoiceClipAudio',
    ...inCall,
    summary: 'A voice reply’s audio for this call (the call’s parties and supervisors)',
    description: 'A spoken clip’s variables (`{{customer.first_name}}` and the others canned replies know) are filled in for this conversation before it is spoken (WAV).',
    request: callParams,
    responses: { 200: { description: 'The audio', content: { 'audio/wav': audio('audio/wav'), 'audio/webm': audio('audio/webm'), 'audio/ogg': audio('audio/ogg') } }, ...errorResponses(401, 404, 429) },
  }),
  plays: createRoute({
    method: 'post',
    path: '/{id}/voice-clips/{clipId}/plays',
    operationId: 'recordVoiceClipPlay',
    ...inCall,
    summary: 'Record in the call’s timeline that a voice reply played (the call’s agent)',
    request: callParams,
    responses: { 204: { description: 'Recorded: the timeline has a `voice-clip` event' }, ...errorResponses(400, 401, 404, 409) },
  }),
};

/** A clip request's fields and, from a multipart form, the uploaded recording's bytes. */
async function readClipRequest(c: Context<AppEnv>): Promise<{ input: VoiceClipInput; upload: Uint8Array | undefined }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let fields: unknown;
  let upload: Uint8Array | undefined;
  if (type === 'application/json') {
    fields = await c.req.json().catch(() => {
      throw new AppError('invalid-input', 'the body is not JSON');
    });
  } else if (type === 'multipart/form-data') {
    // A little room for the form's other fields; the file itself is checked again below.
    if (Number(c.req.header('content-length') ?? 0) > MAX_VOICE_CLIP_BYTES + 64 * 1024) throw new AppError('invalid-input', `a voice clip may have at most ${MAX_VOICE_CLIP_BYTES} bytes (2 MB)`, [{ path: 'audio', message: 'too-large' }]);
    const form = await c.req.parseBody().catch(() => {
      throw new AppError('invalid-input', 'the form could not be read');
    });
    const { audio: file, ...rest } = form;
    if (file instanceof File) upload = new Uint8Array(await file.arrayBuffer());
    else if (file !== undefined) throw new AppError('invalid-input', 'send the recording as the file field `audio`', [{ path: 'audio', message: 'not a file' }]);
    // A form sends every field as text; an empty one means "none".
    fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== ''));
  } else throw new AppError('invalid-input', 'send JSON (a text to speak) or a multipart form (a recording)');
  const parsed = voiceClipInputSchema.safeParse(fields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('invalid-input', `invalid request: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`, issues);
  }
  return { input: parsed.data, upload };
}

/** `/api/voice-clips`: the team's clips. */
export function voiceClipRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(routes.list, async (c) => c.json(await services.voiceClips.list(), 200));
  router.openapi(routes.remove, async (c) => {
    await services.voiceClips.remove(agentActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  // Two body types (JSON or a multipart upload): plain routes, described for the document only.
  router.openAPIRegistry.registerPath(routes.create);
  router.openAPIRegistry.registerPath(routes.update);
  router.post('/', async (c) => {
    // Who may change clips is checked before the body is read: an agent's upload is not even parsed.
    if (c.get('agent').role === 'agent') throw new AppError('forbidden', 'only supervisors and admins change the team’s voice replies');
    const { input, upload } = await readClipRequest(c);
    return c.json(await services.voiceClips.create(agentActor(c), input, upload), 200);
  });
  router.put('/:id', async (c) => {
    if (c.get('agent').role === 'agent') throw new AppError('forbidden', 'only supervisors and admins change the team’s voice replies');
    const { input, upload } = await readClipRequest(c);
    return c.json(await services.voiceClips.update(agentActor(c), c.req.param('id'), input, upload), 200);
  });
  return router;
}

/** `/api/conversations/{id}/voice-clips/…`: a clip's audio for a call, and that it played. */
export function callVoiceClipRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openAPIRegistry.registerPath(callRoutes.audio);
  router.get('/:id/voice-clips/:clipId/audio', async (c) => {
    const { audio, mimeType } = await services.voiceClips.audioFor(agentActor(c), c.req.param('id'), c.req.param('clipId'));
    // Private: a spoken clip may carry the customer's name.
    return c.body(Buffer.from(audio), 200, { 'Content-Type': mimeType, 'Cache-Control': 'private, no-store' });
  });
  router.openapi(callRoutes.plays, async (c) => {
    const { id, clipId } = c.req.valid('param');
    await services.voiceClips.recordPlay(agentActor(c), id, clipId);
    return c.body(null, 204);
  });
  return router;
}
