/** Appends to the event log in call order without making callers wait; failures are logged. */
import type { LoggedEvent } from '../store/event-log-repo.js';
import type { Store } from '../store/store.js';
import { componentLogger } from './logger.js';

const log = componentLogger('event-log');

export class EventLogWriter {
  private tail: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(event: LoggedEvent) => void>();

  constructor(private readonly store: Store) {}

  /** Hears every event as it is appended, in order (the live wallboard keeps its figures this way). */
  onAppend(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(event: LoggedEvent): void {
    for (const listener of this.listeners) listener(event);
    this.tail = this.tail
      .then(() => this.store.eventLog.append(event))
      .catch((err: unknown) => log.error({ type: event.type, err }, 'append failed'));
  }

  /** Resolves once everything appended so far is written (tests and shutdown wait on it). */
  flushed(): Promise<void> {
    return this.tail;
  }
}
