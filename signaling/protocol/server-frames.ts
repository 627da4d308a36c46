/** Frames the server sends, keyed on `type`. Built only by the server, so types suffice. */
import type { CallView, IceConfig, PeerCredentials } from './call.js';
import type { CobrowseView } from './cobrowse.js';
import type { Channel, ConversationEvent, ConversationSource, ConversationSummary, PartyKind } from './conversation.js';
import type { ErrorReason } from './errors.js';
import type { AgentStatus, BreakReason } from './presence.js';
import type { ConversationNote } from './notes.js';
import type { HeldReply } from './reply-review.js';
import type { CustomerViewers } from './customers.js';
import type { Wallboard } from './wallboard.js';
import type { WebCallRingEnd } from './web-call.js';

import type { AgentProfile } from './api.js';

export type { AgentProfile } from './api.js';

/** A contact offered to one agent, who accepts or declines before `expiresAt`. */
export interface Offer {
  conversationId: string;
  queueId: string;
  queueName: string;
  channel: Channel;
  visitor: { id: string; name?: string; email?: string };
  /** The first words of the visitor's latest message, if any. */
  preview?: string;
  /** A callback to dial, an e-mail, a channel's message: not the widget's chat or call. */
  source?: ConversationSource;
  /** E-mail: the thread's subject. */
  subject?: string;
  /**
   * A browser call: the agent's own peer for it, so their app connects while the offer rings and
   * Answer only answers. The peer can reach nobody until the agent is assigned the call.
   */
  call?: { peer: PeerCredentials; ice: IceConfig };
  expiresAt: number;
}

/** Why an offer went away before the agent answered it. */
export type OfferWithdrawnReason = 'timeout' | 'taken' | 'cancelled';

/** Why a session ended from elsewhere. */
export type SignOutReason = 'deactivated' | 'role-changed' | 'password-changed' | 'signed-out-elsewhere';

export type ServerFrame =
  | {
      type: 'welcome';
      protocol: number;
      role: 'visitor';
      visitor: { id: string; name?: string; email?: string; phone?: string };
      conversations: ConversationSummary[];
      /** The visitor turned calls from agents off (`web-call.settings`). */
      webCallsOff: boolean;
    }
  | {
      type: 'welcome';
      protocol: number;
      role: 'agent';
      agent: AgentProfile;
      status: AgentStatus;
      breakReason?: BreakReason;
      /** Set while the agent is in after-contact work. */
      wrapUp?: { conversationId: string; dispositionRequired: boolean; until?: number };
      conversations: ConversationSummary[];
      offers: Offer[];
    }
  /** This app window's session ended (deactivated, signed out from another device, new role or password): sign in again. */
  | { type: 'signed-out'; reason: SignOutReason }
  /** The frame with this client id is stored (when it carried data) and done. */
  | { type: 'ack'; id: string; conversationId?: string; seq?: number }
  | { type: 'error'; id?: string; reason: ErrorReason; message: string }
  /** Timeline events in seq order: live (one event) or the answer to `sync`. */
  | { type: 'events'; conversationId: string; events: ConversationEvent[] }
  | { type: 'typing'; conversationId: string; party: PartyKind; name?: string; isTyping: boolean }
  | { type: 'read'; conversationId: string; party: PartyKind; seq: number }
  /** A conversation this client may see was created or changed status. */
  | { type: 'conversation'; conversation: ConversationSummary }
  /**
   * Where a waiting conversation stands; `agentsAvailable` 0 means nobody can answer now.
   * `estimatedWaitMs` is absent when it cannot be estimated.
   */
  | { type: 'queue'; conversationId: string; position: number; agentsAvailable: number; estimatedWaitMs?: number }
  | { type: 'offer'; offer: Offer }
  /** A voice call this party is in changed (or, after a reconnect, where it stands); with this party's peer credentials. */
  | { type: 'call'; call: CallView }
  /** A co-browse session of this party changed (or, after a reconnect, where it stands); with this party's room token. */
  | { type: 'cobrowse'; session: CobrowseView }
  /** Visitors: an agent is calling them in the browser; the widget rings until `web-call.ring-ended`. Answer with `web-call.answer`. */
  | { type: 'web-call.ring'; conversationId: string; agentName: string; expiresAt: number }
  /** Visitors and the calling agent: the ring stopped (answered, declined, unanswered, or the agent gave up). */
  | { type: 'web-call.ring-ended'; conversationId: string; reason: WebCallRingEnd }
  /** Visitors: the calls-from-agents setting changed (in this or another tab). */
  | { type: 'web-call.settings'; off: boolean }
  | { type: 'offer-withdrawn'; conversationId: string; reason: OfferWithdrawnReason }
  | { type: 'presence'; status: AgentStatus; breakReason?: BreakReason }
  /** After-contact work began: no new offers until it ends (at `until`, or when the agent is done). */
  | { type: 'wrap-up'; conversationId: string; until?: number; dispositionRequired: boolean }
  | { type: 'wrap-up-ended' }
  /** Agents and supervisors only: a whisper in a conversation (never sent to visitors). */
  | { type: 'note'; note: ConversationNote }
  /** Agents and supervisors only: the visitor opened another page (the customer pane's "Pages visited" reloads). */
  | { type: 'customer-context'; conversationId: string }
  /** Agents: who has a customer open now (sent to each of them when it changes). */
  | { type: 'viewers'; viewers: CustomerViewers }
  /** Agents and supervisors only: all notes of a conversation, after a `sync`. */
  | { type: 'notes'; conversationId: string; notes: ConversationNote[] }
  /** Its agent, supervisors and admins only: a reply held for review was held, returned, resubmitted or approved (never sent to visitors). */
  | { type: 'held-reply'; reply: HeldReply }
  /** Agents and supervisors only: the held replies of a conversation they may see, after a `sync`. */
  | { type: 'held-replies'; conversationId: string; replies: HeldReply[] }
  /** Supervisors and admins: the live wallboard, whenever it changes. */
  | { type: 'wallboard'; wallboard: Wallboard }
  /** The server is going away; reconnect (with back-off) and resume. */
  | { type: 'reconnect'; reason: 'server-shutdown' };

export type ServerFrameType = ServerFrame['type'];
