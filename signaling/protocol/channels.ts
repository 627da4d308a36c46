/**
 * Messages from outside (SMS gateways, social-media bridges) and the webhooks we send to
 * integrators. Both directions are signed the same way:
 *
 *   X-Switchboard-Timestamp: <unix seconds>
 *   X-Switchboard-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *
 * A request older or newer than SIGNATURE_TOLERANCE_SECONDS is refused, and each inbound
 * message id is taken once, so a captured request cannot be replayed.
 */
import { z } from 'zod';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './attachments.js';
import { MAX_MESSAGE_LENGTH } from './version.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-events.js';

export { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-events.js';

export const SIGNATURE_HEADER = 'x-switchboard-signature';
export const TIMESTAMP_HEADER = 'x-switchboard-timestamp';
export const EVENT_HEADER = 'x-switchboard-event';
export const DELIVERY_HEADER = 'x-switchboard-delivery';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The string that is signed: the timestamp, a dot, and the raw body. */
export const signedPayload = (timestamp: string, body: string): string => `${timestamp}.${body}`;

export const inboundChannelMessageSchema = z.object({
  /** The channel's own id for the message; a second request with it is a replay. */
  id: z.string().min(1).max(200),
  from: z.object({
    /** Who wrote, in the channel's terms (a phone number, a handle): the same id is the same customer. */
    id: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(120).optional(),
    phone: z.string().trim().min(3).max(32).optional(),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
  }),
  /** May be empty when the message carries media. */
  text: z.string().trim().max(MAX_MESSAGE_LENGTH).default(''),
  /**
   * Files the customer sent (an MMS picture, a WhatsApp document): fetched by the server from
   * the public internet (http or https) under the site's file policy, the type read from the
   * bytes. One that cannot be fetched becomes a line in the message instead; the message is kept.
   */
  media: z
    .array(z.object({ url: z.string().min(1).max(2048), contentType: z.string().max(127).optional() }))
    .max(MAX_ATTACHMENTS_PER_MESSAGE, `at most ${MAX_ATTACHMENTS_PER_MESSAGE} files a message`)
    .optional(),
}).refine((m) => m.text.length > 0 || (m.media?.length ?? 0) > 0, { path: ['text'], message: 'a message needs text or media' }).meta({ id: 'InboundChannelMessage', examples: [{ id: 'SM5f8e2b', from: { id: '+4915112345678', name: 'Maria Gomez', phone: '+4915112345678' }, text: 'Where is my order #1042?', media: [{ url: 'https://gateway.example/media/MM81f2/receipt.jpg', contentType: 'image/jpeg' }] }] });
export type InboundChannelMessage = z.infer<typeof inboundChannelMessageSchema>;

export const inboundChannelReceiptSchema = z.object({ conversationId: z.string(), seq: z.number() }).meta({ id: 'InboundReceipt', description: 'The conversation the message joined, and its place in the timeline.' });


/** The body of every webhook POST. */
export interface WebhookEnvelope<T = unknown> {
  /** Unique per delivery (also in DELIVERY_HEADER): a receiver that saw it already can ignore it. */
  id: string;
  event: WebhookEvent | 'reply';
  at: number;
  data: T;
}

/** What a channel's outbound URL receives when an agent replies: `event` is `reply`. */
export interface ChannelReply {
  conversationId: string;
  /** The customer, in the channel's terms. */
  to: string;
  text: string;
  agent: { id: string; name: string };
  /** The agent's files: signed addresses that work without credentials for an hour (`expiresAt`). */
  media?: { url: string; contentType: string; name: string; size: number; expiresAt: number }[];
}

export const channelCreateSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** Queue slug the channel's conversations enter. */
  queue: z.string().min(1).max(64),
  outboundUrl: z.url({ protocol: /^https?$/ }).optional(),
}).meta({ id: 'ChannelCreate' });
export const channelSchema = z.object({
  id: z.string(),
  name: z.string(),
  queueId: z.string(),
  outboundUrl: z.string().optional(),
  /** Shown when created and to admins; signs both directions. */
  secret: z.string(),
  createdAt: z.number(),
}).meta({ id: 'Channel' });
export type ChannelView = z.infer<typeof channelSchema>;

export const webhookCreateSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
}).meta({ id: 'WebhookCreate' });
export const webhookSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), secret: z.string(), createdAt: z.number() })
  .meta({ id: 'Webhook' });
export type WebhookView = z.infer<typeof webhookSchema>;

/** A routing rule for new e-mail, as the admin API returns it (first match wins). */
export interface MailRuleView {
  keywords: string[];
  in: 'subject' | 'subject-and-text';
  /** Queue slug. */
  queue: string;
}

/** A queue's callback policy, and when the widget offers alternatives to waiting (absent: never). */
export interface ContactOptionsView {
  offerAlternativesAfterMs?: number | null;
  callbackRetryMs: number;
  callbackMaxAttempts: number;
}
