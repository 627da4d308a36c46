/** Voice replies: each clip's details, and an uploaded recording's audio (read only to play it). */
import type { Kysely } from 'kysely';
import type { AppLocale } from '../protocol/locales.js';
import type { VoiceClip } from '../protocol/voice-clips.js';
import type { Database } from './schema.js';

const DETAILS = ['id', 'title', 'language', 'slot', 'kind', 'text', 'mime_type', 'updated_at'] as const;
type DetailsRow = Pick<Database['voice_clips'], (typeof DETAILS)[number]>;

const toClip = (r: DetailsRow): VoiceClip => ({
  id: r.id,
  title: r.title,
  language: r.language as AppLocale,
  kind: r.kind === 'speech' ? 'speech' : 'recording',
  ...(r.slot !== null ? { slot: Number(r.slot) } : {}),
  ...(r.text !== null ? { text: r.text } : {}),
  ...(r.mime_type !== null ? { mimeType: r.mime_type } : {}),
  updatedAt: Number(r.updated_at),
});

export class VoiceClipsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new clip; `audio` for a recording, none for a spoken text. */
  async insert(clip: VoiceClip, audio: Uint8Array | undefined): Promise<void> {
    await this.db
      .insertInto('voice_clips')
      .values({ id: clip.id, title: clip.title, language: clip.language, slot: clip.slot ?? null, kind: clip.kind, text: clip.text ?? null, mime_type: clip.mimeType ?? null, audio: audio ?? null, created_at: clip.updatedAt, updated_at: clip.updatedAt })
      .execute();
  }

  /** Changes a clip's details; its audio too when `audio` is given (a new upload), or drops it when null (now a text). */
  async update(clip: VoiceClip, audio: Uint8Array | null | undefined): Promise<void> {
    await this.db
      .updateTable('voice_clips')
      .set({ title: clip.title, language: clip.language, slot: clip.slot ?? null, kind: clip.kind, text: clip.text ?? null, mime_type: clip.mimeType ?? null, updated_at: clip.updatedAt, ...(audio !== undefined ? { audio } : {}) })
      .where('id', '=', clip.id)
      .execute();
  }

  /** Whether there was such a clip. */
  async remove(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom('voice_clips').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
  }

  async findById(id: string): Promise<VoiceClip | undefined> {
    const row = await this.db.selectFrom('voice_clips').select(DETAILS).where('id', '=', id).executeTakeFirst();
    return row && toClip(row);
  }

  /** A recording's bytes; undefined for a spoken clip or none. */
  async audio(id: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('voice_clips').select('audio').where('id', '=', id).executeTakeFirst();
    return row?.audio ?? undefined;
  }

  /** Every clip, by slot (clips without one last), then title. */
  async list(): Promise<VoiceClip[]> {
    const rows = await this.db.selectFrom('voice_clips').select(DETAILS).orderBy('title').execute();
    return rows.map(toClip).sort((a, b) => (a.slot ?? 99) - (b.slot ?? 99));
  }

  /** The clip holding this slot, other than `exceptId`. */
  async inSlot(slot: number, exceptId?: string): Promise<VoiceClip | undefined> {
    let q = this.db.selectFrom('voice_clips').select(DETAILS).where('slot', '=', slot);
    if (exceptId) q = q.where('id', '!=', exceptId);
    const row = await q.executeTakeFirst();
    return row && toClip(row);
  }
}
