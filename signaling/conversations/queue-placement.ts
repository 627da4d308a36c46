/**
 * Where a conversation waits and who has it: opening it in a queue (from the widget, a
 * callback, a mail or a channel), reopening it, moving it to another agent or queue, and
 * telling everyone when an agent takes it. The ACD decides; this stores and announces.
 */
import { randomUUID } from 'node:crypto';
import { topics, type Bus } from '../bus/bus.js';
import { partyOf, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import { LogType } from '../kpi/log-types.js';
import type { Channel, ConversationEvent, ConversationEventBody, ConversationSource, ConversationSummary } from '../protocol/conversation.js';
import type { TransferTargets } from '../protocol/api.js';
import type { PresenceService } from '../routing/presence-service.js';
import type { RoutingService } from '../routing/routing-service.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import type { ConversationListeners } from './conversation-events.js';
import type { ConversationParties } from './conversation-parties.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('conversations');

export interface StartOptions {
  queue?: string;
  /** `voice` for a call from the widget; chat otherwise. */
  channel?: 'chat' | 'voice';
  page?: { url?: string; title?: string };
  /** The visitor's language, for example en-GB. */
  locale?: string;
  /** The visitor asked the bot first: their question and the articles it offered go into the timeline before the queue. */
  handoff?: { question: string; articles: { id: string; title: string }[] };
  /** The visitor replied to a proactive invitation: its text opens the timeline, in its queue, and the conversation records it. */
  invitation?: { invitationId: string; text: string; sender?: string; queueId: string };
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


export interface QueuePlacementDeps {
  store: Store;
  bus: Bus;
  routing: RoutingService;
  presence: Pick<PresenceService, 'isConnected'>;
  log: EventLogWriter;
  parties: ConversationParties;
  events: ConversationListeners;
  clock?: () => number;
}

export class QueuePlacement {
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly routing: RoutingService;
  private readonly presence: QueuePlacementDeps['presence'];
  private readonly log: EventLogWriter;
  private readonly parties: ConversationParties;
  private readonly events: ConversationListeners;
  private readonly clock: () => number;

  constructor(deps: QueuePlacementDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.routing = deps.routing;
    this.presence = deps.presence;
    this.log = deps.log;
    this.parties = deps.parties;
    this.events = deps.events;
    this.clock = deps.clock ?? Date.now;
  }

  /**
   * Opens a conversation for the visitor and queues it, or returns the one already open.
   * Retrying with the same `clientId` returns the same conversation.
   */
  async start(visitorId: string, clientId: string, options: StartOptions = {}): Promise<ConversationSummary> {
    const existing = (await this.store.conversations.findByStartClientId(visitorId, clientId)) ?? (await this.store.conversations.findOpenForVisitor(visitorId));
    if (existing) return (await this.store.conversations.summary(existing.id))!;

    let queue = options.invitation ? await this.store.queues.findById(options.invitation.queueId) : options.queue ? await this.store.queues.findBySlug(options.queue) : undefined;
    if (options.queue && !queue) {
      // A page naming a queue that was renamed or removed must not lose the visitor's chat.
      log.warn({ queue: options.queue }, 'unknown queue requested; using the default queue');
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
        if (options.invitation) {
          // The visitor answers the invitation: both sides read it first, signed as it was shown.
          const { invitationId, text, sender } = options.invitation;
          await tx.conversations.appendEvent(record.id, { type: 'invitation', invitationId, text, ...(sender ? { sender } : {}) }, now);
          await tx.invitations.linkConversation(invitationId, record.id, now);
        }
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
    this.events.notify('created', started);
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
        for (const body of spec.events) {
          const event = await tx.conversations.appendEvent(record.id, body, now, body.type === 'message' ? body.clientId : undefined);
          // Files the opening message carries (a mail's attachments) join it in the same commit.
          if (body.type === 'message' && body.attachments?.length) await tx.attachments.attach(body.attachments.map((f) => f.id), record.id, event.seq);
          stored.push(event);
        }
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
    if (preview?.type === 'message') this.routing.noteWaitingContact(record.id, { preview: preview.text || (preview.attachments ?? []).map((f) => f.name).join(', ') });
    this.events.notify('created', opened);
    for (const e of events) if (e.type === 'message') this.events.notify('posted', opened, e);
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
    this.events.notify('moved', moved, from.id);
  }

  /**
   * The conversation's agent escalates it to the next tier of its queue, with a reason that
   * the next agent reads in the hand-over note. The customer sees that a specialist is taking
   * over; the conversation keeps its timeline, customer and queue.
   * @throws AppError `invalid-input` past the last tier (nothing changes), `not-found` or
   * `conversation-ended` when it is not the caller's active conversation.
   */
  async escalate(actor: Actor, conversationId: string, reason: string): Promise<{ tier: number }> {
    if (actor.kind !== 'agent') throw new AppError('forbidden', 'only agents escalate conversations');
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    const from = actor.agent;
    if (conversation.status !== 'active' || conversation.agentId !== from.id) throw new AppError('invalid-input', 'only the agent handling a conversation can escalate it');
    const tier = await this.routing.escalate(conversationId, from.id, reason);
    const queue = (await this.store.queues.findById(conversation.queueId))!;
    const now = this.clock();
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversationId, { type: 'escalated', from: partyOf(actor), tier, queue: { id: queue.id, name: queue.name } }, now));
    await this.store.notes.add({ conversationId, kind: 'handover', author: { id: from.id, name: from.name }, text: reason, at: now }, `escalate-${event.seq}`);
    const moved = (await this.store.conversations.findById(conversationId))!;
    await this.parties.publish(moved, { type: 'events', conversationId, events: [event] });
    await this.parties.publishSummary(moved);
    this.bus.publish(topics.agent(from.id), { type: 'conversation', conversation: (await this.store.conversations.summary(conversationId))! });
    this.events.notify('moved', moved, from.id);
    return { tier };
  }

  /** Where an agent may transfer a conversation: colleagues (available when signed in and not on a break) and every queue. */
  async transferTargets(agentId: string): Promise<TransferTargets> {
    const agents = (await this.store.agents.list())
      .filter((a) => a.id !== agentId && a.active)
      .map((a) => ({ id: a.id, name: a.name, available: a.status === 'available' && this.presence.isConnected(a.id) }));
    const queues = (await this.store.queues.list()).map((q) => ({ id: q.id, name: q.name }));
    return { agents, queues };
  }

  /** Every conversation the agent is handling goes back to the head of its queue (the account was deactivated). */
  async returnAllOf(agentId: string): Promise<void> {
    for (const c of await this.store.conversations.listByStatus(['active'])) {
      if (c.agentId === agentId) await this.returnToQueue(c.id);
    }
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
    this.events.notify('moved', moved, fromAgentId);
  }

  /** The ACD gave the conversation to an agent: the timeline and both parties hear who joined. */
  async announceAssignment(conversationId: string, agent: AgentRecord): Promise<void> {
    const conversation = (await this.store.conversations.findById(conversationId))!;
    const event = await this.store.transaction((tx) =>
      tx.conversations.appendEvent(conversationId, { type: 'agent-joined', agent: { kind: 'agent', id: agent.id, name: agent.name } }, this.clock()),
    );
    const assigned = { ...conversation, agentId: agent.id, status: 'active' as const };
    await this.parties.publish(assigned, { type: 'events', conversationId, events: [event] });
    await this.parties.publishSummary(assigned);
    this.events.notify('assigned', assigned, agent);
  }
}
