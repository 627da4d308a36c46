/** Canned replies: the team's and each agent's own, with per-language variants. */
import type { Kysely } from 'kysely';
import type { CannedReply } from '../protocol/api.js';
import type { Database } from './schema.js';

const toReply = (r: Pick<Database['canned_replies'], 'id' | 'shortcut' | 'title' | 'body' | 'owner_id' | 'language'>): CannedReply => ({
  id: r.id,
  shortcut: r.shortcut,
  title: r.title,
  body: r.body,
  ...(r.owner_id ? { ownerId: r.owner_id } : {}),
  ...(r.language ? { language: r.language } : {}),
});

export class CannedRepliesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(reply: CannedReply, now: number): Promise<void> {
    await this.db
      .insertInto('canned_replies')
      .values({ id: reply.id, shortcut: reply.shortcut, title: reply.title, body: reply.body, owner_id: reply.ownerId ?? null, language: reply.language ?? null, created_at: now })
      .execute();
  }

  async update(reply: CannedReply): Promise<void> {
    await this.db.updateTable('canned_replies').set({ shortcut: reply.shortcut, title: reply.title, body: reply.body, language: reply.language ?? null }).where('id', '=', reply.id).execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('canned_replies').where('id', '=', id).execute();
  }

  async findById(id: string): Promise<CannedReply | undefined> {
    const row = await this.db.selectFrom('canned_replies').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toReply(row);
  }

  /** The team's replies, and the personal ones of `agentId` when given. */
  async list(agentId?: string): Promise<CannedReply[]> {
    let q = this.db.selectFrom('canned_replies').select(['id', 'shortcut', 'title', 'body', 'owner_id', 'language']);
    q = agentId ? q.where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', agentId)])) : q.where('owner_id', 'is', null);
    return (await q.orderBy('shortcut').orderBy('language').execute()).map(toReply);
  }

  /** Whether this shortcut and language are taken in the same scope (the team's, or one agent's). */
  async clash(shortcut: string, language: string | undefined, ownerId: string | undefined, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('canned_replies').select('id').where('shortcut', '=', shortcut);
    q = language ? q.where('language', '=', language) : q.where('language', 'is', null);
    q = ownerId ? q.where('owner_id', '=', ownerId) : q.where('owner_id', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }
}
