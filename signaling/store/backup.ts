/**
 * A consistent copy of the database while the server runs. SQLite: the online backup API
 * (pages copied under the database's own locks, so a busy server keeps writing). PostgreSQL:
 * pg_dump is the tool for that; we print the command rather than reimplement it.
 */
import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { parseDatabaseUrl } from './database-url.js';

export type BackupResult = { kind: 'copied'; pages: number; file: string } | { kind: 'use-pg-dump'; command: string };

/** @throws Error when the SQLite database does not exist or the target file does. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'postgres') {
    const quoted = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
    return { kind: 'use-pg-dump', command: `pg_dump --format=custom --no-owner --file=${quoted(file)} ${quoted(target.url)}` };
  }
  if (target.path === ':memory:' || !existsSync(target.path)) throw new Error(`no database at ${target.path}`);
  if (existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  const db = new SqliteDatabase(target.path, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(file);
    return { kind: 'copied', pages: result.totalPages, file };
  } finally {
    db.close();
  }
}
