/**
 * Rows the message path reads on every message (a conversation, its barged-in agents, the webhook
 * subscriptions), kept in memory by the store that owns the database, and dropped by the store's
 * own writes. Only for a database one server owns (SQLite): over a shared PostgreSQL another server
 * could write behind our back, so there the cache is off and every read goes to the database.
 */
import type { ConversationRecord } from './conversations-repo.js';
import type { WebhookRecord } from './webhooks-repo.js';

/** Entries beyond this are dropped oldest first: a busy centre's live conversations fit many times over. */
const MAX_ENTRIES = 20_000;

export class ReadCache<V> {
  private readonly entries = new Map<string, V>();
  /** Bumped by every write to a key, so a read that raced a write does not store what it read. */
  private readonly versions = new Map<string, number>();
  /** Bumped by clear(): a read begun before it stores nothing. */
  private generation = 0;

  constructor(readonly enabled: boolean) {}

  /**
   * The cached value, or `load()`'s (stored unless a write to `key` or a clear came meanwhile).
   * Callers get the stored object itself: treat it as read-only.
   */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.enabled) return load();
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const version = this.versions.get(key);
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && this.versions.get(key) === version && this.generation === generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  /** A write changed `key`: forget it (and any read of it in flight). */
  invalidate(key: string): void {
    if (!this.enabled) return;
    this.entries.delete(key);
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    if (this.versions.size > MAX_ENTRIES) {
      // The versions only matter for reads in flight; start afresh rather than grow.
      this.versions.clear();
      this.clear();
    }
  }

  /** A write changed `key` in a way `change` can apply to the cached value without reading it again. */
  update(key: string, change: (value: V) => V): void {
    if (!this.enabled) return;
    const hit = this.entries.get(key);
    this.invalidate(key);
    if (hit !== undefined) this.entries.set(key, change(hit));
  }

  /** Forget everything (a rollback, or a write whose keys are not known). */
  clear(): void {
    this.entries.clear();
    this.generation++;
  }
}

/** The caches one Store and every transaction opened from it share. */
export class StoreCaches {
  readonly conversations: ReadCache<ConversationRecord | undefined>;
  readonly participants: ReadCache<string[]>;
  readonly webhooks: ReadCache<WebhookRecord[]>;

  constructor(enabled: boolean) {
    this.conversations = new ReadCache(enabled);
    this.participants = new ReadCache(enabled);
    this.webhooks = new ReadCache(enabled);
  }

  /** A transaction or a part of one rolled back: what it wrote into the caches may not be so. */
  clear(): void {
    this.conversations.clear();
    this.participants.clear();
    this.webhooks.clear();
  }
}
