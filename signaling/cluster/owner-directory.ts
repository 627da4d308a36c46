/**
 * Where the ACD owner can be reached, kept in Redis: the owner writes its internal address every
 * second with a short expiry, and every node's front door reads it to forward connections. A dead
 * owner's entry expires by itself; a new owner overwrites it as soon as it is ready.
 */
import { Redis } from 'ioredis';

export interface OwnerEntry {
  node: string;
  /** host:port of the owner's internal listener. */
  address: string;
  /** When the owner took over (ms since the epoch): tells one ownership from the next. */
  since: number;
}

const REFRESH_MS = 1000;
const EXPIRY_MS = 4000;
const READ_EVERY_MS = 500;

export class OwnerDirectory {
  readonly #redis: Redis;
  readonly #key: string;
  #current: OwnerEntry | undefined;
  #reading: ReturnType<typeof setInterval> | undefined;
  #announcing: ReturnType<typeof setInterval> | undefined;
  #reachable = false;

  /** @param deployment tells deployments sharing one Redis apart. */
  constructor(redisUrl: string, deployment: string) {
    // Fail fast instead of queueing commands while Redis is away: the front door answers 503.
    this.#redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, lazyConnect: true });
    this.#redis.on('error', () => (this.#reachable = false));
    this.#redis.on('ready', () => (this.#reachable = true));
    this.#key = `switchboard:${deployment}:acd-owner`;
  }

  async start(): Promise<void> {
    await this.#redis.connect();
    this.#reachable = true;
    await this.refresh();
    this.#reading = setInterval(() => void this.refresh(), READ_EVERY_MS);
    this.#reading.unref();
  }

  /** The owner as last read (at most half a second old). */
  get current(): OwnerEntry | undefined {
    return this.#current;
  }

  get redisReachable(): boolean {
    return this.#reachable;
  }

  async refresh(): Promise<OwnerEntry | undefined> {
    try {
      const raw = await this.#redis.get(this.#key);
      this.#current = raw ? (JSON.parse(raw) as OwnerEntry) : undefined;
    } catch {
      // Keep the last known owner: a Redis hiccup must not cut every forwarded connection.
    }
    return this.#current;
  }

  /** The owner says where it is, now and every second until `close`. */
  async announce(entry: OwnerEntry): Promise<void> {
    const write = () => this.#redis.set(this.#key, JSON.stringify(entry), 'PX', EXPIRY_MS);
    await write();
    this.#current = entry;
    this.#announcing = setInterval(() => void write().catch(() => {}), REFRESH_MS);
    this.#announcing.unref();
  }

  /** A stopping owner removes its entry, so that front doors stop forwarding to it at once. */
  async withdraw(node: string): Promise<void> {
    clearInterval(this.#announcing);
    const raw = await this.#redis.get(this.#key).catch(() => null);
    if (raw && (JSON.parse(raw) as OwnerEntry).node === node) await this.#redis.del(this.#key).catch(() => {});
  }

  async close(): Promise<void> {
    clearInterval(this.#reading);
    clearInterval(this.#announcing);
    this.#redis.disconnect();
  }
}
