/**
 * Calling a visitor back on the web: an agent working a visitor's chat rings the visitor's widget,
 * the visitor accepts (the chat gets an ordinary call, see CallService.startWebCall) or declines,
 * and a declined or unanswered ring is written into the timeline. The visitor can turn such calls off.
 */
import { topics, type Bus } from '../bus/bus.js';
import { partyOf, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ErrorReason } from '../protocol/errors.js';
import { WEB_CALL_RING_MS, type WebCallAvailability, type WebCallOutcome, type WebCallRingEnd, type WebCallUnavailable } from '../protocol/web-call.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import type { CallService } from './call-service.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('web-calls');

/** The error a refused call answers with, per reason it is unavailable. */
const REFUSAL: Record<WebCallUnavailable, { reason: ErrorReason; message: string }> = {
  'not-connected': { reason: 'visitor-not-connected', message: 'the visitor is not on the site now (their widget is not connected)' },
  'calls-off': { reason: 'web-calls-off', message: 'the visitor turned calls from agents off' },
  'in-call': { reason: 'call-in-progress', message: 'this conversation already has a call, or one ringing' },
  'not-active': { reason: 'conversation-ended', message: 'only a conversation being worked can place a call' },
};

interface Ring {
  conversation: ConversationRecord;
  agent: AgentRecord;
  expiresAt: number;
  timer: ReturnType<typeof setTimeout>;
}

export interface WebCallServiceDeps {
  store: Store;
  bus: Bus;
  calls: Pick<CallService, 'startWebCall' | 'hasCall' | 'endWebCall'>;
  parties: ConversationParties;
  conversations: Pick<ConversationService, 'record'>;
  clock?: () => number;
  /** How long the widget rings; WEB_CALL_RING_MS unless a test says otherwise. */
  ringMs?: number;
}

export class WebCallService {
  /** Open visitor sockets on this node, per visitor: "on the site now". */
  private readonly connected = new Map<string, number>();
  /** Calls ringing in a widget, by conversation. */
  private readonly rings = new Map<string, Ring>();
  private readonly deps: WebCallServiceDeps;
  private readonly clock: () => number;
  private readonly ringMs: number;

  constructor(deps: WebCallServiceDeps) {
    this.deps = deps;
    this.clock = deps.clock ?? Date.now;
    this.ringMs = deps.ringMs ?? WEB_CALL_RING_MS;
  }

  /** A visitor's widget said hello; returns the function its socket calls when it closes. */
  visitorConnected(visitorId: string): () => void {
    this.connected.set(visitorId, (this.connected.get(visitorId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.connected.get(visitorId) ?? 1) - 1;
      if (left > 0) this.connected.set(visitorId, left);
      else this.connected.delete(visitorId);
    };
  }

  /** Whether `actor` could call the visitor of this conversation in the browser now, and if not why. @throws AppError `not-found` for outsiders. */
  async availability(actor: Actor & { kind: 'agent' }, conversationId: string): Promise<WebCallAvailability> {
    return this.check(await this.authorizeCaller(actor, conversationId));
  }

  /**
   * Rings the visitor's widget for `RING_MS`. @throws AppError `not-found` (not the agent's
   * conversation), `visitor-not-connected`, `web-calls-off`, `call-in-progress`, `conversation-ended`.
   */
  async place(actor: Actor & { kind: 'agent' }, conversationId: string): Promise<{ expiresAt: number }> {
    const conversation = await this.authorizeCaller(actor, conversationId);
    const { available, reason } = await this.check(conversation);
    // Checked again after the awaits above: a second press (or a colleague's) that passed the
    // same check meanwhile must not ring twice and leave the first ring's timer behind.
    const unavailable = !available ? reason! : this.rings.has(conversationId) || this.deps.calls.hasCall(conversationId) ? 'in-call' : undefined;
    if (unavailable) {
      const refusal = REFUSAL[unavailable];
      throw new AppError(refusal.reason, refusal.message);
    }
    const expiresAt = this.clock() + this.ringMs;
    const timer = setTimeout(() => void this.stopRinging(conversationId, 'unanswered').catch((err: unknown) => log.error({ conversationId, err }, 'could not record an unanswered call')), this.ringMs);
    timer.unref();
    this.rings.set(conversationId, { conversation, agent: actor.agent, expiresAt, timer });
    this.deps.bus.publish(topics.visitor(conversation.visitorId), this.ringFrame(conversationId)!);
    return { expiresAt };
  }

  /** The calls ringing for this visitor, for a widget that (re)connects while one rings. */
  ringsForVisitor(visitorId: string): ServerFrame[] {
    return [...this.rings.entries()].filter(([, r]) => r.conversation.visitorId === visitorId).map(([id]) => this.ringFrame(id)!);
  }

  /** The visitor accepted (the call starts) or declined (the timeline says so). @throws AppError `not-found` when nothing rings for them there. */
  async answer(visitorId: string, conversationId: string, accept: boolean): Promise<void> {
    const ring = this.rings.get(conversationId);
    if (!ring || ring.conversation.visitorId !== visitorId) throw new AppError('not-found', 'no call is ringing in this conversation');
    if (!accept) return void (await this.stopRinging(conversationId, 'declined'));
    this.clearRing(conversationId, 'answered');
    const current = await this.deps.store.conversations.findById(conversationId);
    if (current?.status !== 'active') throw new AppError('conversation-ended', 'the conversation ended while the call rang');
    this.deps.calls.startWebCall(current, ring.agent);
  }

  /**
   * Either party hangs up: a ringing call stops (recorded as unanswered), an answered one ends;
   * the chat goes on. @throws AppError `not-found` for outsiders, `invalid-input` when there is no web call.
   */
  async hangUp(actor: Actor, conversationId: string): Promise<void> {
    // The caller may stop their own ring even from a conversation they do not work (a supervisor's call).
    const ring = this.rings.get(conversationId);
    const caller = actor.kind === 'agent' && ring?.agent.id === actor.agent.id;
    if (!caller) await this.deps.parties.authorize(actor, conversationId, 'write');
    if (ring) return void (await this.stopRinging(conversationId, actor.kind === 'visitor' ? 'declined' : 'unanswered', actor.kind === 'visitor' ? 'declined' : 'cancelled'));
    if (!this.deps.calls.endWebCall(conversationId)) throw new AppError('invalid-input', 'no web call to hang up here (a voice conversation ends with conversation.end)');
  }

  /** The visitor turns calls from agents off (or back on); any call ringing for them stops as declined. */
  async setCallsOff(visitorId: string, off: boolean): Promise<void> {
    await this.deps.store.visitors.setWebCallsOff(visitorId, off);
    this.deps.bus.publish(topics.visitor(visitorId), { type: 'web-call.settings', off });
    if (!off) return;
    for (const [id, ring] of [...this.rings]) if (ring.conversation.visitorId === visitorId) await this.stopRinging(id, 'declined');
  }

  /** The conversation ended: a call ringing in it stops, without a record (the end is the record). */
  conversationEnded(c: ConversationRecord): void {
    if (this.rings.has(c.id)) this.clearRing(c.id, 'cancelled');
  }

  destroy(): void {
    for (const ring of this.rings.values()) clearTimeout(ring.timer);
    this.rings.clear();
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** Agents may call from their own conversations (or ones they joined); supervisors from any. Outsiders learn nothing. */
  private async authorizeCaller(actor: Actor & { kind: 'agent' }, conversationId: string): Promise<ConversationRecord> {
    const conversation = await this.deps.store.conversations.findById(conversationId);
    const allowed = conversation && (actor.agent.role !== 'agent' || (await this.deps.parties.may(actor, conversation, 'write')));
    if (!allowed) throw new AppError('not-found', 'no such conversation');
    return conversation;
  }

  private async check(conversation: ConversationRecord): Promise<WebCallAvailability> {
    const no = (reason: WebCallUnavailable): WebCallAvailability => ({ available: false, reason });
    if (conversation.status !== 'active') return no('not-active');
    if (this.deps.calls.hasCall(conversation.id) || this.rings.has(conversation.id)) return no('in-call');
    if (!this.connected.has(conversation.visitorId)) return no('not-connected');
    if ((await this.deps.store.visitors.findById(conversation.visitorId))?.webCallsOff) return no('calls-off');
    return { available: true };
  }

  /** Ends a ring without an answer: the timeline records it, and both sides stop ringing. */
  private async stopRinging(conversationId: string, outcome: WebCallOutcome, told: WebCallRingEnd = outcome): Promise<void> {
    const ring = this.clearRing(conversationId, told);
    if (ring) await this.deps.conversations.record(ring.conversation, { type: 'web-call', outcome, agent: partyOf({ kind: 'agent', agent: ring.agent }) });
  }

  private clearRing(conversationId: string, reason: WebCallRingEnd): Ring | undefined {
    const ring = this.rings.get(conversationId);
    if (!ring) return undefined;
    clearTimeout(ring.timer);
    this.rings.delete(conversationId);
    const frame: ServerFrame = { type: 'web-call.ring-ended', conversationId, reason };
    this.deps.bus.publish(topics.visitor(ring.conversation.visitorId), frame);
    this.deps.bus.publish(topics.agent(ring.agent.id), frame);
    return ring;
  }

  private ringFrame(conversationId: string): ServerFrame | undefined {
    const ring = this.rings.get(conversationId);
    return ring && { type: 'web-call.ring', conversationId, agentName: ring.agent.name, expiresAt: ring.expiresAt };
  }
}
