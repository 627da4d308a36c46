/** The team's canned replies. */
import type { Kysely } from 'kysely';
import type { CannedReply } from '../protocol/api.js';
import type { Database } from './schema.js';

export class CannedRepliesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(reply: CannedReply, now: number): Promise<void> {
    await this.db.insertInto('canned_replies').values({ ...reply, created_at: now }).execute();
  }

  async list(): Promise<CannedReply[]> {
    return this.db.selectFrom('canned_replies').select(['id', 'shortcut', 'title', 'body']).orderBy('shortcut').execute();
  }
}
