/**
 * The one fold over the event log that both the live wallboard and the historical reports
 * use, so they always agree: contact facts and agent time, grouped into KPIs on demand.
 */
import { AgentTimes } from './agent-time.js';
import { applyToContacts, type ContactFacts } from './contact-facts.js';
import { bucketOf, type Interval } from './intervals.js';
import { computeKpis, DEFAULT_KPI_OPTIONS, type KpiOptions, type Kpis } from './kpis.js';
import type { LogEntry } from './log-types.js';

export type GroupBy = 'total' | 'queue' | 'channel' | 'language' | 'agent';

export interface KpiRow {
  /** The interval's label, when grouped by interval. */
  bucket?: string;
  /** The group's key: a queue id, channel, language or agent id ('' for total). */
  key: string;
  kpis: Kpis;
}

const keyOf: Record<GroupBy, (c: ContactFacts) => string | undefined> = {
  total: () => '',
  queue: (c) => c.queueId,
  channel: (c) => c.channel,
  language: (c) => c.language ?? 'unknown',
  agent: (c) => c.agentId,
};

export class KpiLedger {
  private readonly contacts = new Map<string, ContactFacts>();
  readonly agents = new AgentTimes();

  /**
   * A ledger of `entries` (in log order) whose agent totals count only from `countAgentsFrom`:
   * earlier entries still tell who was logged in and doing what at that moment.
   */
  static replay(entries: Iterable<LogEntry>, options: { countAgentsFrom: number }): KpiLedger {
    const ledger = new KpiLedger();
    let counting = false;
    for (const e of entries) {
      if (!counting && e.at >= options.countAgentsFrom) {
        ledger.agents.startCounting(options.countAgentsFrom);
        counting = true;
      }
      ledger.apply(e);
    }
    if (!counting) ledger.agents.startCounting(options.countAgentsFrom);
    return ledger;
  }

  /** Applies entries in log order. */
  apply(entry: LogEntry): void {
    applyToContacts(this.contacts, entry);
    this.agents.apply(entry);
  }

  /** Facts of the contacts queued in [from, to). */
  facts(from = -Infinity, to = Infinity): ContactFacts[] {
    return [...this.contacts.values()].filter((c) => c.queuedAt >= from && c.queuedAt < to);
  }

  /**
   * KPIs of contacts queued in [from, to), grouped, and by interval when asked. Each contact
   * counts in the interval it was queued in, with its whole handle time, even when the talk or
   * the wrap-up ran into later intervals.
   */
  rows(options: { from?: number; to?: number; groupBy?: GroupBy; interval?: Interval; timeZone?: string; kpi?: KpiOptions } = {}): KpiRow[] {
    const groupBy = options.groupBy ?? 'total';
    const groups = new Map<string, { bucket?: string; key: string; facts: ContactFacts[] }>();
    // Buckets are ordered by time, not by label: the repeated hour when clocks go back sorts by instant.
    const bucketFirstAt = new Map<string, number>();
    for (const c of this.facts(options.from, options.to)) {
      const key = keyOf[groupBy](c);
      if (key === undefined) continue; // for example, no agent: never answered
      const bucket = options.interval ? bucketOf(c.queuedAt, options.interval, options.timeZone) : undefined;
      if (bucket !== undefined) bucketFirstAt.set(bucket, Math.min(c.queuedAt, bucketFirstAt.get(bucket) ?? Infinity));
      const id = `${bucket ?? ''}\u0000${key}`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { ...(bucket !== undefined ? { bucket } : {}), key, facts: [] }));
      g.facts.push(c);
    }
    // By agent, an escalation counts for the agent who escalated, not for the one who answered in the end:
    // it may make a row of its own for an agent whose every contact went on to the next tier.
    const escalations = new Map<string, number>();
    if (groupBy === 'agent') {
      for (const c of this.facts(options.from, options.to)) {
        const bucket = options.interval ? bucketOf(c.queuedAt, options.interval, options.timeZone) : undefined;
        for (const agentId of c.escalatedBy) {
          const id = `${bucket ?? ''}\u0000${agentId}`;
          escalations.set(id, (escalations.get(id) ?? 0) + 1);
          if (!groups.has(id)) groups.set(id, { ...(bucket !== undefined ? { bucket } : {}), key: agentId, facts: [] });
        }
      }
    }
    const order = (g: { bucket?: string }) => (g.bucket === undefined ? 0 : bucketFirstAt.get(g.bucket)!);
    return [...groups.values()]
      .sort((a, b) => order(a) - order(b) || a.key.localeCompare(b.key))
      .map((g) => {
        const kpis = computeKpis(g.facts, options.kpi ?? DEFAULT_KPI_OPTIONS);
        if (groupBy === 'agent') kpis.escalations = escalations.get(`${g.bucket ?? ''}\u0000${g.key}`) ?? 0;
        return { ...(g.bucket !== undefined ? { bucket: g.bucket } : {}), key: g.key, kpis };
      });
  }
}
