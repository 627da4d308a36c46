/** Visitors' requests to delete a conversation, from asked to decided. */
import type { Kysely } from 'kysely';
import type { DeletionRequestStatus } from '../protocol/privacy.js';
import type { Database } from './schema.js';

export interface DeletionRequestRecord {
  id: string;
  conversationId: string;
  visitorId: string;
  status: DeletionRequestStatus;
  createdAt: number;
  decidedAt?: number;
  decidedBy?: string;
}

const toRecord = (r: Database['deletion_requests']): DeletionRequestRecord => ({
  id: r.id,
  conversationId: r.conversation_id,
  visitorId: r.visitor_id,
  status: r.status as DeletionRequestStatus,
  createdAt: Number(r.created_at),
  ...(r.decided_at != null ? { decidedAt: Number(r.decided_at) } : {}),
  ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
});

export class DeletionRequestsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Files a request unless the conversation has one; returns whichever is stored (asking twice is one request). */
  async insertOnce(r: DeletionRequestRecord): Promise<DeletionRequestRecord> {
    await this.db
      .insertInto('deletion_requests')
      .values({ id: r.id, conversation_id: r.conversationId, visitor_id: r.visitorId, status: r.status, created_at: r.createdAt, decided_at: r.decidedAt ?? null, decided_by: r.decidedBy ?? null })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .execute();
    return (await this.findByConversation(r.conversationId))!;
  }

  async findById(id: string): Promise<DeletionRequestRecord | undefined> {
    const row = await this.db.selectFrom('deletion_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByConversation(conversationId: string): Promise<DeletionRequestRecord | undefined> {
    const row = await this.db.selectFrom('deletion_requests').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Newest first; only one status when given. */
  async list(options: { status?: DeletionRequestStatus; limit: number }): Promise<DeletionRequestRecord[]> {
    let q = this.db.selectFrom('deletion_requests').selectAll().orderBy('created_at', 'desc').limit(options.limit);
    if (options.status) q = q.where('status', '=', options.status);
    return (await q.execute()).map(toRecord);
  }

  /** Decides a pending request; false when it was decided already (two admins at once: one wins). */
  async decide(id: string, status: DeletionRequestStatus, by: string | undefined, at: number): Promise<boolean> {
    const result = await this.db.updateTable('deletion_requests').set({ status, decided_at: at, decided_by: by ?? null }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
