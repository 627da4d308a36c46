/**
 * Kysely's SQLite driver prepares every statement it runs, every time. This hands it a database
 * whose `prepare` keeps the statements it made, by their SQL text, so the statements a chat
 * message runs hundreds of times a second are compiled by SQLite once.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept; the least recently used is dropped beyond it (`in (?, ?, …)` lists vary). */
const MAX_STATEMENTS = 500;

export function withStatementCache(file: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => file.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the first is the one to drop.
        statements.delete(sql);
      } else {
        statement = file.prepare(sql);
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}
