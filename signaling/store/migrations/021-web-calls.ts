/** Calling a visitor back on the web (issue 22): whether the visitor turned calls from agents off. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 0/1 on both dialects, like the other flags; a visitor takes calls until they say otherwise.
  await db.schema.alterTable('visitors').addColumn('web_calls_off', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
