/** Queues and which agents serve them. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface QueueRecord {
  id: string;
  slug: string;
  name: string;
  isDefault: boolean;
  offerTimeoutMs: number;
  retryDelayMs: number;
  createdAt: number;
}

const toRecord = (r: Database['queues']): QueueRecord => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  isDefault: r.is_default === 1,
  offerTimeoutMs: r.offer_timeout_ms,
  retryDelayMs: r.retry_delay_ms,
  createdAt: r.created_at,
});

export class QueuesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(q: QueueRecord): Promise<void> {
    await this.db
      .insertInto('queues')
      .values({
        id: q.id,
        slug: q.slug,
        name: q.name,
        is_default: q.isDefault ? 1 : 0,
        offer_timeout_ms: q.offerTimeoutMs,
        retry_delay_ms: q.retryDelayMs,
        created_at: q.createdAt,
      })
      .execute();
  }

  async list(): Promise<QueueRecord[]> {
    return (await this.db.selectFrom('queues').selectAll().orderBy('created_at').execute()).map(toRecord);
  }

  async findBySlug(slug: string): Promise<QueueRecord | undefined> {
    const row = await this.db.selectFrom('queues').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && toRecord(row);
  }

  async findDefault(): Promise<QueueRecord | undefined> {
    const row = await this.db.selectFrom('queues').selectAll().orderBy('is_default', 'desc').orderBy('created_at').executeTakeFirst();
    return row && toRecord(row);
  }

  async addMember(queueId: string, agentId: string): Promise<void> {
    await this.db
      .insertInto('queue_members')
      .values({ queue_id: queueId, agent_id: agentId })
      .onConflict((oc) => oc.columns(['queue_id', 'agent_id']).doNothing())
      .execute();
  }

  async queueIdsOf(agentId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('queue_members').select('queue_id').where('agent_id', '=', agentId).execute();
    return rows.map((r) => r.queue_id);
  }
}
