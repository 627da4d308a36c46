/** The conversation model both ends agree on: parties, statuses and timeline events. */
import type { AttachmentRef } from './attachments.js';
import type { CobrowseEndReason } from './cobrowse.js';
import type { WebCallOutcome } from './web-call.js';

/** Lifecycle of a conversation. `queued` waits for an agent; `active` has one. */
export const ConversationStatus = {
  queued: 'queued',
  active: 'active',
  ended: 'ended',
} as const;
export type ConversationStatus = (typeof ConversationStatus)[keyof typeof ConversationStatus];

/** How the customer reached us; each is a contact channel of the ACD with its own capacity. */
export const CHANNELS = ['chat', 'voice', 'email', 'message'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Where a conversation came from, when not from the widget's chat or call button: a callback
 * the visitor asked for, an e-mail (or the widget's offline form), or an outside channel.
 */
export type ConversationSource = 'callback' | 'email' | `channel:${string}`;

/** What the agent records after calling a customer back. `retry`: call again at a time they name. */
export const CALLBACK_OUTCOMES = ['reached', 'no-answer', 'retry', 'wrong-number'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** Who did something in a conversation. */
export type PartyKind = 'visitor' | 'agent' | 'system';

export interface Party {
  kind: PartyKind;
  id: string;
  /** Display name; agents always have one, visitors once they identify. */
  name?: string;
}

/**
 * Why the system (not a person) ended a conversation: routing could not queue it, or `erased`
 * (an admin erased the customer's data, or the visitor asked to delete the conversation).
 */
export type EndReason = 'queue-full' | 'closed' | 'max-wait' | 'no-route' | 'connection-lost' | 'erased';

/** Outcome codes an agent records at wrap-up. */
export const DISPOSITIONS = ['resolved', 'follow-up', 'escalated', 'wrong-number', 'spam', 'other'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** What a timeline event says, keyed on `type`. */
export type ConversationEventBody =
  /** `text` may be empty when the message carries files. */
  | { type: 'message'; author: Party; text: string; clientId?: string; attachments?: AttachmentRef[] }
  | { type: 'agent-joined'; agent: Party }
  | { type: 'agent-left'; agent: Party }
  | { type: 'ended'; by: Party; reason?: EndReason; /** Calls: time from answer to hang-up. */ talkMs?: number }
  /** Calls: one side put the call on hold, or took it off. */
  | { type: 'call-held'; by: Party }
  | { type: 'call-resumed'; by: Party }
  /** Calls: the visitor allowed recording, or withdrew it (which stops any recording). */
  | { type: 'recording-consent'; given: boolean }
  /** Calls: a recording was stored; agents play it from `/api/conversations/{id}/recordings/{recordingId}`. */
  | { type: 'recording'; recordingId: string; durationMs: number; by: Party }
  /** Calls: the agent played a voice reply into the call (its title as it was then). */
  | { type: 'voice-clip'; clipId: string; title: string; by: Party }
  /** The conversation moved to another agent or queue; `note` is the agent's hand-over. */
  | { type: 'transferred'; from: Party; to: { kind: 'agent' | 'queue'; id: string; name: string }; note?: string }
  /**
   * An agent escalated the conversation to the next tier of its queue (`tier`), where a
   * specialist takes over. The customer sees that a specialist is taking over; the agent's
   * reason is not here but in the hand-over note, which staff alone read.
   */
  | { type: 'escalated'; from: Party; tier: number; queue: { id: string; name: string } }
  /** Co-browsing: asked, started, declined, control asked/granted/taken back, ended (with why). */
  | { type: 'cobrowse'; action: CobrowseAction; by: Party; reason?: CobrowseEndReason }
  /** A callback fell due: call `phone` (E.164); `attempt` counts from 1. */
  | { type: 'callback'; phone: string; attempt: number; requestedAt: number; asap: boolean; /** Where the visitor asked for it. */ page?: { url?: string; title?: string } }
  /** The agent's result of calling back; `retryAt` when another attempt is scheduled. */
  | { type: 'callback-outcome'; outcome: CallbackOutcome; by: Party; retryAt?: number }
  /** The automatic answer the customer was sent (an e-mail acknowledgement with its reference). */
  | { type: 'auto-reply'; text: string; /** The acknowledgement's reference, so each app words it in its own language. */ reference?: string }
  /** The bot's answer to the visitor's first question (articles), and whether they then asked for a person. */
  | { type: 'bot'; articles: { id: string; title: string }[]; handedOff: boolean }
  /** The proactive invitation the visitor replied to, shown first: its text and who signed it (absent: the team). */
  | { type: 'invitation'; invitationId: string; text: string; sender?: string }
  /** An agent called the visitor in the browser and the visitor declined or did not answer (an answered one is the call itself). */
  | { type: 'web-call'; outcome: WebCallOutcome; agent: Party }
  /**
   * Something the page reported the visitor did (`Switchboard.trackEvent`) while the conversation
   * was open: its name and at most MAX_TIMELINE_EVENT_PROPERTIES of its properties, strings cut to
   * MAX_TIMELINE_PROPERTY_LENGTH. Staff read it; the widget shows nothing for it.
   */
  | { type: 'visitor-event'; name: string; properties?: Record<string, string | number | boolean> };

/** A tracked event keeps this many properties in a timeline (the screen pop has them all). */
export const MAX_TIMELINE_EVENT_PROPERTIES = 5;
/** A property's text in a timeline is cut to this many characters. */
export const MAX_TIMELINE_PROPERTY_LENGTH = 80;

export const COBROWSE_ACTIONS = ['requested', 'started', 'declined', 'control-requested', 'control-granted', 'control-revoked', 'ended'] as const;
export type CobrowseAction = (typeof COBROWSE_ACTIONS)[number];

/**
 * One entry of a conversation's timeline. `seq` counts from 1 per conversation without
 * gaps, so a client that has seen up to `seq` asks for everything after it.
 */
export type ConversationEvent = ConversationEventBody & {
  conversationId: string;
  seq: number;
  /** Milliseconds since the epoch, server clock. */
  at: number;
};

/** What a party knows about a conversation without reading its timeline. */
export interface ConversationSummary {
  id: string;
  status: ConversationStatus;
  channel: Channel;
  queueId: string;
  visitor: { id: string; name?: string; email?: string; phone?: string };
  agent?: { id: string; name: string };
  /** Sequence of the newest timeline event. */
  lastSeq: number;
  /** Highest seq the visitor and the agent have read. */
  visitorReadSeq: number;
  agentReadSeq: number;
  createdAt: number;
  endedAt?: number;
  /** The outcome the agent recorded at wrap-up. */
  disposition?: Disposition;
  /** The visitor's rating, 1 (poor) to 5 (great), given after the end. */
  rating?: number;
  /** Absent for the widget's chats and calls. */
  source?: ConversationSource;
  /** E-mail: the subject of the thread. */
  subject?: string;
  /** The customer's language (from their browser), for canned-reply variants and spell checking. */
  language?: string;
}
