/**
 * Replies held for review, kept apart from the conversation's timeline (which the customer
 * reads), and the "replies need review" flags of agents and queues.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AttachmentRef } from '../protocol/attachments.js';
import type { ConversationEventBody, ConversationSource } from '../protocol/conversation.js';
import type { HeldReply, HeldReplyStatus, ReviewItem, ReviewSettings } from '../protocol/reply-review.js';
import type { Database } from './schema.js';

const toReply = (r: Selectable<Database['held_replies']>): HeldReply => ({
  id: r.id,
  conversationId: r.conversation_id,
  agent: { id: r.agent_id, name: r.agent_name },
  text: r.text,
  attachments: JSON.parse(r.attachments) as AttachmentRef[],
  status: r.status as HeldReplyStatus,
  ...(r.reviewer_id ? { reviewer: { id: r.reviewer_id, name: r.reviewer_name ?? '' } } : {}),
  ...(r.comment ? { comment: r.comment } : {}),
  ...(r.message_seq != null ? { seq: Number(r.message_seq) } : {}),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

export type NewHeldReply = Pick<HeldReply, 'id' | 'conversationId' | 'agent' | 'text' | 'attachments' | 'createdAt'> & { clientId: string };

export class HeldRepliesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Holds a reply; a retried client id returns the reply held the first time. */
  async hold(r: NewHeldReply): Promise<HeldReply> {
    const earlier = await this.db.selectFrom('held_replies').selectAll().where('conversation_id', '=', r.conversationId).where('client_id', '=', r.clientId).executeTakeFirst();
    if (earlier) return toReply(earlier);
    const row = await this.db
      .insertInto('held_replies')
      .values({
        id: r.id,
        conversation_id: r.conversationId,
        agent_id: r.agent.id,
        agent_name: r.agent.name,
        client_id: r.clientId,
        text: r.text,
        attachments: JSON.stringify(r.attachments),
        status: 'pending',
        created_at: r.createdAt,
        updated_at: r.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReply(row);
  }

  async findById(id: string): Promise<HeldReply | undefined> {
    const row = await this.db.selectFrom('held_replies').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toReply(row);
  }

  /** A conversation's held replies, oldest first; only `agentId`'s when given. */
  async inConversation(conversationId: string, agentId?: string): Promise<HeldReply[]> {
    let q = this.db.selectFrom('held_replies').selectAll().where('conversation_id', '=', conversationId);
    if (agentId) q = q.where('agent_id', '=', agentId);
    return (await q.orderBy('created_at').orderBy('id').execute()).map(toReply);
  }

  /**
   * Moves a reply on only from the status `from`: of two reviewers (or an agent and a reviewer)
   * acting at once, one wins and the other changes nothing. @returns false when it was not `from`.
   */
  async decide(id: string, from: HeldReplyStatus, change: { status: HeldReplyStatus; at: number; text?: string; reviewer?: { id: string; name: string }; comment?: string | null; seq?: number }): Promise<boolean> {
    const result = await this.db
      .updateTable('held_replies')
      .set({
        status: change.status,
        updated_at: change.at,
        ...(change.text !== undefined ? { text: change.text } : {}),
        ...(change.reviewer ? { reviewer_id: change.reviewer.id, reviewer_name: change.reviewer.name } : {}),
        ...(change.comment !== undefined ? { comment: change.comment } : {}),
        ...(change.seq !== undefined ? { message_seq: change.seq } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Replies waiting for review, oldest first, with their conversation's context. */
  async pending(limit = 200): Promise<ReviewItem[]> {
    const rows = await this.db
      .selectFrom('held_replies as h')
      .innerJoin('conversations as c', 'c.id', 'h.conversation_id')
      .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
      .leftJoin('queues as q', 'q.id', 'c.queue_id')
      .selectAll('h')
      .select(['c.subject', 'c.source', 'q.name as queue_name', 'v.name as visitor_name', 'v.email as visitor_email'])
      .where('h.status', '=', 'pending')
      .orderBy('h.created_at')
      .limit(limit)
      .execute();
    const items: ReviewItem[] = [];
    for (const r of rows) {
      const last = await this.lastCustomerMessage(r.conversation_id);
      items.push({
        ...toReply(r),
        conversation: {
          ...(r.subject ? { subject: r.subject } : {}),
          ...(r.source ? { source: r.source as ConversationSource } : {}),
          queueName: r.queue_name ?? '',
          customer: { ...(r.visitor_name ? { name: r.visitor_name } : {}), ...(r.visitor_email ? { email: r.visitor_email } : {}) },
          ...(last !== undefined ? { lastCustomerMessage: last } : {}),
        },
      });
    }
    return items;
  }

  private async lastCustomerMessage(conversationId: string): Promise<string | undefined> {
    const rows = await this.db.selectFrom('conversation_events').select('body').where('conversation_id', '=', conversationId).where('type', '=', 'message').orderBy('seq', 'desc').limit(20).execute();
    for (const row of rows) {
      const body = JSON.parse(row.body) as ConversationEventBody;
      if (body.type === 'message' && body.author.kind === 'visitor') return body.text;
    }
    return undefined;
  }

  /** Whether an agent's replies in a queue wait for review: either is marked. */
  async needsReview(agentId: string, queueId: string): Promise<boolean> {
    const agent = await this.db.selectFrom('agents').select('replies_need_review').where('id', '=', agentId).executeTakeFirst();
    if (agent?.replies_need_review === 1) return true;
    const queue = await this.db.selectFrom('queues').select('replies_need_review').where('id', '=', queueId).executeTakeFirst();
    return queue?.replies_need_review === 1;
  }

  async flagged(): Promise<ReviewSettings> {
    const agents = await this.db.selectFrom('agents').select('id').where('replies_need_review', '=', 1).orderBy('name').execute();
    const queues = await this.db.selectFrom('queues').select('id').where('replies_need_review', '=', 1).orderBy('name').execute();
    return { agents: agents.map((a) => a.id), queues: queues.map((q) => q.id) };
  }

  /** @returns false when there is no such agent or queue. */
  async setFlag(kind: 'agent' | 'queue', id: string, needsReview: boolean): Promise<boolean> {
    const result = await this.db.updateTable(kind === 'agent' ? 'agents' : 'queues').set({ replies_need_review: needsReview ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
