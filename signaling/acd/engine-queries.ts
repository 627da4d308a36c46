/**
 * What the ACD can say without changing anything: a contact's place and estimated wait, who
 * could serve a queue, what is offered to whom, and what to rebuild after a restart. The
 * engine (acd-engine.ts) extends this with the events that change the state.
 */
import { skillScore, type AgentState, type BlockingRules, type ContactState } from './routing-state.js';
import type { AcdEvent, Channel, QueueConfig, QueueSettings, Skills } from './types.js';
import { estimateWait, HandleTimes } from './wait-estimate.js';
import type { WaitingList } from './waiting-list.js';

/** Defaults for a queue configured with only some settings, or heard of before its configuration. */
export const DEFAULT_QUEUE: QueueSettings = {
  strategy: 'longest-idle',
  offerTimeoutMs: 30_000,
  retryDelayMs: 15_000,
  wrapUpMs: 0,
  dispositionRequired: false,
  requiredSkills: {},
  tierWaitMs: 0,
  priority: 0,
  priorityWeightMs: 60_000,
  stickyMs: 0,
  expectedHandleMs: 300_000,
};

/** The engine's state, and the read-only questions asked of it. */
export abstract class AcdQueries {
  protected readonly queues = new Map<string, QueueConfig>();
  protected readonly contacts = new Map<string, ContactState>();
  protected readonly waiting = new Map<string, WaitingList<ContactState>>();
  protected readonly agents = new Map<string, AgentState>();
  protected readonly members = new Map<string, Set<string>>();
  /** Measured handle time per queue, for the estimated wait. */
  protected readonly handleTimes = new HandleTimes();
  /** The latest time an event carried: the engine's "now". */
  protected now = 0;

  constructor(protected readonly blocking: BlockingRules) {}

  /** The lowest tier a contact may be offered to: 1 unless an agent escalated it. */
  minTierOf(contactId: string): number {
    return this.contacts.get(contactId)?.minTier ?? 1;
  }

  /** The contact's 1-based place in its queue, or 0 when it is not waiting. */
  positionOf(contactId: string): number {
    const c = this.contacts.get(contactId);
    if (!c || c.assignedTo) return 0;
    return this.waiting.get(c.queueId)?.positionOf(c) ?? 0;
  }

  /**
   * Estimated wait in ms for a waiting contact: the contacts ahead of it that free slots
   * cannot take now, times the queue's handle time, shared among the slots that can serve it.
   * Undefined when no agent who could serve it is available (the wait cannot be estimated).
   */
  estimatedWaitMs(contactId: string): number | undefined {
    const c = this.contacts.get(contactId);
    const position = this.positionOf(contactId);
    if (!c || position === 0) return undefined;
    return this.estimate(c.queueId, c.channel, c.requiredSkills, position);
  }

  /** The wait a contact arriving now on `channel` could expect, or undefined when nobody could serve it. */
  estimatedWaitForNew(queueId: string, channel: Channel): number | undefined {
    return this.estimate(queueId, channel, {}, (this.waiting.get(queueId)?.size ?? 0) + 1);
  }

  private estimate(queueId: string, channel: Channel, requiredSkills: Skills, position: number): number | undefined {
    const queue = this.queueConfig(queueId);
    const members = [...(this.members.get(queueId) ?? [])].map((id) => this.agents.get(id)!);
    return estimateWait({ queue, members, channel, requiredSkills, position, handleMs: this.handleTimes.of(queue), blocking: this.blocking, now: this.now });
  }

  /** Agents able to serve a queue now (logged in, not on a break, with its skills), busy or not. */
  agentsAvailable(queueId: string): number {
    const queue = this.queueConfig(queueId);
    let n = 0;
    for (const agentId of this.members.get(queueId) ?? []) {
      const agent = this.agents.get(agentId)!;
      if (agent.available && skillScore(agent, queue.requiredSkills) >= 0) n++;
    }
    return n;
  }

  /** The agents a contact is offered to now. */
  offersOf(contactId: string): { agentId: string; expiresAt: number }[] {
    return [...(this.contacts.get(contactId)?.offers ?? [])].map(([agentId, expiresAt]) => ({ agentId, expiresAt }));
  }

  /** Ids of contacts waiting in a queue, in serving order. */
  waitingIn(queueId: string): string[] {
    return (this.waiting.get(queueId)?.all ?? []).map((c) => c.id);
  }

  /** Ids of the contacts an agent handles. */
  handledBy(agentId: string): string[] {
    return [...(this.agents.get(agentId)?.handling.keys() ?? [])];
  }

  /**
   * The engine's own view of one agent (undefined when it does not know them): whether it may
   * offer them anything, how many contacts they hold, and whether they are in wrap-up. The
   * wallboard's fold of the event log must agree with this (see wallboard-truth.property.test.ts).
   */
  agentNow(agentId: string): { available: boolean; contacts: number; wrapUp: boolean } | undefined {
    const agent = this.agents.get(agentId);
    return agent && { available: agent.available, contacts: agent.handling.size, wrapUp: !!agent.wrapUp };
  }

  /** Whether the agent is in after-contact work. */
  inWrapUp(agentId: string): boolean {
    return !!this.agents.get(agentId)?.wrapUp;
  }

  /** Everything needed to rebuild the waiting queues after a restart, in `contact-arrived` form. */
  exportWaiting(): Extract<AcdEvent, { type: 'contact-arrived' }>[] {
    const out: Extract<AcdEvent, { type: 'contact-arrived' }>[] = [];
    for (const list of this.waiting.values()) {
      for (const c of list.all) {
        out.push({
          type: 'contact-arrived',
          at: this.now,
          contactId: c.id,
          queueId: c.queueId,
          channel: c.channel,
          enqueuedAt: c.enqueuedAt,
          priority: c.priority,
          requiredSkills: c.requiredSkills,
          ...(c.preferredAgentId ? { preferredAgentId: c.preferredAgentId } : {}),
        });
      }
    }
    return out;
  }

  protected queueConfig(queueId: string): QueueConfig {
    return this.queues.get(queueId) ?? { id: queueId, ...DEFAULT_QUEUE };
  }

}
