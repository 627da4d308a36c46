/**
 * Agents' presence: which agents have the app open (one presence however many tabs), the
 * state they chose or a supervisor forced, and the frames their apps receive. Routing hears
 * of every change through `PresenceEvents`, wired in wiring.ts.
 *
 * When an agent's last socket goes (closed, or cut by the heartbeat), they stay present for a
 * grace period: a reload, a network blip or a laptop waking up reconnects within it and nothing
 * changes. Past it an available agent becomes away (`disconnected`), so routing withdraws their
 * offers and gives them to colleagues; their next connection makes them available again.
 */
import { topics, type Bus } from '../bus/bus.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import { Listeners } from '../kernel/listeners.js';
import { componentLogger } from '../kernel/logger.js';
import { LogType } from '../kpi/log-types.js';
import type { AgentStatus, BreakReason } from '../protocol/presence.js';
import type { ServerFrame, SignOutReason } from '../protocol/server-frames.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Store } from '../store/store.js';

const log = componentLogger('presence');

export interface PresenceEvents {
  /** An agent's routability may have changed (connected, disconnected, new state): routing reloads them. */
  changed(agentId: string): Promise<void>;
}

export class PresenceListeners extends Listeners<PresenceEvents> {}

export interface PresenceServiceDeps {
  store: Store;
  bus: Bus;
  log: EventLogWriter;
  events: PresenceListeners;
  clock?: () => number;
  /** How long an agent with no socket left stays present, ms. Default 20 s. */
  graceMs?: number;
  /** Runs `run` once after `ms`; returns the function that cancels it (tests turn time by hand). */
  after?: (ms: number, run: () => void) => () => void;
}

/** How long an agent whose last connection went stays present by default: a reload or a blip fits in it. */
export const PRESENCE_GRACE_MS = 20_000;

const unrefTimeout = (ms: number, run: () => void): (() => void) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export class PresenceService {
  /** Open sockets per agent. */
  private readonly connections = new Map<string, number>();
  /** Agents whose last socket went, by the function that cancels their grace. They stay present until it ends. */
  private readonly graces = new Map<string, () => void>();
  private readonly graceMs: number;
  private readonly after: NonNullable<PresenceServiceDeps['after']>;
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly log: EventLogWriter;
  private readonly events: PresenceListeners;
  private readonly clock: () => number;
  private destroyed = false;

  constructor(deps: PresenceServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.log = deps.log;
    this.events = deps.events;
    this.clock = deps.clock ?? Date.now;
    this.graceMs = deps.graceMs ?? PRESENCE_GRACE_MS;
    this.after = deps.after ?? unrefTimeout;
  }

  /**
   * Delivers what the agent's app should hear (offers, their conversations, presence) and, to
   * supervisors and admins, the wallboard. Returns the function that stops it.
   */
  follow(agent: AgentRecord, deliver: (frame: ServerFrame) => void): () => void {
    const stopAgent = this.bus.subscribe(topics.agent(agent.id), deliver);
    const stopBoard = agent.role === 'agent' ? () => {} : this.bus.subscribe(topics.supervisors(), deliver);
    return () => {
      stopAgent();
      stopBoard();
    };
  }

  /**
   * One more app window of the agent is open. Back within the grace, nothing changes; back
   * after it (or for the first time), they log in, and an agent made away by a lost connection
   * is available again: the same state they had before it, without signing in again.
   */
  async agentConnected(agent: AgentRecord): Promise<void> {
    const count = (this.connections.get(agent.id) ?? 0) + 1;
    this.connections.set(agent.id, count);
    if (count > 1) return;
    const grace = this.graces.get(agent.id);
    if (grace) {
      grace();
      this.graces.delete(agent.id);
      return;
    }
    const stored = (await this.store.agents.findById(agent.id)) ?? agent;
    const reconnected = stored.status === 'away' && stored.breakReason === 'disconnected';
    this.log.append({ at: this.clock(), type: LogType.agentLogin, agentId: agent.id, data: { status: stored.status, ...(stored.breakReason ? { breakReason: stored.breakReason } : {}) } });
    if (reconnected) {
      agent.status = 'available';
      return this.setStatus(agent.id, 'available');
    }
    await this.events.run('changed', agent.id);
  }

  /**
   * One app window closed (or was cut off); with none left, the agent's grace begins.
   * Returns whether it did (false while windows remain, or after shutdown).
   */
  async agentDisconnected(agentId: string): Promise<boolean> {
    const left = (this.connections.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.connections.set(agentId, left);
      return false;
    }
    this.connections.delete(agentId);
    if (this.destroyed || this.graces.has(agentId)) return false;
    this.graces.set(
      agentId,
      this.after(this.graceMs, () => void this.graceEnded(agentId).catch((err: unknown) => log.error({ agentId, err }, 'presence: grace end failed'))),
    );
    return true;
  }

  /** Ends the agent's grace now, as if it had run out (their app died mid-call: nothing to come back to). */
  async endGrace(agentId: string): Promise<void> {
    const cancel = this.graces.get(agentId);
    if (!cancel) return;
    cancel();
    await this.graceEnded(agentId);
  }

  /** No window came back in time: the agent logs out, and an available one becomes away so their offers move on. */
  private async graceEnded(agentId: string): Promise<void> {
    this.graces.delete(agentId);
    if (this.destroyed || this.connections.has(agentId)) return;
    this.log.append({ at: this.clock(), type: LogType.agentLogout, agentId });
    const agent = await this.store.agents.findById(agentId);
    if (agent?.active && agent.status === 'available') return this.setStatus(agentId, 'away', 'disconnected');
    await this.events.run('changed', agentId);
  }

  /** The agent as stored now: their name or state may have changed since their socket opened. */
  async current(agent: AgentRecord): Promise<AgentRecord> {
    return (await this.store.agents.findById(agent.id)) ?? agent;
  }

  /**
   * Some of the agent's sessions ended (deactivated, signed out elsewhere, new role or password):
   * each of their open app windows checks its own session and closes if it was one of them.
   */
  sessionsEnded(agentId: string, reason: SignOutReason): void {
    this.bus.publish(topics.agent(agentId), { type: 'signed-out', reason });
  }

  /** Whether the agent is present: a socket open, or the last one gone less than the grace ago. Routing offers only to them. */
  isConnected(agentId: string): boolean {
    return this.connections.has(agentId) || this.graces.has(agentId);
  }

  /** How many app windows (sockets) the agent has open on this node. */
  openWindows(agentId: string): number {
    return this.connections.get(agentId) ?? 0;
  }

  /** Whether the agent has a socket open right now (a call needs one: its media died with the window). */
  hasOpenSocket(agentId: string): boolean {
    return this.connections.has(agentId);
  }

  /**
   * Stores the agent's presence (with a break reason when away) and routes accordingly.
   * `forcedBy` names the supervisor when it was not the agent's own choice.
   */
  async setStatus(agentId: string, status: AgentStatus, breakReason?: BreakReason, forcedBy?: string): Promise<void> {
    await this.store.agents.setStatus(agentId, status, breakReason);
    this.log.append({ at: this.clock(), type: LogType.agentState, agentId, data: { status, ...(breakReason ? { breakReason } : {}), ...(forcedBy ? { forcedBy } : {}) } });
    this.bus.publish(topics.agent(agentId), { type: 'presence', status, ...(status === 'away' && breakReason ? { breakReason } : {}) });
    if (!this.destroyed) await this.events.run('changed', agentId);
  }

  /** Presence changes arriving later (sockets closing at shutdown) are ignored; graces end untold. */
  destroy(): void {
    this.destroyed = true;
    for (const cancel of this.graces.values()) cancel();
    this.graces.clear();
  }
}
