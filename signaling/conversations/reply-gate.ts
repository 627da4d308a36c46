/** Where an agent's reply may be held for review before it reaches the customer (see review/reply-review-service.ts). */
import type { AttachmentRef } from '../protocol/attachments.js';
import type { HeldReply } from '../protocol/reply-review.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';

/** A reply about to be sent: its text, the agent's client id (retries find it) and the files checked as theirs and unsent. */
export interface ReplyDraft {
  text: string;
  clientId: string;
  attachments: AttachmentRef[];
}

export interface ReplyGate {
  /** Holds the reply when it needs review (nothing reaches the customer); undefined: it goes out now. */
  holdIfReviewed(agent: AgentRecord, conversation: ConversationRecord, draft: ReplyDraft): Promise<HeldReply | undefined>;
  /** The held replies of a conversation that this agent may see: their own; every one for supervisors and admins. */
  heldIn(agent: AgentRecord, conversationId: string): Promise<HeldReply[]>;
}
