/** Conversations and their timelines, with per-conversation sequence numbers. */
import type { Kysely } from 'kysely';
import type { Channel } from '../acd/types.js';
import type { ConversationEvent, ConversationEventBody, ConversationSource, ConversationStatus, ConversationSummary, Disposition } from '../protocol/conversation.js';
import type { StoreCaches } from './read-cache.js';
import type { SqliteHotPath } from './sqlite-hot-path.js';
import type { Database } from './schema.js';

export interface ConversationRecord {
  id: string;
  visitorId: string;
  queueId: string;
  agentId?: string;
  status: ConversationStatus;
  channel: Channel;
  priority: number;
  lastSeq: number;
  startClientId?: string;
  language?: string;
  pageUrl?: string;
  pageTitle?: string;
  /** Absent for the widget's chats and calls; `callback`, `email` or `channel:<id>` otherwise. */
  source?: ConversationSource;
  subject?: string;
  createdAt: number;
  answeredAt?: number;
  endedAt?: number;
}

const toRecord = (r: Database['conversations']): ConversationRecord => ({
  id: r.id,
  visitorId: r.visitor_id,
  queueId: r.queue_id,
  ...(r.agent_id ? { agentId: r.agent_id } : {}),
  status: r.status as ConversationStatus,
  channel: r.channel as Channel,
  priority: r.priority,
  lastSeq: r.last_seq,
  ...(r.start_client_id ? { startClientId: r.start_client_id } : {}),
  ...(r.language ? { language: r.language } : {}),
  ...(r.page_url ? { pageUrl: r.page_url } : {}),
  ...(r.page_title ? { pageTitle: r.page_title } : {}),
  ...(r.source ? { source: r.source as ConversationSource } : {}),
  ...(r.subject ? { subject: r.subject } : {}),
  createdAt: r.created_at,
  ...(r.answered_at != null ? { answeredAt: r.answered_at } : {}),
  ...(r.ended_at != null ? { endedAt: r.ended_at } : {}),
  ...(r.disposition ? { disposition: r.disposition as Disposition } : {}),
  ...(r.rating != null ? { rating: r.rating } : {}),
});

const toEvent = (r: Database['conversation_events']): ConversationEvent => ({
  ...(JSON.parse(r.body) as ConversationEventBody),
  conversationId: r.conversation_id,
  seq: r.seq,
  at: r.created_at,
});

export class ConversationsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    /** Conversations by id, read on every message; every write below keeps it true. */
    private readonly caches: StoreCaches,
    /** SQLite: the message path's statements, prepared once; used inside transactions only. */
    private readonly hotPath?: SqliteHotPath,
  ) {}

  /** The prepared statements, when this repo runs inside a transaction (which holds the one connection). */
  private get hot(): SqliteHotPath | undefined {
    return this.db.isTransaction ? this.hotPath : undefined;
  }

  /** Called after each write (in `finally`), so a read that raced the write does not keep what it read before it. */
  private changed(id: string): void {
    this.caches.conversations.invalidate(id);
  }

  /** A new id: nothing of it can be cached yet (a miss is not kept). */
  async insert(c: Omit<ConversationRecord, 'lastSeq' | 'channel' | 'priority'> & Partial<Pick<ConversationRecord, 'channel' | 'priority'>>): Promise<void> {
    await this.db
      .insertInto('conversations')
      .values({
        id: c.id,
        visitor_id: c.visitorId,
        queue_id: c.queueId,
        agent_id: c.agentId ?? null,
        status: c.status,
        channel: c.channel ?? 'chat',
        priority: c.priority ?? 0,
        disposition: null,
        rating: null,
        language: c.language ?? null,
        last_seq: 0,
        visitor_read_seq: 0,
        agent_read_seq: 0,
        start_client_id: c.startClientId ?? null,
        page_url: c.pageUrl ?? null,
        page_title: c.pageTitle ?? null,
        source: c.source ?? null,
        subject: c.subject ?? null,
        created_at: c.createdAt,
        answered_at: null,
        ended_at: null,
      })
      .execute();
  }

  /** The conversation (from memory where it may be: treat it as read-only). */
  async findById(id: string): Promise<ConversationRecord | undefined> {
    return this.caches.conversations.get(id, async () => {
      const row = await this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    });
  }

  async findByStartClientId(visitorId: string, clientId: string): Promise<ConversationRecord | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('visitor_id', '=', visitorId)
      .where('start_client_id', '=', clientId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /**
   * The visitor's widget conversation (chat or call) that has not ended, if any; a visitor has
   * at most one. Their callbacks, e-mails and channel messages are conversations of their own.
   */
  async findOpenForVisitor(visitorId: string): Promise<ConversationRecord | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('visitor_id', '=', visitorId)
      .where('status', '!=', 'ended')
      .where('source', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** The visitor's open conversation from one source (an e-mail thread, a channel), newest first. */
  async findOpenBySource(visitorId: string, source: string): Promise<ConversationRecord | undefined> {
    const row = await this.db.selectFrom('conversations').selectAll().where('visitor_id', '=', visitorId).where('source', '=', source).where('status', '!=', 'ended').orderBy('created_at', 'desc').executeTakeFirst();
    return row && toRecord(row);
  }

  async listByStatus(statuses: ConversationStatus[]): Promise<ConversationRecord[]> {
    const rows = await this.db.selectFrom('conversations').selectAll().where('status', 'in', statuses).orderBy('created_at').execute();
    return rows.map(toRecord);
  }

  /** Moves a queued conversation to an agent; false when it was no longer queued. The first answer's time is kept. */
  async assign(id: string, agentId: string, at: number): Promise<boolean> {
    try {
      const result = await this.db
        .updateTable('conversations')
        .set((eb) => ({ agent_id: agentId, status: 'active', answered_at: eb.fn.coalesce('answered_at', eb.val(at)) }))
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } finally {
      this.changed(id);
    }
  }

  /** Puts an answered conversation back in a queue (its agent vanished, or it was transferred there); false unless it was active. */
  async requeue(id: string, queueId: string): Promise<boolean> {
    try {
      const result = await this.db.updateTable('conversations').set({ status: 'queued', agent_id: null, queue_id: queueId }).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } finally {
      this.changed(id);
    }
  }

  /** Moves an active conversation from one agent to another; false when it was not that agent's any more. */
  async reassign(id: string, fromAgentId: string, toAgentId: string): Promise<boolean> {
    try {
      const result = await this.db.updateTable('conversations').set({ agent_id: toAgentId }).where('id', '=', id).where('status', '=', 'active').where('agent_id', '=', fromAgentId).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } finally {
      this.changed(id);
    }
  }

  /** Ends an open conversation; false when it had already ended. */
  async end(id: string, at: number): Promise<boolean> {
    try {
      const result = await this.db
        .updateTable('conversations')
        .set({ status: 'ended', ended_at: at })
        .where('id', '=', id)
        .where('status', '!=', 'ended')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } finally {
      this.changed(id);
    }
  }

  /** Puts an ended conversation back in its queue (the customer wrote again in the thread); false unless it had ended. */
  async reopen(id: string): Promise<boolean> {
    try {
      const result = await this.db.updateTable('conversations').set({ status: 'queued', agent_id: null, ended_at: null }).where('id', '=', id).where('status', '=', 'ended').executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } finally {
      this.changed(id);
    }
  }

  /** Moves a waiting conversation to another queue (overflow). */
  async moveToQueue(id: string, queueId: string): Promise<void> {
    try {
      await this.db.updateTable('conversations').set({ queue_id: queueId }).where('id', '=', id).where('status', '=', 'queued').execute();
    } finally {
      this.changed(id);
    }
  }

  /** Records the visitor's rating of an ended conversation, once; false when it was already rated or is open. */
  async rate(id: string, rating: number): Promise<boolean> {
    try {
      const result = await this.db.updateTable('conversations').set({ rating }).where('id', '=', id).where('status', '=', 'ended').where('rating', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } finally {
      this.changed(id);
    }
  }

  /** Records the agent's wrap-up outcome. */
  async setDisposition(id: string, disposition: Disposition): Promise<void> {
    try {
      await this.db.updateTable('conversations').set({ disposition }).where('id', '=', id).execute();
    } finally {
      this.changed(id);
    }
  }

  /** The agent of the visitor's most recent answered conversation other than `exceptId` (for sticky routing). */
  async lastAgentOf(visitorId: string, exceptId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('agent_id')
      .where('visitor_id', '=', visitorId)
      .where('id', '!=', exceptId)
      .where('agent_id', 'is not', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row?.agent_id ?? undefined;
  }

  /** Raises the party's read mark; never lowers it. Returns the mark now stored. */
  async markRead(id: string, party: 'visitor' | 'agent', seq: number): Promise<number> {
    const column = party === 'visitor' ? 'visitor_read_seq' : 'agent_read_seq';
    await this.db
      .updateTable('conversations')
      .set({ [column]: seq })
      .where('id', '=', id)
      .where(column, '<', seq)
      .where('last_seq', '>=', seq)
      .execute();
    const row = await this.db.selectFrom('conversations').select(column).where('id', '=', id).executeTakeFirstOrThrow();
    return (row as Record<string, number>)[column]!;
  }

  /**
   * Appends an event with the next seq. Call inside a transaction: the seq bump and the
   * insert must land together, and the row lock on the conversation orders concurrent appends.
   */
  async appendEvent(conversationId: string, body: ConversationEventBody, at: number, clientId?: string): Promise<ConversationEvent> {
    const hot = this.hot;
    if (hot) {
      const next = hot.nextSeq(conversationId);
      if (next === undefined) throw new Error(`no conversation ${conversationId}`);
      this.caches.conversations.update(conversationId, (c) => c && { ...c, lastSeq: next });
      hot.insertEvent(conversationId, next, body.type, clientId ?? null, JSON.stringify(body), at);
      return { ...body, conversationId, seq: next, at };
    }
    const { last_seq: seq } = await this.db
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', conversationId)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    this.caches.conversations.update(conversationId, (c) => c && { ...c, lastSeq: seq });
    await this.db
      .insertInto('conversation_events')
      .values({ conversation_id: conversationId, seq, type: body.type, client_id: clientId ?? null, body: JSON.stringify(body), created_at: at })
      .execute();
    return { ...body, conversationId, seq, at };
  }

  async findEventByClientId(conversationId: string, clientId: string): Promise<ConversationEvent | undefined> {
    const hot = this.hot;
    if (hot) {
      const row = hot.findEventByClientId(conversationId, clientId);
      return row && toEvent(row);
    }
    const row = await this.db
      .selectFrom('conversation_events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toEvent(row);
  }

  /** Timeline events with seq greater than `afterSeq`, oldest first. */
  async eventsAfter(conversationId: string, afterSeq: number, limit = 500): Promise<ConversationEvent[]> {
    const rows = await this.db
      .selectFrom('conversation_events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  /** The newest message text of a conversation, for offer previews. */
  /** The first message of each conversation (what the contact was about), by conversation id. */
  async firstMessages(conversationIds: string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (conversationIds.length === 0) return map;
    const rows = await this.db.selectFrom('conversation_events').select(['conversation_id', 'body']).where('conversation_id', 'in', conversationIds).where('type', '=', 'message').orderBy('seq').execute();
    for (const r of rows) {
      if (map.has(r.conversation_id)) continue;
      const body = JSON.parse(r.body) as ConversationEventBody;
      if (body.type === 'message') map.set(r.conversation_id, body.text);
    }
    return map;
  }

  /** Conversations of any of these visitors (one customer's), newest first. */
  async summariesForVisitors(visitorIds: string[], limit = 50): Promise<ConversationSummary[]> {
    if (visitorIds.length === 0) return [];
    return this.summaries((q) => q.where('c.visitor_id', 'in', visitorIds).orderBy('c.created_at', 'desc').limit(limit));
  }

  async lastMessageText(conversationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('conversation_events')
      .select('body')
      .where('conversation_id', '=', conversationId)
      .where('type', '=', 'message')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    if (!row) return undefined;
    const body = JSON.parse(row.body) as ConversationEventBody;
    return body.type === 'message' ? body.text : undefined;
  }

  async summary(id: string): Promise<ConversationSummary | undefined> {
    return (await this.summaries((q) => q.where('c.id', '=', id)))[0];
  }

  /** The visitor's conversations, newest first. */
  async summariesForVisitor(visitorId: string, limit = 20): Promise<ConversationSummary[]> {
    return this.summaries((q) => q.where('c.visitor_id', '=', visitorId).orderBy('c.created_at', 'desc').limit(limit));
  }

  /** The agent's conversations (assigned, or barged into as a supervisor), newest first. */
  async summariesForAgent(agentId: string, limit = 50): Promise<ConversationSummary[]> {
    return this.summaries((q) =>
      q
        .where((eb: any) => eb.or([eb('c.agent_id', '=', agentId), eb('c.id', 'in', eb.selectFrom('conversation_participants').select('conversation_id').where('agent_id', '=', agentId))])) // eslint-disable-line @typescript-eslint/no-explicit-any
        .orderBy('c.created_at', 'desc')
        .limit(limit),
    );
  }

  private async summaries(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's joined builder type is unwieldy to name
    refine: (q: any) => any,
  ): Promise<ConversationSummary[]> {
    const base = this.db
      .selectFrom('conversations as c')
      .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
      .leftJoin('agents as a', 'a.id', 'c.agent_id')
      .select([
        'c.id',
        'c.status',
        'c.channel',
        'c.queue_id',
        'c.visitor_id',
        'v.name as visitor_name',
        'v.email as visitor_email',
        'v.phone as visitor_phone',
        'c.agent_id',
        'a.name as agent_name',
        'c.last_seq',
        'c.visitor_read_seq',
        'c.agent_read_seq',
        'c.created_at',
        'c.ended_at',
        'c.disposition',
        'c.rating',
        'c.source',
        'c.subject',
        'c.language',
      ]);
    const rows = (await refine(base).execute()) as SummaryRow[];
    return rows.map(toSummary);
  }
}

interface SummaryRow {
  id: string;
  status: string;
  channel: string;
  queue_id: string;
  visitor_id: string;
  visitor_name: string | null;
  visitor_email: string | null;
  visitor_phone: string | null;
  agent_id: string | null;
  agent_name: string | null;
  last_seq: number;
  visitor_read_seq: number;
  agent_read_seq: number;
  created_at: number;
  ended_at: number | null;
  disposition: string | null;
  rating: number | null;
  source: string | null;
  subject: string | null;
  language: string | null;
}

const toSummary = (r: SummaryRow): ConversationSummary => ({
  id: r.id,
  status: r.status as ConversationStatus,
  channel: r.channel as Channel,
  queueId: r.queue_id,
  visitor: {
    id: r.visitor_id,
    ...(r.visitor_name ? { name: r.visitor_name } : {}),
    ...(r.visitor_email ? { email: r.visitor_email } : {}),
    ...(r.visitor_phone ? { phone: r.visitor_phone } : {}),
  },
  ...(r.agent_id && r.agent_name ? { agent: { id: r.agent_id, name: r.agent_name } } : {}),
  lastSeq: r.last_seq,
  visitorReadSeq: r.visitor_read_seq,
  agentReadSeq: r.agent_read_seq,
  createdAt: r.created_at,
  ...(r.ended_at != null ? { endedAt: r.ended_at } : {}),
  ...(r.disposition ? { disposition: r.disposition as Disposition } : {}),
  ...(r.rating != null ? { rating: r.rating } : {}),
  ...(r.source ? { source: r.source as ConversationSource } : {}),
  ...(r.subject ? { subject: r.subject } : {}),
  ...(r.language ? { language: r.language } : {}),
});
