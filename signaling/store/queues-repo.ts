/** Queues with their routing settings, and which agents serve them at which tier. */
import type { Kysely, Selectable } from 'kysely';
import type { BusinessHours } from '../acd/business-hours.js';
import type { Membership, OverflowTarget, QueueConfig, Skills } from '../acd/types.js';
import type { StrategyName } from '../acd/strategies/strategy.js';
import type { PreChatForm } from '../protocol/pre-chat-form.js';
import type { Database } from './schema.js';

export interface QueueRecord extends QueueConfig {
  slug: string;
  name: string;
  isDefault: boolean;
  createdAt: number;
  /** What the widget asks before a chat in this queue; absent: nothing. Not a routing setting. */
  preChatForm?: PreChatForm;
}

/** What the widget offers instead of waiting, and how callbacks are retried; not part of routing. */
export interface ContactOptions {
  offerAlternativesAfterMs?: number;
  callbackRetryMs: number;
  callbackMaxAttempts: number;
}

export interface QueueMember extends Membership {
  agentId: string;
}

const json = <T>(text: string | null): T | undefined => (text ? (JSON.parse(text) as T) : undefined);

const toRecord = (r: Selectable<Database['queues']>): QueueRecord => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  isDefault: r.is_default === 1,
  createdAt: r.created_at,
  strategy: r.strategy as StrategyName,
  offerTimeoutMs: r.offer_timeout_ms,
  retryDelayMs: r.retry_delay_ms,
  wrapUpMs: r.wrap_up_ms,
  dispositionRequired: r.disposition_required === 1,
  requiredSkills: JSON.parse(r.required_skills) as Skills,
  tierWaitMs: r.tier_wait_ms,
  priority: r.priority,
  priorityWeightMs: r.priority_weight_ms,
  stickyMs: r.sticky_ms,
  expectedHandleMs: r.expected_handle_ms,
  ...(r.max_size != null ? { maxSize: r.max_size } : {}),
  ...(r.max_wait_ms != null ? { maxWaitMs: r.max_wait_ms } : {}),
  ...(r.overflow ? { overflow: json<OverflowTarget>(r.overflow)! } : {}),
  ...(r.hours ? { hours: json<BusinessHours>(r.hours)! } : {}),
  ...(r.closed_target ? { closedTarget: json<OverflowTarget>(r.closed_target)! } : {}),
  ...(r.pre_chat_form ? { preChatForm: json<PreChatForm>(r.pre_chat_form)! } : {}),
});

/** Row values for the routing settings of a queue (all of them, so an update can clear optional ones). */
function settingsRow(q: Omit<QueueConfig, 'id'>) {
  return {
    strategy: q.strategy,
    offer_timeout_ms: q.offerTimeoutMs,
    retry_delay_ms: q.retryDelayMs,
    wrap_up_ms: q.wrapUpMs,
    disposition_required: q.dispositionRequired ? 1 : 0,
    required_skills: JSON.stringify(q.requiredSkills),
    tier_wait_ms: q.tierWaitMs,
    priority: q.priority,
    priority_weight_ms: q.priorityWeightMs,
    sticky_ms: q.stickyMs,
    expected_handle_ms: q.expectedHandleMs,
    max_size: q.maxSize ?? null,
    max_wait_ms: q.maxWaitMs ?? null,
    overflow: q.overflow ? JSON.stringify(q.overflow) : null,
    hours: q.hours ? JSON.stringify(q.hours) : null,
    closed_target: q.closedTarget ? JSON.stringify(q.closedTarget) : null,
  };
}

const formRow = (q: QueueRecord): string | null => (q.preChatForm ? JSON.stringify(q.preChatForm) : null);

export class QueuesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(q: QueueRecord): Promise<void> {
    await this.db
      .insertInto('queues')
      .values({ id: q.id, slug: q.slug, name: q.name, is_default: q.isDefault ? 1 : 0, created_at: q.createdAt, ...settingsRow(q), pre_chat_form: formRow(q) })
      .execute();
  }

  /** Replaces a queue's name and settings. */
  async update(q: QueueRecord): Promise<void> {
    await this.db.updateTable('queues').set({ slug: q.slug, name: q.name, ...settingsRow(q), pre_chat_form: formRow(q) }).where('id', '=', q.id).execute();
  }

  async list(): Promise<QueueRecord[]> {
    return (await this.db.selectFrom('queues').selectAll().orderBy('created_at').orderBy('name').execute()).map(toRecord);
  }

  async findById(id: string): Promise<QueueRecord | undefined> {
    const row = await this.db.selectFrom('queues').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findBySlug(slug: string): Promise<QueueRecord | undefined> {
    const row = await this.db.selectFrom('queues').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && toRecord(row);
  }

  /** The queue a page or a form named by slug, or the default queue when it named none (or one that is gone). */
  async findBySlugOrDefault(slug: string | undefined): Promise<QueueRecord | undefined> {
    return (slug ? await this.findBySlug(slug) : undefined) ?? (await this.findDefault());
  }

  async findDefault(): Promise<QueueRecord | undefined> {
    const row = await this.db.selectFrom('queues').selectAll().orderBy('is_default', 'desc').orderBy('created_at').executeTakeFirst();
    return row && toRecord(row);
  }

  async contactOptions(queueId: string): Promise<ContactOptions | undefined> {
    const r = await this.db.selectFrom('queues').select(['offer_alternatives_after_ms', 'callback_retry_ms', 'callback_max_attempts']).where('id', '=', queueId).executeTakeFirst();
    if (!r) return undefined;
    return {
      ...(r.offer_alternatives_after_ms != null ? { offerAlternativesAfterMs: Number(r.offer_alternatives_after_ms) } : {}),
      callbackRetryMs: Number(r.callback_retry_ms),
      callbackMaxAttempts: r.callback_max_attempts,
    };
  }

  async setContactOptions(queueId: string, o: ContactOptions): Promise<void> {
    await this.db
      .updateTable('queues')
      .set({ offer_alternatives_after_ms: o.offerAlternativesAfterMs ?? null, callback_retry_ms: o.callbackRetryMs, callback_max_attempts: o.callbackMaxAttempts })
      .where('id', '=', queueId)
      .execute();
  }

  async addMember(queueId: string, agentId: string, membership: Membership = { tier: 1, position: 0 }): Promise<void> {
    await this.db
      .insertInto('queue_members')
      .values({ queue_id: queueId, agent_id: agentId, tier: membership.tier, position: membership.position })
      .onConflict((oc) => oc.columns(['queue_id', 'agent_id']).doUpdateSet({ tier: membership.tier, position: membership.position }))
      .execute();
  }

  /** Replaces the queue's members with `members`, in one transaction by the caller. */
  async setMembers(queueId: string, members: QueueMember[]): Promise<void> {
    await this.db.deleteFrom('queue_members').where('queue_id', '=', queueId).execute();
    for (const m of members) await this.addMember(queueId, m.agentId, m);
  }

  async members(queueId: string): Promise<QueueMember[]> {
    const rows = await this.db.selectFrom('queue_members').selectAll().where('queue_id', '=', queueId).orderBy('tier').orderBy('position').execute();
    return rows.map((r) => ({ agentId: r.agent_id, tier: r.tier, position: r.position }));
  }

  /** The agent's memberships, by queue id. */
  async membershipsOf(agentId: string): Promise<Record<string, Membership>> {
    const rows = await this.db.selectFrom('queue_members').selectAll().where('agent_id', '=', agentId).execute();
    return Object.fromEntries(rows.map((r) => [r.queue_id, { tier: r.tier, position: r.position }]));
  }
}
