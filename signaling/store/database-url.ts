/** Parses DATABASE_URL into the store to open: an SQLite file (the default) or PostgreSQL. */

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string; schema?: string };

/**
 * Accepts `sqlite:PATH`, `file:PATH`, `sqlite::memory:` and `postgres://` / `postgresql://` URLs;
 * a PostgreSQL URL may name the schema to use (`?schema=switchboard`), so that several
 * deployments (or test runs) can share one database.
 * @throws Error naming what is wrong, so the server can refuse to start with a clear message.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url); // throws on a malformed URL
    const schema = parsed.searchParams.get('schema');
    if (schema === null) return { dialect: 'postgres', url };
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema must be a lower-case SQL name such as switchboard, got "${schema}"`);
    // pg would pass an unknown parameter on to the server, which refuses it.
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', url: parsed.toString(), schema };
  }
  const sqlite = /^(?:sqlite|file):(.+)$/.exec(url);
  if (sqlite?.[1]) return { dialect: 'sqlite', path: sqlite[1].replace(/^\/\/(?=\/)/, '') };
  throw new Error(`expected sqlite:PATH or postgres://…, got "${url}"`);
}
