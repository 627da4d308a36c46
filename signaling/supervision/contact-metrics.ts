/**
 * Counts contacts offered, answered, abandoned and refused per queue slug and channel, from the
 * event log as it is appended: the same entries the wallboard and the reports fold, so the
 * counters and the KPIs agree on what each word means.
 */
import { LogType, type LogEntry } from '../kpi/log-types.js';
import type { Metrics } from '../kernel/metrics.js';

/** Labels for a queue routing no longer knows (removed since), so a sample is never lost. */
const UNKNOWN = 'unknown';

export class ContactMetrics {
  /** The channel of each contact queued and not yet answered, abandoned or refused: bounded by the contacts waiting now. */
  private readonly waiting = new Map<string, string>();

  /** @param slugOf a queue's slug by id (labels use slugs, which admins choose to be stable, not display names). */
  constructor(
    private readonly metrics: Metrics,
    private readonly slugOf: (queueId: string) => string | undefined,
  ) {}

  /** Applies one event-log entry; entries come in append order (EventLogWriter.onAppend). */
  apply(e: LogEntry): void {
    const id = e.conversationId;
    if (!id) return;
    switch (e.type) {
      case LogType.contactQueued: {
        const channel = typeof e.data?.channel === 'string' ? e.data.channel : 'chat';
        this.waiting.set(id, channel);
        this.metrics.contactsOffered.inc(this.labels(e.queueId, channel));
        return;
      }
      case LogType.offerAccepted:
      case LogType.contactAbandoned:
      case LogType.contactRefused: {
        // Not waiting: answered before and taken again after a return or a transfer (answered once
        // is answered, as in the KPIs), or queued before this process started.
        const channel = this.waiting.get(id);
        if (channel === undefined) return;
        this.waiting.delete(id);
        const labels = this.labels(e.queueId, channel);
        if (e.type === LogType.offerAccepted) this.metrics.contactsAnswered.inc(labels);
        else if (e.type === LogType.contactAbandoned) this.metrics.contactsAbandoned.inc(labels);
        else this.metrics.contactsRefused.inc({ ...labels, reason: typeof e.data?.reason === 'string' ? e.data.reason : UNKNOWN });
        return;
      }
      default:
        return; // other entries do not change these counts
    }
  }

  private labels(queueId: string | undefined, channel: string): { queue: string; channel: string } {
    return { queue: (queueId && this.slugOf(queueId)) || UNKNOWN, channel };
  }
}
