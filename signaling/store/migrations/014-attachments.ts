/**
 * Files shared in conversations: what each is (type read from its bytes, size, name), who uploaded
 * it and the message it went out with. The bytes live in the file storage (files/ under the data
 * folder by default), under `storage_key`.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    // `visitor:<id>` or `agent:<id>`: until it is sent, only its uploader may use it.
    .addColumn('uploader', 'text', (c) => c.notNull())
    // Null until a message carries it.
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('cascade'))
    .addColumn('message_seq', 'bigint')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_conversation').on('attachments').columns(['conversation_id', 'created_at']).execute();
  await db.schema.createIndex('attachments_created').on('attachments').column('created_at').execute();
}
