/** Whispers and (later) internal notes: stored beside the timeline, never in it, so visitors cannot receive them. */
import type { Kysely, Selectable } from 'kysely';
import type { ConversationNote } from '../protocol/notes.js';
import type { StoreCaches } from './read-cache.js';
import type { Database } from './schema.js';

const toNote = (r: Selectable<Database['conversation_notes']>): ConversationNote => ({
  id: Number(r.id),
  conversationId: r.conversation_id,
  kind: r.kind as ConversationNote['kind'],
  author: { id: r.author_id, name: r.author_name },
  text: r.text,
  at: r.created_at,
});

export class NotesRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly caches: StoreCaches,
  ) {}

  /** Adds a note; a retried client id returns the note stored the first time. */
  async add(note: Omit<ConversationNote, 'id'>, clientId: string): Promise<ConversationNote> {
    const earlier = await this.db.selectFrom('conversation_notes').selectAll().where('conversation_id', '=', note.conversationId).where('client_id', '=', clientId).executeTakeFirst();
    if (earlier) return toNote(earlier);
    const row = await this.db
      .insertInto('conversation_notes')
      .values({ conversation_id: note.conversationId, kind: note.kind, author_id: note.author.id, author_name: note.author.name, text: note.text, client_id: clientId, created_at: note.at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toNote(row);
  }

  async list(conversationId: string): Promise<ConversationNote[]> {
    return (await this.db.selectFrom('conversation_notes').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute()).map(toNote);
  }

  /** The notes of several conversations (one customer's), oldest first. */
  async listFor(conversationIds: string[]): Promise<ConversationNote[]> {
    if (conversationIds.length === 0) return [];
    return (await this.db.selectFrom('conversation_notes').selectAll().where('conversation_id', 'in', conversationIds).orderBy('id').execute()).map(toNote);
  }

  async addParticipant(conversationId: string, agentId: string, at: number): Promise<boolean> {
    const result = await this.db
      .insertInto('conversation_participants')
      .values({ conversation_id: conversationId, agent_id: agentId, joined_at: at })
      .onConflict((oc) => oc.columns(['conversation_id', 'agent_id']).doNothing())
      .executeTakeFirst();
    // After the write, so a read that raced it does not keep what it read before it.
    this.caches.participants.invalidate(conversationId);
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Agents who barged into the conversation. */
  async participants(conversationId: string): Promise<string[]> {
    return this.caches.participants.get(conversationId, async () =>
      (await this.db.selectFrom('conversation_participants').select('agent_id').where('conversation_id', '=', conversationId).execute()).map((r) => r.agent_id),
    );
  }
}
