/**
 * Signed machine-to-machine intake: messages from outside channels, and inbound mail for
 * servers that forward mail by HTTP instead of SMTP. Both are plain routes (the raw body is
 * what is signed), described in PROTOCOL.md and the OpenAPI document's description.
 */
import { Hono } from 'hono';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../protocol/channels.js';
import { AppError } from '../kernel/app-error.js';
import type { Services } from '../wiring.js';
import { MAX_MAIL_BYTES, parseInboundMail } from '../mail/inbound-mail.js';
import { verify } from '../kernel/signature.js';
import type { AppEnv } from './router.js';

/** Channel messages are small; this bounds what is read before the signature is checked. */
const MAX_CHANNEL_BODY_BYTES = 64 * 1024;

async function readBody(c: { req: { header(name: string): string | undefined; arrayBuffer(): Promise<ArrayBuffer> } }, limit: number): Promise<Buffer> {
  if (Number(c.req.header('content-length') ?? 0) > limit) throw new AppError('invalid-input', `the body is limited to ${limit} bytes`);
  const body = Buffer.from(await c.req.arrayBuffer());
  if (body.byteLength > limit) throw new AppError('invalid-input', `the body is limited to ${limit} bytes`);
  return body;
}

export function inboundRoutes(services: Services, options: { inboundMailSecret?: string }) {
  const router = new Hono<AppEnv>();
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
