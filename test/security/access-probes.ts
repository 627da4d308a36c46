/**
 * How the access matrix tries a route as a role: an HTTP request with the role's credentials, or a
 * WebSocket opened the way its client would; and a fingerprint of the database, to show that a
 * refused request changed nothing.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import { COBROWSE_PATH } from '../../signaling/protocol/cobrowse.js';
import { VOICE_KEY, VOICE_PATH } from '../../signaling/protocol/peer-messages.js';
import type { Role, World } from './access-world.js';

/** What a try came to: `ok` for any 2xx (or an open socket), else the refusal's status. */
export type Outcome = 'ok' | number;

/** What a request carries besides the role's credentials. */
export interface Target {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  /** A body that is not JSON (recordings). */
  raw?: { contentType: string; bytes: Uint8Array<ArrayBuffer> };
}

export const outcomeOf = (status: number): Outcome => (status >= 200 && status < 300 ? 'ok' : status);

/** The concrete path of a route pattern: `:name` from `params`, `*` as a plain segment. */
export function pathOf(pattern: string, params: Record<string, string> = {}): string {
  return pattern
    // A parameter may carry Hono's pattern (`:file{[a-z0-9-]+\\.png}`); the value stands for both.
    .replace(/:([A-Za-z]+)(\{[^}]*\})?/g, (_m, name: string) => {
      if (params[name] === undefined) throw new Error(`${pattern}: no value for :${name} in its declaration`);
      return encodeURIComponent(params[name]);
    })
    .replace(/\*/g, 'anything');
}

/** Sends the request as `role` would: an agent with their session cookie (from our own pages), a visitor with their token. */
export async function tryHttp(w: World, role: Role, method: string, pattern: string, target: Target, cookie = w.creds[role].cookie): Promise<Outcome> {
  const headers: Record<string, string> = {};
  const token = w.creds[role].visitorToken;
  if (cookie) Object.assign(headers, { cookie, origin: w.server.origin });
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (target.raw) [headers['content-type'], body] = [target.raw.contentType, target.raw.bytes];
  else if (target.body !== undefined) [headers['content-type'], body] = ['application/json', JSON.stringify(target.body)];
  const query = target.query ? `?${new URLSearchParams(Object.entries(target.query).map(([k, v]) => [k, String(v)]))}` : '';
  const response = await fetch(`${w.server.url}${pathOf(pattern, target.params)}${query}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  await response.arrayBuffer();
  return outcomeOf(response.status);
}

const wsUrl = (w: World, path: string) => `${w.server.url.replace(/^http/, 'ws')}${path}`;

/** Opens a socket (sending `hello` once open) and resolves with its first word: a message, a close code, or the refused upgrade's status. */
function firstWord(url: string, headers: Record<string, string> = {}, hello?: unknown): Promise<{ message?: string; closeCode?: number; status?: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => hello !== undefined && ws.send(JSON.stringify(hello)));
    ws.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 });
      response.resume();
    });
    ws.once('message', (data) => {
      resolve({ message: String(data) });
      ws.close();
    });
    ws.once('close', (code) => resolve({ closeCode: code }));
    ws.once('error', (error) => (/Unexpected server response/.test(String(error)) ? undefined : reject(error)));
  });
}

const frameOf = (message: string | undefined) => (message ? (JSON.parse(message) as { type: string; reason?: string }) : undefined);

/** The agent app's socket: the upgrade needs a session cookie; `hello` is answered by `welcome`. */
export async function tryAgentSocket(w: World, role: Role): Promise<Outcome> {
  const cookie = w.creds[role].cookie;
  const { message, status } = await firstWord(wsUrl(w, '/ws/agent'), { Origin: w.server.origin, ...(cookie ? { Cookie: cookie } : {}) }, { type: 'hello', protocol: 1 });
  return status ?? (frameOf(message)?.type === 'welcome' ? 'ok' : 500);
}

/** The widget's socket: open to all; `hello` with the visitor's token is answered by `welcome`, without one by `not-authenticated`. */
export async function tryVisitorSocket(w: World, role: Role): Promise<Outcome> {
  const token = w.creds[role].visitorToken;
  const { message, status } = await firstWord(wsUrl(w, '/ws/visitor'), { Origin: w.server.origin }, { type: 'hello', protocol: 1, ...(token ? { token } : {}) });
  const frame = frameOf(message);
  return status ?? (frame?.type === 'welcome' ? 'ok' : frame?.reason === 'not-authenticated' ? 401 : 500);
}

/**
 * PeerJS signaling for the caller's peer id. The caller presents the token issued with it; Ana her
 * own peer's token; the others a token of their own making; nobody, none. ID-TAKEN is the
 * stock server's answer to a foreign id (403 here), ERROR to missing credentials (401).
 */
export async function tryPeerId(w: World, role: Role): Promise<Outcome> {
  const token = role === 'visitor' ? w.peers.caller.token : role === 'party' ? w.peers.ana.token : role === 'nobody' ? '' : 'forged.token';
  const { message } = await firstWord(wsUrl(w, `${VOICE_PATH}peerjs?key=${VOICE_KEY}&id=${encodeURIComponent(w.peers.caller.id)}&token=${encodeURIComponent(token)}&version=1.5.5`));
  const type = frameOf(message)?.type;
  return type === 'OPEN' ? 'ok' : type === 'ID-TAKEN' ? 403 : type === 'ERROR' ? 401 : 500;
}

/** The co-browse room of the chat: the visitor and Ana present their room tokens; the others one of their own making. */
export async function tryCobrowseRoom(w: World, role: Role): Promise<Outcome> {
  const token = role === 'visitor' ? w.cobrowse.visitorToken : role === 'party' ? w.cobrowse.agentToken : role === 'nobody' ? undefined : 'forged.token';
  const { message, closeCode } = await firstWord(wsUrl(w, `${COBROWSE_PATH}${w.cobrowse.sessionId}${token ? `?token=${encodeURIComponent(token)}` : ''}`));
  if (message !== undefined) return 'ok';
  return closeCode === 4403 ? 403 : (closeCode ?? 500);
}

/**
 * Every table's rows, to compare before and after: what a refused request must leave alone.
 * SQLite's data_version tells when another connection (the server's) committed anything, so an
 * unchanged database is not read again.
 */
export class DatabaseFingerprint {
  private readonly db: Database.Database;
  private last: { version: number; tables: Map<string, string> } | undefined;

  constructor(
    dir: string,
    /** Columns (or `*`, whole tables) that change without anyone's request; the caller says why. */
    private readonly moving: Readonly<Record<string, readonly string[] | '*'>>,
  ) {
    this.db = new Database(join(dir, 'switchboard.db'), { readonly: true, fileMustExist: true });
  }

  take(): Map<string, string> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.last?.version === version) return this.last.tables;
    const names = (this.db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name").all() as { name: string }[]).map((t) => t.name);
    const tables = new Map<string, string>();
    for (const name of names) {
      const moving = this.moving[name];
      if (moving === '*') continue;
      const rows = this.db.prepare(`select * from "${name}" order by rowid`).all() as Record<string, unknown>[];
      tables.set(name, JSON.stringify(moving ? rows.map((r) => Object.fromEntries(Object.entries(r).filter(([column]) => !moving.includes(column)))) : rows));
    }
    this.last = { version, tables };
    return tables;
  }

  /** The tables whose rows differ between two fingerprints. */
  static changed(before: Map<string, string>, after: Map<string, string>): string[] {
    return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
  }

  close(): void {
    this.db.close();
  }
}
