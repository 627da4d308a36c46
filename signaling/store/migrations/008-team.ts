/**
 * Running a team: accounts can be deactivated (history keeps their name), carry the languages
 * their person serves, their app's language and notification settings, and may have to choose
 * a new password; one-time links invite people or reset a password; sessions know where and
 * when they were last used, so people can see and end them; an audit log records who changed what.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const serial = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const serialType = dialect === 'postgres' ? 'bigserial' : 'integer';

  await db.schema.alterTable('agents').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('agents').addColumn('deactivated_at', 'bigint').execute();
  await db.schema.alterTable('agents').addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('agents').addColumn('locale', 'text').execute();
  await db.schema.alterTable('agents').addColumn('notifications', 'text').execute();
  await db.schema.alterTable('agents').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.alterTable('sessions').addColumn('public_id', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'bigint').execute();
  await db.schema.alterTable('sessions').addColumn('address', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.createIndex('sessions_agent').on('sessions').column('agent_id').execute();

  await db.schema
    .createTable('account_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('account_links_agent').on('account_links').column('agent_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', serialType, serial)
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
