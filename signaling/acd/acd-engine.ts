/**
 * The automatic contact distributor: a deterministic state machine. Feed it events with
 * their time; it answers with decisions for the server to carry out. No I/O, no clock,
 * no timers: the caller asks `nextDeadline()` and sends a `tick` then.
 *
 * Dispatch is event-driven, so a decision costs about the same with ten or ten thousand
 * contacts waiting: a new contact looks for a free agent among its queue's members; an
 * agent who becomes free looks at the heads of its queues; timed changes come off a heap.
 */
import { isOpen } from './business-hours.js';
import { DeadlineHeap } from './deadline-heap.js';
import {
  allowedTier,
  DEFAULT_BLOCKING,
  hasRoom,
  isFree,
  seededRandom,
  servingKey,
  skillScore,
  type AgentState,
  type BlockingRules,
  type ContactState,
} from './routing-state.js';
import { strategies, type Candidate } from './strategies/index.js';
import { CHANNELS, type AcdDecision, type AcdEvent, type Channel, type OverflowReason, type QueueConfig } from './types.js';
import { WaitingList } from './waiting-list.js';
import { eligibility } from './eligibility.js';
import { assertNever } from '../protocol/assert-never.js';
import { AcdQueries, DEFAULT_QUEUE } from './engine-queries.js';

export { DEFAULT_QUEUE } from './engine-queries.js';

export interface AcdEngineOptions {
  /** Missed offers in a row after which an agent is paused (FreeSWITCH max-no-answer). 0 disables. */
  maxNoAnswer?: number;
  /** No offers to an agent for this long after they let one time out (no-answer-delay-time). */
  noAnswerDelayMs?: number;
  /** No offers to an agent for this long after they decline one (reject-delay-time). */
  rejectDelayMs?: number;
  blocking?: BlockingRules;
  /** Seed for the `random` strategy, so runs replay exactly. */
  seed?: number;
}


/** Overflow hops allowed before a contact is refused, so A → B → A cannot loop. */
const MAX_HOPS = 3;
const DAY_MS = 86_400_000;

type Due =
  | { kind: 'offer'; contactId: string; agentId: string; expiresAt: number }
  | { kind: 'contact'; contactId: string }
  | { kind: 'max-wait'; contactId: string; enqueuedAt: number }
  | { kind: 'agent'; agentId: string; at: number };

/** What one call to `handle` is producing. */
interface Turn {
  now: number;
  out: AcdDecision[];
  changedQueues: Set<string>;
}

/**
 * @example
 * const acd = new AcdEngine();
 * acd.handle({ type: 'agent-updated', at: 0, agentId: 'a1', available: true, queues: { q: { tier: 1, position: 0 } }, capacity: { chat: 3 } });
 * acd.handle({ type: 'contact-arrived', at: 1, contactId: 'c1', queueId: 'q', channel: 'chat' });
 * // → [{ type: 'offer', contactId: 'c1', agentId: 'a1', queueId: 'q', expiresAt: 30001 }, { type: 'queue-changed', queueId: 'q' }]
 */
export class AcdEngine extends AcdQueries {
  /**
   * Members who could take something now (available, no offer, not in wrap-up, room on some
   * channel), per queue. In a busy center this is nearly empty, so a new contact looks at a few
   * agents instead of every member.
   */
  private readonly freeMembers = new Map<string, Set<string>>();
  /** The deepest tier among each queue's members, for escalation (cleared when membership changes). */
  private readonly deepestTiers = new Map<string, number>();
  private readonly lastPosition = new Map<string, number>();
  /** Waiting contacts by the agent they prefer (sticky routing), so that agent's changes find them fast. */
  private readonly stickyWaiting = new Map<string, Set<ContactState>>();
  private readonly deadlines = new DeadlineHeap<Due>();
  private readonly random: () => number;
  private readonly maxNoAnswer: number;
  private readonly noAnswerDelayMs: number;
  private readonly rejectDelayMs: number;
  private arrivals = 0;

  constructor(options: AcdEngineOptions = {}) {
    super(options.blocking ?? DEFAULT_BLOCKING);
    this.maxNoAnswer = options.maxNoAnswer ?? 3;
    this.noAnswerDelayMs = options.noAnswerDelayMs ?? 0;
    this.rejectDelayMs = options.rejectDelayMs ?? 0;
    this.random = seededRandom(options.seed ?? 1);
  }

  /** Applies one event and returns what the server must do, in order. */
  handle(event: AcdEvent): AcdDecision[] {
    this.now = Math.max(this.now, event.at);
    const turn: Turn = { now: this.now, out: [], changedQueues: new Set() };
    switch (event.type) {
      case 'queue-configured':
        this.configureQueue(event.queue, turn);
        break;
      case 'contact-arrived':
        this.arrive(event, turn);
        break;
      case 'contact-assigned':
        this.restoreAssignment(event.contactId, event.agentId, event.channel, event.queueId);
        break;
      case 'contact-ended':
        this.endContact(event.contactId, turn);
        break;
      case 'contact-returned':
        this.returnContact(event, turn);
        break;
      case 'contact-transferred':
        this.transferContact(event.contactId, event.toAgentId, turn);
        break;
      case 'agent-updated':
        this.updateAgent(event, turn);
        break;
      case 'agent-removed':
        this.removeAgent(event.agentId, turn);
        break;
      case 'offer-accepted':
        this.accept(event.contactId, event.agentId, turn);
        break;
      case 'offer-declined':
        this.decline(event.contactId, event.agentId, turn);
        break;
      case 'wrap-up-done':
        this.endWrapUp(event.agentId, turn);
        break;
      case 'tick':
        this.runDue(turn);
        break;
      default:
        assertNever(event);
    }
    for (const queueId of turn.changedQueues) turn.out.push({ type: 'queue-changed', queueId });
    return turn.out;
  }

  /** The earliest time a `tick` would change something, or undefined when nothing is pending. */
  nextDeadline(): number | undefined {
    // Drop entries that no longer apply, so the caller does not wake up for nothing.
    for (let top = this.deadlines.peek(); top; top = this.deadlines.peek()) {
      if (this.stillDue(top.item)) return top.at;
      this.deadlines.pop();
    }
    return undefined;
  }

  // ---- configuration -------------------------------------------------------------------

  private configureQueue(queue: QueueConfig, turn: Turn): void {
    this.queues.set(queue.id, { ...DEFAULT_QUEUE, ...queue });
    const list = this.waiting.get(queue.id);
    if (!list) return;
    for (const c of list.all) {
      c.key = servingKey(c, this.queueConfig(queue.id));
      this.scheduleContact(c);
    }
    list.resort();
    for (const c of [...list.all]) this.offerContact(c, turn);
    turn.changedQueues.add(queue.id);
  }

  // ---- contacts ------------------------------------------------------------------------

  private arrive(event: Extract<AcdEvent, { type: 'contact-arrived' }>, turn: Turn): void {
    if (this.contacts.has(event.contactId)) return; // a repeated arrival must not queue the contact twice
    const restored = event.enqueuedAt !== undefined;
    const queue = this.queueConfig(event.queueId);
    const contact: ContactState = {
      id: event.contactId,
      queueId: event.queueId,
      channel: event.channel,
      enqueuedAt: event.enqueuedAt ?? event.at,
      priority: event.priority ?? 0,
      requiredSkills: event.requiredSkills ?? {},
      ...(event.preferredAgentId ? { preferredAgentId: event.preferredAgentId } : {}),
      ...(event.minTier !== undefined ? { minTier: event.minTier } : {}),
      offers: new Map(),
      skipUntil: new Map(),
      tier: 1,
      hops: 0,
      key: 0,
      order: this.arrivals++,
    };
    // A contact restored after a restart was already accepted into the queue: no gatekeeping again.
    if (!restored) {
      if (!isOpen(queue.hours, turn.now) && queue.closedTarget) return this.overflow(contact, queue.closedTarget, 'closed', turn);
      if (queue.maxSize !== undefined && (this.waiting.get(queue.id)?.size ?? 0) >= queue.maxSize) {
        return queue.overflow ? this.overflow(contact, queue.overflow, 'queue-full', turn) : void turn.out.push({ type: 'refused', contactId: contact.id, queueId: queue.id, reason: 'queue-full' });
      }
    }
    this.enqueue(contact, turn);
  }

  private enqueue(contact: ContactState, turn: Turn): void {
    const queue = this.queueConfig(contact.queueId);
    contact.key = servingKey(contact, queue);
    // An escalated contact may go to its tier at once, whatever the queue's escalation by waiting says.
    contact.tier = Math.max(allowedTier(queue, turn.now - contact.enqueuedAt), contact.minTier ?? 1);
    this.contacts.set(contact.id, contact);
    let list = this.waiting.get(contact.queueId);
    if (!list) this.waiting.set(contact.queueId, (list = new WaitingList()));
    list.insert(contact);
    if (contact.preferredAgentId) {
      let set = this.stickyWaiting.get(contact.preferredAgentId);
      if (!set) this.stickyWaiting.set(contact.preferredAgentId, (set = new Set()));
      set.add(contact);
    }
    turn.changedQueues.add(contact.queueId);
    this.scheduleContact(contact);
    this.offerContact(contact, turn);
  }

  /** Schedules the timed changes of a waiting contact: escalation, end of stickiness, maximum wait. */
  private scheduleContact(contact: ContactState): void {
    const queue = this.queueConfig(contact.queueId);
    if (queue.tierWaitMs > 0) this.deadlines.push(contact.enqueuedAt + contact.tier * queue.tierWaitMs, { kind: 'contact', contactId: contact.id });
    if (contact.preferredAgentId && queue.stickyMs > 0) this.deadlines.push(contact.enqueuedAt + queue.stickyMs, { kind: 'contact', contactId: contact.id });
    if (queue.maxWaitMs !== undefined) this.deadlines.push(contact.enqueuedAt + queue.maxWaitMs, { kind: 'max-wait', contactId: contact.id, enqueuedAt: contact.enqueuedAt });
  }

  private overflow(contact: ContactState, target: NonNullable<QueueConfig['overflow']>, reason: OverflowReason, turn: Turn): void {
    const from = contact.queueId;
    if (target.type === 'queue' && (contact.hops >= MAX_HOPS || target.queueId === from)) {
      turn.out.push({ type: 'refused', contactId: contact.id, queueId: from, reason });
      return;
    }
    turn.out.push({ type: 'overflowed', contactId: contact.id, fromQueueId: from, to: target, reason });
    if (target.type !== 'queue') return; // callback or message: the contact leaves the queues
    const moved: ContactState = { ...contact, queueId: target.queueId, enqueuedAt: turn.now, hops: contact.hops + 1, offers: new Map(), skipUntil: new Map() };
    delete moved.minTier; // another queue has tiers of its own
    const queue = this.queueConfig(target.queueId);
    if (queue.maxSize !== undefined && (this.waiting.get(queue.id)?.size ?? 0) >= queue.maxSize) {
      return queue.overflow ? this.overflow(moved, queue.overflow, 'queue-full', turn) : void turn.out.push({ type: 'refused', contactId: contact.id, queueId: queue.id, reason: 'queue-full' });
    }
    this.enqueue(moved, turn);
  }

  private removeWaiting(contact: ContactState, turn: Turn): void {
    this.waiting.get(contact.queueId)?.remove(contact);
    if (contact.preferredAgentId) this.stickyWaiting.get(contact.preferredAgentId)?.delete(contact);
    turn.changedQueues.add(contact.queueId);
  }

  private restoreAssignment(contactId: string, agentId: string, channel: Channel, queueId: string): void {
    const agent = this.agentOrPlaceholder(agentId);
    agent.handling.set(contactId, { channel, queueId, since: this.now });
    this.refreshFree(agent);
    this.contacts.set(contactId, {
      id: contactId,
      queueId,
      channel,
      enqueuedAt: this.now,
      priority: 0,
      requiredSkills: {},
      offers: new Map(),
      skipUntil: new Map(),
      tier: 1,
      hops: 0,
      key: 0,
      order: this.arrivals++,
      assignedTo: agentId,
      assignedAt: this.now,
    });
  }

  private endContact(contactId: string, turn: Turn): void {
    const contact = this.contacts.get(contactId);
    if (!contact) return;
    this.contacts.delete(contactId);
    if (contact.assignedTo) {
      const agent = this.agents.get(contact.assignedTo);
      if (!agent) return;
      const handled = agent.handling.get(contactId);
      agent.handling.delete(contactId);
      if (handled) this.handleTimes.record(handled.queueId, turn.now - handled.since);
      if (agent.handling.size === 0) agent.idleSince = turn.now;
      this.startWrapUp(agent, contact, turn);
      this.refreshFree(agent);
      this.markAgentQueues(agent, turn);
      this.offerToAgent(agent, turn);
      return;
    }
    const freed = this.withdrawAll(contact, 'cancelled', turn);
    this.removeWaiting(contact, turn);
    turn.out.push({ type: 'abandoned', contactId, queueId: contact.queueId, waitedMs: turn.now - contact.enqueuedAt });
    for (const agent of freed) this.offerToAgent(agent, turn);
  }

  /** Takes a handled contact off its agent and queues it again at the head (see `contact-returned`). */
  private returnContact(event: Extract<AcdEvent, { type: 'contact-returned' }>, turn: Turn): void {
    const contact = this.contacts.get(event.contactId);
    if (!contact?.assignedTo) return;
    const agent = this.agents.get(contact.assignedTo);
    this.contacts.delete(contact.id);
    const queueId = event.queueId !== undefined && this.queues.has(event.queueId) ? event.queueId : contact.queueId;
    const back: ContactState = {
      ...contact,
      queueId,
      offers: new Map(),
      skipUntil: new Map(event.skipAgent && agent ? [[agent.id, Number.POSITIVE_INFINITY]] : []),
      tier: 1,
      returned: true,
      order: this.arrivals++,
    };
    if (event.minTier !== undefined) back.minTier = event.minTier;
    else if (queueId !== contact.queueId) delete back.minTier;
    delete back.assignedTo;
    delete back.assignedAt;
    if (agent) this.release(agent, contact.id, turn);
    this.enqueue(back, turn);
    if (agent) this.offerToAgent(agent, turn);
  }

  private transferContact(contactId: string, toAgentId: string, turn: Turn): void {
    const contact = this.contacts.get(contactId);
    const from = contact?.assignedTo ? this.agents.get(contact.assignedTo) : undefined;
    const to = this.agents.get(toAgentId);
    const refuse = (reason: 'not-handled' | 'agent-unavailable' | 'no-room') => void turn.out.push({ type: 'transfer-refused', contactId, toAgentId, reason });
    if (!contact || !from || from.id === toAgentId) return refuse('not-handled');
    if (!to || !to.available || to.wrapUp) return refuse('agent-unavailable');
    if (!hasRoom(to, contact.channel, this.blocking)) return refuse('no-room');
    if (to.offered) {
      // The transfer wins over a ringing offer: that contact goes on to someone else.
      const ringing = this.contacts.get(to.offered);
      if (ringing) {
        this.withdraw(ringing, to, 'cancelled', turn);
        this.offerContact(ringing, turn);
      }
    }
    this.release(from, contactId, turn);
    contact.assignedTo = to.id;
    contact.assignedAt = turn.now;
    to.handling.set(contactId, { channel: contact.channel, queueId: contact.queueId, since: turn.now });
    to.idleSince = turn.now;
    this.refreshFree(to);
    this.markAgentQueues(to, turn);
    turn.out.push({ type: 'transferred', contactId, fromAgentId: from.id, toAgentId: to.id, queueId: contact.queueId });
    this.offerToAgent(from, turn);
  }

  /** Frees the agent of a contact that did not end here: no handle time, no wrap-up. */
  private release(agent: AgentState, contactId: string, turn: Turn): void {
    agent.handling.delete(contactId);
    if (agent.handling.size === 0) agent.idleSince = turn.now;
    this.refreshFree(agent);
    this.markAgentQueues(agent, turn);
  }

  // ---- agents --------------------------------------------------------------------------

  private agentOrPlaceholder(agentId: string): AgentState {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = {
        id: agentId,
        available: false,
        queues: new Map(),
        skills: {},
        capacity: {},
        handling: new Map(),
        idleSince: this.now,
        handledToday: 0,
        handledDay: Math.floor(this.now / DAY_MS),
        notBefore: 0,
        missedInARow: 0,
      };
      this.agents.set(agentId, agent);
    }
    return agent;
  }

  private updateAgent(event: Extract<AcdEvent, { type: 'agent-updated' }>, turn: Turn): void {
    const agent = this.agentOrPlaceholder(event.agentId);
    if (event.available && !agent.available) {
      if (agent.handling.size === 0) agent.idleSince = turn.now;
      agent.missedInARow = 0;
    }
    this.markAgentQueues(agent, turn);
    for (const queueId of agent.queues.keys()) {
      this.members.get(queueId)?.delete(agent.id);
      this.freeMembers.get(queueId)?.delete(agent.id);
      this.deepestTiers.delete(queueId);
    }
    agent.available = event.available;
    agent.queues = new Map(Object.entries(event.queues));
    agent.skills = { ...(event.skills ?? {}) };
    agent.capacity = { ...event.capacity };
    if (event.handledToday !== undefined) {
      agent.handledToday = event.handledToday;
      agent.handledDay = Math.floor(turn.now / DAY_MS);
    }
    for (const queueId of agent.queues.keys()) {
      let set = this.members.get(queueId);
      if (!set) this.members.set(queueId, (set = new Set()));
      set.add(agent.id);
      this.deepestTiers.delete(queueId);
    }
    this.refreshFree(agent);
    this.markAgentQueues(agent, turn);
    const offered = agent.offered ? this.contacts.get(agent.offered) : undefined;
    if (offered && !this.mayKeepOffer(agent, offered)) {
      this.withdraw(offered, agent, 'cancelled', turn);
      this.offerContact(offered, turn);
    }
    this.offerToAgent(agent, turn);
    // Sticky contacts waiting for this agent stop waiting once they are unavailable.
    if (!agent.available) this.retryStickyFor(agent.id, turn);
  }

  private mayKeepOffer(agent: AgentState, contact: ContactState): boolean {
    const queue = this.queueConfig(contact.queueId);
    return agent.available && agent.queues.has(contact.queueId) && hasRoom(agent, contact.channel, this.blocking) && skillScore(agent, queue.requiredSkills, contact.requiredSkills) >= 0;
  }

  private removeAgent(agentId: string, turn: Turn): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    const offered = agent.offered ? this.contacts.get(agent.offered) : undefined;
    if (offered) this.withdraw(offered, agent, 'cancelled', turn);
    this.markAgentQueues(agent, turn);
    for (const queueId of agent.queues.keys()) {
      this.members.get(queueId)?.delete(agentId);
      this.freeMembers.get(queueId)?.delete(agentId);
      this.deepestTiers.delete(queueId);
    }
    this.agents.delete(agentId);
    if (offered) this.offerContact(offered, turn);
    this.retryStickyFor(agentId, turn);
  }

  private markAgentQueues(agent: AgentState, turn: Turn): void {
    for (const queueId of agent.queues.keys()) turn.changedQueues.add(queueId);
  }

  private retryStickyFor(agentId: string, turn: Turn): void {
    for (const c of [...(this.stickyWaiting.get(agentId) ?? [])]) this.offerContact(c, turn);
  }

  private startWrapUp(agent: AgentState, contact: ContactState, turn: Turn): void {
    const queue = this.queueConfig(contact.queueId);
    if (queue.wrapUpMs <= 0 && !queue.dispositionRequired) return;
    const until = queue.dispositionRequired ? undefined : turn.now + queue.wrapUpMs;
    // Several chats may end close together: the longest wrap-up wins.
    if (agent.wrapUp && (agent.wrapUp.until === undefined || (until !== undefined && agent.wrapUp.until >= until))) return;
    agent.wrapUp = { until };
    this.refreshFree(agent);
    if (until !== undefined) this.deadlines.push(until, { kind: 'agent', agentId: agent.id, at: until });
    turn.out.push({ type: 'wrap-up-started', agentId: agent.id, contactId: contact.id, until });
  }

  private endWrapUp(agentId: string, turn: Turn): void {
    const agent = this.agents.get(agentId);
    if (!agent?.wrapUp) return;
    agent.wrapUp = undefined;
    this.refreshFree(agent);
    agent.idleSince = turn.now;
    // Waiting visitors' estimates change: an agent they could not count on is free now.
    this.markAgentQueues(agent, turn);
    turn.out.push({ type: 'wrap-up-ended', agentId });
    this.offerToAgent(agent, turn);
  }

  // ---- offers --------------------------------------------------------------------------

  /**
   * Takes the agent's live offer of the contact off the table, for an accept or a decline.
   * Undefined (and `offer-unavailable`) when there is no such offer: it rang out, was taken, or never was.
   */
  private takeOffer(contactId: string, agentId: string, turn: Turn): { contact: ContactState; agent: AgentState } | undefined {
    const contact = this.contacts.get(contactId);
    const agent = this.agents.get(agentId);
    if (!contact || !agent || !contact.offers.has(agentId)) {
      turn.out.push({ type: 'offer-unavailable', contactId, agentId });
      return undefined;
    }
    contact.offers.delete(agentId);
    agent.offered = undefined;
    this.refreshFree(agent);
    return { contact, agent };
  }

  private accept(contactId: string, agentId: string, turn: Turn): void {
    const taken = this.takeOffer(contactId, agentId, turn);
    if (!taken) return;
    const { contact, agent } = taken;
    const others = this.withdrawAll(contact, 'taken', turn);
    this.removeWaiting(contact, turn);
    contact.assignedTo = agentId;
    contact.assignedAt = turn.now;
    agent.handling.set(contactId, { channel: contact.channel, queueId: contact.queueId, since: turn.now });
    this.refreshFree(agent);
    // Longest idle counts from the agent's last contact taken or finished (FreeSWITCH: last bridge).
    agent.idleSince = turn.now;
    agent.missedInARow = 0;
    const day = Math.floor(turn.now / DAY_MS);
    if (day !== agent.handledDay) {
      agent.handledDay = day;
      agent.handledToday = 0;
    }
    agent.handledToday++;
    turn.out.push({ type: 'assigned', contactId, agentId, queueId: contact.queueId, waitedMs: turn.now - contact.enqueuedAt });
    this.markAgentQueues(agent, turn);
    for (const other of others) this.offerToAgent(other, turn);
    this.offerToAgent(agent, turn);
  }

  private decline(contactId: string, agentId: string, turn: Turn): void {
    // The agent knows they declined: no withdrawal decision for them.
    const taken = this.takeOffer(contactId, agentId, turn);
    if (!taken) return;
    const { contact, agent } = taken;
    this.skipFor(contact, agent, turn);
    if (this.rejectDelayMs > 0) this.delayAgent(agent, turn.now + this.rejectDelayMs);
    this.offerContact(contact, turn);
    this.offerToAgent(agent, turn);
  }

  private skipFor(contact: ContactState, agent: AgentState, turn: Turn): void {
    const until = turn.now + this.queueConfig(contact.queueId).retryDelayMs;
    contact.skipUntil.set(agent.id, until);
    this.deadlines.push(until, { kind: 'contact', contactId: contact.id });
  }

  private delayAgent(agent: AgentState, until: number): void {
    agent.notBefore = Math.max(agent.notBefore, until);
    this.deadlines.push(agent.notBefore, { kind: 'agent', agentId: agent.id, at: agent.notBefore });
  }

  private withdraw(contact: ContactState, agent: AgentState, reason: 'timeout' | 'taken' | 'cancelled', turn: Turn): void {
    contact.offers.delete(agent.id);
    if (agent.offered === contact.id) agent.offered = undefined;
    this.refreshFree(agent);
    turn.out.push({ type: 'offer-withdrawn', contactId: contact.id, agentId: agent.id, reason });
  }

  /** Withdraws every live offer of a contact; returns the agents freed by it. */
  private withdrawAll(contact: ContactState, reason: 'timeout' | 'taken' | 'cancelled', turn: Turn): AgentState[] {
    const freed: AgentState[] = [];
    for (const agentId of [...contact.offers.keys()]) {
      const agent = this.agents.get(agentId);
      if (agent) {
        this.withdraw(contact, agent, reason, turn);
        freed.push(agent);
      } else contact.offers.delete(agentId);
    }
    return freed;
  }

  private offer(contact: ContactState, agent: AgentState, turn: Turn): void {
    const queue = this.queueConfig(contact.queueId);
    const expiresAt = turn.now + queue.offerTimeoutMs;
    contact.offers.set(agent.id, expiresAt);
    agent.offered = contact.id;
    this.refreshFree(agent);
    this.lastPosition.set(contact.queueId, agent.queues.get(contact.queueId)?.position ?? 0);
    this.deadlines.push(expiresAt, { kind: 'offer', contactId: contact.id, agentId: agent.id, expiresAt });
    turn.out.push({ type: 'offer', contactId: contact.id, agentId: agent.id, queueId: contact.queueId, expiresAt });
  }

  /** Whether this agent may be offered this waiting contact now (apart from being free): its skill score, or -1. */
  private eligible(agent: AgentState, contact: ContactState, queue: QueueConfig, now: number): number {
    return eligibility(agent, contact, queue, { now, blocking: this.blocking, preferredAvailable: (id) => !!this.agents.get(id)?.available });
  }

  /** Offers a waiting contact to the agent(s) its queue's strategy picks among those free now. */
  private offerContact(contact: ContactState, turn: Turn): void {
    if (contact.assignedTo || !this.contacts.has(contact.id)) return;
    const queue = this.queueConfig(contact.queueId);
    const strategy = strategies[queue.strategy];
    if (contact.offers.size > 0 && !strategy.ringAll) return;
    let candidates: Candidate[] = [];
    let lowestTier = Number.POSITIVE_INFINITY;
    for (const agentId of this.freeMembers.get(contact.queueId) ?? []) {
      const agent = this.agents.get(agentId)!;
      if (!isFree(agent, turn.now) || contact.offers.has(agentId)) continue;
      const score = this.eligible(agent, contact, queue, turn.now);
      if (score < 0) continue;
      const membership = agent.queues.get(contact.queueId)!;
      lowestTier = Math.min(lowestTier, membership.tier);
      candidates.push({ agentId, load: agent.handling.size, idleSince: agent.idleSince, handledToday: agent.handledToday, tier: membership.tier, position: membership.position, skillScore: score });
    }
    // Tier 1 first: lower tiers are offered only when no agent of a higher one is free.
    candidates = candidates.filter((c) => c.tier === lowestTier);
    if (candidates.length === 0) return;
    const chosen = strategy.ringAll ? candidates : [strategy.select(candidates, { lastPosition: this.lastPosition.get(contact.queueId), random: this.random })].filter((c): c is Candidate => !!c);
    for (const c of chosen) this.offer(contact, this.agents.get(c.agentId)!, turn);
  }

  /** Offers a newly free agent the contact that has waited longest (by serving key) among its queues. */
  private offerToAgent(agent: AgentState, turn: Turn): void {
    if (!isFree(agent, turn.now)) return;
    // A full agent must not walk the lines only to find no room: decide the channels first.
    const room = new Set(CHANNELS.filter((channel) => hasRoom(agent, channel, this.blocking)));
    if (room.size === 0) return;
    let best: ContactState | undefined;
    for (const queueId of agent.queues.keys()) {
      const list = this.waiting.get(queueId);
      if (!list || list.size === 0) continue;
      const queue = this.queueConfig(queueId);
      if (skillScore(agent, queue.requiredSkills) < 0) continue;
      const ringAll = strategies[queue.strategy].ringAll;
      for (const c of list.all) {
        if (best && c.key > best.key) break; // everything further back is later than the best found
        if (!room.has(c.channel) || (c.offers.size > 0 && !ringAll) || c.offers.has(agent.id)) continue;
        if (this.eligible(agent, c, queue, turn.now) < 0) continue;
        best = c;
        break;
      }
    }
    if (best) this.offer(best, agent, turn);
  }

  /** Keeps the agent in or out of its queues' free-member sets after any change to it. */
  private refreshFree(agent: AgentState): void {
    const free = agent.available && !agent.offered && !agent.wrapUp && Object.keys(agent.capacity).some((ch) => hasRoom(agent, ch as Channel, this.blocking));
    for (const queueId of agent.queues.keys()) {
      let set = this.freeMembers.get(queueId);
      if (!set) this.freeMembers.set(queueId, (set = new Set()));
      if (free) set.add(agent.id);
      else set.delete(agent.id);
    }
  }

  private deepestTier(queueId: string): number {
    let deepest = this.deepestTiers.get(queueId);
    if (deepest === undefined) {
      deepest = 1;
      for (const id of this.members.get(queueId) ?? []) deepest = Math.max(deepest, this.agents.get(id)!.queues.get(queueId)!.tier);
      this.deepestTiers.set(queueId, deepest);
    }
    return deepest;
  }

  // ---- time ----------------------------------------------------------------------------

  private stillDue(due: Due): boolean {
    switch (due.kind) {
      case 'offer':
        return this.contacts.get(due.contactId)?.offers.get(due.agentId) === due.expiresAt;
      case 'contact': {
        const c = this.contacts.get(due.contactId);
        return !!c && !c.assignedTo;
      }
      case 'max-wait': {
        const c = this.contacts.get(due.contactId);
        return !!c && !c.assignedTo && c.enqueuedAt === due.enqueuedAt;
      }
      case 'agent': {
        const a = this.agents.get(due.agentId);
        return !!a && (a.notBefore === due.at || a.wrapUp?.until === due.at);
      }
      default:
        return assertNever(due);
    }
  }

  private runDue(turn: Turn): void {
    for (let top = this.deadlines.peek(); top && top.at <= turn.now; top = this.deadlines.peek()) {
      this.deadlines.pop();
      const due = top.item;
      switch (due.kind) {
        case 'offer':
          this.expireOffer(due, turn);
          break;
        case 'contact':
          this.reconsiderContact(due.contactId, turn);
          break;
        case 'max-wait': {
          const c = this.contacts.get(due.contactId);
          if (!c || c.assignedTo || c.enqueuedAt !== due.enqueuedAt) break;
          const queue = this.queueConfig(c.queueId);
          const freed = this.withdrawAll(c, 'cancelled', turn);
          this.removeWaiting(c, turn);
          this.contacts.delete(c.id);
          if (queue.overflow) this.overflow(c, queue.overflow, 'max-wait', turn);
          else turn.out.push({ type: 'refused', contactId: c.id, queueId: c.queueId, reason: 'max-wait' });
          for (const agent of freed) this.offerToAgent(agent, turn);
          break;
        }
        case 'agent': {
          const agent = this.agents.get(due.agentId);
          if (!agent) break;
          if (agent.wrapUp?.until !== undefined && agent.wrapUp.until <= turn.now) this.endWrapUp(agent.id, turn);
          else this.offerToAgent(agent, turn);
          break;
        }
        default:
          assertNever(due);
      }
    }
  }

  private expireOffer(due: Extract<Due, { kind: 'offer' }>, turn: Turn): void {
    const contact = this.contacts.get(due.contactId);
    const agent = this.agents.get(due.agentId);
    if (!contact || !agent || contact.offers.get(agent.id) !== due.expiresAt) return;
    this.withdraw(contact, agent, 'timeout', turn);
    this.skipFor(contact, agent, turn);
    agent.missedInARow++;
    if (this.maxNoAnswer > 0 && agent.missedInARow >= this.maxNoAnswer) {
      agent.available = false;
      this.refreshFree(agent);
      this.markAgentQueues(agent, turn);
      turn.out.push({ type: 'agent-paused', agentId: agent.id, reason: 'no-answer', missed: agent.missedInARow });
      this.retryStickyFor(agent.id, turn);
    } else if (this.noAnswerDelayMs > 0) {
      this.delayAgent(agent, turn.now + this.noAnswerDelayMs);
    }
    this.offerContact(contact, turn);
    this.offerToAgent(agent, turn);
  }

  /** A waiting contact's situation changed with time: escalate its tier and try offering again. */
  private reconsiderContact(contactId: string, turn: Turn): void {
    const c = this.contacts.get(contactId);
    if (!c || c.assignedTo) return;
    const queue = this.queueConfig(c.queueId);
    // Escalate only as far as there are tiers: a queue with tiers 1 and 2 stops at 2.
    const deepest = this.deepestTier(c.queueId);
    const tier = Math.min(allowedTier(queue, turn.now - c.enqueuedAt), deepest);
    if (tier > c.tier) {
      c.tier = tier;
      turn.out.push({ type: 'escalated', contactId: c.id, queueId: c.queueId, tier });
      if (tier < deepest) this.deadlines.push(c.enqueuedAt + tier * queue.tierWaitMs, { kind: 'contact', contactId: c.id });
    }
    this.offerContact(c, turn);
  }
}
