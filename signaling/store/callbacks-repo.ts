/** Callbacks visitors asked for, from scheduled to done. */
import type { Kysely } from 'kysely';
import type { CallbackStatus } from '../protocol/contact-options.js';
import type { Database } from './schema.js';

export interface CallbackContext {
  name?: string;
  locale?: string;
  page?: { url?: string; title?: string };
}

export interface CallbackRecord {
  id: string;
  visitorId: string;
  queueId: string;
  phone: string;
  asap: boolean;
  dueAt: number;
  status: CallbackStatus;
  attempts: number;
  conversationId?: string;
  clientId: string;
  context: CallbackContext;
  createdAt: number;
}

const toRecord = (r: Database['callbacks']): CallbackRecord => ({
  id: r.id,
  visitorId: r.visitor_id,
  queueId: r.queue_id,
  phone: r.phone,
  asap: r.asap === 1,
  dueAt: Number(r.due_at),
  status: r.status as CallbackStatus,
  attempts: r.attempts,
  ...(r.conversation_id ? { conversationId: r.conversation_id } : {}),
  clientId: r.client_id,
  context: r.context ? (JSON.parse(r.context) as CallbackContext) : {},
  createdAt: Number(r.created_at),
});

export class CallbacksRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(c: CallbackRecord): Promise<void> {
    await this.db
      .insertInto('callbacks')
      .values({
        id: c.id,
        visitor_id: c.visitorId,
        queue_id: c.queueId,
        phone: c.phone,
        asap: c.asap ? 1 : 0,
        due_at: c.dueAt,
        status: c.status,
        attempts: c.attempts,
        conversation_id: c.conversationId ?? null,
        client_id: c.clientId,
        context: JSON.stringify(c.context),
        created_at: c.createdAt,
      })
      .execute();
  }

  async findById(id: string): Promise<CallbackRecord | undefined> {
    const row = await this.db.selectFrom('callbacks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByClientId(visitorId: string, clientId: string): Promise<CallbackRecord | undefined> {
    const row = await this.db.selectFrom('callbacks').selectAll().where('visitor_id', '=', visitorId).where('client_id', '=', clientId).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByConversation(conversationId: string): Promise<CallbackRecord | undefined> {
    const row = await this.db.selectFrom('callbacks').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return row && toRecord(row);
  }

  /** The visitor's callbacks that are still to happen or in progress, soonest first. */
  async pendingForVisitor(visitorId: string): Promise<CallbackRecord[]> {
    const rows = await this.db.selectFrom('callbacks').selectAll().where('visitor_id', '=', visitorId).where('status', 'in', ['scheduled', 'queued']).orderBy('due_at').execute();
    return rows.map(toRecord);
  }

  /** Scheduled callbacks due at or before `at`. */
  async due(at: number): Promise<CallbackRecord[]> {
    const rows = await this.db.selectFrom('callbacks').selectAll().where('status', '=', 'scheduled').where('due_at', '<=', at).orderBy('due_at').execute();
    return rows.map(toRecord);
  }

  /** Callbacks claimed for the ACD whose conversation was never opened (the server stopped between): schedule them again. */
  async rescheduleOrphans(): Promise<void> {
    await this.db.updateTable('callbacks').set((eb) => ({ status: 'scheduled', attempts: eb('attempts', '-', 1) })).where('status', '=', 'queued').where('conversation_id', 'is', null).execute();
  }

  /** When the next scheduled callback falls due, if any. */
  async nextDueAt(): Promise<number | undefined> {
    const row = await this.db.selectFrom('callbacks').select('due_at').where('status', '=', 'scheduled').orderBy('due_at').executeTakeFirst();
    return row ? Number(row.due_at) : undefined;
  }

  /**
   * Moves a callback from one status to another; false when it was not in `from` any more
   * (cancelled by the visitor while falling due, say), so only one of two racing changes wins.
   */
  async transition(id: string, from: CallbackStatus[], set: { status: CallbackStatus; dueAt?: number; attempts?: number; conversationId?: string }): Promise<boolean> {
    const result = await this.db
      .updateTable('callbacks')
      .set({
        status: set.status,
        ...(set.dueAt !== undefined ? { due_at: set.dueAt } : {}),
        ...(set.attempts !== undefined ? { attempts: set.attempts } : {}),
        ...(set.conversationId !== undefined ? { conversation_id: set.conversationId } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
