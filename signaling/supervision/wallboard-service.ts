/**
 * The live wallboard: today's KPIs kept incrementally from the event log (the same ledger the
 * reports use), joined with what routing knows now (who waits, estimated waits, agents), and
 * pushed to supervisors whenever something changes, at most twice a second.
 */
import { topics, type Bus } from '../bus/bus.js';
import { KpiLedger } from '../kpi/kpi-ledger.js';
import { startOfDay } from '../kpi/intervals.js';
import type { KpiOptions, Kpis } from '../kpi/kpis.js';
import type { Wallboard, WallboardAgent, WallboardFigures } from '../protocol/wallboard.js';
import type { Store } from '../store/store.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import type { RoutingService } from '../routing/routing-service.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('wallboard');

const PUSH_EVERY_MS = 500;

export interface WallboardOptions {
  timeZone: string;
  kpi: KpiOptions;
  clock?: () => number;
}

const figures = (k: Kpis | undefined): WallboardFigures => ({
  offered: k?.offered ?? 0,
  answered: k?.answered ?? 0,
  abandoned: k?.abandoned ?? 0,
  serviceLevel: k?.serviceLevel ?? null,
  asaMs: k?.asaMs ?? null,
  ahtMs: k?.ahtMs ?? null,
  csat: k?.csat ?? null,
});

export class WallboardService {
  private ledger = new KpiLedger();
  private since = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private lastPush = 0;
  private readonly clock: () => number;
  private stopListening = () => {};
  private destroyed = false;

  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
    private readonly routing: Pick<RoutingService, 'queueNow'>,
    private readonly log: EventLogWriter,
    private readonly options: WallboardOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** Loads today's events so the figures start complete, then follows the event log as it is written. */
  async start(): Promise<void> {
    this.stopListening = this.log.onAppend((event) => {
      this.ledger.apply(event);
      this.changed();
    });
    await this.reload();
  }

  /** Something routing-related changed (queue positions, presence): push soon. */
  changed(): void {
    if (this.destroyed || this.pending) return;
    const wait = Math.max(0, this.lastPush + PUSH_EVERY_MS - this.clock());
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.push();
    }, wait);
    this.pending.unref?.();
  }

  async snapshot(): Promise<Wallboard> {
    const now = this.clock();
    if (startOfDay(now, this.options.timeZone) !== this.since) await this.reload();
    const byQueue = new Map(this.ledger.rows({ from: this.since, groupBy: 'queue', kpi: this.options.kpi }).map((r) => [r.key, r.kpis]));
    const team = await this.store.agents.list();
    const names = new Map(team.map((a) => [a.id, a.name]));
    const queues = (await this.store.queues.list()).map((q) => ({ queueId: q.id, name: q.name, ...figures(byQueue.get(q.id)), ...this.routing.queueNow(q.id) }));
    const channels = this.ledger.rows({ from: this.since, groupBy: 'channel', kpi: this.options.kpi }).map((r) => ({ channel: r.key, ...figures(r.kpis) }));
    // Language is a routing attribute: volume, ASA and service level per customer language ("English calls today").
    const languages = this.ledger.rows({ from: this.since, groupBy: 'language', kpi: this.options.kpi }).map((r) => ({ language: r.key, ...figures(r.kpis) }));
    const agents: WallboardAgent[] = this.ledger.agents
      .snapshot(now)
      .filter((a) => names.has(a.agentId))
      .map((a) => ({
        agentId: a.agentId,
        name: names.get(a.agentId)!,
        state: a.state,
        stateSince: a.stateSince,
        ...(a.breakReason && a.state === 'away' ? { breakReason: a.breakReason } : {}),
        contacts: a.contacts,
        conversationIds: a.openContacts,
        handledToday: a.handled,
        occupancy: a.availableMs > 0 ? a.busyMs / a.availableMs : null,
      }));
    // The whole team is on the board: who has not signed in today is logged out, for how long today's log cannot say.
    const seen = new Set(agents.map((a) => a.agentId));
    for (const member of team) {
      if (!member.active || seen.has(member.id)) continue;
      agents.push({ agentId: member.id, name: member.name, state: 'logged-out', contacts: 0, conversationIds: [], handledToday: 0, occupancy: null });
    }
    agents.sort((x, y) => x.name.localeCompare(y.name));
    return { at: now, since: this.since, serviceLevelSeconds: this.options.kpi.serviceLevelMs / 1000, queues, channels, languages, agents };
  }

  destroy(): void {
    this.destroyed = true;
    this.stopListening();
    if (this.pending) clearTimeout(this.pending);
  }

  private async push(): Promise<void> {
    if (this.destroyed || this.bus.localSubscribers(topics.supervisors()) === 0) return;
    this.lastPush = this.clock();
    try {
      this.bus.publish(topics.supervisors(), { type: 'wallboard', wallboard: await this.snapshot() });
    } catch (error) {
      if (!this.destroyed) log.error({ err: error }, 'snapshot failed');
    }
  }

  /** Rebuilds today's ledger from the store (at start and when the day changes). */
  private async reload(): Promise<void> {
    const now = this.clock();
    this.since = startOfDay(now, this.options.timeZone);
    // Agents logged in before midnight carry their state over: read back a day for presence.
    const events = await this.store.eventLog.listSince(this.since - 24 * 3600_000);
    this.ledger = KpiLedger.replay(events, { countAgentsFrom: this.since });
  }
}
