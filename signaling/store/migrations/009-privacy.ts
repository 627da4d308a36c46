/**
 * Customers' data: visitors' requests to delete a conversation (reviewed by an admin, or done at
 * once), and the indexes retention deletes by age with (ended conversations, recordings, deliveries).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deletion_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No foreign key: the request outlives the conversation it asked to erase, as the record that it was.
    .addColumn('conversation_id', 'text', (c) => c.notNull().unique())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema.createIndex('deletion_requests_status').on('deletion_requests').columns(['status', 'created_at']).execute();

  await db.schema.createIndex('conversations_ended').on('conversations').columns(['status', 'ended_at']).execute();
  await db.schema.createIndex('recordings_created').on('recordings').column('created_at').execute();
  await db.schema.createIndex('webhook_deliveries_created').on('webhook_deliveries').column('created_at').execute();
}
