/**
 * Proactive invitations (issue 19, "Reaching out first"): a message the widget shows beside its
 * launcher on matching pages, with how often it was shown and opened; and which conversations an
 * invitation started (a table of its own, so the conversations table keeps its shape).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    // Null: the message is signed by the team, not by one agent.
    .addColumn('sender_agent_id', 'text', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id').onDelete('cascade'))
    .addColumn('path_pattern', 'text', (c) => c.notNull())
    .addColumn('delay_seconds', 'integer', (c) => c.notNull())
    // 0/1 on both dialects, like the other flags.
    .addColumn('returning_only', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('shown_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('invitation_conversations')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invitation_conversations_invitation').on('invitation_conversations').column('invitation_id').execute();
}
