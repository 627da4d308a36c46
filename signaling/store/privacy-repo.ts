/**
 * What erasure, export and retention need of the database beyond the other repositories: every
 * row that holds a customer's data, found by visitor or conversation, and deleted in batches.
 */
import type { Kysely } from 'kysely';
import type { VisitorContext } from '../protocol/customers.js';
import type { StoreCaches } from './read-cache.js';
import type { Database } from './schema.js';
import type { VisitorRecord } from './visitors-repo.js';

/** `in (...)` lists stay well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 200;

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Ids are our own UUIDs; anything else cannot be looked for inside a payload safely. */
const SAFE_ID = /^[A-Za-z0-9-]{8,64}$/;

export class PrivacyRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly caches: StoreCaches,
  ) {}

  /** The customer's visitors with what their browsers told us, oldest first. */
  async visitorsOf(customerId: string): Promise<(VisitorRecord & { context?: VisitorContext })[]> {
    const rows = await this.db.selectFrom('visitors').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute();
    return rows.map((r) => ({
      id: r.id,
      ...(r.name ? { name: r.name } : {}),
      ...(r.email ? { email: r.email } : {}),
      ...(r.phone ? { phone: r.phone } : {}),
      createdAt: Number(r.created_at),
      lastSeenAt: Number(r.last_seen_at),
      webCallsOff: r.web_calls_off === 1,
      ...(r.context ? { context: JSON.parse(r.context) as VisitorContext } : {}),
    }));
  }

  /** Every conversation of these visitors, oldest first (no limit: export and erasure need them all). */
  async conversationIdsOf(visitorIds: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const part of chunks(visitorIds)) {
      ids.push(...(await this.db.selectFrom('conversations').select('id').where('visitor_id', 'in', part).orderBy('created_at').execute()).map((r) => r.id));
    }
    return ids;
  }

  /** Ended conversations that ended before `cutoff`, oldest first, at most `limit`. */
  async endedBefore(cutoff: number, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('conversations').select('id').where('status', '=', 'ended').where('ended_at', '<', cutoff).orderBy('ended_at').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** The channels that know these visitors, with the id each knows them by (a phone number, a handle). */
  async channelLinksOf(visitorIds: string[]): Promise<{ channelId: string; externalId: string; visitorId: string }[]> {
    if (visitorIds.length === 0) return [];
    const rows = await this.db.selectFrom('channel_contacts').selectAll().where('visitor_id', 'in', visitorIds).execute();
    return rows.map((r) => ({ channelId: r.channel_id, externalId: r.external_id, visitorId: r.visitor_id }));
  }

  /** Callbacks the visitors booked, with the numbers they gave. */
  async callbacksOf(visitorIds: string[]) {
    if (visitorIds.length === 0) return [];
    const rows = await this.db.selectFrom('callbacks').selectAll().where('visitor_id', 'in', visitorIds).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, visitorId: r.visitor_id, phone: r.phone, asap: r.asap === 1, dueAt: Number(r.due_at), status: r.status, attempts: r.attempts, ...(r.conversation_id ? { conversationId: r.conversation_id } : {}), context: r.context ? (JSON.parse(r.context) as unknown) : {}, createdAt: Number(r.created_at) }));
  }

  /**
   * Deletes conversations and everything stored with them: timeline, notes, participants, tags,
   * mail threads and outbox, the callbacks that led to them (but not one still to be made). Files (recordings) are deleted by
   * their own part first. Explicit rather than by cascade, so that a table added later without
   * `on delete cascade` fails loudly here instead of keeping data. Call inside a transaction.
   */
  async eraseConversations(ids: string[]): Promise<number> {
    this.caches.clear();
    let erased = 0;
    for (const part of chunks(ids)) {
      for (const table of ['conversation_events', 'conversation_notes', 'conversation_participants', 'conversation_tags', 'mail_threads', 'outbound_mails', 'invitation_conversations'] as const) {
        await this.db.deleteFrom(table).where('conversation_id', 'in', part).execute();
      }
      // A callback that led to the conversation goes with it, unless it is still to be made (a retry
      // is scheduled): that one is the customer's live request, erased with the customer only.
      await this.db.deleteFrom('callbacks').where('conversation_id', 'in', part).where('status', 'not in', ['scheduled', 'queued']).execute();
      await this.db.updateTable('callbacks').set({ conversation_id: null }).where('conversation_id', 'in', part).execute();
      erased += Number((await this.db.deleteFrom('conversations').where('id', 'in', part).executeTakeFirst()).numDeletedRows);
    }
    return erased;
  }

  /**
   * Webhook and channel deliveries whose payload names any of these ids (conversation summaries
   * carry names and addresses, message events their text), delivered or not: an erased customer's
   * data is not sent out afterwards either.
   */
  async eraseDeliveriesMentioning(ids: string[]): Promise<number> {
    let erased = 0;
    for (const part of chunks(ids.filter((id) => SAFE_ID.test(id)))) {
      const result = await this.db
        .deleteFrom('webhook_deliveries')
        .where((eb) => eb.or(part.map((id) => eb('payload', 'like', `%${id}%`))))
        .executeTakeFirst();
      erased += Number(result.numDeletedRows);
    }
    return erased;
  }

  /** The visitors themselves, their callbacks and channel links. Call after their conversations are erased. */
  async eraseVisitors(visitorIds: string[]): Promise<void> {
    for (const part of chunks(visitorIds)) {
      await this.db.deleteFrom('callbacks').where('visitor_id', 'in', part).execute();
      await this.db.deleteFrom('channel_contacts').where('visitor_id', 'in', part).execute();
      await this.db.deleteFrom('deletion_requests').where('visitor_id', 'in', part).execute();
      await this.db.deleteFrom('visitors').where('id', 'in', part).execute();
    }
  }

  /**
   * The customer's record, its merge/split history (which names the people merged in), the
   * addresses it gave, and possible matches on either side (they hold the address too).
   */
  async eraseCustomer(customerId: string): Promise<void> {
    await this.db.deleteFrom('customer_audit').where('customer_id', '=', customerId).execute();
    await this.db.deleteFrom('customer_addresses').where('customer_id', '=', customerId).execute();
    await this.db.deleteFrom('customer_matches').where((eb) => eb.or([eb('customer_id', '=', customerId), eb('match_id', '=', customerId)])).execute();
    await this.db.deleteFrom('customers').where('id', '=', customerId).execute();
  }

  /** Finished deliveries created before `cutoff` (at most `limit`): their payloads are copies of conversations. */
  async eraseDeliveriesBefore(cutoff: number, limit: number): Promise<number> {
    const ids = (await this.db.selectFrom('webhook_deliveries').select('id').where('created_at', '<', cutoff).where('status', '!=', 'pending').limit(limit).execute()).map((r) => r.id);
    if (ids.length === 0) return 0;
    return Number((await this.db.deleteFrom('webhook_deliveries').where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
  }
}
