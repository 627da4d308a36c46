/** Appends to the event log in call order without making callers wait; failures are logged. */
import type { LoggedEvent } from '../store/event-log-repo.js';
import type { Store } from '../store/store.js';

export class EventLogWriter {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store) {}

  append(event: LoggedEvent): void {
    this.tail = this.tail
      .then(() => this.store.eventLog.append(event))
      .catch((error: unknown) => console.error('event log: append failed', event.type, error));
  }

  /** Resolves once everything appended so far is written (tests and shutdown wait on it). */
  flushed(): Promise<void> {
    return this.tail;
  }
}
