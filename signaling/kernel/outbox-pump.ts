/**
 * Drains a stored schedule (the mail and webhook outboxes, callbacks falling due): wakes when told something was queued and when
 * the next retry falls due, works through what is due one item at a time, and never overlaps
 * itself. Items live in the database, so a restart resumes where it stopped.
 */
export interface OutboxSource<T> {
  due(at: number): Promise<T[]>;
  nextAttemptAt(): Promise<number | undefined>;
  /** Sends one item and records the result; throws only on a storage failure. */
  deliver(item: T): Promise<void>;
}

/** setTimeout's limit; a later retry is re-checked then. */
const MAX_TIMER_MS = 2_147_000_000;

export class OutboxPump<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly source: OutboxSource<T>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Something was queued or became due: drain soon. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => console.error(`${this.name}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        } else void this.schedule();
      });
  }

  /** Resolves when the current drain (if any) has finished; for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const items = await this.source.due(this.clock());
      if (items.length === 0 || this.stopped) return;
      for (const item of items) await this.source.deliver(item);
    }
  }

  private async schedule(): Promise<void> {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const next = await this.source.nextAttemptAt().catch(() => undefined);
    if (next === undefined || this.stopped) return;
    this.timer = setTimeout(() => this.kick(), Math.min(MAX_TIMER_MS, Math.max(0, next - this.clock())));
    this.timer.unref?.();
  }
}
