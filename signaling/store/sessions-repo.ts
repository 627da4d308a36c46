/** Agent login sessions, stored by the hash of their cookie value, with where and when each was last used. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';

export interface SessionRecord {
  /** Shown to the owner and used to end it; not the cookie value. */
  publicId: string;
  agentId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  address?: string;
  userAgent?: string;
}

export class SessionsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: { idHash: string } & Pick<SessionRecord, 'agentId' | 'createdAt' | 'expiresAt'> & Partial<SessionRecord>): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        public_id: session.publicId ?? null,
        agent_id: session.agentId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        last_seen_at: session.lastSeenAt ?? session.createdAt,
        address: session.address ?? null,
        user_agent: session.userAgent ?? null,
      })
      .execute();
  }

  /** The agent id of a session that has not expired at `now`. */
  async findLive(idHash: string, now: number): Promise<string | undefined> {
    return (await this.findSession(idHash, now))?.agentId;
  }

  /** The session if it has not expired at `now`. */
  async findSession(idHash: string, now: number): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Records a use of the session (at most now and then: the caller decides how often). */
  async touch(idHash: string, now: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }

  /** The agent's live sessions, most recently used first. */
  async listForAgent(agentId: string, now: number): Promise<SessionRecord[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('agent_id', '=', agentId).where('expires_at', '>', now).orderBy('last_seen_at', 'desc').execute();
    return rows.map(toRecord);
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Ends one of the agent's sessions by its public id. @returns false when it was not theirs or is gone. */
  async deleteByPublicId(agentId: string, publicId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sessions').where('agent_id', '=', agentId).where('public_id', '=', publicId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Ends every session of the agent, but the one whose hash is `except`. @returns how many ended. */
  async deleteForAgent(agentId: string, except?: string): Promise<number> {
    let query = this.db.deleteFrom('sessions').where('agent_id', '=', agentId);
    if (except) query = query.where('id_hash', '!=', except);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}

const toRecord = (r: Selectable<Database['sessions']>): SessionRecord => ({
  // Sessions from before migration 008 have no public id: their hash's start stands in for one.
  publicId: r.public_id ?? r.id_hash.slice(0, 16),
  agentId: r.agent_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at ?? r.created_at,
  ...(r.address ? { address: r.address } : {}),
  ...(r.user_agent ? { userAgent: r.user_agent } : {}),
});
