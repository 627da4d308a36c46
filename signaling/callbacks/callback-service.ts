/**
 * Callbacks: a visitor leaves a number and a time (as soon as possible, or a slot in the
 * queue's business hours); when it falls due it becomes a voice contact in the ACD, and the
 * agent who gets it dials the number and records the outcome. Unanswered calls are retried
 * by the queue's policy. Everything is stored first, so a restart loses no callback.
 */
import { randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { bookableSlots, isBookableSlot, isOpen, nextOpening } from '../acd/business-hours.js';
import { CALLBACK_DAYS_AHEAD, CALLBACK_SLOT_MINUTES, DEFAULT_SOON_MS, type CallbackRequest, type CallbackView, type QueueStatus } from '../protocol/contact-options.js';
import type { CallbackOutcome } from '../protocol/conversation.js';
import type { CallbackRecord } from '../store/callbacks-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { ContactOptions, QueueRecord } from '../store/queues-repo.js';
import type { RoutingService } from '../routing/routing-service.js';
import type { Store } from '../store/store.js';
import { partyOf, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { Listeners } from '../kernel/listeners.js';
import { OutboxPump } from '../kernel/outbox-pump.js';
import type { QueuePlacement } from '../conversations/queue-placement.js';

const SLOT_OPTIONS = { stepMinutes: CALLBACK_SLOT_MINUTES, days: CALLBACK_DAYS_AHEAD };
/** "Retry at" may be set up to two weeks ahead. */
const MAX_RETRY_AHEAD_MS = 14 * 86_400_000;

export const toCallbackView = (c: CallbackRecord): CallbackView => ({ id: c.id, phone: c.phone, asap: c.asap, dueAt: c.dueAt, status: c.status, attempts: c.attempts });

/**
 * The number in E.164, read with the region of the visitor's language as the default country
 * (so "030 1234567" from a de-DE browser is Berlin). @throws AppError `invalid-input`.
 */
export function normalizePhone(input: string, locale?: string): string {
  const region = locale?.split('-')[1]?.toUpperCase();
  const parsed = parsePhoneNumberFromString(input, region && /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined);
  if (!parsed?.isValid()) throw new AppError('invalid-input', 'not a valid phone number; include the country code, for example +44 20 7946 0018', [{ path: 'phone', message: 'invalid phone number' }]);
  return parsed.number;
}

export interface CallbackEvents {
  /** A callback became a contact in the ACD. */
  due(callback: CallbackView, conversation: ConversationRecord): void;
}

export class CallbackListeners extends Listeners<CallbackEvents> {}

export interface CallbackServiceDeps {
  store: Store;
  conversations: ConversationService;
  placement: Pick<QueuePlacement, 'open'>;
  parties: ConversationParties;
  routing: Pick<RoutingService, 'queueNow' | 'answersSoon'>;
  events: CallbackListeners;
  /** Where changes to queues' callback policy are recorded. */
  audit: AuditTrail;
  clock?: () => number;
}

export class CallbackService {
  /** Files due callbacks one at a time and wakes for the next due one: the scheduler the outboxes use. */
  private readonly schedule: OutboxPump<CallbackRecord>;
  private readonly store: Store;
  private readonly conversations: ConversationService;
  private readonly placement: CallbackServiceDeps['placement'];
  private readonly parties: ConversationParties;
  private readonly routing: CallbackServiceDeps['routing'];
  private readonly events: CallbackListeners;
  private readonly audit: AuditTrail;
  private readonly clock: () => number;

  constructor(deps: CallbackServiceDeps) {
    this.store = deps.store;
    this.conversations = deps.conversations;
    this.placement = deps.placement;
    this.parties = deps.parties;
    this.routing = deps.routing;
    this.events = deps.events;
    this.audit = deps.audit;
    this.clock = deps.clock ?? Date.now;
    const store = deps.store;
    this.schedule = new OutboxPump('callbacks', { due: (at) => store.callbacks.due(at), nextAttemptAt: () => store.callbacks.nextDueAt(), deliver: (cb) => this.fire(cb) }, this.clock);
  }

  /** Starts the schedule: callbacks that fell due while the server was down are queued now. */
  async start(): Promise<void> {
    await this.store.callbacks.rescheduleOrphans();
    this.schedule.kick();
  }

  destroy(): void {
    this.schedule.stop();
  }

  /** Resolves once due callbacks have been queued; for tests. */
  settled(): Promise<void> {
    return this.schedule.idle();
  }

  /** What the widget needs to choose between a chat and its alternatives: open, staffed, the wait, bookable times. */
  async queueStatus(slug: string | undefined): Promise<QueueStatus> {
    const queue = await this.queueNamed(slug);
    const now = this.routing.queueNow(queue.id);
    const options = (await this.store.queues.contactOptions(queue.id))!;
    const open = isOpen(queue.hours, this.clock());
    const soonMs = options.offerAlternativesAfterMs ?? DEFAULT_SOON_MS;
    const soon = (channel: 'chat' | 'voice') => open && this.routing.answersSoon(queue.id, channel, soonMs);
    return {
      queue: { slug: queue.slug, name: queue.name },
      open,
      agentsAvailable: now.agentsAvailable,
      ...(now.estimatedWaitMs !== undefined ? { estimatedWaitMs: now.estimatedWaitMs } : {}),
      ...(options.offerAlternativesAfterMs !== undefined ? { offerAlternativesAfterMs: options.offerAlternativesAfterMs } : {}),
      answerSoon: { chat: soon('chat'), voice: soon('voice') },
      callbackSlots: bookableSlots(queue.hours, this.clock(), SLOT_OPTIONS),
      ...(queue.preChatForm?.enabled ? { preChatForm: queue.preChatForm } : {}),
    };
  }

  /** A queue's callback policy and alternatives threshold. @throws AppError `not-found`. */
  async policyOf(queueId: string): Promise<ContactOptions> {
    const options = await this.store.queues.contactOptions(queueId);
    if (!options) throw new AppError('not-found', 'no such queue');
    return options;
  }

  /** Replaces a queue's callback policy; a null or absent threshold turns the offer of alternatives off. @throws AppError `not-found`. */
  async setPolicy(actor: Actor, queueId: string, input: { offerAlternativesAfterMs?: number | null | undefined; callbackRetryMs: number; callbackMaxAttempts: number }): Promise<ContactOptions> {
    const before = await this.store.queues.contactOptions(queueId);
    if (!before) throw new AppError('not-found', 'no such queue');
    const { offerAlternativesAfterMs, ...rest } = input;
    const after = { ...rest, ...(offerAlternativesAfterMs != null ? { offerAlternativesAfterMs } : {}) };
    await this.store.transaction(async (tx) => {
      await tx.queues.setContactOptions(queueId, after);
      await this.audit.record(auditActorOf(actor), 'callback-policy.changed', { type: 'queue', id: queueId }, { from: before, to: after }, tx);
    });
    return this.policyOf(queueId);
  }

  private async queueNamed(slug: string | undefined): Promise<QueueRecord> {
    const queue = await this.store.queues.findBySlugOrDefault(slug);
    if (!queue) throw new AppError('not-found', 'no queue is configured');
    return queue;
  }

  /**
   * Books a callback. Retrying with the same `id` returns the same callback.
   * @throws AppError `invalid-input` for a bad number or a time that is past, too far, or closed.
   */
  async request(visitorId: string, req: CallbackRequest): Promise<CallbackView> {
    const earlier = await this.store.callbacks.findByClientId(visitorId, req.id);
    if (earlier) return toCallbackView(earlier);
    const phone = normalizePhone(req.phone, req.locale);
    const queue = await this.queueNamed(req.queue);
    const now = this.clock();
    let dueAt: number;
    if (req.when === 'asap') {
      const opening = nextOpening(queue.hours, now);
      if (opening === undefined) throw new AppError('invalid-input', 'this queue takes no callbacks in the next two weeks');
      dueAt = opening;
    } else {
      const problem = isBookableSlot(queue.hours, now, req.when, SLOT_OPTIONS);
      if (problem) throw new AppError('invalid-input', SLOT_PROBLEM[problem], [{ path: 'when', message: problem }]);
      dueAt = req.when;
    }
    const record: CallbackRecord = {
      id: randomUUID(),
      visitorId,
      queueId: queue.id,
      phone,
      asap: req.when === 'asap',
      dueAt,
      status: 'scheduled',
      attempts: 0,
      clientId: req.id,
      context: { ...(req.name ? { name: req.name } : {}), ...(req.locale ? { locale: req.locale } : {}), ...(req.page ? { page: req.page } : {}) },
      createdAt: now,
    };
    try {
      await this.store.transaction(async (tx) => {
        await tx.callbacks.insert(record);
        await tx.visitors.identify(visitorId, { phone, ...(req.name ? { name: req.name } : {}) });
      });
    } catch (error) {
      const raced = await this.store.callbacks.findByClientId(visitorId, req.id);
      if (raced) return toCallbackView(raced);
      throw error;
    }
    this.schedule.kick();
    return toCallbackView(record);
  }

  async pendingFor(visitorId: string): Promise<CallbackView[]> {
    return (await this.store.callbacks.pendingForVisitor(visitorId)).map(toCallbackView);
  }

  /**
   * The visitor cancels. A callback already with an agent cannot be: they are dialling.
   * @throws AppError `not-found` for another visitor's callback, `invalid-input` when too late.
   */
  async cancel(visitorId: string, id: string): Promise<CallbackView> {
    const callback = await this.store.callbacks.findById(id);
    if (!callback || callback.visitorId !== visitorId) throw new AppError('not-found', 'no such callback');
    if (callback.status === 'cancelled') return toCallbackView(callback);
    const conversation = callback.conversationId ? await this.store.conversations.findById(callback.conversationId) : undefined;
    if (callback.status === 'queued' && conversation?.status === 'active') throw new AppError('invalid-input', 'an agent is calling you now');
    if (!(await this.store.callbacks.transition(id, ['scheduled', 'queued'], { status: 'cancelled' }))) throw new AppError('invalid-input', 'this callback has already taken place');
    if (conversation && conversation.status === 'queued') await this.conversations.end({ kind: 'visitor', visitorId }, conversation.id);
    return toCallbackView((await this.store.callbacks.findById(id))!);
  }

  /**
   * The agent's result of the call: recorded in the timeline, the conversation ends (wrap-up
   * follows), and an unanswered call is scheduled again by the queue's policy.
   * @throws AppError `invalid-input` when it is not their callback in progress, or `retryAt` is unusable.
   */
  async recordOutcome(actor: Actor, conversationId: string, outcome: CallbackOutcome, retryAt?: number): Promise<CallbackView> {
    if (actor.kind !== 'agent') throw new AppError('forbidden', 'only agents record call outcomes');
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    const callback = await this.store.callbacks.findByConversation(conversationId);
    if (!callback || conversation.status !== 'active' || conversation.agentId !== actor.agent.id || callback.status !== 'queued') {
      throw new AppError('invalid-input', 'only the agent handling a callback can record its outcome, once');
    }
    const now = this.clock();
    const policy = (await this.store.queues.contactOptions(callback.queueId))!;
    let next: { status: 'scheduled'; dueAt: number } | { status: 'done' | 'failed' };
    if (outcome === 'retry') {
      if (retryAt === undefined || retryAt <= now || retryAt > now + MAX_RETRY_AHEAD_MS) throw new AppError('invalid-input', 'retry at must be a time in the next two weeks', [{ path: 'retryAt', message: 'out of range' }]);
      next = { status: 'scheduled', dueAt: retryAt };
    } else if (outcome === 'no-answer') {
      const queue = await this.store.queues.findById(callback.queueId);
      const again = callback.attempts < policy.callbackMaxAttempts ? nextOpening(queue?.hours, now + policy.callbackRetryMs) : undefined;
      next = again === undefined ? { status: 'failed' } : { status: 'scheduled', dueAt: again };
    } else {
      next = { status: outcome === 'reached' ? 'done' : 'failed' };
    }
    if (!(await this.store.callbacks.transition(callback.id, ['queued'], next))) throw new AppError('invalid-input', 'this callback has changed meanwhile');
    await this.conversations.record(conversation, { type: 'callback-outcome', outcome, by: partyOf(actor), ...(next.status === 'scheduled' ? { retryAt: next.dueAt } : {}) });
    await this.conversations.end(actor, conversationId);
    if (next.status === 'scheduled') this.schedule.kick();
    return toCallbackView((await this.store.callbacks.findById(callback.id))!);
  }

  /** A callback's conversation ended without an outcome: the system ended it (closed, waited too long), so it is tried again. */
  async conversationEnded(c: ConversationRecord): Promise<void> {
    if (c.source !== 'callback') return;
    const callback = await this.store.callbacks.findByConversation(c.id);
    if (callback?.status !== 'queued') return;
    const answered = (await this.store.conversations.findById(c.id))?.answeredAt !== undefined;
    const policy = (await this.store.queues.contactOptions(callback.queueId))!;
    const queue = await this.store.queues.findById(callback.queueId);
    const again = !answered && callback.attempts < policy.callbackMaxAttempts ? nextOpening(queue?.hours, this.clock() + policy.callbackRetryMs) : undefined;
    await this.store.callbacks.transition(callback.id, ['queued'], again === undefined ? { status: answered ? 'done' : 'failed' } : { status: 'scheduled', dueAt: again });
    if (again !== undefined) this.schedule.kick();
  }

  private async fire(callback: CallbackRecord): Promise<void> {
    const attempt = callback.attempts + 1;
    // Claim it first: a visitor cancelling at this moment wins or loses cleanly.
    if (!(await this.store.callbacks.transition(callback.id, ['scheduled'], { status: 'queued', attempts: attempt }))) return;
    let conversation: ConversationRecord;
    try {
      conversation = await this.opened(callback, attempt);
    } catch (error) {
      // Not filed (the database hiccuped): put it back in the schedule for a minute from now.
      await this.store.callbacks.transition(callback.id, ['queued'], { status: 'scheduled', attempts: callback.attempts, dueAt: this.clock() + 60_000 });
      throw error;
    }
    await this.store.callbacks.transition(callback.id, ['queued'], { status: 'queued', conversationId: conversation.id });
    const fired = { ...callback, status: 'queued' as const, attempts: attempt, conversationId: conversation.id };
    this.events.notify('due', toCallbackView(fired), conversation);
  }

  private opened(callback: CallbackRecord, attempt: number): Promise<ConversationRecord> {
    return this.placement.open({
      visitorId: callback.visitorId,
      queueId: callback.queueId,
      channel: 'voice',
      source: 'callback',
      startClientId: `callback-${callback.id}-${attempt}`,
      ...(callback.context.locale ? { locale: callback.context.locale } : {}),
      ...(callback.context.page ? { page: callback.context.page } : {}),
      events: [{ type: 'callback', phone: callback.phone, attempt, requestedAt: callback.createdAt, asap: callback.asap, ...(callback.context.page ? { page: callback.context.page } : {}) }],
    });
  }
}

const SLOT_PROBLEM = {
  past: 'that time has passed; pick a later one',
  'too-far': `callbacks can be booked up to ${CALLBACK_DAYS_AHEAD} days ahead`,
  'not-a-slot': `callbacks start on the ${CALLBACK_SLOT_MINUTES}-minute mark`,
  closed: 'that time is outside the business hours of this queue',
} as const;
