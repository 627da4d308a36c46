/** Opens the configured database, brings its schema up to date, and returns the Store. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { parseDatabaseUrl } from './database-url.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { SqliteHotPath } from './sqlite-hot-path.js';
import { withStatementCache } from './statement-cache.js';
import { Store } from './store.js';

export interface OpenStoreOptions {
  /** PostgreSQL only: a schema to create and use (tests isolate themselves this way). */
  schema?: string;
  /** Bring the schema up to date (the default); `false` leaves it as it is (`switchboard migrate --status`). */
  migrate?: boolean;
}

/** Each migration and whether it ran, in order. */
export type MigrationStatus = { name: string; appliedAt?: Date }[];

export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const { db, dialect, schema, file } = await connect(databaseUrl, options);
  if (options.migrate === false) return new Store(db, dialect);
  // Kysely looks for its own tables in every schema unless told which: a test schema left
  // behind by a crashed run would pass for this one's.
  const migrator = new Migrator({ db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  // Servers started together migrate one at a time: Kysely's migrator holds a lock row for it.
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Prepared after the migrations, which make the tables they name.
  return new Store(db, dialect, undefined, file && new SqliteHotPath(file));
}

/** The migrations and which of them the database has run, without running any. */
export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  const { db, dialect, schema } = await connect(databaseUrl, {});
  try {
    const infos = await new Migrator({ db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) }).getMigrations();
    return infos.map((m) => ({ name: m.name, ...(m.executedAt ? { appliedAt: m.executedAt } : {}) }));
  } finally {
    await db.destroy();
  }
}

async function connect(databaseUrl: string, options: OpenStoreOptions): Promise<{ db: Kysely<Database>; dialect: 'sqlite' | 'postgres'; schema?: string; file?: SqliteDatabase.Database }> {
  const target = parseDatabaseUrl(databaseUrl);
  let db: Kysely<Database>;
  let file: SqliteDatabase.Database | undefined;
  const schema = options.schema ?? (target.dialect === 'postgres' ? target.schema : undefined);
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    file = new SqliteDatabase(target.path);
    file.pragma('journal_mode = WAL');
    // FULL in WAL mode syncs each commit: an acknowledged message survives a power cut.
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  } else {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      // Times are bigint columns; they fit in a double, and callers want numbers.
      types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    if (schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
      // Nodes started together race here; the loser's "already exists" is harmless.
      await pool.query(`create schema if not exists ${schema}`).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42P06') throw error;
      });
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }

  return { db, dialect: target.dialect, ...(schema ? { schema } : {}), ...(file ? { file } : {}) };
}
