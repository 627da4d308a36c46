/**
 * What the widget offers besides a live chat: the queue's state (open, agents free, the wait),
 * a callback at a time the visitor picks, and a message left for later (answered by e-mail).
 * REST shapes, validated by the server; the widget imports the types only.
 */
import { z } from 'zod';
import { preChatFormSchema } from './pre-chat-form.js';
import { topicSchema } from './topic-menu.js';
import { MAX_MESSAGE_LENGTH } from './version.js';

/** Slots offered for a scheduled callback: every half hour the queue is open, this many days ahead. */
export const CALLBACK_SLOT_MINUTES = 30;
export const CALLBACK_DAYS_AHEAD = 7;
/** "Soon", for a queue that sets no threshold for offering alternatives. */
export const DEFAULT_SOON_MS = 120_000;

export const queueStatusQuerySchema = z.object({ queue: z.string().min(1).max(64).optional().meta({ description: 'The queue’s slug; the default queue without it', example: 'billing' }) });

export const queueStatusSchema = z.object({
  queue: z.object({ slug: z.string(), name: z.string() }),
  /** Inside business hours (always, when the queue has none). */
  open: z.boolean(),
  agentsAvailable: z.number(),
  estimatedWaitMs: z.number().optional(),
  /** Offer a callback or a message instead of waiting longer than this. */
  offerAlternativesAfterMs: z.number().optional(),
  /**
   * Per channel, whether a contact started now can expect an agent soon (within the
   * alternatives threshold, or two minutes): an agent who takes that channel is free or will be.
   * The widget offers "Call us" only when `voice` is true, and a callback otherwise.
   */
  answerSoon: z.object({ chat: z.boolean(), voice: z.boolean() }),
  /** Start times (ms since the epoch) a callback may be booked for, in order. */
  callbackSlots: z.array(z.number()),
  /** Present only when the queue asks a first-time visitor for details before a chat starts. */
  preChatForm: preChatFormSchema.optional(),
  /** The site's topic menu, present only when an admin set one: the widget asks the visitor to pick before chatting. */
  topics: z.array(topicSchema).optional(),
  /** The site's file policy as the widget needs it: the paperclip names the limit, a larger file is refused before it is sent, and the picker offers the types. */
  files: z.object({ maxBytes: z.number(), types: z.array(z.string()) }).optional(),
}).meta({ id: 'QueueStatus' });
export type QueueStatus = z.infer<typeof queueStatusSchema>;

const locale = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).max(35);
const page = z.object({ url: z.string().max(2048), title: z.string().max(512) }).partial();
const clientId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

export const callbackRequestSchema = z.object({
  /** Retrying with the same id returns the same callback. */
  id: clientId,
  /** As typed; the server validates it and stores it in E.164. */
  phone: z.string().trim().min(3).max(32),
  /** `asap`, or the start of one of the queue's callback slots. */
  when: z.union([z.literal('asap'), z.number().int().positive()]),
  queue: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(120).optional(),
  /** The visitor's language (navigator.language); its region is the default country of the number. */
  locale: locale.optional(),
  page: page.optional(),
}).meta({ id: 'CallbackRequest', examples: [{ id: 'cb-4f1d2a7e', phone: '+49 30 1234567', when: 'asap', name: 'Maria Gomez', locale: 'de-DE' }] });
export type CallbackRequest = z.infer<typeof callbackRequestSchema>;

export const CALLBACK_STATUSES = ['scheduled', 'queued', 'done', 'cancelled', 'failed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const callbackViewSchema = z.object({
  id: z.string(),
  /** E.164 */
  phone: z.string(),
  asap: z.boolean(),
  dueAt: z.number(),
  status: z.enum(CALLBACK_STATUSES),
  attempts: z.number(),
}).meta({ id: 'Callback' });
export type CallbackView = z.infer<typeof callbackViewSchema>;

export const offlineMessageSchema = z.object({
  id: clientId,
  name: z.string().trim().min(1).max(120),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  message: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
  queue: z.string().min(1).max(64).optional(),
  locale: locale.optional(),
  page: page.optional(),
}).meta({ id: 'OfflineMessage' });
export type OfflineMessage = z.infer<typeof offlineMessageSchema>;

export const offlineMessageReceiptSchema = z.object({
  conversationId: z.string(),
  /** Quoted in the acknowledgement mail's subject, and what the visitor can quote to us. */
  reference: z.string(),
}).meta({ id: 'OfflineMessageReceipt' });
export type OfflineMessageReceipt = z.infer<typeof offlineMessageReceiptSchema>;

/** The short reference customers see for a conversation: the first 8 characters of its id, upper case. */
export const conversationReference = (conversationId: string): string => conversationId.replace(/-/g, '').slice(0, 8).toUpperCase();
