/**
 * The visitor's side of one chat, without any UI: identity, the socket, the current
 * conversation and its timeline, the outbox, queue position and typing. Views read
 * `state` and listen for `change`; public API events are reported through `onPublicEvent`.
 */
import type { CallView } from '../../signaling/protocol/call.js';
import type { CobrowseView } from '../../signaling/protocol/cobrowse.js';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { VisitorFrame } from '../../signaling/protocol/client-frames.js';
import type { ErrorReason } from '../../signaling/protocol/errors.js';
import { ConnectionStatus, ProtocolClient, ProtocolError, type MinimalSocket } from '../../signaling/protocol/protocol-client.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import { mergeTimeline } from '../../signaling/protocol/timeline.js';
import { PROTOCOL_VERSION } from '../../signaling/protocol/version.js';
import type { IdentifyFields, SwitchboardEventName, SwitchboardEvents } from '../loader/api-types.js';
import { storageKeys } from '../loader/storage-keys.js';
import { newClientId } from './client-id.js';
import { Outbox, type OutboxItem } from './outbox.js';
import { assertNever } from '../../ui/assert-never.js';

export interface ChatState {
  connection: ConnectionStatus;
  /** Why the chat stopped for good, when it did. */
  fatal?: ErrorReason;
  conversation?: ConversationSummary;
  /** The conversation's timeline, by seq, without duplicates. */
  events: ConversationEvent[];
  /** Messages typed but not acknowledged yet. */
  outbox: readonly OutboxItem[];
  queue?: { position: number; agentsAvailable: number; estimatedWaitMs?: number };
  agentTyping?: { name?: string };
  /** The last error to show the visitor, cleared by the next successful send. */
  error?: ErrorReason;
  /** The visitor's call, as the server last described it (with their peer credentials). */
  call?: CallView;
  /** Co-browsing in the current conversation: asked, shared, or just ended (with why). */
  cobrowse?: CobrowseView;
}

export interface ChatSessionOptions {
  serverUrl: string;
  queue?: string;
  storage?: Storage;
  createSocket?: (url: string) => MinimalSocket;
}

const AGENT_TYPING_TIMEOUT_MS = 6000;

export class ChatSession extends EventTarget {
  state: ChatState;
  /** Public API events (message, agent-joined, conversation-ended). */
  onPublicEvent: <E extends SwitchboardEventName>(event: E, detail: SwitchboardEvents[E]) => void = () => {};
  private readonly client: ProtocolClient<VisitorFrame>;
  private readonly keys: ReturnType<typeof storageKeys>;
  private readonly outbox: Outbox;
  private token: string | undefined;
  /** The request for a new identity while one is in flight. */
  private issuing: Promise<void> | undefined;
  private flushing = false;
  /** Events up to this seq were already there when we connected: not announced as new. */
  private announcedSeq = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ChatSessionOptions) {
    super();
    this.keys = storageKeys(options.serverUrl);
    this.outbox = new Outbox(options.storage, this.keys.outbox);
    this.token = this.read(this.keys.token);
    this.state = { connection: ConnectionStatus.connecting, events: [], outbox: this.outbox.items };
    const wsUrl = options.serverUrl.replace(/^http/, 'ws') + '/ws/visitor';
    this.client = new ProtocolClient<VisitorFrame>({
      url: async () => {
        await this.ensureToken();
        return wsUrl;
      },
      hello: () => ({ type: 'hello', protocol: PROTOCOL_VERSION, ...(this.token ? { token: this.token } : {}) }),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
    this.client.onStatus((connection) => {
      this.update({ connection, ...(this.client.fatalReason ? { fatal: this.client.fatalReason } : {}) });
      if (this.client.fatalReason === 'not-authenticated') this.forgetToken();
    });
    this.client.onFrame((frame) => this.receive(frame));
  }

  start(): void {
    this.client.connect();
  }

  /** Queues a message and sends it as soon as a conversation and a connection allow. */
  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.outbox.add({ clientId: newClientId(), text: trimmed, createdAt: Date.now() });
    this.update({ outbox: this.outbox.items });
    void this.flush();
  }

  typing(isTyping: boolean): void {
    const id = this.openConversationId();
    if (id) this.client.notify({ type: 'typing', conversationId: id, isTyping });
  }

  /** Marks everything shown as read (call when the panel is open and visible). */
  markRead(): void {
    const c = this.state.conversation;
    const last = this.state.events.at(-1);
    if (c && last && last.seq > c.visitorReadSeq) {
      this.client.notify({ type: 'read', conversationId: c.id, seq: last.seq });
      this.update({ conversation: { ...c, visitorReadSeq: last.seq } });
    }
  }

  /** Agent messages the visitor has not read. */
  unreadCount(): number {
    const readSeq = this.state.conversation?.visitorReadSeq ?? 0;
    return this.state.events.filter((e) => e.type === 'message' && e.author.kind === 'agent' && e.seq > readSeq).length;
  }

  async end(): Promise<void> {
    const id = this.openConversationId();
    if (!id) return;
    await this.client.request({ type: 'conversation.end', id: newClientId(), conversationId: id });
  }

  /** Rates the ended conversation (1-5). */
  async rate(rating: number): Promise<void> {
    const c = this.state.conversation;
    if (!c || c.status !== 'ended' || c.rating !== undefined) return;
    this.update({ conversation: { ...c, rating } });
    await this.client.request({ type: 'conversation.rate', id: newClientId(), conversationId: c.id, rating }).catch(() => {});
  }

  /**
   * Starts a call: a voice conversation in the queue. The page must hold the microphone
   * already (asked when the visitor pressed Call). Resolves with the conversation id.
   */
  async startCall(): Promise<string> {
    const ack = await this.client.request({ type: 'call.start', id: newClientId(), ...this.startContext() });
    return ack.conversationId!;
  }

  /** Puts the call on hold or takes it off; the agent sees it too. */
  async hold(held: boolean): Promise<void> {
    const id = this.state.call?.conversationId;
    if (id) await this.client.request({ type: 'call.hold', id: newClientId(), conversationId: id, held });
  }

  /** Allows the agent to record this call, or withdraws that. */
  async consentToRecording(recording: boolean): Promise<void> {
    const id = this.state.call?.conversationId;
    if (id) await this.client.request({ type: 'call.consent', id: newClientId(), conversationId: id, recording });
  }

  /** Shares this page with the agent: answering their request, or offering it. */
  async shareCobrowse(): Promise<void> {
    await this.cobrowseFrame('cobrowse.accept');
  }

  async declineCobrowse(): Promise<void> {
    await this.cobrowseFrame('cobrowse.decline');
  }

  async stopCobrowse(): Promise<void> {
    await this.cobrowseFrame('cobrowse.stop');
  }

  /** Answers the agent's request for remote control, or takes control back. */
  async setCobrowseControl(allowed: boolean): Promise<void> {
    const id = this.openConversationId();
    if (id) await this.client.request({ type: 'cobrowse.control', id: newClientId(), conversationId: id, allowed });
  }

  /** The server no longer knows the co-browse session (it restarted): drop it here too. */
  forgetCobrowse(): void {
    this.update({ cobrowse: undefined });
  }

  private async cobrowseFrame(type: 'cobrowse.accept' | 'cobrowse.decline' | 'cobrowse.stop'): Promise<void> {
    const id = this.openConversationId();
    if (id) await this.client.request({ type, id: newClientId(), conversationId: id });
  }

  /** Leaves an ended conversation's view; the next message starts a new one. */
  startNew(): void {
    this.write(this.keys.active, undefined);
    this.announcedSeq = 0;
    this.update({ conversation: undefined, events: [], queue: undefined, agentTyping: undefined, call: undefined, cobrowse: undefined });
  }

  identify(fields: IdentifyFields): void {
    // Sent as soon as the socket is open; a frame waiting for it is re-sent after a reconnect.
    this.client.request({ type: 'visitor.identify', id: newClientId(), ...fields }).catch((error: unknown) => {
      if (error instanceof ProtocolError) console.warn(`Switchboard.identify: ${error.message}`);
    });
  }

  /** Tells the agent's screen pop where the visitor is: this page, where they came from, their language and clock. */
  private reportPage(): void {
    const referrer = document.referrer && new URL(document.referrer).origin !== location.origin ? document.referrer.slice(0, 2048) : undefined;
    this.client.notify({
      type: 'visitor.context',
      page: { url: location.href.slice(0, 2048), title: document.title.slice(0, 512) },
      ...(referrer ? { referrer } : {}),
      language: navigator.language.slice(0, 35),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  }

  /** The visitor's signed identity, for the REST calls of the widget's other contact options. */
  async visitorToken(): Promise<string> {
    await this.ensureToken();
    return this.token!;
  }

  destroy(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.client.close();
  }

  private openConversationId(): string | undefined {
    const c = this.state.conversation;
    return c && c.status !== 'ended' ? c.id : undefined;
  }

  /**
   * Gets a visitor identity once. The socket and the REST calls may both ask at the same time:
   * they share one request, or the second identity would replace the first (and the next page
   * would open as somebody else, without the conversation).
   */
  private ensureToken(): Promise<void> {
    if (this.token) return Promise.resolve();
    this.issuing ??= (async () => {
      const response = await fetch(`${this.options.serverUrl}/api/visitors`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({}),
      });
      if (!response.ok) throw new Error(`visitor session: HTTP ${response.status}`);
      const session = (await response.json()) as { token: string };
      this.token = session.token;
      this.write(this.keys.token, session.token);
    })().finally(() => {
      this.issuing = undefined;
    });
    return this.issuing;
  }

  private forgetToken(): void {
    this.token = undefined;
    this.write(this.keys.token, undefined);
  }

  private receive(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        if (frame.role === 'visitor') {
          this.welcomed(frame.conversations);
          this.reportPage();
        }
        return;
      case 'conversation':
        return this.conversationChanged(frame.conversation);
      case 'events':
        return this.merge(frame.conversationId, frame.events);
      case 'call':
        return this.update({ call: frame.call.phase === 'ended' && this.state.call?.conversationId !== frame.call.conversationId ? this.state.call : frame.call });
      case 'cobrowse':
        // Sessions of an older conversation (after a reload) still matter: the page must stop sharing.
        return this.update({ cobrowse: frame.session });
      case 'queue':
        if (frame.conversationId === this.state.conversation?.id) {
          const { position, agentsAvailable, estimatedWaitMs } = frame;
          this.update({ queue: { position, agentsAvailable, ...(estimatedWaitMs !== undefined ? { estimatedWaitMs } : {}) } });
        }
        return;
      case 'typing':
        if (frame.party === 'agent' && frame.conversationId === this.state.conversation?.id) this.setAgentTyping(frame.isTyping, frame.name);
        return;
      case 'read':
        if (frame.party === 'agent' && this.state.conversation?.id === frame.conversationId) {
          this.update({ conversation: { ...this.state.conversation, agentReadSeq: frame.seq } });
        }
        return;
      case 'ack':
      case 'error':
      case 'reconnect':
        return; // the protocol client handles these
      case 'offer':
      case 'offer-withdrawn':
      case 'presence':
      case 'wrap-up':
      case 'wrap-up-ended':
      case 'note':
      case 'notes':
      case 'viewers':
      case 'wallboard':
        return; // agents' frames, never sent to a visitor
      default:
        return assertNever(frame);
    }
  }

  private welcomed(all: ConversationSummary[]): void {
    // Callbacks, e-mails and channel messages are answered by phone or mail, not in this panel.
    const conversations = all.filter((c) => !c.source);
    const remembered = this.read(this.keys.active);
    const current =
      conversations.find((c) => c.id === this.state.conversation?.id) ??
      conversations.find((c) => c.status !== 'ended') ??
      conversations.find((c) => c.id === remembered);
    if (current) {
      if (current.id !== this.state.conversation?.id) {
        this.announcedSeq = current.lastSeq;
        this.update({ conversation: current, events: [] });
      } else {
        this.update({ conversation: current });
      }
      this.write(this.keys.active, current.id);
      void this.sync(current.id);
    }
    void this.flush();
  }

  private conversationChanged(summary: ConversationSummary): void {
    if (summary.source) return;
    const current = this.state.conversation;
    if (current && current.id !== summary.id && current.status !== 'ended') return;
    if (!current || current.id !== summary.id) {
      this.announcedSeq = 0;
      this.update({ conversation: summary, events: [], queue: undefined });
      this.write(this.keys.active, summary.id);
      void this.sync(summary.id);
      return;
    }
    this.update({ conversation: { ...current, ...summary }, ...(summary.status !== 'queued' ? { queue: undefined } : {}) });
  }

  /** Asks for every event after the last one held without a gap. */
  private async sync(conversationId: string): Promise<void> {
    const afterSeq = mergeTimeline(this.state.events, []).contiguousSeq;
    await this.client.request({ type: 'sync', id: newClientId(), conversationId, afterSeq }).catch(() => {});
  }

  /** Adds events in seq order, once each; a gap means a frame was missed, so sync to fill it. */
  private merge(conversationId: string, incoming: ConversationEvent[]): void {
    if (conversationId !== this.state.conversation?.id) return;
    const { events, fresh, hasGap } = mergeTimeline(this.state.events, incoming);
    if (fresh.length === 0) return;
    this.update({ events });
    if (hasGap) void this.sync(conversationId);
    for (const e of fresh) this.announce(e);
  }

  private announce(e: ConversationEvent): void {
    if (e.seq <= this.announcedSeq) return;
    this.announcedSeq = e.seq;
    if (e.type === 'message') {
      if (e.author.kind === 'agent') this.setAgentTyping(false);
      this.onPublicEvent('message', {
        conversationId: e.conversationId,
        seq: e.seq,
        text: e.text,
        from: e.author.kind === 'agent' ? 'agent' : 'visitor',
        ...(e.author.name ? { name: e.author.name } : {}),
      });
    } else if (e.type === 'agent-joined') {
      this.onPublicEvent('agent-joined', { conversationId: e.conversationId, name: e.agent.name ?? '' });
    } else if (e.type === 'ended') {
      this.onPublicEvent('conversation-ended', { conversationId: e.conversationId, by: e.by.kind });
    }
  }

  /** Sends queued messages in order; each waits for its ack, across reconnects. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let item = this.outbox.items[0]; item; item = this.outbox.items[0]) {
        const conversationId = await this.ensureConversation();
        try {
          await this.client.request({ type: 'message.send', id: item.clientId, conversationId, text: item.text });
          this.update({ error: undefined });
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          if (error.reason === 'conversation-ended') {
            // The agent ended it while this was in flight: the message opens a new conversation.
            this.startNew();
            continue;
          }
          if (error.message === 'connection closed') return;
          this.update({ error: error.reason });
        }
        this.outbox.remove(item.clientId);
        this.update({ outbox: this.outbox.items });
      }
    } catch {
      // the client closed; the outbox keeps what was not sent, for the next page load
    } finally {
      this.flushing = false;
    }
  }

  /**
   * The visitor asked the bot and now wants a person: opens the conversation with the question
   * and the bot's answer already in it, so the agent starts from there.
   */
  async handOff(question: string, articles: { id: string; title: string }[]): Promise<void> {
    if (this.openConversationId()) return;
    await this.client.request({ type: 'conversation.start', id: newClientId(), ...this.startContext(), handoff: { question, articles } });
  }

  private async ensureConversation(): Promise<string> {
    const open = this.openConversationId();
    if (open) return open;
    const id = this.outbox.startId(newClientId);
    const ack = await this.client.request({ type: 'conversation.start', id, ...this.startContext() });
    this.outbox.clearStartId();
    return ack.conversationId!;
  }

  /** The queue, page and language a new conversation or call starts with. */
  private startContext(): { queue?: string; page?: { url: string; title: string }; locale?: string } {
    const page = typeof location === 'undefined' ? undefined : { url: location.href.slice(0, 2048), title: document.title.slice(0, 512) };
    return {
      ...(this.options.queue ? { queue: this.options.queue } : {}),
      ...(page ? { page } : {}),
      ...(typeof navigator !== 'undefined' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(navigator.language) ? { locale: navigator.language } : {}),
    };
  }

  private setAgentTyping(isTyping: boolean, name?: string): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    if (isTyping) {
      // A lost "stopped typing" frame must not leave the indicator on forever.
      this.typingTimer = setTimeout(() => this.setAgentTyping(false), AGENT_TYPING_TIMEOUT_MS);
    }
    this.update({ agentTyping: isTyping ? (name ? { name } : {}) : undefined });
  }

  private update(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }

  private read(key: string): string | undefined {
    try {
      return this.options.storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: string | undefined): void {
    try {
      if (value === undefined) this.options.storage?.removeItem(key);
      else this.options.storage?.setItem(key, value);
    } catch {
      // blocked storage: the session still works until the page unloads
    }
  }
}
