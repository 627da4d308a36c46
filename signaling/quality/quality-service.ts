/**
 * Quality control: admins keep the scorecards; supervisors score finished conversations (a few
 * proposed per agent each week) and read every review; an agent reads the reviews of their own
 * conversations, with the reviewer's comment. Each review is stored with the criteria it answered.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import { bucketOf } from '../kpi/intervals.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ReviewRecord, ScorecardRecord } from '../store/quality-repo.js';
import type { Store } from '../store/store.js';
import type { ReviewInput, ReviewView, SampleItem, ScorecardInput, ScorecardView } from '../protocol/quality.js';
import { answersProblem, scoreReview } from './scorecard.js';
import { weeklySample } from './weekly-sample.js';

const DAY = 86_400_000;
/** Conversations proposed per agent each week: enough to see a pattern, few enough to get done. */
export const SAMPLE_PER_AGENT = 3;

export interface QualityServiceOptions {
  timeZone: string;
  clock?: () => number;
}

export class QualityService {
  private readonly clock: () => number;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditTrail,
    private readonly options: QualityServiceOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  async scorecards(): Promise<ScorecardView[]> {
    return this.store.quality.listScorecards();
  }

  async createScorecard(admin: AgentRecord, input: ScorecardInput): Promise<ScorecardView> {
    const record: ScorecardRecord = { id: randomUUID(), name: input.name, criteria: input.criteria, active: input.active, createdAt: this.clock() };
    await this.store.transaction(async (tx) => {
      await tx.quality.addScorecard(record);
      await this.audit.record(auditActorOf({ kind: 'agent', agent: admin }), 'scorecard.created', { type: 'scorecard', id: record.id }, { name: input.name, criteria: input.criteria.length }, tx);
    });
    return record;
  }

  async updateScorecard(admin: AgentRecord, id: string, input: ScorecardInput): Promise<ScorecardView> {
    const existing = await this.store.quality.findScorecard(id);
    if (!existing) throw new AppError('not-found', 'no such scorecard');
    await this.store.transaction(async (tx) => {
      await tx.quality.updateScorecard(id, input);
      await this.audit.record(auditActorOf({ kind: 'agent', agent: admin }), 'scorecard.updated', { type: 'scorecard', id }, { name: input.name, criteria: input.criteria.length, active: input.active }, tx);
    });
    return { ...existing, ...input };
  }

  /** Scores a finished conversation; its agent is the one scored. */
  async review(reviewer: AgentRecord, input: ReviewInput): Promise<ReviewView> {
    const conversation = await this.store.conversations.findById(input.conversationId);
    if (!conversation) throw new AppError('not-found', 'no such conversation');
    if (conversation.status !== 'ended' || !conversation.agentId) throw new AppError('invalid-input', 'only a finished conversation that an agent handled can be scored', [{ path: 'conversationId', message: 'not finished, or nobody handled it' }]);
    if (conversation.agentId === reviewer.id) throw new AppError('forbidden', 'nobody scores their own conversation');
    const scorecard = await this.store.quality.findScorecard(input.scorecardId);
    if (!scorecard || !scorecard.active) throw new AppError('invalid-input', 'no such active scorecard', [{ path: 'scorecardId', message: 'unknown or turned off' }]);
    const problem = answersProblem(scorecard.criteria, input.answers);
    if (problem) throw new AppError('invalid-input', problem, [{ path: 'answers', message: problem }]);
    const record: ReviewRecord = {
      id: randomUUID(),
      conversationId: conversation.id,
      agentId: conversation.agentId,
      queueId: conversation.queueId,
      channel: conversation.channel,
      reviewerId: reviewer.id,
      scorecardId: scorecard.id,
      scorecardName: scorecard.name,
      criteria: scorecard.criteria,
      answers: input.answers,
      ...scoreReview(scorecard.criteria, input.answers),
      comment: input.comment,
      createdAt: this.clock(),
    };
    if (!(await this.store.quality.addReview(record))) throw new AppError('invalid-input', 'this conversation was already scored with this scorecard', [{ path: 'conversationId', message: 'already scored' }]);
    return (await this.views([record]))[0]!;
  }

  /**
   * Reviews made in [from, to), newest first. Agents read only their own; supervisors anyone's
   * (`agentId` narrows it). An agent asking for a colleague's is refused, not quietly given theirs.
   */
  async reviews(viewer: AgentRecord, query: { from: number; to: number; agentId?: string }): Promise<ReviewView[]> {
    if (viewer.role === 'agent' && query.agentId && query.agentId !== viewer.id) throw new AppError('forbidden', 'agents read only the reviews of their own conversations');
    const agentId = viewer.role === 'agent' ? viewer.id : query.agentId;
    return this.views(await this.store.quality.listReviews({ from: query.from, to: query.to, ...(agentId ? { agentId } : {}) }));
  }

  /** This week's proposals: finished conversations of the last seven days, a few per agent, not yet scored. */
  async sample(): Promise<SampleItem[]> {
    const now = this.clock();
    const finished = await this.store.quality.finishedBetween(now - 7 * DAY, now);
    const reviewed = await this.store.quality.reviewedAmong(finished.map((c) => c.conversationId));
    const picked = weeklySample(finished, reviewed, bucketOf(now, 'week', this.options.timeZone), SAMPLE_PER_AGENT);
    const byId = new Map(finished.map((c) => [c.conversationId, c]));
    const [agents, queues] = await this.names();
    return picked.map((p) => {
      const c = byId.get(p.conversationId)!;
      return { conversationId: c.conversationId, agentId: c.agentId, agentName: agents.get(c.agentId) ?? '', queueName: queues.get(c.queueId) ?? '', channel: c.channel, endedAt: c.endedAt };
    });
  }

  private async views(records: ReviewRecord[]): Promise<ReviewView[]> {
    const [agents, queues] = await this.names();
    return records.map((r) => ({
      id: r.id,
      conversationId: r.conversationId,
      agentId: r.agentId,
      agentName: agents.get(r.agentId) ?? '',
      reviewerName: agents.get(r.reviewerId) ?? '',
      queueName: queues.get(r.queueId) ?? '',
      channel: r.channel,
      scorecardName: r.scorecardName,
      criteria: r.criteria,
      answers: r.answers,
      score: r.score,
      autoFailed: r.autoFailed,
      comment: r.comment,
      createdAt: r.createdAt,
    }));
  }

  private async names(): Promise<[Map<string, string>, Map<string, string>]> {
    const [agents, queues] = await Promise.all([this.store.agents.list(), this.store.queues.list()]);
    return [new Map(agents.map((a) => [a.id, a.name])), new Map(queues.map((q) => [q.id, q.name]))];
  }
}
