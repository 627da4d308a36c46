/**
 * Agents' presence: which agents have the app open (one presence however many tabs), the
 * state they chose or a supervisor forced, and the frames their apps receive. Routing hears
 * of every change through `PresenceEvents`, wired in wiring.ts.
 */
import { topics, type Bus } from '../bus/bus.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import { Listeners } from '../kernel/listeners.js';
import { LogType } from '../kpi/log-types.js';
import type { AgentStatus, BreakReason } from '../protocol/presence.js';
import type { ServerFrame, SignOutReason } from '../protocol/server-frames.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Store } from '../store/store.js';

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
}

export class PresenceService {
  /** Open sockets per agent: an agent is routable while at least one is open. */
  private readonly connections = new Map<string, number>();
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

  /** One more app window of the agent is open. */
  async agentConnected(agent: AgentRecord): Promise<void> {
    const count = (this.connections.get(agent.id) ?? 0) + 1;
    this.connections.set(agent.id, count);
    if (count === 1) this.log.append({ at: this.clock(), type: LogType.agentLogin, agentId: agent.id, data: { status: agent.status, ...(agent.breakReason ? { breakReason: agent.breakReason } : {}) } });
    await this.events.run('changed', agent.id);
  }

  /** One app window closed; the agent stays present while another is open. */
  async agentDisconnected(agentId: string): Promise<void> {
    const left = (this.connections.get(agentId) ?? 1) - 1;
    if (left > 0) return void this.connections.set(agentId, left);
    this.connections.delete(agentId);
    if (this.destroyed) return;
    this.log.append({ at: this.clock(), type: LogType.agentLogout, agentId });
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

  /** Whether the agent has the app open (at least one socket). */
  isConnected(agentId: string): boolean {
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

  /** Presence changes arriving later (sockets closing at shutdown) are ignored. */
  destroy(): void {
    this.destroyed = true;
  }
}
