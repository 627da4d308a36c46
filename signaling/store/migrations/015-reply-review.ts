/**
 * Review before sending: an agent or a queue can be marked so that agents' e-mail and channel
 * replies wait for a supervisor, and the replies waiting (or returned, or approved) are kept
 * apart from the conversation's timeline, which the customer sees.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agents').addColumn('replies_need_review', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('queues').addColumn('replies_need_review', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('held_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('agent_name', 'text', (c) => c.notNull())
    // The agent's message.send id: a retried send finds the reply it already held.
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // JSON array of the files sent with it (uploaded, not yet attached to a message).
    .addColumn('attachments', 'text', (c) => c.notNull())
    // pending | returned | approved
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text')
    .addColumn('reviewer_name', 'text')
    .addColumn('comment', 'text')
    // The message it became, once approved.
    .addColumn('message_seq', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('held_replies_client').unique().on('held_replies').columns(['conversation_id', 'client_id']).execute();
  await db.schema.createIndex('held_replies_status').on('held_replies').columns(['status', 'created_at']).execute();
}
