/**
 * Review before sending: agents (a new hire) or queues marked "replies need review" have their
 * e-mail and channel replies held; a supervisor approves one (as written or edited), and only then
 * does it become the conversation's message and go out, or returns it with a comment for the agent
 * to rework and resubmit. Live chat and calls are never held (see isReviewableSource).
 */
import { randomUUID } from 'node:crypto';
import { topics, type Bus } from '../bus/bus.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { ConversationEvent } from '../protocol/conversation.js';
import { isReviewableSource, type HeldReply, type ReviewItem, type ReviewSettings } from '../protocol/reply-review.js';
import type { ReplyDraft, ReplyGate } from '../conversations/reply-gate.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';

export interface ReplyReviewOptions {
  store: Store;
  bus: Bus;
  audit: AuditTrail;
  /** Stores an approved reply as its agent's message, with `claim` in its transaction (ConversationService.postApproved). */
  postApproved(author: AgentRecord, conversationId: string, text: string, clientId: string, attachmentIds: readonly string[], claim: (tx: Store) => Promise<void>): Promise<ConversationEvent>;
  clock?: () => number;
}

const reviewerOf = (agent: AgentRecord) => ({ id: agent.id, name: agent.name });

export class ReplyReviewService implements ReplyGate {
  private readonly store: Store;
  private readonly clock: () => number;

  constructor(private readonly options: ReplyReviewOptions) {
    this.store = options.store;
    this.clock = options.clock ?? Date.now;
  }

  async holdIfReviewed(agent: AgentRecord, conversation: ConversationRecord, draft: ReplyDraft): Promise<HeldReply | undefined> {
    if (!isReviewableSource(conversation.source) || !(await this.store.heldReplies.needsReview(agent.id, conversation.queueId))) return undefined;
    const reply = await this.store.heldReplies.hold({ id: randomUUID(), conversationId: conversation.id, agent: reviewerOf(agent), text: draft.text, attachments: draft.attachments, clientId: draft.clientId, createdAt: this.clock() });
    this.announce(reply);
    return reply;
  }

  heldIn(agent: AgentRecord, conversationId: string): Promise<HeldReply[]> {
    return this.store.heldReplies.inConversation(conversationId, agent.role === 'agent' ? agent.id : undefined);
  }

  /** Replies waiting for review, oldest first, with their conversations' context (supervisors and admins). */
  pending(): Promise<ReviewItem[]> {
    return this.store.heldReplies.pending();
  }

  /**
   * Approves a pending reply, as written or with `text` edited: it becomes its agent's message and goes out.
   * @throws AppError `not-found`, `forbidden` (one's own reply), `already-reviewed` (decided meanwhile).
   */
  async approve(reviewer: AgentRecord, id: string, text?: string): Promise<HeldReply> {
    const reply = await this.reviewable(reviewer, id);
    const author = await this.store.agents.findById(reply.agent.id);
    if (!author) throw new AppError('not-found', 'the reply’s agent no longer exists');
    const finalText = text ?? reply.text;
    const at = this.clock();
    const event = await this.options.postApproved(author, reply.conversationId, finalText, `review-${reply.id}`, reply.attachments.map((a) => a.id), async (tx) => {
      if (!(await tx.heldReplies.decide(id, 'pending', { status: 'approved', at, text: finalText, reviewer: reviewerOf(reviewer) }))) throw alreadyReviewed();
      await this.options.audit.record(auditActorOf({ kind: 'agent', agent: reviewer }), 'reply.approved', { type: 'held-reply', id }, { conversationId: reply.conversationId, agent: reply.agent.name, edited: finalText !== reply.text }, tx);
    });
    await this.store.heldReplies.decide(id, 'approved', { status: 'approved', at, seq: event.seq });
    return this.announce((await this.store.heldReplies.findById(id))!);
  }

  /** Returns a pending reply to its agent with a comment; nothing is sent. @throws as `approve`. */
  async returnToAgent(reviewer: AgentRecord, id: string, comment: string): Promise<HeldReply> {
    const reply = await this.reviewable(reviewer, id);
    await this.store.transaction(async (tx) => {
      if (!(await tx.heldReplies.decide(id, 'pending', { status: 'returned', at: this.clock(), reviewer: reviewerOf(reviewer), comment }))) throw alreadyReviewed();
      await this.options.audit.record(auditActorOf({ kind: 'agent', agent: reviewer }), 'reply.returned', { type: 'held-reply', id }, { conversationId: reply.conversationId, agent: reply.agent.name, comment }, tx);
    });
    return this.announce((await this.store.heldReplies.findById(id))!);
  }

  /** The agent reworked a returned reply: it waits for review again. @throws AppError `not-found` (not theirs), `already-reviewed` (not returned). */
  async resubmit(agent: AgentRecord, id: string, text: string): Promise<HeldReply> {
    const reply = await this.store.heldReplies.findById(id);
    if (!reply || reply.agent.id !== agent.id) throw new AppError('not-found', 'no such reply');
    if (!(await this.store.heldReplies.decide(id, 'returned', { status: 'pending', at: this.clock(), text }))) throw new AppError('already-reviewed', 'only a returned reply can be resubmitted');
    return this.announce((await this.store.heldReplies.findById(id))!);
  }

  settings(): Promise<ReviewSettings> {
    return this.store.heldReplies.flagged();
  }

  /** Marks an agent or a queue "replies need review", or clears it (audited). @throws AppError `not-found`. */
  async setFlag(actor: Actor, kind: 'agent' | 'queue', id: string, repliesNeedReview: boolean): Promise<ReviewSettings> {
    await this.store.transaction(async (tx) => {
      if (!(await tx.heldReplies.setFlag(kind, id, repliesNeedReview))) throw new AppError('not-found', `no such ${kind}`);
      await this.options.audit.record(auditActorOf(actor), 'reply-review.changed', { type: kind, id }, { repliesNeedReview }, tx);
    });
    return this.settings();
  }

  /** A pending reply this reviewer may decide. */
  private async reviewable(reviewer: AgentRecord, id: string): Promise<HeldReply> {
    const reply = await this.store.heldReplies.findById(id);
    if (!reply) throw new AppError('not-found', 'no such reply');
    if (reply.agent.id === reviewer.id) throw new AppError('forbidden', 'someone else reviews your own replies');
    if (reply.status !== 'pending') throw alreadyReviewed();
    return reply;
  }

  /** Its agent and every supervisor and admin hear of it; the customer never does. */
  private announce(reply: HeldReply): HeldReply {
    this.options.bus.publish(topics.agent(reply.agent.id), { type: 'held-reply', reply });
    this.options.bus.publish(topics.supervisors(), { type: 'held-reply', reply });
    return reply;
  }
}

const alreadyReviewed = () => new AppError('already-reviewed', 'this reply was already reviewed');
