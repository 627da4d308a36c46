/** What the agent's workspace shows: the state an AgentSession keeps current over the agent socket. */
import type { WebCallRingEnd } from '../../signaling/protocol/web-call.js';
import type { CallView } from '../../signaling/protocol/call.js';
import type { CobrowseView } from '../../signaling/protocol/cobrowse.js';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { CustomerViewers } from '../../signaling/protocol/customers.js';
import type { ConversationNote } from '../../signaling/protocol/notes.js';
import type { HeldReply } from '../../signaling/protocol/reply-review.js';
import type { AgentStatus, BreakReason } from '../../signaling/protocol/presence.js';
import { ConnectionStatus } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile, Offer, SignOutReason } from '../../signaling/protocol/server-frames.js';
import type { Wallboard } from '../../signaling/protocol/wallboard.js';

export interface PendingReply {
  clientId: string;
  text: string;
}

export interface AgentState {
  connection: ConnectionStatus;
  agent?: AgentProfile;
  status: AgentStatus;
  breakReason?: BreakReason;
  /** Set while in after-contact work. */
  wrapUp?: { conversationId: string; until?: number; dispositionRequired: boolean };
  offers: Offer[];
  /** Open conversations first, then ended ones; newest first within each. */
  conversations: ConversationSummary[];
  events: Record<string, ConversationEvent[]>;
  pending: Record<string, PendingReply[]>;
  visitorTyping: Record<string, boolean>;
  /** Supervisors and admins: the latest wallboard. */
  wallboard?: Wallboard;
  /** Whispers per conversation (agents and supervisors only). */
  notes: Record<string, ConversationNote[]>;
  /** Replies held for review, by conversation: the agent's own (every one for supervisors). */
  heldReplies: Record<string, HeldReply[]>;
  /** The conversation a supervisor is watching, when not one of their own. */
  monitored?: ConversationSummary;
  /** This agent's calls by conversation, as the server last described them. */
  calls: Record<string, CallView>;
  /** Calls this agent placed to visitors' browsers, by conversation: how the latest ring ended. */
  webCallRings: Record<string, WebCallRingEnd>;
  /** Co-browse sessions by conversation: asked or live (an ended one is dropped). */
  cobrowse: Record<string, CobrowseView>;
  /** Who has each customer open, by customer id (for the customers this app shows). */
  viewers: Record<string, CustomerViewers['agents']>;
  /** How many times each conversation's visitor opened another page since this window connected: the customer pane reloads on a change. */
  contextChanges: Record<string, number>;
  /** Set when the server ended this window's session (deactivated, new role or password, signed out elsewhere). */
  signedOut?: SignOutReason;
}

/** Before the welcome: connecting, offline, nothing held. */
export function initialAgentState(): AgentState {
  return { connection: ConnectionStatus.connecting, status: 'offline', offers: [], conversations: [], events: {}, pending: {}, visitorTyping: {}, notes: {}, heldReplies: {}, calls: {}, webCallRings: {}, cobrowse: {}, viewers: {}, contextChanges: {} };
}

/** Open conversations first, then ended ones; newest first within each. */
export function sortConversations(list: ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => Number(a.status === 'ended') - Number(b.status === 'ended') || b.createdAt - a.createdAt);
}
