/**
 * The three statements a chat message runs inside its transaction on SQLite (the retry check, the
 * seq bump, the insert), prepared once and run on better-sqlite3 directly, without Kysely building
 * and compiling each one again. Only for use inside a transaction: the transaction holds Kysely's
 * one connection, so nothing else runs on it in between.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.js';

type EventRow = Database['conversation_events'];

export class SqliteHotPath {
  private readonly byClientId: BetterSqlite3.Statement<[string, string], EventRow>;
  private readonly bump: BetterSqlite3.Statement<[string], { last_seq: number }>;
  private readonly insert: BetterSqlite3.Statement<[string, number, string, string | null, string, number]>;

  constructor(file: BetterSqlite3.Database) {
    this.byClientId = file.prepare('select * from conversation_events where conversation_id = ? and client_id = ?');
    this.bump = file.prepare('update conversations set last_seq = last_seq + 1 where id = ? returning last_seq');
    this.insert = file.prepare('insert into conversation_events (conversation_id, seq, type, client_id, body, created_at) values (?, ?, ?, ?, ?, ?)');
  }

  findEventByClientId(conversationId: string, clientId: string): EventRow | undefined {
    return this.byClientId.get(conversationId, clientId);
  }

  /** The conversation's next seq, stored; undefined when there is no such conversation. */
  nextSeq(conversationId: string): number | undefined {
    return this.bump.get(conversationId)?.last_seq;
  }

  insertEvent(conversationId: string, seq: number, type: string, clientId: string | null, body: string, at: number): void {
    this.insert.run(conversationId, seq, type, clientId, body, at);
  }
}
