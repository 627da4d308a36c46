/**
 * Appends to the event log in call order without making callers wait; failures are logged.
 * Events that arrive while a write is under way go together in the next one: on SQLite each
 * write is a commit with its fsync on the main thread (a few ms), so one per event made a busy
 * center wait on the disk hundreds of times a second.
 */
import type { LoggedEvent } from '../store/event-log-repo.js';
import type { Store } from '../store/store.js';
import { componentLogger } from './logger.js';

const log = componentLogger('event-log');

/** Rows in one insert: 6 columns each, far inside SQLite's and PostgreSQL's parameter limits. */
const MAX_BATCH = 500;

export class EventLogWriter {
  private tail: Promise<void> = Promise.resolve();
  private pending: LoggedEvent[] = [];
  private scheduled = false;
  private readonly listeners = new Set<(event: LoggedEvent) => void>();

  constructor(private readonly store: Store) {}

  /** Hears every event as it is appended, in order (the live wallboard keeps its figures this way). */
  onAppend(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(event: LoggedEvent): void {
    for (const listener of this.listeners) listener(event);
    this.pending.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    this.tail = this.tail.then(() => this.writePending());
  }

  /** Resolves once everything appended so far is written (tests and shutdown wait on it). */
  flushed(): Promise<void> {
    return this.tail;
  }

  private async writePending(): Promise<void> {
    this.scheduled = false;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        await this.store.eventLog.appendMany(batch);
      } catch (err: unknown) {
        log.error({ types: [...new Set(batch.map((e) => e.type))], count: batch.length, err }, 'append failed');
      }
    }
  }
}
