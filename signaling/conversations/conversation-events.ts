/** What happens to conversations, for the domains that react to it (calls, co-browsing, mail, channels, webhooks, customers). */
import type { ConversationEvent } from '../protocol/conversation.js';
import { Listeners } from '../kernel/listeners.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';

/** A stored message event. */
export type MessageEvent = ConversationEvent & { type: 'message' };

/** Every change is stored and published to the conversation's parties before listeners hear of it. */
export interface ConversationEvents {
  created(conversation: ConversationRecord): void;
  /**
   * A message is being stored: runs inside its transaction, so what a listener writes (an
   * outbound mail, a channel's reply) lands with the message or not at all.
   */
  storing(tx: Store, conversation: ConversationRecord, event: MessageEvent): Promise<void>;
  /** A message was stored (not a retry of one already stored). */
  posted(conversation: ConversationRecord, event: MessageEvent): void;
  assigned(conversation: ConversationRecord, agent: AgentRecord): void;
  /** The conversation left its agent: to another agent, or back to a queue. */
  moved(conversation: ConversationRecord, fromAgentId: string): void;
  ended(conversation: ConversationRecord): void;
  held(conversation: ConversationRecord, by: 'visitor' | 'agent' | undefined): void;
  consent(conversation: ConversationRecord, recording: boolean): void;
}

/** The listeners of conversation events; wiring.ts adds them. */
export class ConversationListeners extends Listeners<ConversationEvents> {}
