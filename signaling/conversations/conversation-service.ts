/**
 * Conversations as their parties see them: post, read, type, hold, rate, end. Every change is
 * stored before it is acknowledged or published, and only the conversation's own parties
 * are ever told about it. Where a conversation waits and who has it is `QueuePlacement`'s.
 */
import { topics, type Bus } from '../bus/bus.js';
import { partyOf, uploaderOf, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import { LogType } from '../kpi/log-types.js';
import type { ConversationEvent, ConversationEventBody, ConversationSummary, EndReason } from '../protocol/conversation.js';
import type { ConversationNote } from '../protocol/notes.js';
import { isReviewableSource, type HeldReply } from '../protocol/reply-review.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { RoutingService } from '../routing/routing-service.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import type { ConversationListeners, MessageEvent } from './conversation-events.js';
import type { ConversationParties } from './conversation-parties.js';
import type { ReplyGate } from './reply-gate.js';

/** What became of a message sent from an app: stored and published, or (an agent's reply) held for review. */
export type SentMessage = { event: ConversationEvent } | { held: HeldReply };

/** For a call that was answered: how long it was answered for, to show in the timeline. */
function talkTime(c: ConversationRecord, now: number): { talkMs?: number } {
  // A callback is dialled outside Switchboard: its talk time is not ours to measure.
  return c.channel === 'voice' && !c.source && c.answeredAt !== undefined ? { talkMs: Math.max(0, now - c.answeredAt) } : {};
}

export interface ConversationServiceDeps {
  store: Store;
  bus: Bus;
  routing: Pick<RoutingService, 'noteWaitingContact' | 'contactEnded'>;
  log: EventLogWriter;
  parties: ConversationParties;
  events: ConversationListeners;
  /** Holds agents' e-mail and channel replies that need review; without it none are held. */
  replyGate?: ReplyGate;
  /** Whether a chat has a call an agent placed to the visitor's browser: it holds and records like a voice call. */
  hasWebCall?: (conversationId: string) => boolean;
  clock?: () => number;
}

export class ConversationService {
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly routing: ConversationServiceDeps['routing'];
  private readonly log: EventLogWriter;
  private readonly parties: ConversationParties;
  private readonly events: ConversationListeners;
  private readonly replyGate: ReplyGate | undefined;
  private readonly hasWebCall: (conversationId: string) => boolean;
  private readonly clock: () => number;

  constructor(deps: ConversationServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.routing = deps.routing;
    this.log = deps.log;
    this.parties = deps.parties;
    this.events = deps.events;
    this.replyGate = deps.replyGate;
    this.hasWebCall = deps.hasWebCall ?? (() => false);
    this.clock = deps.clock ?? Date.now;
  }

  /**
   * A message from a party's app. An agent's e-mail or channel reply that needs review is held
   * instead (the customer gets nothing until a reviewer approves it); anything else is posted.
   */
  async send(actor: Actor, conversationId: string, text: string, clientId: string, attachmentIds: readonly string[] = []): Promise<SentMessage> {
    if (actor.kind === 'agent' && this.replyGate) {
      const conversation = await this.parties.authorize(actor, conversationId, 'write');
      if (isReviewableSource(conversation.source)) {
        // A retry of a reply that went out before review applied is that reply.
        const already = await this.store.conversations.findEventByClientId(conversationId, clientId);
        if (already) return { event: already };
        if (conversation.status === 'ended') throw new AppError('conversation-ended', 'this conversation has ended');
        const ids = [...new Set(attachmentIds)];
        if (!text.trim() && ids.length === 0) throw new AppError('invalid-input', 'a message needs text or a file');
        const held = await this.replyGate.holdIfReviewed(actor.agent, conversation, { text, clientId, attachments: await this.unsentFilesOf(actor, ids) });
        if (held) return { held };
      }
      return { event: await this.storeMessage(actor, conversation, text, clientId, attachmentIds, {}) };
    }
    return { event: await this.postMessage(actor, conversationId, text, clientId, attachmentIds) };
  }

  /**
   * Stores a message and publishes it to both parties. A retried `clientId` returns the
   * stored message without storing it again. `attachmentIds` are files the actor uploaded and
   * has not sent yet: the message carries them, or is refused and nothing changes. Agents'
   * replies from their app come through `send`, which holds those that need review.
   */
  async postMessage(actor: Actor, conversationId: string, text: string, clientId: string, attachmentIds: readonly string[] = []): Promise<ConversationEvent> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    return this.storeMessage(actor, conversation, text, clientId, attachmentIds, {});
  }

  /**
   * A held reply a reviewer approved, stored as its agent's message: it goes out exactly as an
   * unreviewed reply (the same `storing` listeners queue the mail or the channel's POST). `claim`
   * runs first in the message's transaction and throws when the reply was decided meanwhile, so
   * it is sent once or not at all. It goes out even after the conversation ended: agents often
   * close an e-mail thread once they have replied.
   */
  async postApproved(author: AgentRecord, conversationId: string, text: string, clientId: string, attachmentIds: readonly string[], claim: (tx: Store) => Promise<void>): Promise<ConversationEvent> {
    const conversation = await this.store.conversations.findById(conversationId);
    if (!conversation) throw new AppError('not-found', 'no such conversation');
    return this.storeMessage({ kind: 'agent', agent: author }, conversation, text, clientId, attachmentIds, { claim, evenIfEnded: true });
  }

  private async storeMessage(actor: Actor, conversation: ConversationRecord, text: string, clientId: string, attachmentIds: readonly string[], options: { claim?: (tx: Store) => Promise<void>; evenIfEnded?: boolean }): Promise<ConversationEvent> {
    const conversationId = conversation.id;
    const ids = [...new Set(attachmentIds)];
    if (!text.trim() && ids.length === 0) throw new AppError('invalid-input', 'a message needs text or a file');
    if (ids.length > 0 && !options.claim) {
      // A retried message with files: its files are sent now, so answer before checking them again.
      const already = await this.store.conversations.findEventByClientId(conversationId, clientId);
      if (already) return already;
    }
    const files = await this.unsentFilesOf(actor, ids);
    const body: ConversationEventBody = { type: 'message', author: partyOf(actor), text, clientId, ...(files.length ? { attachments: files } : {}) };
    let stored: { event: ConversationEvent; earlier: boolean };
    try {
      // Messages arriving together share a commit; each settles only once it is on disk.
      stored = await this.store.groupCommit(async (tx) => {
        if (options.claim) await options.claim(tx);
        // The retry check runs in the transaction too, so two copies racing cannot both be stored.
        const earlier = await tx.conversations.findEventByClientId(conversationId, clientId);
        if (earlier) return { event: earlier, earlier: true };
        if (conversation.status === 'ended' && !options.evenIfEnded) throw new AppError('conversation-ended', 'this conversation has ended');
        const event = await tx.conversations.appendEvent(conversationId, body, this.clock(), clientId);
        // A file another message took meanwhile fails the whole message: it is sent once or not at all.
        if (ids.length > 0 && (await tx.attachments.attach(ids, conversationId, event.seq)) !== ids.length) throw new AppError('invalid-input', 'a file was already sent');
        await this.events.run('storing', tx, conversation, event as MessageEvent);
        return { event, earlier: false };
      });
    } catch (error) {
      if (error instanceof AppError || options.claim) throw error;
      const raced = await this.store.conversations.findEventByClientId(conversationId, clientId);
      if (raced) return raced;
      throw error;
    }
    if (stored.earlier) return stored.event;
    const event = stored.event;
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    if (actor.kind === 'visitor') this.routing.noteWaitingContact(conversationId, { preview: text || files.map((f) => f.name).join(', ') });
    this.events.notify('posted', conversation, event as MessageEvent);
    return event;
  }

  /** The held replies of a conversation as this agent may see them (none without review). */
  async heldRepliesFor(actor: Actor, conversationId: string): Promise<HeldReply[]> {
    if (actor.kind !== 'agent' || !this.replyGate) return [];
    await this.parties.authorize(actor, conversationId, 'read');
    return this.replyGate.heldIn(actor.agent, conversationId);
  }

  /** The files `ids` as a message shows them, when each is the actor's and not sent yet. @throws AppError `invalid-input` otherwise. */
  private async unsentFilesOf(actor: Actor, ids: string[]) {
    if (ids.length === 0) return [];
    const found = await this.store.attachments.findMany(ids);
    const uploader = uploaderOf(actor);
    const mine = new Map(found.filter((f) => f.uploader === uploader && !f.conversationId).map((f) => [f.id, f]));
    if (mine.size !== ids.length) throw new AppError('invalid-input', 'no such file to send (upload it first, and send it once)');
    return ids.map((id) => {
      const f = mine.get(id)!;
      return { id: f.id, name: f.name, mimeType: f.mimeType, size: f.size };
    });
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
    this.events.notify('ended', conversation);
  }

  /**
   * Either party puts a call on hold or takes it off; the timeline and both sides show it.
   * @throws AppError `invalid-input` for a conversation that is not an answered call.
   */
  async hold(actor: Actor, conversationId: string, held: boolean): Promise<void> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    if (!this.isCall(conversation) || conversation.status !== 'active') throw new AppError('invalid-input', 'only an answered call can be put on hold');
    const now = this.clock();
    const by = partyOf(actor);
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversationId, { type: held ? 'call-held' : 'call-resumed', by }, now));
    this.log.append({ at: now, type: held ? LogType.callHeld : LogType.callResumed, conversationId, queueId: conversation.queueId, ...(conversation.agentId ? { agentId: conversation.agentId } : {}), data: { by: actor.kind } });
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    this.events.notify('held', conversation, held ? (actor.kind === 'visitor' ? 'visitor' : 'agent') : undefined);
  }

  /** Adds an event another service tracks (co-browsing) to the timeline, and tells the conversation's parties. */
  async record(conversation: ConversationRecord, body: ConversationEventBody): Promise<ConversationEvent> {
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversation.id, body, this.clock()));
    await this.parties.publish(conversation, { type: 'events', conversationId: conversation.id, events: [event] });
    return event;
  }

  /** A voice conversation, or a chat while an agent's web call to the visitor is on. */
  private isCall(conversation: ConversationRecord): boolean {
    return conversation.channel === 'voice' || this.hasWebCall(conversation.id);
  }

  /** The visitor allows or withdraws recording of their call; the timeline keeps the record of it. */
  async setRecordingConsent(visitorId: string, conversationId: string, given: boolean): Promise<void> {
    const conversation = await this.parties.authorize({ kind: 'visitor', visitorId }, conversationId, 'write');
    if (!this.isCall(conversation) || conversation.status === 'ended') throw new AppError('invalid-input', 'only a call in progress can be recorded');
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversationId, { type: 'recording-consent', given }, this.clock()));
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    this.events.notify('consent', conversation, given);
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
    this.events.notify('ended', conversation);
  }

  /** The conversations an agent has or had, newest first, as their app lists them. */
  listForAgent(agentId: string): Promise<ConversationSummary[]> {
    return this.store.conversations.summariesForAgent(agentId);
  }

  /** The visitor's conversations, as the widget lists them. */
  listForVisitor(visitorId: string): Promise<ConversationSummary[]> {
    return this.store.conversations.summariesForVisitor(visitorId);
  }

  /** Delivers every frame meant for the visitor (their conversations, calls, co-browsing); returns the function that stops it. */
  followVisitor(visitorId: string, deliver: (frame: ServerFrame) => void): () => void {
    return this.bus.subscribe(topics.visitor(visitorId), deliver);
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

  /**
   * Adds an event about the visitor (what the page reported they did) to their open conversation,
   * if they have one, and tells its parties. The visitor's widget is told too, so its timeline
   * has no gap to sync, and shows nothing for it.
   */
  async recordForVisitor(visitorId: string, body: ConversationEventBody): Promise<ConversationEvent | undefined> {
    const open = await this.store.conversations.findOpenForVisitor(visitorId);
    return open ? this.record(open, body) : undefined;
  }
}
