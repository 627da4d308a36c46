/** Routing settings for the full ACD: queue strategies, tiers, skills, capacities, hours, overflow, wrap-up. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE, so each column is its own statement on both dialects.
  await db.schema.alterTable('queues').addColumn('strategy', 'text', (c) => c.notNull().defaultTo('longest-idle')).execute();
  for (const [column, value] of [
    ['wrap_up_ms', 0],
    ['disposition_required', 0],
    ['tier_wait_ms', 0],
    ['priority', 0],
    ['priority_weight_ms', 60_000],
    ['sticky_ms', 0],
    ['expected_handle_ms', 300_000],
  ] as const) {
    await db.schema.alterTable('queues').addColumn(column, 'integer', (c) => c.notNull().defaultTo(value)).execute();
  }
  await db.schema.alterTable('queues').addColumn('required_skills', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('queues').addColumn('max_size', 'integer').execute();
  await db.schema.alterTable('queues').addColumn('max_wait_ms', 'integer').execute();
  /** JSON OverflowTarget. */
  await db.schema.alterTable('queues').addColumn('overflow', 'text').execute();
  /** JSON BusinessHours. */
  await db.schema.alterTable('queues').addColumn('hours', 'text').execute();
  await db.schema.alterTable('queues').addColumn('closed_target', 'text').execute();

  await db.schema.alterTable('queue_members').addColumn('tier', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('queue_members').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.alterTable('agents').addColumn('skills', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  /** JSON Capacity; starts from the chat limit the agent had. */
  await db.schema.alterTable('agents').addColumn('capacity', 'text', (c) => c.notNull().defaultTo('{"chat":3,"voice":1,"email":5,"message":5}')).execute();
  await db.schema.alterTable('agents').addColumn('break_reason', 'text').execute();
  await sql`update agents set capacity = '{"chat":' || max_chats || ',"voice":1,"email":5,"message":5}'`.execute(db);

  await db.schema.alterTable('conversations').addColumn('channel', 'text', (c) => c.notNull().defaultTo('chat')).execute();
  await db.schema.alterTable('conversations').addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('conversations').addColumn('disposition', 'text').execute();
  await db.schema.createIndex('conversations_visitor_recent').on('conversations').columns(['visitor_id', 'created_at']).execute();
}
