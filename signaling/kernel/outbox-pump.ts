/**
 * Drains a stored schedule (the mail and webhook outboxes, callbacks falling due): wakes when told something was queued and when
 * the next retry falls due, works through what is due one item at a time, and never overlaps
 * itself. Items live in the database, so a restart resumes where it stopped.
 */
import { componentLogger } from './logger.js';
import type { DeliveryOutcome, Metrics } from './metrics.js';

export interface OutboxSource<T> {
  due(at: number): Promise<T[]>;
  nextAttemptAt(): Promise<number | undefined>;
  /** Sends one item and records the result; throws only on a storage failure. Says what the attempt came to, where that is a delivery (mail, webhooks). */
  deliver(item: T): Promise<DeliveryOutcome | void>;
}

const log = componentLogger('outbox');

/**
 * How long a sender keeps what it claimed (see `claimDue` in the repositories), and how much it
 * claims at once: the batch must be sent well within the lease (a webhook attempt gives up after
 * 10 s, a mail after about 2 minutes), or another server would send the rest again. A sender that
 * died leaves its claim to run out: the next server sends it then.
 */
export const DELIVERY_LEASE_MS = 10 * 60_000;
export const CLAIM_BATCH = 5;

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
    /** Counts sent and failed attempts, labelled with the pump's name. */
    private readonly metrics?: Metrics,
  ) {}

  /** Something was queued or became due: drain soon. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => log.error({ outbox: this.name, err }, 'draining failed'))
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
      for (const item of items) {
        const outcome = await this.source.deliver(item);
        if (outcome) this.metrics?.delivered(this.name, outcome);
      }
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
