/**
 * Frames a client sends on its socket, as zod schemas. The server validates every inbound
 * frame with these; clients import only the inferred types (`import type`), so no
 * validation code reaches the widget bundle.
 */
import { z } from 'zod';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './attachments.js';
import { DISPOSITIONS } from './conversation.js';
import { attributesSchema, trackedEventSchema, visitorContextFrameSchema } from './customers.js';
import { preChatAnswersSchema } from './pre-chat-form.js';
import { AGENT_STATUSES, CHOOSABLE_BREAK_REASONS } from './presence.js';
import { CLIENT_ID_MAX, CLIENT_ID_MIN, MAX_MESSAGE_LENGTH } from './version.js';

/** A client-generated id: the server acknowledges a frame by echoing it. */
export const clientIdSchema = z
  .string()
  .min(CLIENT_ID_MIN)
  .max(CLIENT_ID_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

const conversationId = z.string().min(1).max(64);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const hello = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** Visitors only: the signed identity issued by `POST /api/visitors`. */
  token: z.string().max(512).optional(),
});

const sync = z.object({ type: z.literal('sync'), id: clientIdSchema, conversationId, afterSeq: seq });
const read = z.object({ type: z.literal('read'), conversationId, seq: seq.min(1) });
const typing = z.object({ type: z.literal('typing'), conversationId, isTyping: z.boolean() });
const end = z.object({ type: z.literal('conversation.end'), id: clientIdSchema, conversationId });
const send = z.object({
  type: z.literal('message.send'),
  id: clientIdSchema,
  conversationId,
  /** Empty only when the message carries files. */
  text: z.string().trim().max(MAX_MESSAGE_LENGTH, `a message is at most ${MAX_MESSAGE_LENGTH} characters; nothing was sent`),
  /** Files uploaded first (`POST /api/visitors/files`, `POST /api/files`): the message is sent once they are stored. */
  attachments: z.array(z.string().min(1).max(64)).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
}).refine((m) => m.text.length > 0 || (m.attachments?.length ?? 0) > 0, { path: ['text'], message: 'a message needs text or a file' });

const start = z.object({
  type: z.literal('conversation.start'),
  id: clientIdSchema,
  /** Queue slug chosen by the embedding page; the default queue when absent. */
  queue: z.string().min(1).max(64).optional(),
  page: z.object({ url: z.string().max(2048), title: z.string().max(512) }).partial().optional(),
  /** The visitor's language (navigator.language), for routing and reports. */
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).max(35).optional(),
  /** The visitor asked the bot first and now wants a person: the question and the articles it offered. */
  handoff: z
    .object({
      question: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
      articles: z.array(z.object({ id: z.string().min(1).max(64), title: z.string().max(160) })).max(5),
    })
    .optional(),
  /** Answers to the queue's pre-chat form; a first chat in a queue with a form needs them. */
  preChat: preChatAnswersSchema.optional(),
  /** The visitor is replying to this proactive invitation: its text opens the conversation. */
  invitationId: z.string().min(1).max(64).optional(),
  /** The topic-menu label the visitor chose (its main label): the agent sees it beside the conversation. */
  topic: z.string().trim().min(1).max(60).optional(),
});

/** A voice call from the widget: a conversation on the voice channel. The page asked for the microphone first. */
const callStart = start.extend({ type: z.literal('call.start') }).omit({ invitationId: true });
/** Either party puts the call on hold (`held`) or takes it off; both sides see it. */
/** The visitor allows (or stops allowing) the agent to record this call. */
const callConsent = z.object({ type: z.literal('call.consent'), id: clientIdSchema, conversationId, recording: z.boolean() });
const callHold = z.object({ type: z.literal('call.hold'), id: clientIdSchema, conversationId, held: z.boolean() });
/** Either party hangs up a call an agent placed to the visitor's browser; the chat goes on. */
const callHangup = z.object({ type: z.literal('call.hangup'), id: clientIdSchema, conversationId });
/** Visitors: answer an agent's call ringing in the widget (`web-call.ring`). */
const webCallAnswer = z.object({ type: z.literal('web-call.answer'), id: clientIdSchema, conversationId, accept: z.boolean() });
/** Visitors: turn calls from agents off (or back on); kept for this visitor. */
const webCallSettings = z.object({ type: z.literal('web-call.settings'), id: clientIdSchema, off: z.boolean() });

/** Agents: ask the visitor to share their page; ask for remote control once they do. */
const cobrowseRequest = z.object({ type: z.literal('cobrowse.request'), id: clientIdSchema, conversationId });
const cobrowseControlRequest = z.object({ type: z.literal('cobrowse.control-request'), id: clientIdSchema, conversationId });
/** Visitors: share the page (answering a request, or offering it), decline, or allow/take back control. */
const cobrowseAccept = z.object({ type: z.literal('cobrowse.accept'), id: clientIdSchema, conversationId });
const cobrowseDecline = z.object({ type: z.literal('cobrowse.decline'), id: clientIdSchema, conversationId });
const cobrowseControl = z.object({ type: z.literal('cobrowse.control'), id: clientIdSchema, conversationId, allowed: z.boolean() });
/** Either party ends the co-browse session (the conversation goes on). */
const cobrowseStop = z.object({ type: z.literal('cobrowse.stop'), id: clientIdSchema, conversationId });

const rate = z.object({ type: z.literal('conversation.rate'), id: clientIdSchema, conversationId, rating: z.number().int().min(1).max(5) });

const identify = z.object({
  type: z.literal('visitor.identify'),
  id: clientIdSchema,
  name: z.string().trim().min(1).max(120).optional(),
  email: z.string().trim().max(254).pipe(z.email()).optional(),
  phone: z.string().trim().min(3).max(32).regex(/^[+0-9 ().-]+$/, 'digits, spaces and + ( ) . - only').optional(),
  /** The site's own user id, with `userHash` = hex HMAC-SHA256(identity secret, userId) from the site's backend. */
  userId: z.string().min(1).max(128).optional(),
  userHash: z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hex digits').optional(),
  /** Custom attributes shown to agents (plan, account id…). */
  attributes: attributesSchema.optional(),
});

/** `Switchboard.trackEvent(name, properties)`: shown in the agent's screen pop. */
const visitorEvent = trackedEventSchema.extend({ type: z.literal('visitor.event'), id: clientIdSchema });
/** `Switchboard.setConversationAttributes({...})`: shown to the agent beside the conversation. */
const conversationAttributes = z.object({ type: z.literal('visitor.conversation-attributes'), id: clientIdSchema, attributes: attributesSchema });

/** Each page the visitor opens: for the agent's screen pop (pages visited, referrer, language, local time). */
const visitorContext = visitorContextFrameSchema.extend({ type: z.literal('visitor.context') });

/** Agents: an internal note on a conversation, for whoever serves the customer next (never shown to them). */
const noteAdd = z.object({ type: z.literal('note.add'), id: clientIdSchema, conversationId, text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) });

/** Agents: the customer of a conversation is on screen (or no longer). */
const customerView = z.object({ type: z.literal('customer.view'), id: clientIdSchema, conversationId, viewing: z.boolean() });

const presence = z.object({
  type: z.literal('presence.set'),
  id: clientIdSchema,
  status: z.enum(AGENT_STATUSES),
  /** Why the agent is away; only with status `away`. */
  reason: z.enum(CHOOSABLE_BREAK_REASONS).optional(),
});
const wrapUpDone = z.object({
  type: z.literal('wrap-up.done'),
  id: clientIdSchema,
  /** The outcome of the conversation that started the wrap-up; required when its queue says so. */
  disposition: z.enum(DISPOSITIONS).optional(),
});
const accept = z.object({ type: z.literal('offer.accept'), id: clientIdSchema, conversationId });
const decline = z.object({ type: z.literal('offer.decline'), id: clientIdSchema, conversationId });

/** Hands the conversation to another agent, or back to a queue, with a note the next agent reads. */
const transfer = z.object({
  type: z.literal('conversation.transfer'),
  id: clientIdSchema,
  conversationId,
  to: z.union([z.object({ agentId: z.string().min(1).max(64) }).strict(), z.object({ queueId: z.string().min(1).max(64) }).strict()]),
  note: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH).optional(),
});

/** Supervisors: watch a live conversation, whisper to its agent, or join it visibly. */
const monitorStart = z.object({ type: z.literal('monitor.start'), id: clientIdSchema, conversationId });
const monitorStop = z.object({ type: z.literal('monitor.stop'), id: clientIdSchema, conversationId });
const whisper = z.object({ type: z.literal('whisper'), id: clientIdSchema, conversationId, text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) });
const barge = z.object({ type: z.literal('barge'), id: clientIdSchema, conversationId });

/** Everything a visitor's widget may send. */
export const visitorFrameSchema = z.discriminatedUnion('type', [
  hello, start, callStart, callHold, callConsent, send, sync, read, typing, end, identify, rate,
  cobrowseAccept, cobrowseDecline, cobrowseControl, cobrowseStop, visitorContext, visitorEvent, conversationAttributes,
  callHangup, webCallAnswer, webCallSettings,
]);
/** Everything an agent's app may send. */
export const agentFrameSchema = z.discriminatedUnion('type', [
  hello, send, sync, read, typing, end, presence, accept, decline, wrapUpDone, callHold, transfer, monitorStart, monitorStop, whisper, barge,
  cobrowseRequest, cobrowseControlRequest, cobrowseStop, customerView, noteAdd, callHangup,
]);

export type VisitorFrame = z.infer<typeof visitorFrameSchema>;
export type AgentFrame = z.infer<typeof agentFrameSchema>;
export type ClientFrame = VisitorFrame | AgentFrame;
