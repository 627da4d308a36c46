/**
 * The agent workspace: customers (one person across visitors and channels) with an audit of
 * merges and splits, what the visitor's browser told us (pages, referrer, language, time zone),
 * tags, personal and per-language canned replies, and the knowledge base.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_email').on('customers').column('email').execute();
  await db.schema.createIndex('customers_phone').on('customers').column('phone').execute();
  await db.schema.alterTable('visitors').addColumn('customer_id', 'text').execute();
  await db.schema.alterTable('visitors').addColumn('context', 'text').execute();
  await db.schema.createIndex('visitors_customer').on('visitors').column('customer_id').execute();

  await db.schema
    .createTable('customer_audit')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_audit_customer').on('customer_audit').columns(['customer_id', 'id']).execute();

  await db.schema
    .createTable('conversation_tags')
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_tags_pk', ['conversation_id', 'tag'])
    .execute();

  // Personal replies belong to an agent; team replies to nobody; a shortcut may have a variant per
  // language. The table is rebuilt: the shortcut was unique on its own, which SQLite cannot drop.
  await db.schema
    .createTable('canned_replies_v2')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('language', 'text')
    .execute();
  await sql`insert into canned_replies_v2 (id, shortcut, title, body, created_at) select id, shortcut, title, body, created_at from canned_replies`.execute(db);
  await db.schema.dropTable('canned_replies').execute();
  await db.schema.alterTable('canned_replies_v2').renameTo('canned_replies').execute();
  await db.schema.createIndex('canned_replies_scope').on('canned_replies').columns(['shortcut', 'owner_id', 'language']).execute();

  // An acknowledgement is marked Auto-Submitted (RFC 3834), so other robots do not answer it.
  await db.schema.alterTable('outbound_mails').addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
