/** Parses DATABASE_URL into the store to open: an SQLite file (the default) or PostgreSQL. */

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/**
 * Accepts `sqlite:PATH`, `file:PATH`, `sqlite::memory:` and `postgres://` / `postgresql://` URLs.
 * @throws Error naming what is wrong, so the server can refuse to start with a clear message.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    new URL(url); // throws on a malformed URL
    return { dialect: 'postgres', url };
  }
  const sqlite = /^(?:sqlite|file):(.+)$/.exec(url);
  if (sqlite?.[1]) return { dialect: 'sqlite', path: sqlite[1].replace(/^\/\/(?=\/)/, '') };
  throw new Error(`expected sqlite:PATH or postgres://…, got "${url}"`);
}
