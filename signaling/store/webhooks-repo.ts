/** Integrators' webhook subscriptions, and the outbox of POSTs to make (theirs and channels' replies). */
import type { Kysely, Selectable } from 'kysely';
import type { WebhookEvent } from '../protocol/channels.js';
import { claimDue } from './claim-due.js';
import type { StoreCaches } from './read-cache.js';
import type { Database } from './schema.js';

export interface WebhookRecord {
  id: string;
  url: string;
  secret: string;
  events: WebhookEvent[];
  createdAt: number;
}

export interface Delivery {
  id: number;
  target: { kind: 'webhook' | 'channel'; id: string };
  event: string;
  /** The JSON body to POST, exactly as signed. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  createdAt: number;
  deliveredAt?: number;
}

const toWebhook = (r: Database['webhooks']): WebhookRecord => ({ id: r.id, url: r.url, secret: r.secret, events: JSON.parse(r.events) as WebhookEvent[], createdAt: Number(r.created_at) });

const toDelivery = (r: Selectable<Database['webhook_deliveries']>): Delivery => ({
  id: Number(r.id),
  target: { kind: r.target_kind as 'webhook' | 'channel', id: r.target_id },
  event: r.event,
  payload: r.payload,
  status: r.status as Delivery['status'],
  attempts: r.attempts,
  nextAttemptAt: Number(r.next_attempt_at),
  ...(r.last_error ? { lastError: r.last_error } : {}),
  createdAt: Number(r.created_at),
  ...(r.delivered_at != null ? { deliveredAt: Number(r.delivered_at) } : {}),
});

/** The webhooks cache holds one entry: the whole list. */
const ALL = 'all';

export class WebhooksRepo {
  constructor(
    private readonly db: Kysely<Database>,
    /** PostgreSQL claims skip rows another sender is claiming (SKIP LOCKED); SQLite has one writer. */
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly caches: StoreCaches,
  ) {}

  async insert(w: WebhookRecord): Promise<void> {
    await this.db.insertInto('webhooks').values({ id: w.id, url: w.url, secret: w.secret, events: JSON.stringify(w.events), created_at: w.createdAt }).execute();
    // After the write, so a read that raced it does not keep what it read before it.
    this.caches.webhooks.invalidate(ALL);
  }

  /** Every subscription, oldest first; every event a visitor causes asks, so it is kept in memory where it may be. */
  async list(): Promise<WebhookRecord[]> {
    return this.caches.webhooks.get(ALL, async () => (await this.db.selectFrom('webhooks').selectAll().orderBy('created_at').execute()).map(toWebhook));
  }

  async findById(id: string): Promise<WebhookRecord | undefined> {
    const row = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toWebhook(row);
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    this.caches.webhooks.invalidate(ALL);
    return Number(result.numDeletedRows) === 1;
  }

  async enqueue(d: Pick<Delivery, 'target' | 'event' | 'payload'>, at: number): Promise<void> {
    await this.db
      .insertInto('webhook_deliveries')
      .values({ target_kind: d.target.kind, target_id: d.target.id, event: d.event, payload: d.payload, status: 'pending', attempts: 0, next_attempt_at: at, last_error: null, created_at: at, delivered_at: null })
      .execute();
  }

  /** Claims what is due for this sender (see claimDue). */
  async claimDue(at: number, leaseMs: number, limit: number): Promise<Delivery[]> {
    return (await claimDue(this.db, this.dialect, 'webhook_deliveries', at, leaseMs, limit)).map(toDelivery);
  }

  async nextAttemptAt(): Promise<number | undefined> {
    const row = await this.db.selectFrom('webhook_deliveries').select('next_attempt_at').where('status', '=', 'pending').orderBy('next_attempt_at').executeTakeFirst();
    return row ? Number(row.next_attempt_at) : undefined;
  }

  async markDelivered(id: number, attempts: number, at: number): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ status: 'delivered', attempts, delivered_at: at, last_error: null }).where('id', '=', id).execute();
  }

  async markFailedAttempt(id: number, attempts: number, error: string, retryAt: number | undefined): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ attempts, last_error: error.slice(0, 500), ...(retryAt === undefined ? { status: 'failed' } : { next_attempt_at: retryAt }) })
      .where('id', '=', id)
      .execute();
  }

  async recent(limit = 50): Promise<Delivery[]> {
    return (await this.db.selectFrom('webhook_deliveries').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toDelivery);
  }
}
