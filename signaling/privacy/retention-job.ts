/**
 * Applies the retention settings: ended conversations, files and copies sent to integrators
 * older than their number of days are erased, once a day. Deletes by age in bounded batches, so a
 * run never holds the database for long; running twice, or on several nodes at once, only finds
 * less to delete. A run that reaches its batch limit leaves the rest for the next one.
 */
import type { AuditTrail } from '../kernel/audit-trail.js';
import { componentLogger } from '../kernel/logger.js';
import type { Store } from '../store/store.js';
import type { ConversationFiles } from './conversation-files.js';
import type { DataEraser } from './data-eraser.js';
import { readRetention } from './retention-settings.js';

const log = componentLogger('retention');
const DAY = 86_400_000;

export interface RetentionRun {
  conversations: number;
  /** Files deleted by age, by kind (those erased with their conversation are counted there). */
  files: Record<string, number>;
  deliveries: number;
}

export interface RetentionJobOptions {
  /** Rows per batch. */
  batch?: number;
  /** Batches per kind per run: bounds one run's work. */
  maxBatches?: number;
  /** Between runs; a day by default. */
  intervalMs?: number;
  /** The first run after start, so that a restart does not compete with reconnecting clients. */
  firstRunDelayMs?: number;
}

export class RetentionJob {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<RetentionRun> | undefined;
  private stopped = false;
  private readonly batch: number;
  private readonly maxBatches: number;

  constructor(
    private readonly deps: { store: Store; eraser: DataEraser; files: ConversationFiles[]; audit: AuditTrail; clock: () => number },
    private readonly options: RetentionJobOptions = {},
  ) {
    this.batch = options.batch ?? 100;
    this.maxBatches = options.maxBatches ?? 50;
  }

  /** Runs daily from now on (the first run after a short delay). */
  start(): void {
    this.schedule(this.options.firstRunDelayMs ?? 5 * 60_000);
  }

  /** Stops the timer and waits for a run in progress. */
  async destroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over everything the settings age out; a pass already running is joined, not doubled. */
  runOnce(): Promise<RetentionRun> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((err: unknown) => log.error({ err }, 'retention run failed'))
        .finally(() => this.schedule(this.options.intervalMs ?? DAY));
    }, delayMs);
    this.timer.unref?.();
  }

  private async pass(): Promise<RetentionRun> {
    const settings = await readRetention(this.deps.store);
    const now = this.deps.clock();
    const run: RetentionRun = { conversations: 0, files: {}, deliveries: 0 };
    if (settings.conversationsDays !== null) {
      const cutoff = now - settings.conversationsDays * DAY;
      run.conversations = await this.inBatches(async () => {
        const ids = await this.deps.store.privacy.endedBefore(cutoff, this.batch);
        return ids.length ? (await this.deps.eraser.eraseConversations(ids)).conversations : 0;
      });
      run.deliveries = await this.inBatches(() => this.deps.store.privacy.eraseDeliveriesBefore(cutoff, this.batch));
    }
    for (const part of this.deps.files) {
      const days = settings[part.retentionSetting];
      if (days === null) continue;
      run.files[part.kind] = await this.inBatches(() => part.eraseOlderThan(now - days * DAY, this.batch));
    }
    if (run.conversations || run.deliveries || Object.values(run.files).some(Boolean)) {
      await this.deps.audit.record({ name: 'system' }, 'privacy.retention-applied', { type: 'settings', id: 'privacy.retention' }, { ...run, settings });
      log.info(run, 'retention applied');
    }
    return run;
  }

  /** Repeats `step` until it deletes nothing or the run's batch limit; the total deleted. */
  private async inBatches(step: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let i = 0; i < this.maxBatches && !this.stopped; i++) {
      const n = await step();
      total += n;
      if (n === 0) break;
    }
    return total;
  }
}
