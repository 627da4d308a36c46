/** Shared files' records (their bytes are in the file storage): uploaded, then sent with one message. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';

export interface AttachmentRecord {
  id: string;
  storageKey: string;
  /** `visitor:<id>` or `agent:<id>`. */
  uploader: string;
  conversationId?: string;
  messageSeq?: number;
  name: string;
  mimeType: string;
  size: number;
  createdAt: number;
}

const toRecord = (r: Selectable<Database['attachments']>): AttachmentRecord => ({
  id: r.id,
  storageKey: r.storage_key,
  uploader: r.uploader,
  ...(r.conversation_id ? { conversationId: r.conversation_id } : {}),
  ...(r.message_seq != null ? { messageSeq: Number(r.message_seq) } : {}),
  name: r.name,
  mimeType: r.mime_type,
  size: Number(r.size),
  createdAt: Number(r.created_at),
});

export class AttachmentsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async add(a: Omit<AttachmentRecord, 'conversationId' | 'messageSeq'>): Promise<void> {
    await this.db
      .insertInto('attachments')
      .values({ id: a.id, storage_key: a.storageKey, uploader: a.uploader, conversation_id: null, message_seq: null, name: a.name, mime_type: a.mimeType, size: a.size, created_at: a.createdAt })
      .execute();
  }

  async find(id: string): Promise<AttachmentRecord | undefined> {
    const row = await this.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async findMany(ids: string[]): Promise<AttachmentRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom('attachments').selectAll().where('id', 'in', ids).execute()).map(toRecord);
  }

  /** Ties unsent files to the message that carries them; how many were still unsent (the rest were taken). */
  async attach(ids: string[], conversationId: string, messageSeq: number): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.updateTable('attachments').set({ conversation_id: conversationId, message_seq: messageSeq }).where('id', 'in', ids).where('conversation_id', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The files sent in these conversations, oldest first. */
  async listFor(conversationIds: string[]): Promise<AttachmentRecord[]> {
    if (conversationIds.length === 0) return [];
    return (await this.db.selectFrom('attachments').selectAll().where('conversation_id', 'in', conversationIds).orderBy('created_at').execute()).map(toRecord);
  }

  /** Removes the records of these conversations' files; the storage keys whose bytes to delete. */
  async removeFor(conversationIds: string[]): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    const rows = await this.db.selectFrom('attachments').select('storage_key').where('conversation_id', 'in', conversationIds).execute();
    await this.db.deleteFrom('attachments').where('conversation_id', 'in', conversationIds).execute();
    return rows.map((r) => r.storage_key);
  }

  /** Removes at most `limit` records made before `cutoff` (sent or never sent), oldest first; their storage keys. */
  async removeOlderThan(cutoff: number, limit: number, unsentOnly = false): Promise<string[]> {
    let query = this.db.selectFrom('attachments').select(['id', 'storage_key']).where('created_at', '<', cutoff);
    if (unsentOnly) query = query.where('conversation_id', 'is', null);
    const rows = await query.orderBy('created_at').limit(limit).execute();
    if (rows.length === 0) return [];
    await this.db.deleteFrom('attachments').where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => r.storage_key);
  }
}
