/**
 * Conversations as their parties see them: start, post, read, type, end. Every change is
 * stored before it is acknowledged or published, and only the conversation's own parties
 * are ever told about it.
 */
import { randomUUID } from 'node:crypto';
import { topics, type Bus } from '../bus/bus.js';
import { LogType } from '../kpi/log-types.js';
import type { Channel, ConversationEvent, ConversationEventBody, ConversationSource, ConversationSummary, EndReason } from '../protocol/conversation.js';
import type { ConversationNote } from '../protocol/notes.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import { partyOf, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationParties } from './conversation-parties.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import type { RoutingService } from '../routing/routing-service.js';

/** For a call that was answered: how long it was answered for, to show in the timeline. */
function talkTime(c: ConversationRecord, now: number): { talkMs?: number } {
  // A callback is dialled outside Switchboard: its talk time is not ours to measure.
  return c.channel === 'voice' && !c.source && c.answeredAt !== undefined ? { talkMs: Math.max(0, now - c.answeredAt) } : {};
}

export interface StartOptions {
  queue?: string;
  /** `voice` for a call from the widget; chat otherwise. */
  channel?: 'chat' | 'voice';
  page?: { url?: string; title?: string };
  /** The visitor's language, for example en-GB. */
  locale?: string;
  /** The visitor asked the bot first: their question and the articles it offered go into the timeline before the queue. */
  handoff?: { question: string; articles: { id: string; title: string }[] };
}

/** A conversation that does not start in the widget: a callback, an e-mail, a channel's message. */
export interface OpenSpec {
  visitorId: string;
  queueId: string;
  channel: Channel;
  source: ConversationSource;
  subject?: string;
  locale?: string;
  page?: { url?: string; title?: string };
  /** Its first timeline events (the customer's message, the callback's details). */
  events: ConversationEventBody[];
  /** A client id or an inbound message id that makes a retried open return the same conversation. */
  startClientId?: string;
}

/**
 * Serving order between channels within a queue: a waiting caller before a chat, and an e-mail or
 * a channel's message (which can wait minutes without harm) after both. In priority points; each
 * point is worth the queue's priorityWeightMs of waiting.
 */
export const CHANNEL_PRIORITY: Record<Channel, number> = { voice: 0, chat: 0, message: -1, email: -2 };

/** What other services (calls, mail, webhooks) react to; every change is stored and published before they hear of it. */
export interface ConversationListener {
  created?(conversation: ConversationRecord): void;
  /**
   * A message is being stored: runs inside its transaction, so what it writes (an outbound
   * mail, a channel's reply) lands with the message or not at all.
   */
  storing?(tx: Store, conversation: ConversationRecord, event: ConversationEvent & { type: 'message' }): Promise<void>;
  /** A message was stored (not a retry of one already stored). */
  posted?(conversation: ConversationRecord, event: ConversationEvent & { type: 'message' }): void;
  assigned?(conversation: ConversationRecord, agent: AgentRecord): void;
  /** The conversation left its agent: to another agent, or back to a queue. */
  moved?(conversation: ConversationRecord, fromAgentId: string): void;
  ended?(conversation: ConversationRecord): void;
  held?(conversation: ConversationRecord, by: 'visitor' | 'agent' | undefined): void;
  consent?(conversation: ConversationRecord, recording: boolean): void;
}

export class ConversationService {
  private readonly listeners: ConversationListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
    private readonly routing: RoutingService,
    private readonly log: EventLogWriter,
    private readonly parties: ConversationParties,
    private readonly clock: () => number = Date.now,
  ) {
    routing.hooks = {
      onAssigned: (id, agent) => this.announceAssignment(id, agent),
      onRefused: (id, reason) => this.endBySystem(id, reason),
    };
  }

  listen(listener: ConversationListener): void {
    this.listeners.push(listener);
  }

  /**
   * Opens a conversation for the visitor and queues it, or returns the one already open.
   * Retrying with the same `clientId` returns the same conversation.
   */
  async start(visitorId: string, clientId: string, options: StartOptions = {}): Promise<ConversationSummary> {
    const existing = (await this.store.conversations.findByStartClientId(visitorId, clientId)) ?? (await this.store.conversations.findOpenForVisitor(visitorId));
    if (existing) return (await this.store.conversations.summary(existing.id))!;

    let queue = options.queue ? await this.store.queues.findBySlug(options.queue) : undefined;
    if (options.queue && !queue) {
      // A page naming a queue that was renamed or removed must not lose the visitor's chat.
      console.warn(`conversations: unknown queue "${options.queue}" requested; using the default queue`);
    }
    queue ??= await this.store.queues.findDefault();
    if (!queue) throw new AppError('not-found', 'no queue is configured');
    const now = this.clock();
    const record = {
      id: randomUUID(),
      visitorId,
      queueId: queue.id,
      status: 'queued' as const,
      channel: options.channel ?? 'chat',
      priority: 0,
      startClientId: clientId,
      ...(options.locale ? { language: options.locale } : {}),
      ...(options.page?.url ? { pageUrl: options.page.url } : {}),
      ...(options.page?.title ? { pageTitle: options.page.title } : {}),
      createdAt: now,
    };
    try {
      await this.store.transaction(async (tx) => {
        await tx.conversations.insert(record);
        if (!options.handoff) return;
        // The agent reads what the visitor asked the bot and what it answered.
        await tx.conversations.appendEvent(record.id, { type: 'message', author: { kind: 'visitor', id: visitorId }, text: options.handoff.question, clientId: `${clientId}-q` }, now, `${clientId}-q`);
        await tx.conversations.appendEvent(record.id, { type: 'bot', articles: options.handoff.articles, handedOff: true }, now);
      });
    } catch (error) {
      // Two starts raced: the unique (visitor, client id) index kept one; return it.
      const raced = await this.store.conversations.findByStartClientId(visitorId, clientId);
      if (!raced) throw error;
      return (await this.store.conversations.summary(raced.id))!;
    }
    this.log.append({ at: now, type: LogType.contactQueued, conversationId: record.id, queueId: queue.id, data: { channel: record.channel, ...(options.locale ? { language: options.locale.split('-')[0]!.toLowerCase() } : {}) } });
    const summary = (await this.store.conversations.summary(record.id))!;
    this.bus.publish(topics.visitor(visitorId), { type: 'conversation', conversation: summary });
    const started = { ...record, lastSeq: summary.lastSeq };
    await this.routing.enqueue(started);
    if (options.handoff) this.routing.noteWaitingContact(record.id, { preview: options.handoff.question });
    for (const l of this.listeners) l.created?.(started);
    return summary;
  }

  /**
   * Opens a conversation with its first events in one transaction and queues it. With a
   * `startClientId` already used by the visitor, returns that conversation instead.
   */
  async open(spec: OpenSpec): Promise<ConversationRecord> {
    if (spec.startClientId) {
      const earlier = await this.store.conversations.findByStartClientId(spec.visitorId, spec.startClientId);
      if (earlier) return earlier;
    }
    const now = this.clock();
    const record = {
      id: randomUUID(),
      visitorId: spec.visitorId,
      queueId: spec.queueId,
      status: 'queued' as const,
      channel: spec.channel,
      priority: CHANNEL_PRIORITY[spec.channel],
      source: spec.source,
      ...(spec.subject ? { subject: spec.subject } : {}),
      ...(spec.startClientId ? { startClientId: spec.startClientId } : {}),
      ...(spec.locale ? { language: spec.locale } : {}),
      ...(spec.page?.url ? { pageUrl: spec.page.url } : {}),
      ...(spec.page?.title ? { pageTitle: spec.page.title } : {}),
      createdAt: now,
    };
    let events: ConversationEvent[];
    try {
      events = await this.store.transaction(async (tx) => {
        await tx.conversations.insert(record);
        const stored: ConversationEvent[] = [];
        for (const body of spec.events) stored.push(await tx.conversations.appendEvent(record.id, body, now, body.type === 'message' ? body.clientId : undefined));
        return stored;
      });
    } catch (error) {
      // The same open raced itself: the unique (visitor, client id) index kept the other one.
      const raced = spec.startClientId && (await this.store.conversations.findByStartClientId(spec.visitorId, spec.startClientId));
      if (raced) return raced;
      throw error;
    }
    const opened = { ...record, lastSeq: events.length };
    this.log.append({ at: now, type: LogType.contactQueued, conversationId: record.id, queueId: record.queueId, data: { channel: record.channel, source: spec.source } });
    const preview = events.findLast((e) => e.type === 'message');
    await this.routing.enqueue(opened);
    if (preview?.type === 'message') this.routing.noteWaitingContact(record.id, { preview: preview.text });
    for (const l of this.listeners) l.created?.(opened);
    for (const e of events) if (e.type === 'message') for (const l of this.listeners) l.posted?.(opened, e);
    return opened;
  }

  /**
   * An ended conversation is queued again (the customer answered an e-mail thread after it was
   * closed): the next agent gets the whole thread in one conversation. A no-op unless it had ended.
   */
  async reopen(conversationId: string): Promise<void> {
    if (!(await this.store.conversations.reopen(conversationId))) return;
    const now = this.clock();
    const c = (await this.store.conversations.findById(conversationId))!;
    this.log.append({ at: now, type: LogType.contactQueued, conversationId, queueId: c.queueId, data: { channel: c.channel, reopened: true, ...(c.source ? { source: c.source } : {}) } });
    // It waits from now, not from when the thread began.
    await this.routing.enqueue({ ...c, createdAt: now });
    await this.parties.publishSummary(c);
  }

  /**
   * Stores a message and publishes it to both parties. A retried `clientId` returns the
   * stored message without storing it again.
   */
  async postMessage(actor: Actor, conversationId: string, text: string, clientId: string): Promise<ConversationEvent> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    const earlier = await this.store.conversations.findEventByClientId(conversationId, clientId);
    if (earlier) return earlier;
    if (conversation.status === 'ended') throw new AppError('conversation-ended', 'this conversation has ended');

    const body: ConversationEventBody = { type: 'message', author: partyOf(actor), text, clientId };
    let event: ConversationEvent;
    try {
      event = await this.store.transaction(async (tx) => {
        const stored = await tx.conversations.appendEvent(conversationId, body, this.clock(), clientId);
        for (const l of this.listeners) await l.storing?.(tx, conversation, stored as ConversationEvent & { type: 'message' });
        return stored;
      });
    } catch (error) {
      const raced = await this.store.conversations.findEventByClientId(conversationId, clientId);
      if (raced) return raced;
      throw error;
    }
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    if (actor.kind === 'visitor') this.routing.noteWaitingContact(conversationId, { preview: text });
    for (const l of this.listeners) l.posted?.(conversation, event as ConversationEvent & { type: 'message' });
    return event;
  }

  /** Timeline events after `afterSeq`, for a party catching up after a reconnect. */
  async eventsAfter(actor: Actor, conversationId: string, afterSeq: number): Promise<ConversationEvent[]> {
    await this.parties.authorize(actor, conversationId, 'read');
    return this.store.conversations.eventsAfter(conversationId, afterSeq);
  }

  async markRead(actor: Actor, conversationId: string, seq: number): Promise<void> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    const party = actor.kind === 'visitor' ? 'visitor' : 'agent';
    const stored = await this.store.conversations.markRead(conversationId, party, seq);
    await this.parties.publish(conversation, { type: 'read', conversationId, party, seq: stored });
  }

  /** Relays typing to the other party only; nothing is stored. */
  async typing(actor: Actor, conversationId: string, isTyping: boolean): Promise<void> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    if (conversation.status === 'ended') return;
    const frame: ServerFrame = {
      type: 'typing',
      conversationId,
      party: actor.kind,
      ...(actor.kind === 'agent' ? { name: actor.agent.name } : {}),
      isTyping,
    };
    if (actor.kind === 'visitor') await this.parties.publishToStaff(conversation, frame);
    else this.bus.publish(topics.visitor(conversation.visitorId), frame);
  }

  /** Ends the conversation for both parties; ending an ended one is a no-op. */
  async end(actor: Actor, conversationId: string): Promise<void> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    const now = this.clock();
    const event = await this.store.transaction(async (tx) => {
      if (!(await tx.conversations.end(conversationId, now))) return undefined;
      return tx.conversations.appendEvent(conversationId, { type: 'ended', by: partyOf(actor), ...talkTime(conversation, now) }, now);
    });
    if (!event) return;
    this.log.append({ at: now, type: LogType.contactEnded, conversationId, queueId: conversation.queueId, ...(conversation.agentId ? { agentId: conversation.agentId } : {}), data: { by: actor.kind } });
    this.routing.contactEnded(conversationId);
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    await this.parties.publishSummary(conversation);
    for (const l of this.listeners) l.ended?.(conversation);
  }

  /**
   * Either party puts a call on hold or takes it off; the timeline and both sides show it.
   * @throws AppError `invalid-input` for a conversation that is not an answered call.
   */
  async hold(actor: Actor, conversationId: string, held: boolean): Promise<void> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    if (conversation.channel !== 'voice' || conversation.status !== 'active') throw new AppError('invalid-input', 'only an answered call can be put on hold');
    const now = this.clock();
    const by = partyOf(actor);
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversationId, { type: held ? 'call-held' : 'call-resumed', by }, now));
    this.log.append({ at: now, type: held ? LogType.callHeld : LogType.callResumed, conversationId, queueId: conversation.queueId, ...(conversation.agentId ? { agentId: conversation.agentId } : {}), data: { by: actor.kind } });
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    for (const l of this.listeners) l.held?.(conversation, held ? (actor.kind === 'visitor' ? 'visitor' : 'agent') : undefined);
  }

  /** Adds an event another service tracks (co-browsing) to the timeline, and tells the conversation's parties. */
  async record(conversation: ConversationRecord, body: ConversationEventBody): Promise<ConversationEvent> {
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversation.id, body, this.clock()));
    await this.parties.publish(conversation, { type: 'events', conversationId: conversation.id, events: [event] });
    return event;
  }

  /** The visitor allows or withdraws recording of their call; the timeline keeps the record of it. */
  async setRecordingConsent(visitorId: string, conversationId: string, given: boolean): Promise<void> {
    const conversation = await this.parties.authorize({ kind: 'visitor', visitorId }, conversationId, 'write');
    if (conversation.channel !== 'voice' || conversation.status === 'ended') throw new AppError('invalid-input', 'only a call in progress can be recorded');
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversationId, { type: 'recording-consent', given }, this.clock()));
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    for (const l of this.listeners) l.consent?.(conversation, given);
  }

  /**
   * The conversation's agent hands it to another agent (who must be available) or to a
   * queue, where it waits at the head. The visitor sees who they were transferred to; the
   * hand-over note is kept with the internal notes, which the next agent reads.
   * @throws AppError `not-found` for an unknown target, `invalid-input` when it cannot go there.
   */
  async transfer(actor: Actor, conversationId: string, to: { agentId: string } | { queueId: string }, note: string | undefined, clientId: string): Promise<void> {
    if (actor.kind !== 'agent') throw new AppError('forbidden', 'only agents transfer conversations');
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    const from = actor.agent;
    if (conversation.status !== 'active' || conversation.agentId !== from.id) throw new AppError('invalid-input', 'only the agent handling a conversation can transfer it');
    let target: { kind: 'agent' | 'queue'; id: string; name: string };
    if ('agentId' in to) {
      const agent = await this.store.agents.findById(to.agentId);
      if (!agent) throw new AppError('not-found', 'no such agent');
      if (agent.id === from.id) throw new AppError('invalid-input', 'this conversation is already yours');
      await this.routing.transferToAgent(conversationId, from.id, agent.id);
      target = { kind: 'agent', id: agent.id, name: agent.name };
    } else {
      const queue = await this.store.queues.findById(to.queueId);
      if (!queue) throw new AppError('not-found', 'no such queue');
      await this.routing.returnToQueue(conversationId, { queueId: queue.id, transferred: true });
      target = { kind: 'queue', id: queue.id, name: queue.name };
    }
    const now = this.clock();
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversationId, { type: 'transferred', from: partyOf(actor), to: target }, now));
    if (note) await this.store.notes.add({ conversationId, kind: 'handover', author: { id: from.id, name: from.name }, text: note, at: now }, clientId);
    const moved = (await this.store.conversations.findById(conversationId))!;
    await this.parties.publish(moved, { type: 'events', conversationId, events: [event] });
    await this.parties.publishSummary(moved);
    // The agent who let go is no longer a party: tell them once more, so their app lets go too.
    this.bus.publish(topics.agent(from.id), { type: 'conversation', conversation: (await this.store.conversations.summary(conversationId))! });
    for (const l of this.listeners) l.moved?.(moved, from.id);
  }

  /**
   * Puts a call whose agent vanished (tab closed, network gone) back at the head of its queue,
   * so the caller is not dropped. A no-op when it is no longer active.
   */
  async returnToQueue(conversationId: string): Promise<void> {
    const conversation = await this.store.conversations.findById(conversationId);
    if (!conversation?.agentId || conversation.status !== 'active') return;
    const fromAgentId = conversation.agentId;
    await this.routing.returnToQueue(conversationId);
    const moved = (await this.store.conversations.findById(conversationId))!;
    await this.parties.publishSummary(moved);
    this.bus.publish(topics.agent(fromAgentId), { type: 'conversation', conversation: (await this.store.conversations.summary(conversationId))! });
    for (const l of this.listeners) l.moved?.(moved, fromAgentId);
  }

  /**
   * Stores the visitor's rating (CSAT) of their ended conversation; rating twice or before the end is refused.
   * @throws AppError `invalid-input` when it is not (yet) ratable.
   */
  async rate(visitorId: string, conversationId: string, rating: number): Promise<void> {
    const conversation = await this.parties.authorize({ kind: 'visitor', visitorId }, conversationId, 'write');
    if (!(await this.store.conversations.rate(conversationId, rating))) throw new AppError('invalid-input', 'only an ended conversation can be rated, once');
    this.log.append({ at: this.clock(), type: LogType.contactRated, conversationId, queueId: conversation.queueId, ...(conversation.agentId ? { agentId: conversation.agentId } : {}), data: { rating } });
    await this.parties.publishSummary(conversation);
  }

  /** Ends a conversation routing could not queue (full, closed, waited too long), telling the visitor why. */
  async endBySystem(conversationId: string, reason: EndReason): Promise<void> {
    const conversation = await this.store.conversations.findById(conversationId);
    if (!conversation) return;
    const now = this.clock();
    const event = await this.store.transaction(async (tx) => {
      if (!(await tx.conversations.end(conversationId, now))) return undefined;
      return tx.conversations.appendEvent(conversationId, { type: 'ended', by: { kind: 'system', id: 'routing' }, reason, ...talkTime(conversation, now) }, now);
    });
    if (!event) return;
    this.log.append({ at: now, type: LogType.contactEnded, conversationId, queueId: conversation.queueId, ...(conversation.agentId ? { agentId: conversation.agentId } : {}), data: { by: 'system', reason } });
    // A contact still waiting leaves the queue (abandoned); one being handled frees its agent.
    this.routing.contactEnded(conversationId);
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    await this.parties.publishSummary(conversation);
    for (const l of this.listeners) l.ended?.(conversation);
  }

  /** A conversation's summary, for a party or a supervisor. */
  async summaryFor(actor: Actor, conversationId: string): Promise<ConversationSummary> {
    await this.parties.authorize(actor, conversationId, 'read');
    return (await this.store.conversations.summary(conversationId))!;
  }

  /** The notes (whispers) of a conversation, for its agent and supervisors. */
  async notesFor(actor: Actor, conversationId: string): Promise<ConversationNote[]> {
    if (actor.kind !== 'agent') throw new AppError('not-found', 'no such conversation');
    await this.parties.authorize(actor, conversationId, 'read');
    return this.store.notes.list(conversationId);
  }

  /** Stores what the visitor told about themselves and refreshes what the agent sees. */
  async identify(visitorId: string, fields: { name?: string; email?: string; phone?: string }): Promise<void> {
    await this.store.visitors.identify(visitorId, fields);
    const open = await this.store.conversations.findOpenForVisitor(visitorId);
    if (!open) return;
    const summary = (await this.store.conversations.summary(open.id))!;
    this.routing.noteWaitingContact(open.id, { visitor: summary.visitor });
    await this.parties.publishToStaff(open, { type: 'conversation', conversation: summary });
  }

  private async announceAssignment(conversationId: string, agent: AgentRecord): Promise<void> {
    const conversation = (await this.store.conversations.findById(conversationId))!;
    const event = await this.store.transaction((tx) =>
      tx.conversations.appendEvent(conversationId, { type: 'agent-joined', agent: { kind: 'agent', id: agent.id, name: agent.name } }, this.clock()),
    );
    const assigned = { ...conversation, agentId: agent.id, status: 'active' as const };
    await this.parties.publish(assigned, { type: 'events', conversationId, events: [event] });
    await this.parties.publishSummary(assigned);
    for (const l of this.listeners) l.assigned?.(assigned, agent);
  }
}
