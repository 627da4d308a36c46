/**
 * The visitor's side of one chat, without any UI: the socket, the current conversation and its
 * timeline, the outbox, queue position and typing. Who the visitor is (VisitorIdentity), where
 * they are (visitor-context), delivering the outbox, and the call and co-browse requests live in
 * files of their own. Views follow it with a SessionController; public API events are reported
 * through `onPublicEvent`.
 */
import type { VisitorFrame } from '../../signaling/protocol/client-frames.js';
import type { PreChatAnswers } from '../../signaling/protocol/pre-chat-form.js';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import { ConnectionStatus, ProtocolClient, ProtocolError, type MinimalSocket } from '../../signaling/protocol/protocol-client.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import { mergeTimeline } from '../../signaling/protocol/timeline.js';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION } from '../../signaling/protocol/version.js';
import { assertNever } from '../../ui/assert-never.js';
import type { EventProperties, IdentifyFields } from '../loader/api-types.js';
import { storageKeys } from '../loader/storage-keys.js';
import { PendingInvitation } from './pending-invitation.js';
import { AgentTyping } from './agent-typing.js';
import { CallRequests } from './call-requests.js';
import type { ChatState } from './chat-state.js';
import { newClientId } from './client-id.js';
import { CobrowseRequests } from './cobrowse-requests.js';
import { FileTransfer } from './file-transfer.js';
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';
import { Outbox } from './outbox.js';
import { OutboxDelivery } from './outbox-delivery.js';
import { announcePublicEvent, type EmitPublicEvent } from './public-events.js';
import { StoredValue } from './stored-value.js';
import { startContext, visitorContextFrame } from './visitor-context.js';
import { VisitorIdentity } from './visitor-identity.js';

export type { ChatState };

export interface ChatSessionOptions {
  serverUrl: string;
  queue?: string;
  storage?: Storage;
  createSocket?: (url: string) => MinimalSocket;
}

export class ChatSession extends EventTarget {
  state: ChatState;
  /** Public API events (message, agent-joined, conversation-ended). */
  onPublicEvent: EmitPublicEvent = () => {};
  /** Starting, holding and recording a call. */
  readonly calls: CallRequests;
  /** Sharing the page with the agent. */
  readonly sharing: CobrowseRequests;
  /** Files and transcripts, over HTTP with the visitor's token. */
  readonly files: FileTransfer;
  private readonly client: ProtocolClient<VisitorFrame>;
  private readonly identity: VisitorIdentity;
  /** The conversation to come back to on the next page, while there is one. */
  private readonly active: StoredValue;
  private readonly outbox: Outbox;
  /** The proactive invitation the visitor is answering, until their first message opens the conversation. */
  readonly invitation: PendingInvitation;
  private readonly delivery: OutboxDelivery;
  /** Events up to this seq were already there when we connected: not announced as new. */
  private announcedSeq = 0;
  private readonly agentTyping = new AgentTyping((agentTyping) => this.update({ agentTyping }));

  /** Where a new conversation starts: the page's queue, or the one of the topic the visitor chose (with its label). */
  private route: { queue?: string; topic?: string };

  constructor(private readonly options: ChatSessionOptions) {
    super();
    this.route = options.queue ? { queue: options.queue } : {};
    const keys = storageKeys(options.serverUrl);
    this.identity = new VisitorIdentity(options.serverUrl, new StoredValue(options.storage, keys.token));
    this.active = new StoredValue(options.storage, keys.active);
    this.outbox = new Outbox(options.storage, keys.outbox);
    this.invitation = new PendingInvitation(options.storage, keys.invitation);
    this.state = { connection: ConnectionStatus.connecting, events: [], outbox: this.outbox.items };
    const wsUrl = options.serverUrl.replace(/^http/, 'ws') + '/ws/visitor';
    this.client = new ProtocolClient<VisitorFrame>({
      url: async () => {
        await this.identity.ensure();
        return wsUrl;
      },
      hello: () => ({ type: 'hello', protocol: PROTOCOL_VERSION, ...(this.identity.current ? { token: this.identity.current } : {}) }),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
    this.client.onStatus((connection) => {
      this.update({ connection, ...(this.client.fatalReason ? { fatal: this.client.fatalReason } : {}) });
      if (this.client.fatalReason === 'not-authenticated') this.identity.forget();
    });
    this.client.onFrame((frame) => this.receive(frame));
    this.files = new FileTransfer(options.serverUrl, () => this.identity.ensure());
    // A call follows the topic menu as a chat does: the chosen topic's queue, with its label.
    this.calls = new CallRequests(this.client, () => this.state.call?.conversationId, () => this.route);
    this.sharing = new CobrowseRequests(this.client, () => this.openConversationId());
    this.delivery = new OutboxDelivery(this.outbox, this.client, {
      openConversationId: () => this.openConversationId(),
      route: () => this.route,
      update: (patch) => this.update(patch),
      conversationEnded: () => this.startNew(),
      invitation: this.invitation,
    });
  }

  start(): void {
    this.client.connect();
  }

  /** Queues a message (with files already uploaded) and sends it as soon as a conversation and a connection allow. */
  send(text: string, attachments: AttachmentRef[] = []): void {
    const trimmed = text.trim();
    if (!trimmed && !attachments.length) return;
    if (trimmed.length > MAX_MESSAGE_LENGTH) {
      // Never cut what the page sends: refuse it whole, and say so.
      const message = `a message is at most ${MAX_MESSAGE_LENGTH} characters (this one has ${trimmed.length}); nothing was sent`;
      console.warn(`Switchboard.send: ${message}`);
      this.onPublicEvent('error', { reason: 'too-long', message, method: 'send' });
      return;
    }
    this.outbox.add({ clientId: newClientId(), text: trimmed, createdAt: Date.now(), ...(attachments.length ? { attachments } : {}) });
    this.update({ outbox: this.outbox.items });
    void this.delivery.flush();
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

  /** The server no longer knows the co-browse session (it restarted): drop it here too. */
  forgetCobrowse(): void {
    this.update({ cobrowse: undefined });
  }

  /** Leaves an ended conversation's view; the next message starts a new one. */
  startNew(): void {
    this.active.write(undefined);
    this.announcedSeq = 0;
    this.update({ conversation: undefined, events: [], queue: undefined, agentTyping: undefined, call: undefined, cobrowse: undefined });
  }

  identify(fields: IdentifyFields): void {
    const { name, email, phone } = fields;
    this.update({ known: { ...this.state.known, ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) } });
    // Sent as soon as the socket is open; a frame waiting for it is re-sent after a reconnect.
    this.apiCall('identify', { type: 'visitor.identify', id: newClientId(), ...fields });
  }

  /** Something the visitor did on the site, for the agent's screen pop (the server validates and bounds it). */
  trackEvent(name: string, properties?: EventProperties): void {
    this.apiCall('trackEvent', { type: 'visitor.event', id: newClientId(), name, ...(properties ? { properties } : {}) });
  }

  /** Facts about the conversation the page sets, shown to the agent. */
  setConversationAttributes(attributes: EventProperties): void {
    this.apiCall('setConversationAttributes', { type: 'visitor.conversation-attributes', id: newClientId(), attributes });
  }

  /** Sends a frame for a public API call; a refusal is told to the page as an `error` event and in the console. */
  private apiCall(method: string, frame: Extract<VisitorFrame, { id: string }>): void {
    this.client.request(frame).catch((error: unknown) => {
      if (!(error instanceof ProtocolError)) return;
      console.warn(`Switchboard.${method}: ${error.message}`);
      this.onPublicEvent('error', { reason: error.reason, message: error.message, method });
    });
  }

  /** The visitor's signed identity, for the REST calls of the widget's other contact options. */
  visitorToken(): Promise<string> {
    return this.identity.ensure();
  }

  destroy(): void {
    this.agentTyping.stop();
    this.client.close();
  }

  private openConversationId(): string | undefined {
    const c = this.state.conversation;
    return c && c.status !== 'ended' ? c.id : undefined;
  }

  private receive(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        if (frame.role === 'visitor') {
          const { name, email, phone } = frame.visitor;
          this.update({ webCallsOff: frame.webCallsOff, returning: frame.conversations.length > 0, known: { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...this.state.known } });
          this.welcomed(frame.conversations);
          // Tells the agent's screen pop where the visitor is.
          this.client.notify(visitorContextFrame());
        }
        return;
      case 'conversation':
        return this.conversationChanged(frame.conversation);
      case 'events':
        return this.merge(frame.conversationId, frame.events);
      case 'call':
        return this.update({ call: frame.call.phase === 'ended' && this.state.call?.conversationId !== frame.call.conversationId ? this.state.call : frame.call });
      case 'web-call.ring':
        return this.update({ ring: { conversationId: frame.conversationId, agentName: frame.agentName, expiresAt: frame.expiresAt } });
      case 'web-call.ring-ended':
        return this.state.ring?.conversationId === frame.conversationId ? this.update({ ring: undefined }) : undefined;
      case 'web-call.settings':
        return this.update({ webCallsOff: frame.off });
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
        if (frame.party === 'agent' && frame.conversationId === this.state.conversation?.id) this.agentTyping.set(frame.isTyping, frame.name);
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
      case 'held-reply':
      case 'held-replies':
      case 'viewers':
      case 'customer-context':
      case 'wallboard':
      case 'signed-out':
        return; // agents' frames, never sent to a visitor
      default:
        return assertNever(frame);
    }
  }

  private welcomed(all: ConversationSummary[]): void {
    // Callbacks, e-mails and channel messages are answered by phone or mail, not in this panel.
    const conversations = all.filter((c) => !c.source);
    const remembered = this.active.read();
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
      this.active.write(current.id);
      void this.sync(current.id);
    }
    void this.delivery.flush();
  }

  private conversationChanged(summary: ConversationSummary): void {
    if (summary.source) return;
    const current = this.state.conversation;
    if (current && current.id !== summary.id && current.status !== 'ended') return;
    if (!current || current.id !== summary.id) {
      this.announcedSeq = 0;
      this.update({ conversation: summary, events: [], queue: undefined });
      this.active.write(summary.id);
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
    if (e.type === 'message' && e.author.kind === 'agent') this.agentTyping.set(false);
    announcePublicEvent(e, this.onPublicEvent);
  }

  /**
   * The visitor asked the bot and now wants a person: opens the conversation with the question
   * and the bot's answer already in it, so the agent starts from there.
   */
  async handOff(question: string, articles: { id: string; title: string }[]): Promise<void> {
    if (this.openConversationId()) return;
    await this.client.request({ type: 'conversation.start', id: newClientId(), ...this.startRoute(), handoff: { question, articles } });
  }

  /**
   * Opens the conversation with the answers to the queue's pre-chat form, then sends `text` (the
   * first message, when the visitor wrote one in the form).
   * @throws ProtocolError when the server refuses the answers: nothing was started.
   */
  async startWithAnswers(preChat: PreChatAnswers, text: string): Promise<void> {
    if (!this.openConversationId()) {
      // The outbox's start id, when a start without the answers was refused: one start, retried.
      const id = this.outbox.startId(newClientId);
      await this.client.request({ type: 'conversation.start', id, ...this.startRoute(), preChat });
      this.outbox.clearStartId();
    }
    this.update({ returning: true });
    if (text.trim()) this.send(text);
    // Anything typed before the form showed (the server refused to start without it) goes now.
    else void this.delivery.flush();
  }

  /**
   * The topic the visitor chose from the topic menu: the next conversation starts in its queue and
   * tells the agent the topic. Without one, back to the page's queue.
   */
  chooseTopic(topic: { queue: string; label: string } | undefined): void {
    this.route = topic ? { queue: topic.queue, topic: topic.label } : this.options.queue ? { queue: this.options.queue } : {};
  }

  private startRoute() {
    return { ...startContext(this.route.queue), ...(this.route.topic ? { topic: this.route.topic } : {}) };
  }

  private update(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}
