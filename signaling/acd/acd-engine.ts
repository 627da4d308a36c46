/**
 * The automatic contact distributor: a deterministic state machine. Feed it events with
 * their time; it answers with decisions for the server to carry out. No I/O, no clock,
 * no timers: the caller asks `nextDeadline()` and sends a `tick` then.
 */
import { selectLeastBusyLongestIdle, type CandidateAgent, type SelectAgent } from './select-agent.js';
import type { AcdDecision, AcdEvent, Capacity, Channel, QueueConfig } from './types.js';

interface ContactState {
  id: string;
  queueId: string;
  channel: Channel;
  enqueuedAt: number;
  /** Tie-breaker for contacts that entered at the same millisecond: arrival order. */
  order: number;
  offer?: { agentId: string; expiresAt: number };
  /** Agents who declined or missed this contact, and when they may be offered it again. */
  skipUntil: Map<string, number>;
  assignedTo?: string;
  lastPosition?: { position: number; agentsAvailable: number };
}

interface AgentState {
  id: string;
  available: boolean;
  queueIds: Set<string>;
  capacity: Capacity;
  /** Contacts the agent is handling, by id, with their channel. */
  handling: Map<string, Channel>;
  /** The contact offered to the agent now; an agent holds one offer at a time. */
  offered?: string;
  idleSince: number;
}

export interface AcdEngineOptions {
  selectAgent?: SelectAgent;
}

/** Defaults for a queue the engine hears of before its configuration. */
export const DEFAULT_QUEUE_CONFIG: Omit<QueueConfig, 'id'> = { offerTimeoutMs: 30_000, retryDelayMs: 15_000 };

/**
 * @example
 * const acd = new AcdEngine();
 * acd.handle({ type: 'agent-updated', at: 0, agentId: 'a1', available: true, queueIds: ['q'], capacity: { chat: 3 } });
 * acd.handle({ type: 'contact-arrived', at: 1, contactId: 'c1', queueId: 'q', channel: 'chat' });
 * // → [{ type: 'offer', contactId: 'c1', agentId: 'a1', queueId: 'q', expiresAt: 30001 }, ...]
 */
export class AcdEngine {
  private readonly queues = new Map<string, QueueConfig>();
  private readonly contacts = new Map<string, ContactState>();
  /** Waiting contacts per queue, oldest first. */
  private readonly waiting = new Map<string, ContactState[]>();
  private readonly agents = new Map<string, AgentState>();
  private readonly selectAgent: SelectAgent;
  private arrivals = 0;
  private now = 0;

  constructor(options: AcdEngineOptions = {}) {
    this.selectAgent = options.selectAgent ?? selectLeastBusyLongestIdle;
  }

  /** Applies one event and returns what the server must do, in order. */
  handle(event: AcdEvent): AcdDecision[] {
    this.now = Math.max(this.now, event.at);
    const out: AcdDecision[] = [];
    switch (event.type) {
      case 'queue-configured':
        this.queues.set(event.queue.id, event.queue);
        break;
      case 'contact-arrived':
        this.addContact(event.contactId, event.queueId, event.channel, event.enqueuedAt ?? event.at);
        break;
      case 'contact-assigned':
        this.restoreAssignment(event.contactId, event.agentId, event.channel);
        break;
      case 'contact-ended':
        this.endContact(event.contactId, event.at, out);
        break;
      case 'agent-updated':
        this.updateAgent(event, out);
        break;
      case 'agent-removed':
        this.removeAgent(event.agentId, out);
        break;
      case 'offer-accepted':
        this.accept(event.contactId, event.agentId, event.at, out);
        break;
      case 'offer-declined':
        this.decline(event.contactId, event.agentId, event.at, out);
        break;
      case 'tick':
        this.expireOffers(event.at, out);
        break;
    }
    this.dispatch(out);
    this.reportPositions(out);
    return out;
  }

  /** The earliest time a `tick` would change something, or undefined when nothing is pending. */
  nextDeadline(): number | undefined {
    let next: number | undefined;
    const consider = (t: number) => {
      if (next === undefined || t < next) next = t;
    };
    for (const contacts of this.waiting.values()) {
      for (const c of contacts) {
        if (c.offer) consider(c.offer.expiresAt);
        else for (const until of c.skipUntil.values()) if (until > this.now) consider(until);
      }
    }
    return next;
  }

  /** The agent a contact is offered to now, if any. */
  offerOf(contactId: string): { agentId: string; expiresAt: number } | undefined {
    return this.contacts.get(contactId)?.offer;
  }

  /** Ids of contacts waiting in a queue, oldest first. */
  waitingIn(queueId: string): string[] {
    return (this.waiting.get(queueId) ?? []).map((c) => c.id);
  }

  /** Ids of the contacts an agent handles. */
  handledBy(agentId: string): string[] {
    return [...(this.agents.get(agentId)?.handling.keys() ?? [])];
  }

  private queueConfig(queueId: string): QueueConfig {
    return this.queues.get(queueId) ?? { id: queueId, ...DEFAULT_QUEUE_CONFIG };
  }

  private addContact(id: string, queueId: string, channel: Channel, enqueuedAt: number): void {
    if (this.contacts.has(id)) return; // a repeated arrival must not queue the contact twice
    const contact: ContactState = { id, queueId, channel, enqueuedAt, order: this.arrivals++, skipUntil: new Map() };
    this.contacts.set(id, contact);
    const list = this.waiting.get(queueId) ?? [];
    // Restored contacts may be older than some already waiting: keep the list in wait order.
    let i = list.length;
    while (i > 0 && list[i - 1]!.enqueuedAt > enqueuedAt) i--;
    list.splice(i, 0, contact);
    this.waiting.set(queueId, list);
  }

  private restoreAssignment(contactId: string, agentId: string, channel: Channel): void {
    const agent = this.agentOrPlaceholder(agentId);
    agent.handling.set(contactId, channel);
    this.contacts.set(contactId, {
      id: contactId,
      queueId: '',
      channel,
      enqueuedAt: this.now,
      order: this.arrivals++,
      skipUntil: new Map(),
      assignedTo: agentId,
    });
  }

  private agentOrPlaceholder(agentId: string): AgentState {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = { id: agentId, available: false, queueIds: new Set(), capacity: {}, handling: new Map(), idleSince: this.now };
      this.agents.set(agentId, agent);
    }
    return agent;
  }

  private endContact(contactId: string, at: number, out: AcdDecision[]): void {
    const contact = this.contacts.get(contactId);
    if (!contact) return;
    this.contacts.delete(contactId);
    if (contact.assignedTo) {
      const agent = this.agents.get(contact.assignedTo);
      if (agent) {
        agent.handling.delete(contactId);
        if (agent.handling.size === 0) agent.idleSince = at;
      }
      return;
    }
    this.withdrawOffer(contact, 'cancelled', out);
    this.removeFromWaiting(contact);
    out.push({ type: 'abandoned', contactId, queueId: contact.queueId, waitedMs: at - contact.enqueuedAt });
  }

  private updateAgent(event: Extract<AcdEvent, { type: 'agent-updated' }>, out: AcdDecision[]): void {
    const agent = this.agentOrPlaceholder(event.agentId);
    if (event.available && !agent.available && agent.handling.size === 0) agent.idleSince = event.at;
    agent.available = event.available;
    agent.queueIds = new Set(event.queueIds);
    agent.capacity = { ...event.capacity };
    const offered = agent.offered ? this.contacts.get(agent.offered) : undefined;
    if (offered && (!agent.available || !agent.queueIds.has(offered.queueId) || !this.canTake(agent, offered))) {
      this.withdrawOffer(offered, 'cancelled', out);
    }
  }

  private removeAgent(agentId: string, out: AcdDecision[]): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    if (agent.offered) this.withdrawOffer(this.contacts.get(agent.offered)!, 'cancelled', out);
    this.agents.delete(agentId);
  }

  private accept(contactId: string, agentId: string, at: number, out: AcdDecision[]): void {
    const contact = this.contacts.get(contactId);
    const agent = this.agents.get(agentId);
    if (!contact || !agent || contact.offer?.agentId !== agentId) {
      out.push({ type: 'offer-unavailable', contactId, agentId });
      return;
    }
    contact.offer = undefined;
    agent.offered = undefined;
    this.removeFromWaiting(contact);
    contact.assignedTo = agentId;
    agent.handling.set(contactId, contact.channel);
    agent.idleSince = at;
    out.push({ type: 'assigned', contactId, agentId });
  }

  private decline(contactId: string, agentId: string, at: number, out: AcdDecision[]): void {
    const contact = this.contacts.get(contactId);
    if (!contact || contact.offer?.agentId !== agentId) {
      out.push({ type: 'offer-unavailable', contactId, agentId });
      return;
    }
    this.skip(contact, agentId, at);
  }

  private expireOffers(at: number, out: AcdDecision[]): void {
    for (const contacts of this.waiting.values()) {
      for (const contact of contacts) {
        if (contact.offer && contact.offer.expiresAt <= at) {
          const agentId = contact.offer.agentId;
          this.withdrawOffer(contact, 'timeout', out);
          contact.skipUntil.set(agentId, at + this.queueConfig(contact.queueId).retryDelayMs);
        }
      }
    }
  }

  /** Ends the contact's offer because the agent declined: no decision, the agent knows. */
  private skip(contact: ContactState, agentId: string, at: number): void {
    const agent = this.agents.get(agentId);
    if (agent) agent.offered = undefined;
    contact.offer = undefined;
    contact.skipUntil.set(agentId, at + this.queueConfig(contact.queueId).retryDelayMs);
  }

  private withdrawOffer(contact: ContactState, reason: 'timeout' | 'taken' | 'cancelled', out: AcdDecision[]): void {
    if (!contact.offer) return;
    const agent = this.agents.get(contact.offer.agentId);
    if (agent) agent.offered = undefined;
    out.push({ type: 'offer-withdrawn', contactId: contact.id, agentId: contact.offer.agentId, reason });
    contact.offer = undefined;
  }

  private removeFromWaiting(contact: ContactState): void {
    const list = this.waiting.get(contact.queueId);
    if (!list) return;
    const i = list.indexOf(contact);
    if (i >= 0) list.splice(i, 1);
  }

  /** Whether the agent has room for one more contact on the contact's channel. */
  private canTake(agent: AgentState, contact: ContactState): boolean {
    let sameChannel = 0;
    for (const channel of agent.handling.values()) if (channel === contact.channel) sameChannel++;
    return sameChannel < (agent.capacity[contact.channel] ?? 0);
  }

  private isEligible(agent: AgentState, contact: ContactState): boolean {
    if (!agent.available || agent.offered || !agent.queueIds.has(contact.queueId)) return false;
    const skipUntil = contact.skipUntil.get(agent.id);
    if (skipUntil !== undefined && skipUntil > this.now) return false;
    return this.canTake(agent, contact);
  }

  /** Offers every waiting contact without an offer to the best eligible agent, oldest first. */
  private dispatch(out: AcdDecision[]): void {
    for (const [queueId, contacts] of this.waiting) {
      for (const contact of contacts) {
        if (contact.offer) continue;
        const candidates: CandidateAgent[] = [];
        for (const agent of this.agents.values()) {
          if (this.isEligible(agent, contact)) {
            candidates.push({ agentId: agent.id, load: agent.handling.size, idleSince: agent.idleSince });
          }
        }
        const chosen = this.selectAgent(candidates);
        if (!chosen) continue;
        const expiresAt = this.now + this.queueConfig(queueId).offerTimeoutMs;
        contact.offer = { agentId: chosen.agentId, expiresAt };
        this.agents.get(chosen.agentId)!.offered = contact.id;
        out.push({ type: 'offer', contactId: contact.id, agentId: chosen.agentId, queueId, expiresAt });
      }
    }
  }

  private reportPositions(out: AcdDecision[]): void {
    for (const [queueId, contacts] of this.waiting) {
      let agentsAvailable = 0;
      for (const agent of this.agents.values()) if (agent.available && agent.queueIds.has(queueId)) agentsAvailable++;
      contacts.forEach((contact, index) => {
        const position = index + 1;
        const last = contact.lastPosition;
        if (last && last.position === position && last.agentsAvailable === agentsAvailable) return;
        contact.lastPosition = { position, agentsAvailable };
        out.push({ type: 'position-changed', contactId: contact.id, queueId, position, agentsAvailable });
      });
    }
  }
}
