/** The audit log of administrative actions: who did what to whom, when. Append-only. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AuditEntry {
  id: number;
  at: number;
  actor: { id?: string; name: string };
  action: string;
  target: { type: string; id?: string };
  detail: Record<string, unknown>;
}

export class AuditRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({ at: entry.at, actor_id: entry.actor.id ?? null, actor_name: entry.actor.name, action: entry.action, target_type: entry.target.type, target_id: entry.target.id ?? null, detail: JSON.stringify(entry.detail) })
      .execute();
  }

  /** Newest first; `before` pages back by id. */
  async list(options: { limit: number; before?: number; from?: number; to?: number }): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit);
    if (options.before !== undefined) query = query.where('id', '<', options.before);
    if (options.from !== undefined) query = query.where('at', '>=', options.from);
    if (options.to !== undefined) query = query.where('at', '<', options.to);
    return (await query.execute()).map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: { ...(r.actor_id ? { id: r.actor_id } : {}), name: r.actor_name },
      action: r.action,
      target: { type: r.target_type, ...(r.target_id ? { id: r.target_id } : {}) },
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}
