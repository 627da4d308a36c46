/** Agent login sessions, stored by the hash of their cookie value. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class SessionsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: { idHash: string; agentId: string; createdAt: number; expiresAt: number }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id_hash: session.idHash, agent_id: session.agentId, created_at: session.createdAt, expires_at: session.expiresAt })
      .execute();
  }

  /** The agent id of a session that has not expired at `now`. */
  async findLive(idHash: string, now: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .select('agent_id')
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.agent_id;
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteExpired(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
