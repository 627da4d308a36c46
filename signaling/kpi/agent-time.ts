/** Folds the event log into each agent's time: logged in, on a break, busy with contacts or wrap-up. */
import { LogType, type LogEntry } from './log-types.js';

export interface AgentTime {
  agentId: string;
  /** Logged in and not on a break (available or busy), ms. */
  availableMs: number;
  /** With at least one contact or in wrap-up, ms. */
  busyMs: number;
  breakMs: number;
  handled: number;
  /** Current state, for the wallboard. */
  state: 'logged-out' | 'available' | 'on-contact' | 'wrap-up' | 'away' | 'offline';
  stateSince: number;
  breakReason?: string;
  contacts: number;
  /** Ids of the contacts open now. */
  openContacts: string[];
}

interface Tracker extends AgentTime {
  /** The break reason last told to the observer (a new reason while away is a change too). */
  observedReason?: string | undefined;
  loggedIn: boolean;
  status: string;
  wrapUp: boolean;
  open: Set<string>;
  lastAt: number;
}

/** Told each time an agent's state (or break reason) changes, with when. */
export type AgentStateObserver = (agentId: string, at: number, state: AgentTime['state'], breakReason: string | undefined) => void;

/** Keeps agents' time current as log entries arrive, in log order. */
export class AgentTimes {
  /** The activity report listens here, so its states are the wallboard's own (see agent-activity.ts). */
  constructor(private readonly observe?: AgentStateObserver) {}

  private readonly agents = new Map<string, Tracker>();
  /** Which agent has each answered contact, so an end frees the right one. */
  private readonly contactAgent = new Map<string, string>();

  apply(e: LogEntry): void {
    if (e.type === LogType.contactTransferred || e.type === LogType.contactReturned || e.type === LogType.contactEscalatedByAgent) return this.move(e);
    // An end frees whoever holds the contact now, which the log entry may name from an older read.
    const holder = e.conversationId ? this.contactAgent.get(e.conversationId) : undefined;
    const agentId = e.type === LogType.contactEnded ? (holder ?? e.agentId) : (e.agentId ?? holder);
    if (!agentId) return;
    const a = this.tracker(agentId, e.at);
    this.account(a, e.at);
    switch (e.type) {
      case LogType.agentLogin:
        a.loggedIn = true;
        if (typeof e.data?.status === 'string') a.status = e.data.status;
        // Signing in while away keeps the break's reason.
        a.breakReason = typeof e.data?.breakReason === 'string' ? e.data.breakReason : undefined;
        break;
      case LogType.agentLogout:
        a.loggedIn = false;
        break;
      case LogType.agentState:
        a.status = String(e.data?.status ?? a.status);
        a.breakReason = typeof e.data?.breakReason === 'string' ? e.data.breakReason : undefined;
        break;
      case LogType.agentPaused:
        a.status = 'away';
        a.breakReason = 'no-answer';
        break;
      case LogType.offerAccepted:
        if (e.conversationId) {
          a.open.add(e.conversationId);
          this.contactAgent.set(e.conversationId, agentId);
        }
        a.handled++;
        break;
      case LogType.contactEnded:
        if (e.conversationId) {
          a.open.delete(e.conversationId);
          this.contactAgent.delete(e.conversationId);
        }
        break;
      case LogType.wrapUpStarted:
        a.wrapUp = true;
        break;
      case LogType.wrapUpEnded:
        a.wrapUp = false;
        break;
      default:
        break; // contact and queue events leave the agent's state as it was
    }
    this.restate(a, e.at);
  }

  /**
   * A handled contact leaves its agent without ending: to a colleague (`toAgentId`, who holds it
   * from now) or back to a queue (a transfer there, an escalation to its next tier, or a return
   * when the agent's app vanished),
   * where nobody holds it until someone accepts it. Both agents' time is counted up to the move.
   */
  private move(e: LogEntry): void {
    const contactId = e.conversationId;
    if (!contactId) return;
    const fromId = this.contactAgent.get(contactId) ?? e.agentId;
    const toId = typeof e.data?.toAgentId === 'string' ? e.data.toAgentId : undefined;
    const from = fromId ? this.tracker(fromId, e.at) : undefined;
    const to = toId ? this.tracker(toId, e.at) : undefined;
    for (const a of [from, to]) if (a) this.account(a, e.at);
    from?.open.delete(contactId);
    if (to) {
      to.open.add(contactId);
      this.contactAgent.set(contactId, to.agentId);
    } else this.contactAgent.delete(contactId);
    for (const a of [from, to]) if (a) this.restate(a, e.at);
  }

  /**
   * Zeroes everyone's totals at `at`, keeping their state: entries before it tell who is
   * logged in and doing what, and only time after it counts (for "today" figures).
   */
  startCounting(at: number): void {
    for (const a of this.agents.values()) {
      this.account(a, at);
      Object.assign(a, { availableMs: 0, busyMs: 0, breakMs: 0, handled: 0 });
    }
  }

  /** Everyone's figures as of `now` (time since the last entry is counted). */
  snapshot(now: number): AgentTime[] {
    return [...this.agents.values()].map((a) => {
      const copy = { ...a, open: new Set(a.open) };
      this.account(copy, now);
      const { loggedIn: _l, status: _s, wrapUp: _w, open: _o, lastAt: _t, observedReason: _r, ...figures } = copy;
      return { ...figures, openContacts: [...a.open] };
    });
  }

  private tracker(agentId: string, at: number): Tracker {
    let a = this.agents.get(agentId);
    if (!a) {
      a = { agentId, availableMs: 0, busyMs: 0, breakMs: 0, handled: 0, state: 'logged-out', stateSince: at, contacts: 0, openContacts: [], loggedIn: false, status: 'offline', wrapUp: false, open: new Set(), lastAt: at };
      this.agents.set(agentId, a);
    }
    return a;
  }

  private account(a: Tracker, now: number): void {
    const dt = Math.max(0, now - a.lastAt);
    const busy = a.open.size > 0 || a.wrapUp;
    if (a.loggedIn && (a.status === 'available' || busy)) {
      a.availableMs += dt;
      if (busy) a.busyMs += dt;
    } else if (a.loggedIn && a.status === 'away') a.breakMs += dt;
    a.lastAt = now;
  }

  private restate(a: Tracker, at: number): void {
    const state: AgentTime['state'] = !a.loggedIn
      ? 'logged-out'
      : a.open.size > 0
        ? 'on-contact'
        : a.wrapUp
          ? 'wrap-up'
          : a.status === 'available'
            ? 'available'
            : a.status === 'away'
              ? 'away'
              : 'offline';
    const reason = state === 'away' ? a.breakReason : undefined;
    if (state !== a.state || reason !== a.observedReason) {
      if (state !== a.state) a.stateSince = at;
      a.state = state;
      a.observedReason = reason;
      this.observe?.(a.agentId, at, state, reason);
    }
    a.contacts = a.open.size;
  }
}
