/** One-time links that invite a person or reset their password, stored by the hash of their token. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type AccountLinkPurpose = 'invite' | 'reset';

export interface AccountLinkRecord {
  agentId: string;
  purpose: AccountLinkPurpose;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
}

export class AccountLinksRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(tokenHash: string, link: AccountLinkRecord): Promise<void> {
    await this.db
      .insertInto('account_links')
      .values({ token_hash: tokenHash, agent_id: link.agentId, purpose: link.purpose, created_by: link.createdBy, created_at: link.createdAt, expires_at: link.expiresAt, used_at: null })
      .execute();
  }

  /** A link that is neither used nor expired at `now`. */
  async findLive(tokenHash: string, now: number): Promise<AccountLinkRecord | undefined> {
    const row = await this.db.selectFrom('account_links').selectAll().where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    return row && { agentId: row.agent_id, purpose: row.purpose as AccountLinkPurpose, createdBy: row.created_by, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  /** Takes the link: only one of two racing uses succeeds. */
  async use(tokenHash: string, now: number): Promise<boolean> {
    const result = await this.db.updateTable('account_links').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Withdraws the agent's unused links (a new one replaces them, or the account was deactivated). */
  async revokeForAgent(agentId: string, now: number): Promise<void> {
    await this.db.updateTable('account_links').set({ used_at: now }).where('agent_id', '=', agentId).where('used_at', 'is', null).execute();
  }

  /** Whether the agent has an invitation not yet accepted (used or not, expired or not). */
  async hasPendingInvitation(agentIds: string[]): Promise<Set<string>> {
    if (agentIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('account_links').select('agent_id').where('purpose', '=', 'invite').where('used_at', 'is', null).where('agent_id', 'in', agentIds).execute();
    return new Set(rows.map((r) => r.agent_id));
  }
}
