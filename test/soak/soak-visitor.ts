/**
 * One soak visitor, doing what the widget does: a stored token, a chat started and ended, messages
 * sent one at a time and re-sent with the same id after a lost connection, reconnects with
 * back-off, and page reloads that fetch the whole history again (checked on the spot).
 */
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ClientFrame } from '../../signaling/protocol/client-frames.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import type { SoakLedger } from './soak-ledger.js';
import { SoakParty } from './soak-party.js';
import { checkTimeline } from './timeline-check.js';

export interface VisitorPace {
  /** Mean pause between two actions of one visitor. */
  actionMs: number;
  /** Chance that an action ends the chat (the visitor starts another one later). */
  endChance: number;
  /** A visitor starts at most this many chats (the widget lists the latest 20). */
  maxConversations: number;
}

interface Outgoing {
  clientId: string;
  conversationId: string;
  text: string;
}

export class SoakVisitor extends SoakParty {
  private token = '';
  private current: ConversationSummary | undefined;
  private started = 0;
  private sent = 0;
  private outbox: Outgoing | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  /** The latest summaries the server sent, by conversation (for the final check: who the agent is). */
  readonly summaries = new Map<string, ConversationSummary>();

  constructor(
    readonly index: number,
    server: { url: string; origin: string },
    ledger: SoakLedger,
    private readonly pace: VisitorPace,
  ) {
    super(`v${index}`, server, ledger);
  }

  /** A new visitor identity, as the widget asks for on its first page. */
  async register(): Promise<void> {
    const response = await fetch(`${this.server.url}/api/visitors`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: this.server.origin }, body: '{}' });
    if (!response.ok) throw new Error(`POST /api/visitors: ${response.status}`);
    this.token = ((await response.json()) as { token: string }).token;
  }

  protected socketUrl(): string {
    return `${this.server.url.replace('http', 'ws')}/ws/visitor`;
  }

  protected socketHeaders(): Record<string, string> {
    return { Origin: this.server.origin };
  }

  protected helloFrame(): ClientFrame {
    return { type: 'hello', protocol: 1, token: this.token };
  }

  protected async welcomed(frame: Extract<ServerFrame, { type: 'welcome' }>, reload: boolean): Promise<void> {
    if (frame.role !== 'visitor') throw new Error('welcomed as an agent');
    for (const c of frame.conversations) {
      this.summaries.set(c.id, c);
      // Started, though the ack was lost with the connection: the reconnect shows it.
      if (!c.source) this.ledger.conversationStarted(c.id, this.index);
    }
    this.current = frame.conversations.find((c) => c.status !== 'ended' && !c.source);
    if (reload && this.current) await this.checkHistory(this.current.id);
    if (this.outbox) await this.deliver(this.outbox, false);
  }

  protected received(frame: ServerFrame): void {
    if (frame.type !== 'conversation') return;
    this.summaries.set(frame.conversation.id, frame.conversation);
    if (frame.conversation.id === this.current?.id) this.current = frame.conversation;
  }

  /** Begins acting at random intervals until `stop`. */
  startActing(): void {
    // The chat opens soon after the page; then the visitor writes every so often.
    this.schedule(Math.random() * 2000);
  }

  stopActing(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Waits (bounded) until nothing this visitor sent is unanswered. */
  async settle(deadline: number): Promise<boolean> {
    while (Date.now() < deadline) {
      if (!this.busy && !this.outbox && this.connected) return true;
      if (this.outbox && !this.busy && this.connected) await this.deliver(this.outbox, false);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  private schedule(wait = this.pace.actionMs * (0.5 + Math.random())): void {
    this.timer = setTimeout(() => void this.act().finally(() => this.timer && this.schedule()), wait);
  }

  private async act(): Promise<void> {
    if (this.busy || !this.connected || !this.socket) return;
    this.busy = true;
    try {
      if (this.outbox) return await this.deliver(this.outbox, false);
      if (!this.current || this.current.status === 'ended') return await this.startChat();
      if (Math.random() < this.pace.endChance) return await this.endChat(this.current.id);
      this.outbox = { clientId: `${this.name}-message-${++this.sent}`, conversationId: this.current.id, text: `${this.name} message ${this.sent}` };
      this.ledger.counts.messagesSent++;
      await this.deliver(this.outbox, true);
    } catch {
      // A lost socket: the outbox keeps the message, and the reconnect re-sends it.
    } finally {
      this.busy = false;
    }
  }

  private async startChat(): Promise<void> {
    if (this.started >= this.pace.maxConversations) return;
    const answer = await this.socket!.request({ type: 'conversation.start', id: `${this.name}-start-${this.started + 1}-${Date.now()}`, page: { url: 'https://soak.example/', title: 'Soak' }, locale: 'en' });
    if (answer.type === 'error' || !answer.conversationId) return this.ledger.violation(`${this.name}: conversation.start refused: ${JSON.stringify(answer)}`);
    this.started++;
    this.ledger.conversationStarted(answer.conversationId, this.index);
    this.current = this.summaries.get(answer.conversationId) ?? ({ id: answer.conversationId, status: 'queued' } as ConversationSummary);
  }

  private async endChat(conversationId: string): Promise<void> {
    const answer = await this.socket!.request({ type: 'conversation.end', id: `${this.name}-end-${this.started}-${Date.now()}`, conversationId });
    if (answer.type === 'ack') this.ledger.counts.conversationsEnded++;
    this.current = undefined;
  }

  /** Sends (or re-sends, with the same id) the waiting message; keeps it when the socket goes. */
  private async deliver(message: Outgoing, first: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    if (!first) this.ledger.counts.messagesResent++;
    const sentAt = performance.now();
    const answer = await socket.request({ type: 'message.send', id: message.clientId, conversationId: message.conversationId, text: message.text });
    if (answer.type === 'ack' && answer.seq !== undefined) {
      if (first) this.ledger.ackLatencies.push(performance.now() - sentAt);
      this.ledger.messageAcked(message.conversationId, { clientId: message.clientId, seq: answer.seq, author: 'visitor', by: this.name });
      this.outbox = undefined;
    } else if (answer.type === 'error' && answer.reason !== 'rate-limited') {
      // Refused (the chat ended meanwhile): never acked, so nothing to find later.
      this.ledger.refused(answer.reason);
      this.outbox = undefined;
    }
  }

  /** A reload shows the whole history again: it must hold every message acked so far, once each. */
  private async checkHistory(conversationId: string): Promise<void> {
    const events = await this.fetchTimeline(conversationId);
    const { problems } = checkTimeline(`${this.name}'s reloaded`, conversationId, events, this.ledger.acked.get(conversationId) ?? [], true);
    for (const p of problems) this.ledger.violation(p);
    this.ledger.counts.reloadChecks++;
  }

  /** The timeline as the widget reads it after a reload: `sync` from 0. */
  fetchTimeline(conversationId: string): Promise<ConversationEvent[]> {
    return this.syncFromStart(conversationId);
  }
}
