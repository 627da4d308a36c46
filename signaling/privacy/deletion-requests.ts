/**
 * A visitor asks, from the widget, to have one of their conversations deleted: erased at once
 * (automatic) or queued for an admin to approve or reject (review), as the retention settings say.
 * A visitor can only ever name their own conversation; anyone else's id is not found.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { DeletionReceipt, DeletionRequestStatus, DeletionRequestView } from '../protocol/privacy.js';
import type { DeletionRequestRecord } from '../store/deletion-requests-repo.js';
import type { Store } from '../store/store.js';
import { adminOf } from './admin-only.js';
import type { DataEraser } from './data-eraser.js';
import { readRetention } from './retention-settings.js';

export class DeletionRequests {
  constructor(private readonly deps: { store: Store; eraser: DataEraser; audit: AuditTrail; clock: () => number }) {}

  /**
   * Files the visitor's request; asking again answers with the first request's status.
   * @throws AppError `not-found` unless the conversation is the visitor's own.
   */
  async request(visitorId: string, conversationId: string): Promise<DeletionReceipt> {
    const { store, clock } = this.deps;
    const conversation = await store.conversations.findById(conversationId);
    if (conversation?.visitorId !== visitorId) throw new AppError('not-found', 'no such conversation');
    const filed = await store.deletionRequests.insertOnce({ id: randomUUID(), conversationId, visitorId, status: 'pending', createdAt: clock() });
    if (filed.status !== 'pending' || (await readRetention(store)).visitorDeletion === 'review') return { status: filed.status };
    // Automatic: the request stays pending until the erasure has happened, so a failure leaves it for an admin.
    await this.erase(filed, { kind: 'visitor', visitorId }, 'erased');
    return { status: 'erased' };
  }

  /** Requests for admins, newest first. */
  async list(actor: Actor, status?: DeletionRequestStatus): Promise<DeletionRequestView[]> {
    adminOf(actor);
    const requests = await this.deps.store.deletionRequests.list({ limit: 200, ...(status ? { status } : {}) });
    return Promise.all(requests.map((r) => this.view(r)));
  }

  /** An admin agrees: the conversation is ended if need be and erased. @throws AppError `not-found`, or `invalid-input` once decided. */
  async approve(actor: Actor, id: string): Promise<DeletionRequestView> {
    adminOf(actor);
    const request = await this.pending(id);
    await this.erase(request, actor, 'approved');
    return this.view((await this.deps.store.deletionRequests.findById(id))!);
  }

  /** An admin keeps the conversation (a legal hold, a dispute). @throws AppError `not-found`, or `invalid-input` once decided. */
  async reject(actor: Actor, id: string): Promise<DeletionRequestView> {
    const admin = adminOf(actor);
    const request = await this.pending(id);
    const { store, audit, clock } = this.deps;
    await store.transaction(async (tx) => {
      if (!(await tx.deletionRequests.decide(id, 'rejected', admin.id, clock()))) throw new AppError('invalid-input', 'this request was decided already');
      await audit.record(auditActorOf(actor), 'deletion-request.rejected', { type: 'conversation', id: request.conversationId }, { requestId: id }, tx);
    });
    return this.view((await store.deletionRequests.findById(id))!);
  }

  private async pending(id: string): Promise<DeletionRequestRecord> {
    const request = await this.deps.store.deletionRequests.findById(id);
    if (!request) throw new AppError('not-found', 'no such request');
    if (request.status !== 'pending') throw new AppError('invalid-input', 'this request was decided already');
    return request;
  }

  private async erase(request: DeletionRequestRecord, actor: Actor, outcome: 'approved' | 'erased'): Promise<void> {
    const { store, eraser, audit, clock } = this.deps;
    const erased = await eraser.eraseConversations([request.conversationId]);
    await store.transaction(async (tx) => {
      // Two admins approving at once: both erase (harmless), one decides and audits.
      if (!(await tx.deletionRequests.decide(request.id, outcome, actor.kind === 'agent' ? actor.agent.id : undefined, clock()))) return;
      await audit.record(auditActorOf(actor), outcome === 'approved' ? 'deletion-request.approved' : 'conversation.erased', { type: 'conversation', id: request.conversationId }, { requestId: request.id, reason: 'visitor-request', ...erased }, tx);
    });
  }

  private async view(r: DeletionRequestRecord): Promise<DeletionRequestView> {
    const conversation = await this.deps.store.conversations.findById(r.conversationId);
    const admin = r.decidedBy ? await this.deps.store.agents.findById(r.decidedBy) : undefined;
    return {
      id: r.id,
      conversationId: r.conversationId,
      status: r.status,
      createdAt: r.createdAt,
      ...(r.decidedAt !== undefined ? { decidedAt: r.decidedAt } : {}),
      ...(admin ? { decidedBy: { id: admin.id, name: admin.name } } : {}),
      ...(conversation ? { conversation: { channel: conversation.channel, status: conversation.status, createdAt: conversation.createdAt, ...(conversation.endedAt !== undefined ? { endedAt: conversation.endedAt } : {}) } } : {}),
    };
  }
}
