/**
 * Connects the pure ACD engine to the world: feeds it arrivals, presence and answers,
 * schedules its ticks, and carries out its decisions (offers to agents, queue positions to
 * visitors, assignments in the store). The engine decides; this only executes.
 */
import { AcdEngine } from '../acd/acd-engine.js';
import type { AcdDecision, AcdEvent } from '../acd/types.js';
import { topics, type Bus } from '../bus/bus.js';
import type { ConversationSummary } from '../protocol/conversation.js';
import type { AgentStatus } from '../protocol/presence.js';
import type { Offer } from '../protocol/server-frames.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import { AppError } from './app-error.js';
import type { EventLogWriter } from './event-log-writer.js';

/** What routing remembers of a waiting contact so that offers are built without I/O. */
interface WaitingContact {
  visitorId: string;
  visitor: Offer['visitor'];
  queueId: string;
  preview?: string;
}

export interface RoutingServiceDeps {
  store: Store;
  bus: Bus;
  log: EventLogWriter;
  clock?: () => number;
  engine?: AcdEngine;
}

export class RoutingService {
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly log: EventLogWriter;
  private readonly clock: () => number;
  private readonly engine: AcdEngine;
  private readonly queueNames = new Map<string, string>();
  private readonly waiting = new Map<string, WaitingContact>();
  /** Live offers by conversation, so a reconnecting agent sees theirs again. */
  private readonly offers = new Map<string, Offer & { agentId: string }>();
  /** Open sockets per agent: an agent is routable while at least one is open. */
  private readonly connections = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt: number | undefined;
  private destroyed = false;
  /** Subscribers told when an assignment is stored (the conversation service publishes it). */
  onAssigned: (conversationId: string, agent: AgentRecord) => Promise<void> = async () => {};

  constructor(deps: RoutingServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.log = deps.log;
    this.clock = deps.clock ?? Date.now;
    this.engine = deps.engine ?? new AcdEngine();
  }

  /** Loads queues and open conversations, so waiting contacts keep their place across a restart. */
  async start(): Promise<void> {
    const now = this.clock();
    for (const q of await this.store.queues.list()) {
      this.queueNames.set(q.id, q.name);
      this.feed({ type: 'queue-configured', at: now, queue: { id: q.id, offerTimeoutMs: q.offerTimeoutMs, retryDelayMs: q.retryDelayMs } });
    }
    for (const c of await this.store.conversations.listByStatus(['queued', 'active'])) {
      if (c.status === 'active' && c.agentId) {
        this.feed({ type: 'contact-assigned', at: now, contactId: c.id, agentId: c.agentId, channel: 'chat' });
      } else {
        await this.enqueue(c);
      }
    }
  }

  /** Puts a queued conversation into its queue, at the time it was created. */
  async enqueue(c: ConversationRecord): Promise<void> {
    const visitor = await this.store.visitors.findById(c.visitorId);
    const preview = await this.store.conversations.lastMessageText(c.id);
    this.waiting.set(c.id, {
      visitorId: c.visitorId,
      visitor: { id: c.visitorId, ...(visitor?.name ? { name: visitor.name } : {}), ...(visitor?.email ? { email: visitor.email } : {}) },
      queueId: c.queueId,
      ...(preview ? { preview: preview.slice(0, 140) } : {}),
    });
    this.feed({ type: 'contact-arrived', at: this.clock(), contactId: c.id, queueId: c.queueId, channel: 'chat', enqueuedAt: c.createdAt });
  }

  /** Keeps the offer preview and the visitor's name current while a contact waits. */
  noteWaitingContact(conversationId: string, update: { preview?: string; visitor?: ConversationSummary['visitor'] }): void {
    const w = this.waiting.get(conversationId);
    if (!w) return;
    if (update.preview) w.preview = update.preview.slice(0, 140);
    if (update.visitor) w.visitor = { id: update.visitor.id, ...(update.visitor.name ? { name: update.visitor.name } : {}), ...(update.visitor.email ? { email: update.visitor.email } : {}) };
    // The agent ringing now should see what the visitor just wrote, not the state at offer time.
    const live = this.offers.get(conversationId);
    if (live) {
      const { agentId, ...offer } = { ...live, visitor: w.visitor, ...(w.preview ? { preview: w.preview } : {}) };
      this.offers.set(conversationId, { ...offer, agentId });
      this.bus.publish(topics.agent(agentId), { type: 'offer', offer });
    }
  }

  async agentConnected(agent: AgentRecord): Promise<void> {
    this.connections.set(agent.id, (this.connections.get(agent.id) ?? 0) + 1);
    await this.refreshAgent(agent.id);
  }

  async agentDisconnected(agentId: string): Promise<void> {
    const left = (this.connections.get(agentId) ?? 1) - 1;
    if (left > 0) return void this.connections.set(agentId, left);
    this.connections.delete(agentId);
    await this.refreshAgent(agentId);
  }

  /** Stores the agent's chosen presence and routes accordingly. */
  async setStatus(agentId: string, status: AgentStatus): Promise<void> {
    await this.store.agents.setStatus(agentId, status);
    this.log.append({ at: this.clock(), type: 'agent-state', agentId, data: { status } });
    this.bus.publish(topics.agent(agentId), { type: 'presence', status });
    await this.refreshAgent(agentId);
  }

  /** The offers an agent holds now. */
  offersFor(agentId: string): Offer[] {
    return [...this.offers.values()].filter((o) => o.agentId === agentId).map(({ agentId: _, ...offer }) => offer);
  }

  /** Whether the agent holds a live offer for the conversation (they may preview it). */
  hasOffer(agentId: string, conversationId: string): boolean {
    return this.offers.get(conversationId)?.agentId === agentId;
  }

  /**
   * Accepts an offer: the engine confirms it is still this agent's, then the store records
   * the assignment. @throws AppError `offer-unavailable` when it timed out or was taken.
   */
  async accept(agent: AgentRecord, conversationId: string): Promise<void> {
    const decisions = this.feed({ type: 'offer-accepted', at: this.clock(), contactId: conversationId, agentId: agent.id });
    if (!decisions.some((d) => d.type === 'assigned' && d.contactId === conversationId)) {
      throw new AppError('offer-unavailable', 'this offer is no longer available');
    }
    const at = this.clock();
    const stored = await this.store.conversations.assign(conversationId, agent.id, at);
    if (!stored) {
      // The visitor left while the agent was accepting: free the agent again.
      this.feed({ type: 'contact-ended', at, contactId: conversationId });
      throw new AppError('offer-unavailable', 'the visitor has left');
    }
    this.log.append({ at, type: 'offer-accepted', conversationId, agentId: agent.id });
    await this.onAssigned(conversationId, agent);
  }

  async decline(agent: AgentRecord, conversationId: string): Promise<void> {
    const decisions = this.feed({ type: 'offer-declined', at: this.clock(), contactId: conversationId, agentId: agent.id });
    if (decisions.some((d) => d.type === 'offer-unavailable')) throw new AppError('offer-unavailable', 'this offer is no longer available');
    this.offers.delete(conversationId);
    this.log.append({ at: this.clock(), type: 'offer-declined', conversationId, agentId: agent.id });
  }

  /** A conversation ended: frees its agent, or removes it from the queue as abandoned. */
  contactEnded(conversationId: string): void {
    this.feed({ type: 'contact-ended', at: this.clock(), contactId: conversationId });
  }

  /** Stops timers; presence changes arriving later (sockets closing at shutdown) are ignored. */
  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async refreshAgent(agentId: string): Promise<void> {
    if (this.destroyed) return;
    const agent = await this.store.agents.findById(agentId);
    if (!agent) return void this.feed({ type: 'agent-removed', at: this.clock(), agentId });
    const queueIds = await this.store.queues.queueIdsOf(agentId);
    this.feed({
      type: 'agent-updated',
      at: this.clock(),
      agentId,
      available: this.connections.has(agentId) && agent.status === 'available',
      queueIds,
      capacity: { chat: agent.maxChats },
    });
  }

  private feed(event: AcdEvent): AcdDecision[] {
    const decisions = this.engine.handle(event);
    for (const d of decisions) this.carryOut(d);
    this.scheduleTick();
    return decisions;
  }

  private carryOut(d: AcdDecision): void {
    const now = this.clock();
    switch (d.type) {
      case 'offer': {
        const w = this.waiting.get(d.contactId);
        if (!w) return;
        const offer: Offer = {
          conversationId: d.contactId,
          queueId: d.queueId,
          queueName: this.queueNames.get(d.queueId) ?? d.queueId,
          visitor: w.visitor,
          ...(w.preview ? { preview: w.preview } : {}),
          expiresAt: d.expiresAt,
        };
        this.offers.set(d.contactId, { ...offer, agentId: d.agentId });
        this.bus.publish(topics.agent(d.agentId), { type: 'offer', offer });
        this.log.append({ at: now, type: 'contact-offered', conversationId: d.contactId, agentId: d.agentId, queueId: d.queueId });
        return;
      }
      case 'offer-withdrawn':
        this.offers.delete(d.contactId);
        this.bus.publish(topics.agent(d.agentId), { type: 'offer-withdrawn', conversationId: d.contactId, reason: d.reason });
        if (d.reason === 'timeout') this.log.append({ at: now, type: 'offer-timed-out', conversationId: d.contactId, agentId: d.agentId });
        return;
      case 'assigned':
        this.offers.delete(d.contactId);
        this.waiting.delete(d.contactId);
        return;
      case 'position-changed': {
        const w = this.waiting.get(d.contactId);
        if (w) {
          this.bus.publish(topics.visitor(w.visitorId), {
            type: 'queue',
            conversationId: d.contactId,
            position: d.position,
            agentsAvailable: d.agentsAvailable,
          });
        }
        return;
      }
      case 'abandoned':
        this.waiting.delete(d.contactId);
        this.log.append({ at: now, type: 'contact-abandoned', conversationId: d.contactId, queueId: d.queueId, data: { waitedMs: d.waitedMs } });
        return;
      case 'offer-unavailable':
        return;
    }
  }

  /** Arms one timer for the engine's next deadline; a tick then expires offers and retries. */
  private scheduleTick(): void {
    const next = this.engine.nextDeadline();
    if (next === this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = undefined;
      this.feed({ type: 'tick', at: Math.max(this.clock(), next) });
    }, Math.max(0, next - this.clock()));
    this.timer.unref?.();
  }
}
