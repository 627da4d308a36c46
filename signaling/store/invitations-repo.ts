/** Proactive invitations: their rules, how often each was shown and opened, and the conversations each started. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.js';

export interface InvitationRecord {
  id: string;
  text: string;
  /** Undefined: signed by the team. */
  senderAgentId?: string;
  queueId: string;
  pathPattern: string;
  delaySeconds: number;
  returningOnly: boolean;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What each invitation achieved. */
export interface InvitationCounts {
  shown: number;
  opened: number;
  conversations: number;
}

const toRecord = (r: Selectable<Database['invitations']>): InvitationRecord => ({
  id: r.id,
  text: r.text,
  ...(r.sender_agent_id ? { senderAgentId: r.sender_agent_id } : {}),
  queueId: r.queue_id,
  pathPattern: r.path_pattern,
  delaySeconds: Number(r.delay_seconds),
  returningOnly: Boolean(Number(r.returning_only)),
  enabled: Boolean(Number(r.enabled)),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const toRow = (i: InvitationRecord) => ({
  text: i.text,
  sender_agent_id: i.senderAgentId ?? null,
  queue_id: i.queueId,
  path_pattern: i.pathPattern,
  delay_seconds: i.delaySeconds,
  returning_only: i.returningOnly ? 1 : 0,
  enabled: i.enabled ? 1 : 0,
  updated_at: i.updatedAt,
});

export class InvitationsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(i: InvitationRecord): Promise<void> {
    await this.db.insertInto('invitations').values({ id: i.id, ...toRow(i), created_at: i.createdAt }).execute();
  }

  async update(i: InvitationRecord): Promise<void> {
    await this.db.updateTable('invitations').set(toRow(i)).where('id', '=', i.id).execute();
  }

  async find(id: string): Promise<InvitationRecord | undefined> {
    const row = await this.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** Every invitation, oldest first (the order admins made them in). */
  async list(): Promise<InvitationRecord[]> {
    return (await this.db.selectFrom('invitations').selectAll().orderBy('created_at').orderBy('id').execute()).map(toRecord);
  }

  /** The invitations the widget may show, oldest first: the first that matches wins. */
  async listEnabled(): Promise<InvitationRecord[]> {
    return (await this.db.selectFrom('invitations').selectAll().where('enabled', '=', 1).orderBy('created_at').orderBy('id').execute()).map(toRecord);
  }

  /** Adds one to how often an invitation was shown or opened. */
  async count(id: string, what: 'shown' | 'opened'): Promise<void> {
    const column = what === 'shown' ? 'shown_count' : 'opened_count';
    await this.db.updateTable('invitations').set({ [column]: sql`${sql.ref(column)} + 1` }).where('id', '=', id).execute();
  }

  /** Records that a conversation was started by replying to an invitation. */
  async linkConversation(invitationId: string, conversationId: string, at: number): Promise<void> {
    await this.db.insertInto('invitation_conversations').values({ invitation_id: invitationId, conversation_id: conversationId, created_at: at }).execute();
  }

  /** The invitation a conversation was started from, if any. */
  async invitationOf(conversationId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('invitation_conversations').select('invitation_id').where('conversation_id', '=', conversationId).executeTakeFirst();
    return row?.invitation_id;
  }

  /** Shown, opened and conversations started, per invitation id. */
  async counts(): Promise<Map<string, InvitationCounts>> {
    const [rows, started] = await Promise.all([
      this.db.selectFrom('invitations').select(['id', 'shown_count', 'opened_count']).execute(),
      this.db.selectFrom('invitation_conversations').select(['invitation_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('invitation_id').execute(),
    ]);
    const byId = new Map(started.map((s) => [s.invitation_id, Number(s.n)]));
    return new Map(rows.map((r) => [r.id, { shown: Number(r.shown_count), opened: Number(r.opened_count), conversations: byId.get(r.id) ?? 0 }]));
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('invitations').where('id', '=', id).execute();
  }
}
