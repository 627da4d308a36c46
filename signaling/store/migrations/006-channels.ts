/**
 * Contacts that do not start in the widget's chat: callbacks, e-mail, and messages from outside
 * channels (SMS, social media), plus the outboxes that carry our answers out (mail, webhooks).
 * Outboxes are tables, not memory, so that nothing acknowledged is lost to a restart.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const serial = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const serialType = dialect === 'postgres' ? 'bigserial' : 'integer';

  // Where a conversation came from (widget, callback, email, channel) and an e-mail subject.
  await db.schema.alterTable('conversations').addColumn('source', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('subject', 'text').execute();

  // Queues' callback policy and the wait beyond which the widget offers alternatives.
  await db.schema.alterTable('queues').addColumn('offer_alternatives_after_ms', 'bigint').execute();
  await db.schema.alterTable('queues').addColumn('callback_retry_ms', 'bigint', (c) => c.notNull().defaultTo(15 * 60_000)).execute();
  await db.schema.alterTable('queues').addColumn('callback_max_attempts', 'integer', (c) => c.notNull().defaultTo(3)).execute();

  await db.schema
    .createTable('callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id').onDelete('cascade'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('asap', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('context', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callbacks_due').on('callbacks').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('callbacks_client').on('callbacks').columns(['visitor_id', 'client_id']).unique().execute();

  await db.schema
    .createTable('outbound_mails')
    .addColumn('id', serialType, serial)
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('cascade'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('in_reply_to', 'text')
    .addColumn('references_ids', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('outbound_mails_due').on('outbound_mails').columns(['status', 'next_attempt_at']).execute();

  // Every Message-ID of a conversation, ours and the customer's, so a reply finds its thread.
  await db.schema
    .createTable('mail_threads')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('outbound_url', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('channel_contacts')
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('channel_contacts_pk', ['channel_id', 'external_id'])
    .execute();
  // Message ids a channel has delivered: a replayed request finds its id here and is refused.
  await db.schema
    .createTable('channel_receipts')
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_receipts_pk', ['channel_id', 'message_id'])
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // One row per POST to make: a subscriber's webhook, or a channel's outbound URL.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', serialType, serial)
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
}
