/** Call recordings: the audio and what it belongs to. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface RecordingRecord {
  id: string;
  conversationId: string;
  agentId: string;
  mimeType: string;
  durationMs: number;
  createdAt: number;
}

export class RecordingsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async add(recording: RecordingRecord, audio: Uint8Array): Promise<void> {
    await this.db
      .insertInto('recordings')
      .values({ id: recording.id, conversation_id: recording.conversationId, agent_id: recording.agentId, mime_type: recording.mimeType, duration_ms: recording.durationMs, audio, created_at: recording.createdAt })
      .execute();
  }

  /** The recording with its audio, when it belongs to that conversation. */
  async find(conversationId: string, id: string): Promise<(RecordingRecord & { audio: Uint8Array }) | undefined> {
    const r = await this.db.selectFrom('recordings').selectAll().where('id', '=', id).where('conversation_id', '=', conversationId).executeTakeFirst();
    if (!r) return undefined;
    return { id: r.id, conversationId: r.conversation_id, agentId: r.agent_id, mimeType: r.mime_type, durationMs: Number(r.duration_ms), createdAt: Number(r.created_at), audio: r.audio };
  }

  /** What is recorded for these conversations, without the audio, oldest first. */
  async listFor(conversationIds: string[]): Promise<RecordingRecord[]> {
    if (conversationIds.length === 0) return [];
    const rows = await this.db.selectFrom('recordings').select(['id', 'conversation_id', 'agent_id', 'mime_type', 'duration_ms', 'created_at']).where('conversation_id', 'in', conversationIds).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, agentId: r.agent_id, mimeType: r.mime_type, durationMs: Number(r.duration_ms), createdAt: Number(r.created_at) }));
  }

  /** Deletes the recordings of these conversations; how many. */
  async removeFor(conversationIds: string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    return Number((await this.db.deleteFrom('recordings').where('conversation_id', 'in', conversationIds).executeTakeFirst()).numDeletedRows);
  }

  /** Deletes at most `limit` recordings made before `cutoff`, oldest first; how many. */
  async removeOlderThan(cutoff: number, limit: number): Promise<number> {
    const ids = (await this.db.selectFrom('recordings').select('id').where('created_at', '<', cutoff).orderBy('created_at').limit(limit).execute()).map((r) => r.id);
    if (ids.length === 0) return 0;
    return Number((await this.db.deleteFrom('recordings').where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
  }
}
