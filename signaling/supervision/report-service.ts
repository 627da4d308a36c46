/** Historical reports from the event log, with the same ledger as the wallboard; CSV export; Erlang C staffing. */
import { agentsNeeded } from '../kpi/erlang-c.js';
import type { AgentTimes } from '../kpi/agent-time.js';
import { bucketOf, hoursOfDay, startOfDate, startOfNextDay } from '../kpi/intervals.js';
import { KpiLedger } from '../kpi/kpi-ledger.js';
import type { KpiOptions } from '../kpi/kpis.js';
import type { ActivityQuery, ActivityRow, ReportQuery, ReportRow, StaffingQuery, StaffingRow } from '../protocol/reports.js';
import type { QualityReportQuery, QualityRow } from '../protocol/quality.js';
import { qualityRows } from '../quality/quality-report.js';
import { agentActivity } from '../kpi/agent-activity.js';
import type { Store } from '../store/store.js';

const DAY = 86_400_000;

/** RFC 4180 text from a header and rows of cells. */
function csv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const text = typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : String(v);
    // Quote what needs it, and defuse spreadsheet formulas in names (CSV injection).
    const safe = /^[=+\-@\t\r]/.test(text) && typeof v !== 'number' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly options: { timeZone: string; kpi: KpiOptions },
  ) {}

  /** KPI rows for contacts queued in [from, to), by interval and group. */
  async rows(query: Pick<ReportQuery, 'from' | 'to' | 'interval' | 'groupBy'>): Promise<ReportRow[]> {
    const from = this.instant(query.from);
    const to = this.instant(query.to);
    const { ledger, agents } = await this.read(from, to);
    const labels = await this.labels(query.groupBy);
    const occupancy = new Map(agents.snapshot(to).map((a) => [a.agentId, a.availableMs > 0 ? a.busyMs / a.availableMs : null]));
    return ledger.rows({ from, to, groupBy: query.groupBy, timeZone: this.options.timeZone, kpi: this.options.kpi, ...(query.interval ? { interval: query.interval } : {}) }).map(({ bucket, key, kpis: k }) => ({
      ...(bucket !== undefined ? { bucket } : {}),
      key,
      label: labels.get(key) ?? key,
      offered: k.offered,
      answered: k.answered,
      abandoned: k.abandoned,
      shortAbandoned: k.shortAbandoned,
      transfers: k.transfers,
      escalations: k.escalations,
      serviceLevel: k.serviceLevel,
      serviceLevel2: k.serviceLevel2,
      abandonmentRate: k.abandonmentRate,
      asaSeconds: k.asaMs === null ? null : k.asaMs / 1000,
      ahtSeconds: k.ahtMs === null ? null : k.ahtMs / 1000,
      csat: k.csat,
      ...(query.groupBy === 'agent' ? { occupancy: occupancy.get(key) ?? null } : {}),
    }));
  }

  /** Per ISO week and agent (or queue): reviews and mean quality score, beside handle time and satisfaction. */
  async quality(query: QualityReportQuery): Promise<QualityRow[]> {
    const from = this.instant(query.from);
    const to = this.instant(query.to);
    const reviews = await this.store.quality.listReviews({ from, to, limit: 100_000 });
    const figures = await this.rows({ from: query.from, to: query.to, interval: 'week', groupBy: query.groupBy });
    const labels = await this.labels(query.groupBy);
    return qualityRows(
      reviews.map((r) => ({ week: bucketOf(r.createdAt, 'week', this.options.timeZone), key: query.groupBy === 'agent' ? r.agentId : r.queueId, score: r.score })),
      figures.map((f) => ({ week: f.bucket!, key: f.key, label: f.label, ahtSeconds: f.ahtSeconds, csat: f.csat })),
      (key) => labels.get(key) ?? key,
    );
  }

  /** Per hour of `date`: the measured arrivals and handle time, and the agents Erlang C says are needed. */
  async staffing(query: StaffingQuery): Promise<StaffingRow[]> {
    const from = this.instant(query.date);
    const { timeZone } = this.options;
    const rows = await this.rows({ from: query.date, to: new Date(startOfNextDay(from, timeZone)).toISOString(), interval: 'hour', groupBy: 'queue' });
    const byHour = new Map(rows.filter((r) => r.key === query.queueId).map((r) => [r.bucket!, r]));
    // 23, 24 or 25 rows: the hours the day really has.
    const hours = hoursOfDay(from, timeZone).map((t) => bucketOf(t, 'hour', timeZone));
    return hours.map((hour) => {
      const r = byHour.get(hour);
      if (!r || r.offered === 0 || r.ahtSeconds === null) return { hour, offered: r?.offered ?? 0, ahtSeconds: r?.ahtSeconds ?? null, agentsNeeded: null, expectedServiceLevel: null };
      const answer = agentsNeeded(r.offered, r.ahtSeconds, query.target, query.thresholdSeconds);
      return { hour, offered: r.offered, ahtSeconds: r.ahtSeconds, agentsNeeded: answer.agents, expectedServiceLevel: answer.serviceLevel };
    });
  }

  /**
   * Each agent's days in [from, to): the same fold of the event log as the wallboard's agent time
   * (read from a day before, to know who was signed in when the period began).
   */
  async activity(query: Pick<ActivityQuery, 'from' | 'to'>): Promise<ActivityRow[]> {
    const from = this.instant(query.from);
    const to = Math.min(this.instant(query.to), Date.now());
    const events = await this.store.eventLog.listSince(from - DAY, to);
    const names = await this.labels('agent');
    const seconds = (ms: number) => Math.round(ms / 1000);
    const perReason = (ms: Record<string, number>) => Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, seconds(v)]));
    return agentActivity(events, { from, to, timeZone: this.options.timeZone }).map((a) => ({
      day: a.day,
      agentId: a.agentId,
      agent: names.get(a.agentId) ?? a.agentId,
      signedInSeconds: seconds(a.signedInMs),
      availableSeconds: seconds(a.availableMs),
      onContactSeconds: seconds(a.onContactMs),
      wrapUpSeconds: seconds(a.wrapUpMs),
      breakSeconds: perReason(a.breakMs),
      awayAfterMissedSeconds: seconds(a.awayAfterMissedMs),
      offlineSeconds: seconds(a.offlineMs),
      firstSignInAt: a.firstSignInAt ?? null,
      lastSignOutAt: a.lastSignOutAt ?? null,
      contacts: a.contacts,
      missedOffers: a.missedOffers,
    }));
  }

  /** The rows as CSV (RFC 4180), with a header line. */
  static toCsv(rows: ReportRow[]): string {
    const columns: (keyof ReportRow)[] = ['bucket', 'key', 'label', 'offered', 'answered', 'abandoned', 'shortAbandoned', 'transfers', 'escalations', 'serviceLevel', 'serviceLevel2', 'abandonmentRate', 'asaSeconds', 'ahtSeconds', 'csat', 'occupancy'];
    return csv(columns, rows.map((r) => columns.map((c) => r[c])));
  }

  /** Activity rows as CSV: a column per break reason and per channel found in the rows; times in seconds, instants in ISO 8601. */
  static activityCsv(rows: ActivityRow[]): string {
    const reasons = [...new Set(rows.flatMap((r) => Object.keys(r.breakSeconds)))].sort();
    const channels = [...new Set(rows.flatMap((r) => Object.keys(r.contacts)))].sort();
    const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
    const header = ['day', 'agentId', 'agent', 'signedInSeconds', 'availableSeconds', 'onContactSeconds', 'wrapUpSeconds', ...reasons.map((r) => `break:${r}`), 'awayAfterMissedSeconds', 'offlineSeconds', 'firstSignIn', 'lastSignOut', ...channels.map((c) => `contacts:${c}`), 'missedOffers'];
    return csv(
      header,
      rows.map((r) => [r.day, r.agentId, r.agent, r.signedInSeconds, r.availableSeconds, r.onContactSeconds, r.wrapUpSeconds, ...reasons.map((k) => r.breakSeconds[k] ?? 0), r.awayAfterMissedSeconds, r.offlineSeconds, iso(r.firstSignInAt), iso(r.lastSignOutAt), ...channels.map((c) => r.contacts[c] ?? 0), r.missedOffers]),
    );
  }

  /** A date means its midnight in the center's time zone; a date-time is taken as given. */
  private instant(value: string): number {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfDate(value, this.options.timeZone) : Date.parse(value);
  }

  /**
   * Contact facts for contacts queued in the period (read on for a day, since they may be answered
   * or wrap up later), and agents' time within the period only.
   */
  private async read(from: number, to: number): Promise<{ ledger: KpiLedger; agents: AgentTimes }> {
    const events = await this.store.eventLog.listSince(from - DAY, to + DAY);
    return {
      ledger: KpiLedger.replay(events, { countAgentsFrom: from }),
      // Agents' time stops at the period's end; contacts read on to get their answer and handle time.
      agents: KpiLedger.replay(events.filter((e) => e.at < to), { countAgentsFrom: from }).agents,
    };
  }


  private async labels(groupBy: ReportQuery['groupBy']): Promise<Map<string, string>> {
    if (groupBy === 'queue') return new Map((await this.store.queues.list()).map((q) => [q.id, q.name]));
    if (groupBy === 'agent') return new Map((await this.store.agents.list()).map((a) => [a.id, a.name]));
    return new Map();
  }
}
