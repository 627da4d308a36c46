/**
 * Voice replies (issue 22): clips an agent plays into a call. An uploaded recording keeps its
 * audio here (at most 2 MB, like the call recordings beside it); a spoken clip keeps its text and
 * is synthesized when played, so no audio is stored for it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('voice_clips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // 1 to 9 (Alt+1 … Alt+9), or null; one clip a slot, checked by the service.
    .addColumn('slot', 'integer')
    // recording | speech
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('mime_type', 'text')
    .addColumn('audio', dialect === 'postgres' ? 'bytea' : 'blob')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
