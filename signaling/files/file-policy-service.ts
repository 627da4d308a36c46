/**
 * The site's file policy: kept as one JSON value in the settings table (every node reads the
 * same), read at each upload, mail and channel file so that an admin's change applies at once.
 * Until an admin saves one, the start-up defaults (ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES) apply.
 */
import type { Actor } from '../kernel/actor.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import { filePolicySchema, type FilePolicy } from '../protocol/file-policy.js';
import type { Store } from '../store/store.js';

export const FILE_POLICY_KEY = 'files.policy';

export interface FilePolicyDeps {
  store: Store;
  audit: AuditTrail;
  /** What applies until an admin saves a policy. */
  defaults: FilePolicy;
}

export class FilePolicyService {
  constructor(private readonly deps: FilePolicyDeps) {}

  /** The policy in force; an unreadable stored value falls back to the defaults rather than refusing every file. */
  async read(): Promise<FilePolicy> {
    const stored = await this.deps.store.settings.get(FILE_POLICY_KEY);
    if (!stored) return this.deps.defaults;
    try {
      const parsed = filePolicySchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : this.deps.defaults;
    } catch {
      return this.deps.defaults;
    }
  }

  /** Replaces the policy (the route has validated it against the bounds and the known types). */
  async save(actor: Actor, policy: FilePolicy): Promise<FilePolicy> {
    const before = await this.read();
    await this.deps.store.settings.set(FILE_POLICY_KEY, JSON.stringify(policy));
    await this.deps.audit.record(auditActorOf(actor), 'file-policy.changed', { type: 'settings', id: FILE_POLICY_KEY }, { maxBytes: [before.maxBytes, policy.maxBytes], types: policy.types });
    return policy;
  }
}
