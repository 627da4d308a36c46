/**
 * Agents' files go out with their e-mail replies as real attachments: the outbox row names the
 * files (space-separated ids), and the sender reads their bytes when it sends, so a queued mail
 * stays small and a retry after a restart still carries them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbound_mails').addColumn('attachment_ids', 'text').execute();
}
