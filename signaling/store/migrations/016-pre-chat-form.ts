/** A queue's pre-chat form (JSON PreChatForm); null: the queue asks nothing before a chat. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One nullable text column reads the same on SQLite and PostgreSQL: no dialect branch needed.
  await db.schema.alterTable('queues').addColumn('pre_chat_form', 'text').execute();
}
