/**
 * Shared files over HTTP: uploads (the widget with its visitor token, the agent app with its
 * session), signed links for those who may see a file, and the download behind a link, served so
 * that no file can ever run as a page on our origin.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Readable } from 'node:stream';
import { AppError } from '../kernel/app-error.js';
import type { Actor } from '../kernel/actor.js';
import { isInlineImage, type AttachmentRef } from '../protocol/attachments.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { requireVisitor } from './require-visitor.js';
import { access, createRouter, errorResponses, jsonOk, type AppEnv } from './router.js';

const fileId = z.string().min(1).max(64).openapi({ description: 'The file’s id, from its upload or a message’s `attachments`' });
const attachmentSchema = z
  .object({ id: z.string(), name: z.string(), mimeType: z.string().openapi({ description: 'Read from the bytes, not the name' }), size: z.number().int() })
  .openapi('Attachment');
const linkSchema = z
  .object({ url: z.string().openapi({ description: 'Relative to the server’s root; works without credentials until `expiresAt`' }), expiresAt: z.number().int() })
  .openapi('FileLink');
const binary = { schema: z.string().openapi({ format: 'binary' }) };
const uploadRequest = {
  query: z.object({ name: z.string().min(1).max(255).openapi({ description: 'The file’s name (shown to the other party; its type is read from the bytes)' }) }),
  body: { required: true, description: 'The file’s bytes, as they are', content: { 'application/octet-stream': binary } },
};
const uploadResponses = {
  201: { description: 'Stored; send a message with its id in `attachments` to share it', content: { 'application/json': { schema: attachmentSchema } } },
  ...errorResponses(400, 401, 413, 415, 429),
};

const routes = {
  visitorUpload: createRoute({ method: 'post', path: '/files', operationId: 'uploadVisitorFile', tags: ['Visitors'], security: access.visitor, summary: 'Upload a file to send in the chat', description: 'The site’s size limit and list of types apply; the type is read from the bytes (a page named .png is refused). SVG and HTML are never accepted.', request: uploadRequest, responses: uploadResponses }),
  visitorLink: createRoute({ method: 'get', path: '/files/{id}/link', operationId: 'getVisitorFileLink', tags: ['Visitors'], security: access.visitor, summary: 'A short-lived link to a file of the visitor’s conversation', request: { params: z.object({ id: fileId }) }, responses: { ...jsonOk(linkSchema, 'The link'), ...errorResponses(401, 404) } }),
  agentUpload: createRoute({ method: 'post', path: '/', operationId: 'uploadAgentFile', tags: ['Conversations'], security: access.signedIn, summary: 'Upload a file to send in a conversation', description: 'As for visitors: the site’s limit and types, the type read from the bytes.', request: uploadRequest, responses: uploadResponses }),
  agentLink: createRoute({ method: 'get', path: '/{id}/link', operationId: 'getFileLink', tags: ['Conversations'], security: access.signedIn, summary: 'A short-lived link to a file (the conversation’s agents, past and present, and supervisors)', request: { params: z.object({ id: fileId }) }, responses: { ...jsonOk(linkSchema, 'The link'), ...errorResponses(401, 404) } }),
  download: createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'downloadFile',
    tags: ['Conversations'],
    security: access.anyone,
    summary: 'A file’s bytes, behind a signed link',
    description: 'The signature is the credential (an image tag cannot send one). Raster images are served inline; everything else as an attachment, with `nosniff` and a sandboxing CSP.',
    request: { params: z.object({ id: fileId }), query: z.object({ e: z.string().openapi({ description: 'Expiry (from the link)' }), s: z.string().openapi({ description: 'Signature (from the link)' }) }) },
    responses: { 200: { description: 'The file', content: { 'application/octet-stream': binary } }, ...errorResponses(404), 410: errorResponses(410)[410]! },
  }),
};

/** Reads at most `maxBytes` of the request body; one byte more is refused without reading the rest. */
async function readCapped(c: Context<AppEnv>, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > maxBytes) throw new AppError('file-too-large', `files are limited to ${maxBytes} bytes`);
  const reader = c.req.raw.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('file-too-large', `files are limited to ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function upload(c: Context<AppEnv>, services: Services, actor: Actor) {
  const name = c.req.query('name') ?? '';
  if (!name || name.length > 255) throw new AppError('invalid-input', 'name the file (the `name` query parameter, at most 255 characters)');
  const bytes = await readCapped(c, (await services.attachments.policy()).maxBytes);
  const stored: AttachmentRef = await services.attachments.upload(actor, name, bytes);
  return c.json(stored, 201);
}

/** Mounted at /api/visitors (cross-origin, allowed origins only). */
export function visitorFileRoutes(services: Services) {
  const router = createRouter();
  router.use('/files', requireVisitor(services.visitors));
  router.use('/files/*', requireVisitor(services.visitors));
  router.openAPIRegistry.registerPath(routes.visitorUpload);
  router.post('/files', (c) => upload(c, services, { kind: 'visitor', visitorId: c.get('visitorId') }));
  router.openapi(routes.visitorLink, async (c) => c.json(await services.attachments.linkFor({ kind: 'visitor', visitorId: c.get('visitorId') }, c.req.valid('param').id), 200));
  return router;
}

/** Mounted at /api/files: agents upload and ask for links; anyone with a valid link downloads. */
export function fileRoutes(services: Services) {
  const router = createRouter();
  const signedIn = requireAgent(services.auth);
  router.openAPIRegistry.registerPath(routes.agentUpload);
  router.post('/', signedIn, (c) => upload(c, services, agentActor(c)));
  router.use('/:id/link', signedIn);
  router.openapi(routes.agentLink, async (c) => c.json(await services.attachments.linkFor(agentActor(c), c.req.valid('param').id), 200));
  router.openAPIRegistry.registerPath(routes.download);
  router.get('/:id', async (c) => {
    const { record, content } = await services.attachments.open(c.req.param('id'), c.req.query('e'), c.req.query('s'));
    const inline = isInlineImage(record.mimeType);
    return c.body(Readable.toWeb(content) as ReadableStream, 200, {
      'Content-Type': record.mimeType.startsWith('text/') ? `${record.mimeType}; charset=utf-8` : record.mimeType,
      'Content-Length': String(record.size),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', record.name),
      // Whatever a browser makes of it, nothing in it runs: no scripts, no plugins, no framing.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
      // Thumbnails show in the widget, on the customer's site: another origin.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'private, max-age=300',
    });
  });
  return router;
}

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the real name (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
