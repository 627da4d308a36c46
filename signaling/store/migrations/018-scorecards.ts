/**
 * Quality control: scorecards (a form of weighted criteria an admin defines) and reviews (a
 * supervisor's answers to one scorecard for one finished conversation). A review keeps a copy of
 * the criteria it answered, so editing the scorecard later does not change past scores.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: [{ label, kind, weight, autoFail }]
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('quality_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    // Who handled it, in which queue and channel: copied, so the report groups without a join.
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('scorecard_id', 'text', (c) => c.notNull())
    .addColumn('scorecard_name', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    // JSON: one answer per criterion, true/false or 1–5.
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('auto_failed', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // One review per conversation and scorecard: a second reviewer's answer would be a double count.
  await db.schema.createIndex('quality_reviews_once').on('quality_reviews').columns(['conversation_id', 'scorecard_id']).unique().execute();
  await db.schema.createIndex('quality_reviews_agent').on('quality_reviews').columns(['agent_id', 'created_at']).execute();
  await db.schema.createIndex('quality_reviews_created').on('quality_reviews').column('created_at').execute();
}
