/**
 * Customers' data for admins (GDPR/CCPA): export everything stored about a customer as one
 * archive, erase a customer, and set how long conversations, recordings and attachments are
 * kept. Every action is audited, without the data it touched.
 */
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { ErasureReport, RetentionSettings } from '../protocol/privacy.js';
import type { Store } from '../store/store.js';
import { adminOf } from './admin-only.js';
import type { ConversationFiles } from './conversation-files.js';
import { customerExportEntries } from './customer-export.js';
import type { DataEraser } from './data-eraser.js';
import { readRetention, writeRetention } from './retention-settings.js';
import { pullStream, zipChunks } from './zip-stream.js';

export interface PrivacyServiceDeps {
  store: Store;
  eraser: DataEraser;
  files: ConversationFiles[];
  audit: AuditTrail;
  clock: () => number;
}

export class PrivacyService {
  constructor(private readonly deps: PrivacyServiceDeps) {}

  /**
   * The customer's archive (zip), streamed as it is read: `customer.json` and each file.
   * @throws AppError `forbidden` for anyone but an admin, `not-found` for an unknown customer.
   */
  async exportCustomer(actor: Actor, customerId: string): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
    adminOf(actor);
    const { store, files, audit, clock } = this.deps;
    if (!(await store.customers.findById(customerId))) throw new AppError('not-found', 'no such customer');
    const now = clock();
    const conversations = (await store.privacy.conversationIdsOf((await store.privacy.visitorsOf(customerId)).map((v) => v.id))).length;
    await audit.record(auditActorOf(actor), 'customer.exported', { type: 'customer', id: customerId }, { conversations });
    return { filename: `customer-${customerId}.zip`, stream: pullStream(zipChunks(customerExportEntries(store, files, customerId, now))) };
  }

  /**
   * Erases the customer: `confirm` must repeat their id. Live conversations are ended first.
   * @throws AppError `forbidden`, `invalid-input` for a confirmation that does not match, `not-found`.
   */
  async eraseCustomer(actor: Actor, customerId: string, confirm: string): Promise<ErasureReport> {
    adminOf(actor);
    if (confirm !== customerId) throw new AppError('invalid-input', 'confirm must repeat the customer id', [{ path: 'confirm', message: 'does not match the customer id' }]);
    if (!(await this.deps.store.customers.findById(customerId))) throw new AppError('not-found', 'no such customer');
    const report = await this.deps.eraser.eraseCustomer(customerId);
    // Counts only: the audit log must not become the copy of what was erased.
    await this.deps.audit.record(auditActorOf(actor), 'customer.erased', { type: 'customer', id: customerId }, { visitors: report.visitors, conversations: report.conversations, recordings: report.recordings, files: report.files });
    return report;
  }

  async retention(actor: Actor): Promise<RetentionSettings> {
    adminOf(actor);
    return readRetention(this.deps.store);
  }

  /** Changes some retention settings (null: keep forever); the audit log keeps both versions. */
  async setRetention(actor: Actor, change: Partial<RetentionSettings>): Promise<RetentionSettings> {
    adminOf(actor);
    const { store, audit } = this.deps;
    return store.transaction(async (tx) => {
      const before = await readRetention(tx);
      const after: RetentionSettings = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
      await writeRetention(tx, after);
      await audit.record(auditActorOf(actor), 'privacy.retention-changed', { type: 'settings', id: 'privacy.retention' }, { from: before, to: after }, tx);
      return after;
    });
  }
}
