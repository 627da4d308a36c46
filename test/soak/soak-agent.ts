/**
 * One soak agent, doing what the agent app does: signed in over REST (the session cookie opens the
 * socket; signs in again if the session is gone), available, accepting every offer, answering
 * visitors' messages one at a time per chat (re-sent with the same id after a drop), finishing
 * wrap-up, and transferring a chat to a colleague when the run asks.
 */
import type { ConversationEvent } from '../../signaling/protocol/conversation.js';
import type { ClientFrame } from '../../signaling/protocol/client-frames.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import type { SoakLedger } from './soak-ledger.js';
import { SoakParty } from './soak-party.js';
import { signIn } from './soak-setup.js';

interface Reply {
  clientId: string;
  conversationId: string;
  text: string;
}

export interface AgentLogin {
  id: string;
  email: string;
  password: string;
  cookie: string;
}

export class SoakAgent extends SoakParty {
  /** Chats this agent handles now. */
  readonly chats = new Set<string>();
  private readonly replies = new Map<string, Reply>();
  private readonly inFlight = new Set<string>();
  private sent = 0;
  private acting = false;

  constructor(
    readonly index: number,
    private readonly login: AgentLogin,
    server: { url: string; origin: string },
    ledger: SoakLedger,
    /** Chance that a visitor's message gets an answer. */
    private readonly replyChance: number,
  ) {
    super(`a${index}`, server, ledger);
  }

  get id(): string {
    return this.login.id;
  }

  /** Begins answering (offers are always accepted; replies only while acting). */
  startActing(): void {
    this.acting = true;
  }

  stopActing(): void {
    this.acting = false;
  }

  protected socketUrl(): string {
    return `${this.server.url.replace('http', 'ws')}/ws/agent`;
  }

  protected socketHeaders(): Record<string, string> {
    return { Origin: this.server.origin, Cookie: this.login.cookie };
  }

  protected helloFrame(): ClientFrame {
    return { type: 'hello', protocol: 1 };
  }

  protected override async refused(status: string): Promise<void> {
    // The session is gone: sign in again, as the app's sign-in screen would.
    if (status === 'HTTP 401') await signIn(this.server, this.login).catch(() => {});
  }

  protected async welcomed(frame: Extract<ServerFrame, { type: 'welcome' }>): Promise<void> {
    if (frame.role !== 'agent') throw new Error('welcomed as a visitor');
    this.chats.clear();
    for (const c of frame.conversations) if (c.status === 'active' && c.agent?.id === this.id) this.chats.add(c.id);
    if (frame.status !== 'available') await this.socket!.request({ type: 'presence.set', id: this.newId('presence'), status: 'available' });
    if (frame.wrapUp) void this.finishWrapUp();
    for (const offer of frame.offers) void this.accept(offer.conversationId);
    for (const reply of this.replies.values()) void this.deliver(reply, false);
  }

  protected received(frame: ServerFrame): void {
    switch (frame.type) {
      case 'offer':
        return void this.accept(frame.offer.conversationId);
      case 'conversation': {
        const c = frame.conversation;
        if (c.status === 'active' && c.agent?.id === this.id) this.chats.add(c.id);
        else this.chats.delete(c.id);
        return;
      }
      case 'wrap-up':
        return void this.finishWrapUp();
      case 'presence':
        // The ACD pauses an agent who lets an offer expire; this one comes back at once.
        if (frame.status !== 'available' && this.connected) void this.socket?.request({ type: 'presence.set', id: this.newId('presence'), status: 'available' }).catch(() => {});
        return;
      case 'events':
        return this.answer(frame.conversationId, frame.events);
      default:
        return;
    }
  }

  /** Hands one of its chats (without a reply on the way) to a colleague or back to a queue; true when the server acked. */
  async transfer(to: { agentId: string } | { queueId: string }): Promise<boolean | undefined> {
    const conversationId = [...this.chats].find((id) => !this.replies.has(id));
    if (!conversationId || !this.socket || !this.connected) return undefined;
    const answer = await this.socket.request({ type: 'conversation.transfer', id: this.newId('transfer'), conversationId, to, note: `soak transfer from ${this.name}` });
    if (answer.type !== 'ack') return false;
    this.chats.delete(conversationId);
    return true;
  }

  /** Waits (bounded) until every reply this agent wrote is answered. */
  async settle(deadline: number): Promise<boolean> {
    while (Date.now() < deadline) {
      if (this.replies.size === 0 && this.connected) return true;
      // A reply whose answer never came (timed out) goes again, with the same id.
      if (this.connected) for (const reply of this.replies.values()) void this.deliver(reply, false);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  /** The timeline as the agent app reads it when it opens a chat: `sync` from 0. */
  fetchTimeline(conversationId: string): Promise<ConversationEvent[]> {
    return this.syncFromStart(conversationId);
  }

  private answer(conversationId: string, events: ConversationEvent[]): void {
    if (!this.acting || !this.chats.has(conversationId) || this.replies.has(conversationId)) return;
    // Live frames carry one event; a sync answer is history, not something to answer now.
    if (events.length !== 1 || events[0]!.type !== 'message' || events[0]!.author.kind !== 'visitor') return;
    if (Math.random() >= this.replyChance) return;
    const reply = { clientId: this.newId('reply'), conversationId, text: `${this.name} reply ${this.sent}` };
    this.replies.set(conversationId, reply);
    this.ledger.counts.messagesSent++;
    // A person takes a moment to type.
    setTimeout(() => void this.deliver(reply, true), 300 + Math.random() * 1200);
  }

  private async deliver(reply: Reply, first: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket || this.inFlight.has(reply.clientId)) return;
    if (!first) this.ledger.counts.messagesResent++;
    this.inFlight.add(reply.clientId);
    const sentAt = performance.now();
    try {
      const answer = await socket.request({ type: 'message.send', id: reply.clientId, conversationId: reply.conversationId, text: reply.text });
      if (answer.type === 'ack' && answer.seq !== undefined) {
        if (first) this.ledger.ackLatencies.push(performance.now() - sentAt);
        this.ledger.messageAcked(reply.conversationId, { clientId: reply.clientId, seq: answer.seq, author: 'agent', by: this.name });
        this.replies.delete(reply.conversationId);
      } else if (answer.type === 'error' && answer.reason !== 'rate-limited') {
        // Transferred away or ended meanwhile: never acked.
        this.ledger.refused(answer.reason);
        this.replies.delete(reply.conversationId);
      }
    } catch {
      // The socket went: the reply waits for the reconnect, which re-sends it with the same id.
    } finally {
      this.inFlight.delete(reply.clientId);
    }
  }

  private async accept(conversationId: string): Promise<void> {
    const answer = await this.socket?.request({ type: 'offer.accept', id: this.newId('accept'), conversationId }).catch(() => undefined);
    if (answer?.type === 'ack') {
      this.ledger.counts.offersAccepted++;
      this.chats.add(conversationId);
    }
  }

  private async finishWrapUp(): Promise<void> {
    await this.socket?.request({ type: 'wrap-up.done', id: this.newId('wrapup') }).catch(() => {});
  }

  private newId(kind: string): string {
    // Client ids are at least 8 characters.
    return `${this.name}-${kind}-${String(++this.sent).padStart(6, '0')}`;
  }
}
