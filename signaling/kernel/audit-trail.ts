/** Writes the audit log of administrative actions (team, roles, merges, exports, erasures, configuration, forced states). */
import type { AuditEntry } from '../store/audit-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from './actor.js';

/** Who did it, as the audit log names them. */
export type AuditActor = { id?: string; name: string };

export const auditActorOf = (actor: Actor): AuditActor =>
  actor.kind === 'agent' ? { id: actor.agent.id, name: actor.agent.name } : { id: actor.visitorId, name: 'visitor' };

export class AuditTrail {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Appends one entry; inside a transaction (`tx`) it lands with the change it records, or not at all. */
  async record(actor: AuditActor, action: string, target: AuditEntry['target'], detail: Record<string, unknown> = {}, tx: Store = this.store): Promise<void> {
    await tx.audit.append({ at: this.clock(), actor, action, target, detail });
  }

  /** Newest first. */
  list(options: { limit: number; before?: number; from?: number; to?: number }): Promise<AuditEntry[]> {
    return this.store.audit.list(options);
  }
}
