/** Claiming the due items of an outbox table (outbound mails, webhook deliveries) for one sender. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.js';

/** The tables whose rows are sent, retried and claimed the same way. */
export type OutboxTable = 'outbound_mails' | 'webhook_deliveries';

/**
 * Takes what is due for one sender: pushes each item's next attempt `leaseMs` ahead, so that no
 * other server sends it meanwhile, and returns the items in the order they were queued. A sender
 * that dies mid-way leaves the lease to run out, and the item is sent by whoever comes next.
 * PostgreSQL skips rows another claim holds (SKIP LOCKED) and re-checks the condition on the row
 * version a finished claim left; SQLite has one writer at a time.
 */
export async function claimDue<T extends OutboxTable>(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', table: T, at: number, leaseMs: number, limit: number): Promise<Selectable<Database[T]>[]> {
  const { rows } = await sql<Selectable<Database[T]>>`
    update ${sql.table(table)} set next_attempt_at = ${at + leaseMs}
    where status = 'pending' and next_attempt_at <= ${at} and id in (
      select id from ${sql.table(table)} where status = 'pending' and next_attempt_at <= ${at}
      order by next_attempt_at limit ${limit} ${dialect === 'postgres' ? sql`for update skip locked` : sql``}
    )
    returning *`.execute(db);
  const idOf = (row: Selectable<Database[T]>) => Number((row as { id: number | string }).id);
  return rows.sort((a, b) => idOf(a) - idOf(b));
}
