/**
 * Signed machine-to-machine intake: messages from outside channels, and inbound mail for
 * servers that forward mail by HTTP instead of SMTP. Both are plain routes (the raw body is
 * what is signed), described in PROTOCOL.md and, for the OpenAPI document, by the definitions below.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { inboundChannelMessageSchema, inboundChannelReceiptSchema, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, TIMESTAMP_HEADER } from '../protocol/channels.js';
import { AppError } from '../kernel/app-error.js';
import type { Services } from '../wiring.js';
import { MAX_MAIL_BYTES, parseInboundMail } from '../mail/inbound-mail.js';
import { verify } from '../kernel/signature.js';
import { access, createRouter, errorResponses } from './router.js';
import { mailReceiptSchema } from './response-schemas.js';

/** Channel messages are small; this bounds what is read before the signature is checked. */
const MAX_CHANNEL_BODY_BYTES = 64 * 1024;

/** `x-switchboard-signature` as people write it: `X-Switchboard-Signature`. */
const displayed = (header: string) => header.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

const SIGNING = `Signed with the shared secret: \`${displayed(SIGNATURE_HEADER)}: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>\` with \`${displayed(TIMESTAMP_HEADER)}\` in Unix seconds, at most ${SIGNATURE_TOLERANCE_SECONDS} seconds from the server's clock.`;

/** The signature headers, as documented parameters (the handlers read them from the raw request). */
const signedHeaders = z.object({
  [displayed(TIMESTAMP_HEADER)]: z.string().regex(/^\d{1,12}$/).openapi({ description: 'When the request was signed, in Unix seconds', example: '1767225600' }),
  [displayed(SIGNATURE_HEADER)]: z.string().regex(/^sha256=[0-9a-f]{64}$/).openapi({ description: 'sha256= and the hex HMAC-SHA256 of "<timestamp>.<raw body>"', example: `sha256=${'0'.repeat(64)}` }),
});

const receiveChannelMessage = createRoute({
  method: 'post',
  path: '/channels/{id}/messages',
  operationId: 'receiveChannelMessage',
  tags: ['Inbound'],
  security: access.anyone,
  summary: 'Take a message from an outside channel (SMS gateway, social-media bridge)',
  description: `${SIGNING} The channel's secret is shown to admins when it is created. Each message \`id\` is taken once: a replay is refused. The message joins the sender's open conversation on this channel, or opens one. At most ${MAX_CHANNEL_BODY_BYTES} bytes.`,
  request: {
    params: z.object({ id: z.string().max(64).openapi({ description: 'The channel’s id' }) }),
    headers: signedHeaders,
    body: { required: true, content: { 'application/json': { schema: inboundChannelMessageSchema } } },
  },
  responses: {
    202: { description: 'Taken', content: { 'application/json': { schema: inboundChannelReceiptSchema } } },
    ...errorResponses(400, 401, 404, 409),
  },
});

const receiveInboundEmail = createRoute({
  method: 'post',
  path: '/inbound/email',
  operationId: 'receiveInboundEmail',
  tags: ['Inbound'],
  security: access.anyone,
  summary: 'Take an e-mail forwarded by HTTP (when INBOUND_MAIL_SECRET is set)',
  description: `The raw RFC 5322 message as received, at most ${MAX_MAIL_BYTES} bytes. ${SIGNING} The secret is INBOUND_MAIL_SECRET; without it this operation answers 404. A reply joins its thread's conversation; a message id seen before is not taken twice.`,
  request: {
    headers: signedHeaders,
    body: { required: true, content: { 'message/rfc822': { schema: { type: 'string', example: 'From: Maria Gomez <maria@example.com>\r\nTo: help@example.com\r\nSubject: Order #1042\r\n\r\nWhere is my order?\r\n' } } } },
  },
  responses: {
    202: { description: 'Taken', content: { 'application/json': { schema: mailReceiptSchema } } },
    ...errorResponses(400, 401, 404),
  },
});

async function readBody(c: { req: { header(name: string): string | undefined; arrayBuffer(): Promise<ArrayBuffer> } }, limit: number): Promise<Buffer> {
  if (Number(c.req.header('content-length') ?? 0) > limit) throw new AppError('invalid-input', `the body is limited to ${limit} bytes`);
  const body = Buffer.from(await c.req.arrayBuffer());
  if (body.byteLength > limit) throw new AppError('invalid-input', `the body is limited to ${limit} bytes`);
  return body;
}

export function inboundRoutes(services: Services, options: { inboundMailSecret?: string }) {
  const router = createRouter();
  // Plain routes: the signature covers the raw body, which the OpenAPI validators would parse first.
  router.openAPIRegistry.registerPath(receiveChannelMessage);
  router.openAPIRegistry.registerPath(receiveInboundEmail);
  router.post('/channels/:id/messages', async (c) => {
    const body = await readBody(c, MAX_CHANNEL_BODY_BYTES);
    const receipt = await services.channels.receive(c.req.param('id'), { body: body.toString('utf8'), timestamp: c.req.header(TIMESTAMP_HEADER), signature: c.req.header(SIGNATURE_HEADER) });
    return c.json(receipt, 202);
  });
  router.post('/inbound/email', async (c) => {
    if (!options.inboundMailSecret) throw new AppError('not-found', 'the inbound mail webhook is off (set INBOUND_MAIL_SECRET)');
    const raw = await readBody(c, MAX_MAIL_BYTES);
    const problem = verify(options.inboundMailSecret, c.req.header(TIMESTAMP_HEADER), c.req.header(SIGNATURE_HEADER), raw.toString('utf8'), Date.now());
    if (problem) throw new AppError('invalid-signature', `the request's signature is ${problem}`);
    return c.json(await services.email.receive(await parseInboundMail(raw)), 202);
  });
  return router;
}
