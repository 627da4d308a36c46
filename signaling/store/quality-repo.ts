/** Scorecards and the reviews made with them (quality control). */
import type { Kysely, Selectable } from 'kysely';
import type { Answer, Criterion } from '../protocol/quality.js';
import type { Database } from './schema.js';

export interface ScorecardRecord {
  id: string;
  name: string;
  criteria: Criterion[];
  active: boolean;
  createdAt: number;
}

export interface ReviewRecord {
  id: string;
  conversationId: string;
  agentId: string;
  queueId: string;
  channel: string;
  reviewerId: string;
  scorecardId: string;
  scorecardName: string;
  criteria: Criterion[];
  answers: Answer[];
  score: number;
  autoFailed: boolean;
  comment: string;
  createdAt: number;
}

const toScorecard = (r: Selectable<Database['scorecards']>): ScorecardRecord => ({
  id: r.id,
  name: r.name,
  criteria: JSON.parse(r.criteria) as Criterion[],
  active: Boolean(r.active),
  createdAt: Number(r.created_at),
});

const toReview = (r: Selectable<Database['quality_reviews']>): ReviewRecord => ({
  id: r.id,
  conversationId: r.conversation_id,
  agentId: r.agent_id,
  queueId: r.queue_id,
  channel: r.channel,
  reviewerId: r.reviewer_id,
  scorecardId: r.scorecard_id,
  scorecardName: r.scorecard_name,
  criteria: JSON.parse(r.criteria) as Criterion[],
  answers: JSON.parse(r.answers) as Answer[],
  score: Number(r.score),
  autoFailed: Boolean(r.auto_failed),
  comment: r.comment,
  createdAt: Number(r.created_at),
});

export class QualityRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async listScorecards(): Promise<ScorecardRecord[]> {
    return (await this.db.selectFrom('scorecards').selectAll().orderBy('created_at').orderBy('id').execute()).map(toScorecard);
  }

  async findScorecard(id: string): Promise<ScorecardRecord | undefined> {
    const row = await this.db.selectFrom('scorecards').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toScorecard(row) : undefined;
  }

  async addScorecard(s: ScorecardRecord): Promise<void> {
    await this.db.insertInto('scorecards').values({ id: s.id, name: s.name, criteria: JSON.stringify(s.criteria), active: s.active ? 1 : 0, created_at: s.createdAt }).execute();
  }

  /** Whether the scorecard existed to be changed. */
  async updateScorecard(id: string, s: Pick<ScorecardRecord, 'name' | 'criteria' | 'active'>): Promise<boolean> {
    const result = await this.db.updateTable('scorecards').set({ name: s.name, criteria: JSON.stringify(s.criteria), active: s.active ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Adds the review; false when the conversation was already reviewed with that scorecard. */
  async addReview(r: ReviewRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('quality_reviews')
      .values({
        id: r.id,
        conversation_id: r.conversationId,
        agent_id: r.agentId,
        queue_id: r.queueId,
        channel: r.channel,
        reviewer_id: r.reviewerId,
        scorecard_id: r.scorecardId,
        scorecard_name: r.scorecardName,
        criteria: JSON.stringify(r.criteria),
        answers: JSON.stringify(r.answers),
        score: r.score,
        auto_failed: r.autoFailed ? 1 : 0,
        comment: r.comment,
        created_at: r.createdAt,
      })
      .onConflict((oc) => oc.columns(['conversation_id', 'scorecard_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Reviews made in [from, to), newest first; only `agentId`'s when given. */
  async listReviews(options: { from: number; to: number; agentId?: string; limit?: number }): Promise<ReviewRecord[]> {
    let query = this.db.selectFrom('quality_reviews').selectAll().where('created_at', '>=', options.from).where('created_at', '<', options.to);
    if (options.agentId) query = query.where('agent_id', '=', options.agentId);
    return (await query.orderBy('created_at', 'desc').orderBy('id').limit(options.limit ?? 1000).execute()).map(toReview);
  }

  /** Which of these conversations have any review. */
  async reviewedAmong(conversationIds: string[]): Promise<Set<string>> {
    if (conversationIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('quality_reviews').select('conversation_id').where('conversation_id', 'in', conversationIds).execute();
    return new Set(rows.map((r) => r.conversation_id));
  }

  /** Conversations that ended in [from, to) with an agent: what can be proposed for review. */
  async finishedBetween(from: number, to: number, limit = 5000): Promise<{ conversationId: string; agentId: string; queueId: string; channel: string; endedAt: number }[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['id', 'agent_id', 'queue_id', 'channel', 'ended_at'])
      .where('status', '=', 'ended')
      .where('agent_id', 'is not', null)
      .where('ended_at', '>=', from)
      .where('ended_at', '<', to)
      .orderBy('ended_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ conversationId: r.id, agentId: r.agent_id!, queueId: r.queue_id, channel: r.channel, endedAt: Number(r.ended_at) }));
  }
}
