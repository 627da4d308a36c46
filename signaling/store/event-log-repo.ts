/** The append-only event log: every routing and presence change, for KPIs and audits. */
import type { Kysely, Selectable } from 'kysely';
import type { LogEntry } from '../kpi/log-types.js';
import type { Database } from './schema.js';

/** One event-log entry; its vocabulary is LogType in kpi/log-types.ts. */
export type LoggedEvent = LogEntry;

export class EventLogRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async append(e: LoggedEvent): Promise<void> {
    await this.appendMany([e]);
  }

  /** Several events in one statement (one commit), in the order given. */
  async appendMany(events: readonly LoggedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db
      .insertInto('event_log')
      .values(
        events.map((e) => ({
          at: e.at,
          type: e.type,
          conversation_id: e.conversationId ?? null,
          agent_id: e.agentId ?? null,
          queue_id: e.queueId ?? null,
          data: e.data ? JSON.stringify(e.data) : null,
        })),
      )
      .execute();
  }

  /** Events at or after `from` (and before `to`), in append order. */
  async listSince(from: number, to = Number.MAX_SAFE_INTEGER): Promise<LoggedEvent[]> {
    const rows = await this.db.selectFrom('event_log').selectAll().where('at', '>=', from).where('at', '<', to).orderBy('id').execute();
    return rows.map(toLogged);
  }

  /** Events in append order, optionally only those of one conversation. */
  async list(filter: { conversationId?: string } = {}): Promise<LoggedEvent[]> {
    let q = this.db.selectFrom('event_log').selectAll().orderBy('id');
    if (filter.conversationId) q = q.where('conversation_id', '=', filter.conversationId);
    return (await q.execute()).map(toLogged);
  }
}

function toLogged(r: Selectable<Database['event_log']>): LoggedEvent {
  return {
    at: r.at,
    type: r.type,
    ...(r.conversation_id ? { conversationId: r.conversation_id } : {}),
    ...(r.agent_id ? { agentId: r.agent_id } : {}),
    ...(r.queue_id ? { queueId: r.queue_id } : {}),
    ...(r.data ? { data: JSON.parse(r.data) as Record<string, unknown> } : {}),
  };
}
