/**
 * The customer behind a conversation, as agents see them: one person across visitors, devices
 * and channels, with what the site told us, what their browser showed, and every earlier
 * contact with its outcome, tags and notes.
 */
import { z } from 'zod';
import type { ConversationEvent, ConversationSummary } from './conversation.js';
import type { ConversationNote } from './notes.js';

/** Custom attributes a site may set through `Switchboard.identify({ attributes })`. */
export const MAX_ATTRIBUTES = 50;
export const attributesSchema = z
  .record(z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'), z.union([z.string().max(256), z.number().finite(), z.boolean()]))
  .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`);
export type CustomerAttributes = z.infer<typeof attributesSchema>;

/** At most this many events (`Switchboard.trackEvent`) are kept per visitor, the newest. */
export const MAX_TRACKED_EVENTS = 20;
/** Properties of one tracked event: like attributes, but fewer. */
export const MAX_EVENT_PROPERTIES = 20;
export const trackedEventSchema = z.object({
  name: z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N} _.:/-]+$/u, 'letters, digits, spaces and _ . : / - only'),
  properties: attributesSchema.refine((p) => Object.keys(p).length <= MAX_EVENT_PROPERTIES, `at most ${MAX_EVENT_PROPERTIES} properties`).optional(),
});
/** Something the visitor did on the site, as the page reported it. */
export type TrackedEvent = z.infer<typeof trackedEventSchema> & { at: number };

/** What the visitor's browser reported: recent pages, where they came from, their language and clock. */
export interface VisitorContext {
  /** Newest last, at most MAX_PAGES. */
  pages: { url: string; title?: string; at: number }[];
  referrer?: string;
  userAgent?: string;
  language?: string;
  /** IANA zone, for the customer's local time. */
  timeZone?: string;
  /** What the page reported through `Switchboard.trackEvent`, newest last, at most MAX_TRACKED_EVENTS. */
  events?: TrackedEvent[];
  /** What the page set through `Switchboard.setConversationAttributes`, for the conversation the visitor has or starts. */
  conversationAttributes?: CustomerAttributes;
}
export const MAX_PAGES = 20;

export const visitorContextFrameSchema = z.object({
  page: z.object({ url: z.string().max(2048), title: z.string().max(512).optional() }),
  referrer: z.string().max(2048).optional(),
  language: z.string().max(35).optional(),
  timeZone: z.string().max(64).optional(),
});

/** One earlier (or current) contact of the customer. */
export type CustomerContact = ConversationSummary & { tags: string[]; notes: ConversationNote[]; firstMessage?: string };

export interface CustomerProfile {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  /** The site vouched for this customer's user id (HMAC). */
  verified: boolean;
  externalId?: string;
  attributes: CustomerAttributes;
  /** The most recently seen visitor's browser context. */
  context?: VisitorContext;
  /** Every contact on every channel, newest first. */
  contacts: CustomerContact[];
  /** Merges and splits, newest first. */
  audit: { action: string; actor: string; detail: string; at: number }[];
  /**
   * Addresses this customer gave (unverified) that another customer gave too. Only the address
   * is shown: the other customer's name and history stay hidden until an agent links them.
   */
  possibleMatches?: PossibleMatch[];
}

/** "Someone else also gave this address": link (one person) or dismiss ("not them"). */
export interface PossibleMatch {
  /** The suggestion's id, for POST /api/conversations/{id}/customer/matches/{matchId}/link or /dismiss. */
  id: string;
  kind: 'email' | 'phone';
  /** The address as this customer gave it (case-folded, or + and digits). */
  value: string;
}

/** A customer's timeline: events of all their conversations, each tagged with its conversation. */
export type CustomerTimeline = { conversation: ConversationSummary; events: ConversationEvent[] }[];

/** Agents who have the customer open right now. */
export interface CustomerViewers {
  customerId: string;
  agents: { id: string; name: string }[];
}
