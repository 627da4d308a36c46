/**
 * The agent activity report: per agent and local day, time signed in, available, on contacts, in
 * wrap-up, on each break reason and away after missed offers; first sign-in and last sign-out;
 * contacts handled per channel; missed offers. A pure fold over the event log through AgentTimes,
 * the wallboard's own state machine, so the two never disagree about what an agent was doing.
 */
import { AgentTimes, type AgentTime } from './agent-time.js';
import { bucketOf, startOfNextDay } from './intervals.js';
import { LogType, type LogEntry } from './log-types.js';

/** The break reason the ACD gives an agent it paused after missed offers. */
const NO_ANSWER = 'no-answer';

export interface AgentActivity {
  agentId: string;
  /** The local date, YYYY-MM-DD in the center's time zone. */
  day: string;
  signedInMs: number;
  /** Signed in, available and free (not on a contact nor in wrap-up). */
  availableMs: number;
  onContactMs: number;
  wrapUpMs: number;
  /** Away, by break reason (without the pause after missed offers). */
  breakMs: Record<string, number>;
  /** Set away by the ACD after missed offers in a row. */
  awayAfterMissedMs: number;
  /** Signed in with the status offline (the app open, not taking contacts). */
  offlineMs: number;
  firstSignInAt?: number;
  lastSignOutAt?: number;
  /** Contacts accepted, by channel. */
  contacts: Record<string, number>;
  missedOffers: number;
}

interface Current {
  state: AgentTime['state'];
  reason: string | undefined;
  since: number;
}

/**
 * Folds `entries` (in log order) into one row per agent and day of [from, to). Entries before
 * `from` only say what agents were doing when the period began; time after `to` is not counted.
 */
export function agentActivity(entries: Iterable<LogEntry>, options: { from: number; to: number; timeZone: string }): AgentActivity[] {
  const { from, to, timeZone } = options;
  const rows = new Map<string, AgentActivity>();
  const current = new Map<string, Current>();
  const channels = new Map<string, string>();

  const row = (agentId: string, at: number): AgentActivity => {
    const day = bucketOf(at, 'day', timeZone);
    const key = `${agentId}\u0000${day}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { agentId, day, signedInMs: 0, availableMs: 0, onContactMs: 0, wrapUpMs: 0, breakMs: {}, awayAfterMissedMs: 0, offlineMs: 0, contacts: {}, missedOffers: 0 }));
    return r;
  };

  /** Adds the time spent in `c` between `start` and `end`, clipped to the period and split at local midnights. */
  const count = (agentId: string, c: Current, start: number, end: number) => {
    if (c.state === 'logged-out') return;
    for (let t = Math.max(start, from); t < Math.min(end, to); ) {
      const until = Math.min(end, to, startOfNextDay(t, timeZone));
      const r = row(agentId, t);
      const ms = until - t;
      r.signedInMs += ms;
      if (c.state === 'available') r.availableMs += ms;
      else if (c.state === 'on-contact') r.onContactMs += ms;
      else if (c.state === 'wrap-up') r.wrapUpMs += ms;
      else if (c.state === 'offline') r.offlineMs += ms;
      else if (c.reason === NO_ANSWER) r.awayAfterMissedMs += ms;
      else r.breakMs[c.reason ?? 'other'] = (r.breakMs[c.reason ?? 'other'] ?? 0) + ms;
      t = until;
    }
  };

  const times = new AgentTimes((agentId, at, state, reason) => {
    const was = current.get(agentId);
    if (was) count(agentId, was, was.since, at);
    current.set(agentId, { state, reason, since: at });
  });

  const inPeriod = (at: number) => at >= from && at < to;
  for (const e of entries) {
    if (e.at >= to) break;
    times.apply(e);
    if (e.type === LogType.contactQueued && e.conversationId) channels.set(e.conversationId, String(e.data?.channel ?? 'chat'));
    if (!e.agentId || !inPeriod(e.at)) continue;
    switch (e.type) {
      case LogType.agentLogin: {
        const r = row(e.agentId, e.at);
        r.firstSignInAt ??= e.at;
        break;
      }
      case LogType.agentLogout:
        row(e.agentId, e.at).lastSignOutAt = e.at;
        break;
      case LogType.offerAccepted: {
        const r = row(e.agentId, e.at);
        const channel = (e.conversationId && channels.get(e.conversationId)) || 'chat';
        r.contacts[channel] = (r.contacts[channel] ?? 0) + 1;
        break;
      }
      case LogType.offerTimedOut:
        row(e.agentId, e.at).missedOffers++;
        break;
      default:
        break;
    }
  }
  // Whoever is still signed in at the end of the period counts until then.
  for (const [agentId, c] of current) count(agentId, c, c.since, to);
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.agentId.localeCompare(b.agentId));
}
