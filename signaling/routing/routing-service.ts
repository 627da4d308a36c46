/**
 * Connects the pure ACD engine to the world: feeds it arrivals, presence and answers,
 * schedules its ticks, and carries out its decisions (offers to agents, queue positions and
 * estimated waits to visitors, assignments, wrap-up, pauses and overflow in the store).
 * The engine decides; this only executes.
 */
import { AcdEngine } from '../acd/acd-engine.js';
import type { AcdDecision, AcdEvent, Channel, OverflowReason, Skills } from '../acd/types.js';
import { topics, type Bus } from '../bus/bus.js';
import { LogType } from '../kpi/log-types.js';
import type { ConversationSummary, Disposition, EndReason } from '../protocol/conversation.js';
import type { Offer } from '../protocol/server-frames.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { QueueRecord } from '../store/queues-repo.js';
import type { Store } from '../store/store.js';
import { AppError } from '../kernel/app-error.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import { Listeners } from '../kernel/listeners.js';
import { componentLogger } from '../kernel/logger.js';
import { secondsSince, type Metrics } from '../kernel/metrics.js';
import type { PresenceService } from './presence-service.js';
import { contactLanguageSkills, engineQueueSkills, withLanguageSkills } from './language-skills.js';
import { assertNever } from '../protocol/assert-never.js';

/** What routing remembers of a waiting contact so that offers are built without I/O. */
interface WaitingContact {
  visitorId: string;
  /** When the contact entered the queue (its conversation's creation). */
  queuedAt: number;
  visitor: Offer['visitor'];
  queueId: string;
  channel: Channel;
  preview?: string;
  source?: Offer['source'];
  subject?: string;
  /** The last position report sent, so unchanged ones are not sent again. */
  reported?: string;
}

/** An agent's after-contact work, as routing holds it. */
export interface WrapUp {
  conversationId: string;
  dispositionRequired: boolean;
  /** When it ends by itself; absent when it waits for a disposition. */
  until?: number;
}

export interface RoutingServiceDeps {
  store: Store;
  bus: Bus;
  log: EventLogWriter;
  /** Whether an agent has the app open: only then are they offered anything. */
  presence: Pick<PresenceService, 'isConnected'>;
  outcomes: RoutingListeners;
  clock?: () => number;
  engine?: AcdEngine;
  /** Times the engine's decisions. */
  metrics?: Metrics;
  /** What an agent's app needs to prepare for a browser call while its offer rings (voice knows; routing does not). */
  callPreparation?: (conversationId: string, agentId: string) => Offer['call'];
}

const log = componentLogger('routing');

/** What routing decided that others carry out; wiring.ts connects each to the service that does it. */
export interface RoutingOutcomes {
  /** An agent accepted: the conversation's parties are told who joined (awaited before the accept is acknowledged). */
  assigned(conversationId: string, agent: AgentRecord): Promise<void>;
  /** A contact could not be queued (full, closed, waited too long): it ends with the reason. */
  refused(conversationId: string, reason: EndReason): Promise<void>;
  /** An agent missed too many offers in a row: they are set away. */
  paused(agentId: string): Promise<void>;
}

export class RoutingListeners extends Listeners<RoutingOutcomes> {}

const END_REASON: Record<OverflowReason, EndReason> = { 'queue-full': 'queue-full', 'max-wait': 'max-wait', closed: 'closed' };

const withRequiredSkills = (skills: Skills | undefined) => (skills ? { requiredSkills: skills } : {});

export class RoutingService {
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly log: EventLogWriter;
  private readonly presence: RoutingServiceDeps['presence'];
  private readonly outcomes: RoutingListeners;
  private readonly clock: () => number;
  private readonly engine: AcdEngine;
  private readonly metrics: Metrics | undefined;
  private readonly callPreparation: RoutingServiceDeps['callPreparation'];
  private readonly queues = new Map<string, QueueRecord>();
  private readonly waiting = new Map<string, WaitingContact>();
  /** Live offers by conversation and agent, so a reconnecting agent sees theirs again. */
  private readonly offers = new Map<string, Map<string, Offer>>();
  /** Each agent's wrap-up: the conversation whose end started it (for the disposition), whether one is required, and when it ends by itself. */
  private readonly wrapUps = new Map<string, WrapUp>();
  private readonly dirtyQueues = new Set<string>();
  private positionsScheduled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt: number | undefined;
  private destroyed = false;

  constructor(deps: RoutingServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.log = deps.log;
    this.presence = deps.presence;
    this.outcomes = deps.outcomes;
    this.clock = deps.clock ?? Date.now;
    this.engine = deps.engine ?? new AcdEngine();
    this.metrics = deps.metrics;
    this.callPreparation = deps.callPreparation;
  }

  /** Whether this conversation is being offered to this agent now. */
  isOffered(conversationId: string, agentId: string): boolean {
    return this.offers.get(conversationId)?.has(agentId) ?? false;
  }

  /** Loads queues and open conversations, so waiting contacts keep their place and wait across a restart. */
  async start(): Promise<void> {
    for (const q of await this.store.queues.list()) this.configure(q);
    for (const c of await this.store.conversations.listByStatus(['queued', 'active'])) {
      if (c.status === 'active' && c.agentId) {
        this.feed({ type: 'contact-assigned', at: this.clock(), contactId: c.id, agentId: c.agentId, channel: c.channel, queueId: c.queueId });
      } else {
        await this.enqueue(c, { restored: true });
      }
    }
  }

  /** Applies a queue's (new) settings. */
  async reloadQueue(queueId: string): Promise<void> {
    const q = await this.store.queues.findById(queueId);
    if (q) this.configure(q);
    for (const member of q ? await this.store.queues.members(queueId) : []) await this.refreshAgent(member.agentId);
  }

  /** Applies an agent's (new) skills, capacity or memberships. */
  reloadAgent(agentId: string): Promise<void> {
    return this.refreshAgent(agentId);
  }

  /** Puts a queued conversation into its queue. A restored one keeps its original time and skips the gatekeeping. */
  async enqueue(c: ConversationRecord, options: { restored?: boolean } = {}): Promise<void> {
    await this.rememberWaiting(c, c.queueId);
    const preferredAgentId = await this.store.conversations.lastAgentOf(c.visitorId, c.id);
    const minTier = options.restored ? await this.escalatedTier(c) : undefined;
    this.feed({
      type: 'contact-arrived',
      at: this.clock(),
      contactId: c.id,
      queueId: c.queueId,
      channel: c.channel,
      priority: c.priority,
      ...(options.restored ? { enqueuedAt: c.createdAt } : {}),
      ...(preferredAgentId ? { preferredAgentId } : {}),
      ...(minTier !== undefined ? { minTier } : {}),
      ...withRequiredSkills(contactLanguageSkills(this.queues.get(c.queueId)?.requiredSkills ?? {}, c.language)),
    });
  }

  /**
   * Puts an answered conversation back at the head of a queue (its own unless `queueId`):
   * its agent's app vanished mid-call, or the agent transferred it there (`transferred`, so it
   * does not ring them again). @throws AppError `conversation-ended` when it is not active.
   */
  async returnToQueue(conversationId: string, options: { queueId?: string; transferred?: boolean } = {}): Promise<void> {
    const c = await this.store.conversations.findById(conversationId);
    if (!c?.agentId || c.status !== 'active') throw new AppError('conversation-ended', 'this conversation is not active');
    const queueId = options.queueId ?? c.queueId;
    if (!(await this.store.conversations.requeue(conversationId, queueId))) throw new AppError('conversation-ended', 'this conversation is not active');
    await this.rememberWaiting(c, queueId);
    const at = this.clock();
    this.log.append(
      options.transferred
        ? { at, type: LogType.contactTransferred, conversationId, agentId: c.agentId, queueId: c.queueId, data: { toQueueId: queueId } }
        : { at, type: LogType.contactReturned, conversationId, agentId: c.agentId, queueId: c.queueId },
    );
    this.feed({ type: 'contact-returned', at, contactId: conversationId, queueId, ...(options.transferred ? { skipAgent: true } : {}) });
  }

  /**
   * Escalates an active conversation to the next tier of its queue: the next deeper tier among
   * the queue's active members, counted from the deeper of the agent's own tier and the tier it
   * was already escalated to. It waits at the head of its queue for that tier's agents only.
   * @returns the tier it now waits for.
   * @throws AppError `invalid-input` when the queue has no deeper tier (nothing changes then),
   * `conversation-ended` when it is not the agent's active conversation.
   */
  async escalate(conversationId: string, agentId: string, reason: string): Promise<number> {
    const c = await this.store.conversations.findById(conversationId);
    if (!c || c.status !== 'active' || c.agentId !== agentId) throw new AppError('conversation-ended', 'this conversation is not yours to escalate');
    const active = new Set((await this.store.agents.list()).filter((a) => a.active).map((a) => a.id));
    const members = (await this.store.queues.members(c.queueId)).filter((m) => active.has(m.agentId));
    const ownTier = members.find((m) => m.agentId === agentId)?.tier ?? 1;
    const current = Math.max(ownTier, this.engine.minTierOf(conversationId));
    const next = Math.min(...members.filter((m) => m.tier > current).map((m) => m.tier));
    if (!Number.isFinite(next)) throw new AppError('invalid-input', `tier ${current} is the last tier of this queue: there is nobody to escalate to`);
    if (!(await this.store.conversations.requeue(conversationId, c.queueId))) throw new AppError('conversation-ended', 'this conversation is not active');
    await this.rememberWaiting(c, c.queueId);
    const at = this.clock();
    this.log.append({ at, type: LogType.contactEscalatedByAgent, conversationId, agentId, queueId: c.queueId, data: { fromTier: current, tier: next, reason } });
    this.feed({ type: 'contact-returned', at, contactId: conversationId, skipAgent: true, minTier: next });
    return next;
  }

  /**
   * Moves an active conversation straight to another agent, who must be available with room
   * on its channel. @throws AppError `invalid-input` naming why not; nothing changes then.
   */
  async transferToAgent(conversationId: string, fromAgentId: string, toAgentId: string): Promise<void> {
    const decisions = this.feed({ type: 'contact-transferred', at: this.clock(), contactId: conversationId, toAgentId });
    const refused = decisions.find((d) => d.type === 'transfer-refused');
    if (refused?.type === 'transfer-refused') {
      const why = { 'not-handled': 'this conversation is not being handled', 'agent-unavailable': 'that agent is not available', 'no-room': 'that agent has no room for another contact on this channel' };
      throw new AppError('invalid-input', why[refused.reason]);
    }
    if (!(await this.store.conversations.reassign(conversationId, fromAgentId, toAgentId))) {
      // The conversation ended or moved meanwhile: give it back to the engine as it is stored.
      this.feed({ type: 'contact-transferred', at: this.clock(), contactId: conversationId, toAgentId: fromAgentId });
      throw new AppError('conversation-ended', 'this conversation is no longer yours');
    }
  }

  /**
   * The tier a waiting conversation was escalated to, read from its latest timeline events after
   * a restart: an escalation not followed by an answer or a transfer still holds.
   */
  private async escalatedTier(c: ConversationRecord): Promise<number | undefined> {
    const recent = await this.store.conversations.eventsAfter(c.id, Math.max(0, c.lastSeq - 50));
    const last = recent.findLast((e) => e.type === 'escalated' || e.type === 'agent-joined' || e.type === 'transferred');
    return last?.type === 'escalated' ? last.tier : undefined;
  }

  /** What an offer shows of a waiting conversation, kept so offers are built without I/O. */
  private async rememberWaiting(c: ConversationRecord, queueId: string): Promise<void> {
    const visitor = await this.store.visitors.findById(c.visitorId);
    const preview = await this.store.conversations.lastMessageText(c.id);
    this.waiting.set(c.id, {
      visitorId: c.visitorId,
      queuedAt: c.createdAt,
      visitor: { id: c.visitorId, ...(visitor?.name ? { name: visitor.name } : {}), ...(visitor?.email ? { email: visitor.email } : {}) },
      queueId,
      channel: c.channel,
      ...(preview ? { preview: preview.slice(0, 140) } : {}),
      ...(c.source ? { source: c.source } : {}),
      ...(c.subject ? { subject: c.subject } : {}),
    });
  }

  /** Keeps the offer preview and the visitor's name current while a contact waits. */
  noteWaitingContact(conversationId: string, update: { preview?: string; visitor?: ConversationSummary['visitor'] }): void {
    const w = this.waiting.get(conversationId);
    if (!w) return;
    if (update.preview) w.preview = update.preview.slice(0, 140);
    if (update.visitor) w.visitor = { id: update.visitor.id, ...(update.visitor.name ? { name: update.visitor.name } : {}), ...(update.visitor.email ? { email: update.visitor.email } : {}) };
    // The agents ringing now should see what the visitor just wrote, not the state at offer time.
    for (const [agentId, live] of this.offers.get(conversationId) ?? []) {
      const offer: Offer = { ...live, visitor: w.visitor, ...(w.preview ? { preview: w.preview } : {}) };
      this.offers.get(conversationId)!.set(agentId, offer);
      this.bus.publish(topics.agent(agentId), { type: 'offer', offer });
    }
  }

  /** What the wallboard shows of a queue now: who waits, the longest wait, the wait a new contact can expect. */
  queueNow(queueId: string): { waiting: number; longestWaitMs: number; estimatedWaitMs?: number; agentsAvailable: number } {
    const waiting = this.engine.waitingIn(queueId);
    const now = this.clock();
    let oldest = now;
    for (const id of waiting) oldest = Math.min(oldest, this.waiting.get(id)?.queuedAt ?? now);
    const estimate = this.engine.estimatedWaitForNew(queueId, 'chat');
    return { waiting: waiting.length, longestWaitMs: now - oldest, ...(estimate !== undefined ? { estimatedWaitMs: estimate } : {}), agentsAvailable: this.engine.agentsAvailable(queueId) };
  }

  /**
   * Whether a contact arriving now on `channel` can expect an agent within `withinMs`: someone
   * who takes that channel (signed in, on duty, with the queue's skills) is free, or will be by
   * then. False when nobody can tell (all on a break, or in a wrap-up awaiting a disposition).
   */
  answersSoon(queueId: string, channel: Channel, withinMs: number): boolean {
    const estimate = this.engine.estimatedWaitForNew(queueId, channel);
    return estimate !== undefined && estimate <= withinMs;
  }

  /** A queue's slug (what metrics label it with), or undefined for a queue routing does not know. */
  queueSlug(queueId: string): string | undefined {
    return this.queues.get(queueId)?.slug;
  }

  /** The routing engine's view of an agent now (see `AcdQueries.agentNow`). */
  agentNow(agentId: string): ReturnType<AcdEngine['agentNow']> {
    return this.engine.agentNow(agentId);
  }

  /**
   * Applies whatever is due by the clock now (offers ringing out, wrap-ups ending). The timer
   * calls this; a test on a manual clock calls it after moving the clock.
   */
  tick(): void {
    if (!this.destroyed) this.feed({ type: 'tick', at: this.clock() });
  }

  /** The offers an agent holds now. */
  offersFor(agentId: string): Offer[] {
    return [...this.offers.values()].flatMap((byAgent) => (byAgent.has(agentId) ? [byAgent.get(agentId)!] : []));
  }

  /** Whether the agent holds a live offer for the conversation (they may preview it). */
  hasOffer(agentId: string, conversationId: string): boolean {
    return this.offers.get(conversationId)?.has(agentId) ?? false;
  }

  /** The wrap-up an agent is in, if any (with its end, so a window opened during it counts down too). */
  wrapUpOf(agentId: string): WrapUp | undefined {
    return this.wrapUps.get(agentId);
  }

  /**
   * Accepts an offer: the engine confirms it is still this agent's, then the store records
   * the assignment. @throws AppError `offer-unavailable` when it timed out or was taken.
   */
  async accept(agent: AgentRecord, conversationId: string): Promise<void> {
    const decisions = this.feed({ type: 'offer-accepted', at: this.clock(), contactId: conversationId, agentId: agent.id });
    const assigned = decisions.find((d) => d.type === 'assigned' && d.contactId === conversationId);
    if (!assigned) throw new AppError('offer-unavailable', 'this offer is no longer available');
    const at = this.clock();
    if (!(await this.store.conversations.assign(conversationId, agent.id, at))) {
      // The visitor left while the agent was accepting: free the agent again.
      this.feed({ type: 'contact-ended', at, contactId: conversationId });
      throw new AppError('offer-unavailable', 'the visitor has left');
    }
    this.log.append({ at, type: LogType.offerAccepted, conversationId, agentId: agent.id, queueId: assigned.type === 'assigned' ? assigned.queueId : undefined, data: { waitedMs: assigned.type === 'assigned' ? assigned.waitedMs : 0 } });
    // Announced before the offer leaves: a call's frames go out in the listeners' first,
    // synchronous steps, so its media starts before the agent's app redraws for the new contact.
    const announced = this.outcomes.run('assigned', conversationId, agent);
    // The agent's other windows (tabs, devices) still show the offer: it leaves them all.
    this.bus.publish(topics.agent(agent.id), { type: 'offer-withdrawn', conversationId, reason: 'taken' });
    await announced;
  }

  async decline(agent: AgentRecord, conversationId: string): Promise<void> {
    const decisions = this.feed({ type: 'offer-declined', at: this.clock(), contactId: conversationId, agentId: agent.id });
    if (decisions.some((d) => d.type === 'offer-unavailable')) throw new AppError('offer-unavailable', 'this offer is no longer available');
    this.offers.get(conversationId)?.delete(agent.id);
    this.log.append({ at: this.clock(), type: LogType.offerDeclined, conversationId, agentId: agent.id });
    this.bus.publish(topics.agent(agent.id), { type: 'offer-withdrawn', conversationId, reason: 'cancelled' });
  }

  /** Ends the agent's wrap-up, recording the disposition on the conversation that started it. */
  async wrapUpDone(agent: AgentRecord, disposition?: Disposition): Promise<void> {
    const wrapUp = this.wrapUps.get(agent.id);
    if (!wrapUp) throw new AppError('invalid-input', 'you are not in wrap-up');
    const { conversationId } = wrapUp;
    if (wrapUp.dispositionRequired && !disposition) throw new AppError('invalid-input', 'this queue requires a disposition');
    const queueId = (await this.store.conversations.findById(conversationId))?.queueId;
    if (disposition) await this.store.conversations.setDisposition(conversationId, disposition);
    this.log.append({ at: this.clock(), type: LogType.wrapUpDone, conversationId, agentId: agent.id, ...(queueId ? { queueId } : {}), data: disposition ? { disposition } : {} });
    this.feed({ type: 'wrap-up-done', at: this.clock(), agentId: agent.id });
  }

  /** A conversation ended: frees its agent (into wrap-up), or removes it from the queue as abandoned. */
  contactEnded(conversationId: string): void {
    this.feed({ type: 'contact-ended', at: this.clock(), contactId: conversationId });
  }

  /** Stops timers; presence changes arriving later (sockets closing at shutdown) are ignored. */
  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private configure(q: QueueRecord): void {
    this.queues.set(q.id, q);
    const { slug: _slug, name: _name, isDefault: _isDefault, createdAt: _createdAt, ...config } = q;
    // "lang" (the customer's own language) is carried by each contact instead: see language-skills.ts.
    this.feed({ type: 'queue-configured', at: this.clock(), queue: { ...config, requiredSkills: engineQueueSkills(q.requiredSkills) } });
  }

  private async refreshAgent(agentId: string): Promise<void> {
    if (this.destroyed) return;
    const agent = await this.store.agents.findById(agentId);
    if (!agent?.active) {
      // Deleted or deactivated: routing forgets them (their contacts were requeued first).
      this.wrapUps.delete(agentId);
      return void this.feed({ type: 'agent-removed', at: this.clock(), agentId });
    }
    this.feed({
      type: 'agent-updated',
      at: this.clock(),
      agentId,
      available: this.presence.isConnected(agentId) && agent.status === 'available',
      queues: await this.store.queues.membershipsOf(agentId),
      // The languages an agent serves are skills too, so queues and contacts can require them.
      skills: withLanguageSkills(agent.skills, agent.languages),
      capacity: agent.capacity,
    });
  }

  private feed(event: AcdEvent): AcdDecision[] {
    const started = performance.now();
    const decisions = this.engine.handle(event);
    this.metrics?.routingDecision.observe({ event: event.type }, secondsSince(started));
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
        // A browser call (not a callback, which the agent's phone dials) is prepared while it rings.
        const call = w.channel === 'voice' && !w.source ? this.callPreparation?.(d.contactId, d.agentId) : undefined;
        const offer: Offer = {
          conversationId: d.contactId,
          queueId: d.queueId,
          queueName: this.queues.get(d.queueId)?.name ?? d.queueId,
          channel: w.channel,
          visitor: w.visitor,
          ...(w.preview ? { preview: w.preview } : {}),
          ...(w.source ? { source: w.source } : {}),
          ...(w.subject ? { subject: w.subject } : {}),
          ...(call ? { call } : {}),
          expiresAt: d.expiresAt,
        };
        let byAgent = this.offers.get(d.contactId);
        if (!byAgent) this.offers.set(d.contactId, (byAgent = new Map()));
        byAgent.set(d.agentId, offer);
        this.bus.publish(topics.agent(d.agentId), { type: 'offer', offer });
        this.log.append({ at: now, type: LogType.contactOffered, conversationId: d.contactId, agentId: d.agentId, queueId: d.queueId });
        return;
      }
      case 'offer-withdrawn':
        this.offers.get(d.contactId)?.delete(d.agentId);
        this.bus.publish(topics.agent(d.agentId), { type: 'offer-withdrawn', conversationId: d.contactId, reason: d.reason });
        if (d.reason === 'timeout') this.log.append({ at: now, type: LogType.offerTimedOut, conversationId: d.contactId, agentId: d.agentId });
        return;
      case 'assigned':
        this.offers.delete(d.contactId);
        this.waiting.delete(d.contactId);
        return;
      case 'queue-changed':
        this.dirtyQueues.add(d.queueId);
        this.schedulePositions();
        return;
      case 'escalated':
        this.log.append({ at: now, type: LogType.contactEscalated, conversationId: d.contactId, queueId: d.queueId, data: { tier: d.tier } });
        return;
      case 'overflowed':
        this.log.append({ at: now, type: LogType.contactOverflowed, conversationId: d.contactId, queueId: d.fromQueueId, data: { to: d.to, reason: d.reason } });
        if (d.to.type === 'queue') {
          const w = this.waiting.get(d.contactId);
          if (w) w.queueId = d.to.queueId;
          void this.store.conversations.moveToQueue(d.contactId, d.to.queueId).catch((err: unknown) => log.error({ conversationId: d.contactId, err }, 'overflow not stored'));
        } else {
          // Callbacks and offline messages are their own channels (not yet built): close it with the reason.
          this.refuse(d.contactId, END_REASON[d.reason]);
        }
        return;
      case 'refused':
        this.log.append({ at: now, type: LogType.contactRefused, conversationId: d.contactId, queueId: d.queueId, data: { reason: d.reason } });
        this.refuse(d.contactId, END_REASON[d.reason]);
        return;
      case 'abandoned':
        this.waiting.delete(d.contactId);
        this.offers.delete(d.contactId);
        this.log.append({ at: now, type: LogType.contactAbandoned, conversationId: d.contactId, queueId: d.queueId, data: { waitedMs: d.waitedMs } });
        return;
      case 'agent-paused':
        this.log.append({ at: now, type: LogType.agentPaused, agentId: d.agentId, data: { reason: d.reason, missed: d.missed } });
        this.outcomes.notify('paused', d.agentId);
        return;
      case 'wrap-up-started': {
        // The engine gives a wrap-up no end time exactly when the queue requires a disposition.
        const wrapUp: WrapUp = { conversationId: d.contactId, dispositionRequired: d.until === undefined, ...(d.until !== undefined ? { until: d.until } : {}) };
        this.wrapUps.set(d.agentId, wrapUp);
        this.log.append({ at: now, type: LogType.wrapUpStarted, conversationId: d.contactId, agentId: d.agentId });
        this.bus.publish(topics.agent(d.agentId), { type: 'wrap-up', ...wrapUp });
        return;
      }
      case 'wrap-up-ended': {
        const wrapUp = this.wrapUps.get(d.agentId);
        this.log.append({ at: now, type: LogType.wrapUpEnded, agentId: d.agentId, ...(wrapUp ? { conversationId: wrapUp.conversationId } : {}) });
        this.wrapUps.delete(d.agentId);
        this.bus.publish(topics.agent(d.agentId), { type: 'wrap-up-ended' });
        return;
      }
      case 'transferred':
        this.log.append({ at: now, type: LogType.contactTransferred, conversationId: d.contactId, agentId: d.fromAgentId, queueId: d.queueId, data: { toAgentId: d.toAgentId } });
        return;
      case 'offer-unavailable':
      case 'transfer-refused':
        return;
      default:
        return assertNever(d);
    }
  }

  private refuse(conversationId: string, reason: EndReason): void {
    this.waiting.delete(conversationId);
    this.offers.delete(conversationId);
    this.outcomes.notify('refused', conversationId, reason);
  }

  /** Sends each waiting visitor of the changed queues their place and estimated wait, once per turn. */
  private schedulePositions(): void {
    if (this.positionsScheduled) return;
    this.positionsScheduled = true;
    setImmediate(() => {
      this.positionsScheduled = false;
      for (const queueId of this.dirtyQueues) {
        const agentsAvailable = this.engine.agentsAvailable(queueId);
        for (const contactId of this.engine.waitingIn(queueId)) {
          const w = this.waiting.get(contactId);
          if (!w) continue;
          const position = this.engine.positionOf(contactId);
          const estimatedWaitMs = this.engine.estimatedWaitMs(contactId);
          const report = `${position}/${agentsAvailable}/${estimatedWaitMs}`;
          if (report === w.reported) continue;
          w.reported = report;
          this.bus.publish(topics.visitor(w.visitorId), {
            type: 'queue',
            conversationId: contactId,
            position,
            agentsAvailable,
            ...(estimatedWaitMs !== undefined ? { estimatedWaitMs } : {}),
          });
        }
      }
      this.dirtyQueues.clear();
    });
  }

  /** Arms one timer for the engine's next deadline; a tick then expires offers, delays and waits. */
  private scheduleTick(): void {
    const next = this.engine.nextDeadline();
    if (next === this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next === undefined || this.destroyed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = undefined;
      this.feed({ type: 'tick', at: Math.max(this.clock(), next) });
    }, Math.max(0, next - this.clock()));
    this.timer.unref?.();
  }
}
