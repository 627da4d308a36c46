/**
 * Which node owns the ACD: the holder of a PostgreSQL advisory lock, held on a connection of its
 * own for as long as the node lives.
 *
 * Why PostgreSQL and not a Redis lease: the lock lives where the decisions are written. When the
 * owner dies (kill -9, a crashed machine), its connection closes and PostgreSQL frees the lock at
 * once; server-side TCP keepalives free it within a few seconds when the machine vanishes without
 * closing anything. A paused owner keeps its connection and so its lock: nobody else starts
 * deciding beside it. The owner checks its connection every second and stops the process when the
 * check fails, so an owner cut off from the database stops before the database frees its lock.
 */
import pg from 'pg';
import { createHash } from 'node:crypto';

export interface AcdLeaseOptions {
  /** The PostgreSQL URL (without our `schema` parameter). */
  url: string;
  /** Which deployment: nodes of different deployments sharing one server must not share a lock. */
  deployment: string;
  /** How often a standby asks for the lock, and the owner checks its connection. */
  pollMs?: number;
}

/** A 63-bit lock key from the deployment's name. */
export function lockKey(deployment: string): string {
  return BigInt.asIntN(64, BigInt('0x' + createHash('sha256').update(`switchboard-acd:${deployment}`).digest('hex').slice(0, 16))).toString();
}

export class AcdLease {
  #client: pg.Client | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  #owning = false;
  #answered = false;
  /** Ends a standby's wait between two polls at once, when the lease is closed. */
  #wake: (() => void) | undefined;
  #lost: ((reason: string) => void) | undefined;
  readonly #key: string;
  readonly #pollMs: number;

  constructor(private readonly options: AcdLeaseOptions) {
    this.#key = lockKey(options.deployment);
    this.#pollMs = options.pollMs ?? 1000;
  }

  /**
   * Resolves with true once this node holds the lock (waiting as long as another node does), or
   * with false when the lease is closed while it waits (the node is stopping).
   */
  async acquire(): Promise<boolean> {
    for (;;) {
      if (this.#closed) return false;
      try {
        const client = await this.#connect();
        const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock($1::bigint) as held', [this.#key]);
        this.#answered = true;
        if (rows[0]?.held) {
          this.#owning = true;
          this.#watch(client);
          return true;
        }
      } catch {
        this.#answered = false;
        // A database that does not answer: try again at the next poll with a new connection.
        this.#drop();
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        this.#timer = setTimeout(resolve, this.#pollMs);
      });
    }
  }

  /** Called once if the node stops being sure it holds the lock; the node must stop deciding. */
  onLost(handler: (reason: string) => void): void {
    this.#lost = handler;
  }

  /** Whether PostgreSQL answered the last poll or check (for /readyz). */
  get databaseAnswers(): boolean {
    return this.#answered;
  }

  /** Whether this node holds the lock now. */
  get owning(): boolean {
    return this.#owning;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#wake?.();
    const client = this.#client;
    this.#client = undefined;
    // Ending the session frees the lock for the next owner without waiting for a timeout.
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, keepAliveInitialDelayMillis: 1000, connectionTimeoutMillis: 2000, query_timeout: 2000 });
    client.on('error', () => this.#fail('the lease connection failed'));
    client.on('end', () => this.#fail('the lease connection ended'));
    await client.connect();
    // The server notices a vanished owner within about four seconds instead of hours.
    await client.query('set tcp_keepalives_idle = 2; set tcp_keepalives_interval = 1; set tcp_keepalives_count = 2').catch(() => {});
    this.#client = client;
    return client;
  }

  #drop(): void {
    const client = this.#client;
    this.#client = undefined;
    void client?.end().catch(() => {});
  }

  /** The owner's heartbeat: one cheap query a second; any failure ends the ownership. */
  #watch(client: pg.Client): void {
    const beat = () => {
      if (this.#closed || this.#client !== client) return;
      client.query('select 1').then(
        () => (this.#timer = setTimeout(beat, this.#pollMs)),
        () => this.#fail('the database stopped answering the lease check'),
      );
    };
    this.#timer = setTimeout(beat, this.#pollMs);
  }

  #fail(reason: string): void {
    if (this.#closed) return;
    this.#answered = false;
    this.#drop();
    if (!this.#owning) return; // a standby's poll connection: the next poll makes a new one
    this.#owning = false;
    this.#lost?.(reason);
  }
}
