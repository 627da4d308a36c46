/** The visitor's rating of a conversation (CSAT, 1-5) and the language their browser asked for. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('rating', 'integer').execute();
  await db.schema.alterTable('conversations').addColumn('language', 'text').execute();
}
