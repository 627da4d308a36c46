/**
 * The agent's live workspace without any UI: presence, offers, conversations and their
 * timelines, kept current over the agent socket. Views read `state` (AgentState) and follow its
 * `change` events through a SessionController.
 */
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';
import type { AgentFrame } from '../../signaling/protocol/client-frames.js';
import type { ConversationEvent, ConversationSummary, Disposition } from '../../signaling/protocol/conversation.js';
import type { AgentStatus, ChoosableBreakReason } from '../../signaling/protocol/presence.js';
import { ProtocolClient, type MinimalSocket } from '../../signaling/protocol/protocol-client.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import { mergeTimeline } from '../../signaling/protocol/timeline.js';
import { PROTOCOL_VERSION } from '../../signaling/protocol/version.js';
import { assertNever } from '../../ui/assert-never.js';
import { watchWakeUps } from './wake-watch.js';
import { initialAgentState, sortConversations, type AgentState, type PendingReply } from './agent-state.js';

export type { AgentState, PendingReply };

const newId = () => crypto.randomUUID();

export class AgentSession extends EventTarget {
  state: AgentState = initialAgentState();
  private readonly client: ProtocolClient<AgentFrame>;
  /** Conversations this supervisor joined by barging in: theirs, though another agent handles them. */
  private readonly joined = new Set<string>();
  private stopWakeWatch = () => {};

  constructor(options: { createSocket?: (url: string) => MinimalSocket } = {}) {
    super();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/agent`;
    this.client = new ProtocolClient<AgentFrame>({
      url: () => url,
      hello: () => ({ type: 'hello', protocol: PROTOCOL_VERSION }),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
    this.client.onStatus((connection) => this.update({ connection }));
    this.client.onFrame((frame) => this.receive(frame));
  }

  start(): void {
    this.client.connect();
    // A laptop that slept comes back with a socket the server gave up: a fresh one brings the agent's state back at once.
    this.stopWakeWatch = watchWakeUps(() => this.client.renew());
  }

  destroy(): void {
    this.stopWakeWatch();
    this.client.close();
  }

  async setStatus(status: AgentStatus, reason?: ChoosableBreakReason): Promise<void> {
    await this.client.request({ type: 'presence.set', id: newId(), status, ...(reason ? { reason } : {}) });
    this.update({ status, breakReason: status === 'away' ? reason : undefined });
  }

  /** Ends wrap-up, recording the outcome of the conversation. */
  async wrapUpDone(disposition?: Disposition): Promise<void> {
    await this.client.request({ type: 'wrap-up.done', id: newId(), ...(disposition ? { disposition } : {}) });
  }

  /** Accepts an offer; rejects with ProtocolError `offer-unavailable` when it is gone. */
  async accept(conversationId: string): Promise<void> {
    try {
      await this.client.request({ type: 'offer.accept', id: newId(), conversationId });
    } finally {
      this.removeOffer(conversationId);
    }
  }

  async decline(conversationId: string): Promise<void> {
    this.removeOffer(conversationId);
    await this.client.request({ type: 'offer.decline', id: newId(), conversationId }).catch(() => {});
  }

  /** Sends a reply; `attachments` are files already stored (the message goes once they are). */
  async reply(conversationId: string, text: string, attachments: AttachmentRef[] = []): Promise<void> {
    const clientId = newId();
    const shown = [text, ...attachments.map((a) => a.name)].filter(Boolean).join('\n');
    this.setPending(conversationId, [...(this.state.pending[conversationId] ?? []), { clientId, text: shown }]);
    try {
      await this.client.request({ type: 'message.send', id: clientId, conversationId, text, ...(attachments.length ? { attachments: attachments.map((a) => a.id) } : {}) });
    } finally {
      this.setPending(conversationId, (this.state.pending[conversationId] ?? []).filter((p) => p.clientId !== clientId));
    }
  }

  /** Puts a call on hold or takes it off; the visitor sees it. */
  /** Hangs up a call this agent placed to the visitor's browser (or stops it ringing); the chat goes on. */
  async hangUpWebCall(conversationId: string): Promise<void> {
    await this.client.request({ type: 'call.hangup', id: newId(), conversationId });
  }

  async hold(conversationId: string, held: boolean): Promise<void> {
    await this.client.request({ type: 'call.hold', id: newId(), conversationId, held });
  }

  /** Hands the conversation to a colleague or a queue, with a note for whoever takes it. */
  async transfer(conversationId: string, to: { agentId: string } | { queueId: string }, note?: string): Promise<void> {
    await this.client.request({ type: 'conversation.transfer', id: newId(), conversationId, to, ...(note ? { note } : {}) });
  }

  /** Asks the visitor to share their page. */
  async requestCobrowse(conversationId: string): Promise<void> {
    await this.client.request({ type: 'cobrowse.request', id: newId(), conversationId });
  }

  async requestCobrowseControl(conversationId: string): Promise<void> {
    await this.client.request({ type: 'cobrowse.control-request', id: newId(), conversationId });
  }

  /** Drops a co-browse session the server no longer knows (its room refused us). */
  forgetCobrowse(conversationId: string): void {
    const { [conversationId]: _gone, ...others } = this.state.cobrowse;
    this.update({ cobrowse: others });
  }

  async stopCobrowse(conversationId: string): Promise<void> {
    await this.client.request({ type: 'cobrowse.stop', id: newId(), conversationId });
  }

  async end(conversationId: string): Promise<void> {
    await this.client.request({ type: 'conversation.end', id: newId(), conversationId });
  }

  /** Supervisors: watch a conversation live (its summary comes from the REST API). */
  async monitor(summary: ConversationSummary): Promise<void> {
    if (this.state.monitored && this.state.monitored.id !== summary.id) await this.stopMonitoring();
    this.update({ monitored: summary });
    await this.client.request({ type: 'monitor.start', id: newId(), conversationId: summary.id });
    await this.load(summary.id);
  }

  async stopMonitoring(): Promise<void> {
    const watched = this.state.monitored;
    if (!watched) return;
    this.update({ monitored: undefined });
    await this.client.request({ type: 'monitor.stop', id: newId(), conversationId: watched.id }).catch(() => {});
  }

  /** An internal note on the conversation, for whoever serves this customer next. */
  async addNote(conversationId: string, text: string): Promise<void> {
    await this.client.request({ type: 'note.add', id: newId(), conversationId, text });
  }

  /** Tells the server this window shows (or stops showing) the customer of a conversation. */
  async viewCustomer(conversationId: string, viewing: boolean): Promise<void> {
    await this.client.request({ type: 'customer.view', id: newId(), conversationId, viewing });
  }

  async whisper(conversationId: string, text: string): Promise<void> {
    await this.client.request({ type: 'whisper', id: newId(), conversationId, text });
  }

  /** Supervisors: join the conversation visibly; it then appears among their own. */
  async barge(conversationId: string): Promise<void> {
    const watched = this.state.monitored;
    await this.client.request({ type: 'barge', id: newId(), conversationId });
    this.joined.add(conversationId);
    // Now a participant: the conversation is one of theirs (later frames keep it current).
    this.update({ monitored: undefined });
    const current = this.state.conversations.find((c) => c.id === conversationId) ?? watched;
    if (current) this.upsert(current);
    await this.load(conversationId);
  }

  typing(conversationId: string, isTyping: boolean): void {
    this.client.notify({ type: 'typing', conversationId, isTyping });
  }

  /** Marks the conversation read up to its newest event. */
  markRead(conversationId: string): void {
    const last = this.state.events[conversationId]?.at(-1);
    const summary = this.state.conversations.find((c) => c.id === conversationId);
    if (!last || !summary || last.seq <= summary.agentReadSeq || summary.status === 'ended') return;
    this.client.notify({ type: 'read', conversationId, seq: last.seq });
    this.upsert({ ...summary, agentReadSeq: last.seq });
  }

  /** Loads a conversation's timeline after what is held. */
  async load(conversationId: string): Promise<void> {
    const afterSeq = mergeTimeline(this.state.events[conversationId] ?? [], []).contiguousSeq;
    await this.client.request({ type: 'sync', id: newId(), conversationId, afterSeq }).catch(() => {});
  }

  unreadCount(conversationId: string): number {
    const summary = this.state.conversations.find((c) => c.id === conversationId);
    const readSeq = summary?.agentReadSeq ?? 0;
    return (this.state.events[conversationId] ?? []).filter((e) => e.type === 'message' && e.author.kind === 'visitor' && e.seq > readSeq).length;
  }

  private receive(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        if (frame.role !== 'agent') return;
        this.update({
          agent: frame.agent,
          status: frame.status,
          breakReason: frame.breakReason,
          wrapUp: frame.wrapUp,
          offers: frame.offers,
          conversations: sortConversations(frame.conversations),
        });
        for (const c of frame.conversations) if (c.status !== 'ended') void this.load(c.id);
        return;
      case 'presence':
        return this.update({ status: frame.status, breakReason: frame.breakReason });
      case 'wrap-up':
        return this.update({ wrapUp: { conversationId: frame.conversationId, dispositionRequired: frame.dispositionRequired, ...(frame.until !== undefined ? { until: frame.until } : {}) } });
      case 'wrap-up-ended':
        return this.update({ wrapUp: undefined });
      case 'wallboard':
        return this.update({ wallboard: frame.wallboard });
      case 'viewers':
        return this.update({ viewers: { ...this.state.viewers, [frame.viewers.customerId]: frame.viewers.agents } });
      case 'customer-context':
        return this.update({ contextChanges: { ...this.state.contextChanges, [frame.conversationId]: (this.state.contextChanges[frame.conversationId] ?? 0) + 1 } });
      case 'notes':
        return this.update({ notes: { ...this.state.notes, [frame.conversationId]: frame.notes } });
      case 'note': {
        const held = this.state.notes[frame.note.conversationId] ?? [];
        if (held.some((n) => n.id === frame.note.id)) return;
        return this.update({ notes: { ...this.state.notes, [frame.note.conversationId]: [...held, frame.note] } });
      }
      case 'held-replies':
        return this.update({ heldReplies: { ...this.state.heldReplies, [frame.conversationId]: frame.replies } });
      case 'held-reply': {
        // Replaces the earlier state of the same reply (held, returned, resubmitted, approved).
        const { reply } = frame;
        const others = (this.state.heldReplies[reply.conversationId] ?? []).filter((r) => r.id !== reply.id);
        return this.update({ heldReplies: { ...this.state.heldReplies, [reply.conversationId]: [...others, reply].sort((a, b) => a.createdAt - b.createdAt) } });
      }
      case 'call': {
        const { [frame.call.conversationId]: _previous, ...others } = this.state.calls;
        return this.update({ calls: frame.call.phase === 'ended' ? others : { ...others, [frame.call.conversationId]: frame.call } });
      }
      case 'cobrowse': {
        const { [frame.session.conversationId]: _previous, ...others } = this.state.cobrowse;
        return this.update({ cobrowse: frame.session.phase === 'ended' ? others : { ...others, [frame.session.conversationId]: frame.session } });
      }
      case 'offer':
        return this.update({ offers: [...this.state.offers.filter((o) => o.conversationId !== frame.offer.conversationId), frame.offer] });
      case 'offer-withdrawn':
        return this.removeOffer(frame.conversationId);
      case 'conversation': {
        if (this.state.monitored?.id === frame.conversation.id) this.update({ monitored: frame.conversation });
        const c = frame.conversation;
        if (c.status !== 'ended' && c.agent?.id !== this.state.agent?.id && !this.joined.has(c.id) && this.state.conversations.some((held) => held.id === c.id)) {
          // Transferred to a colleague or back to a queue (or our app died mid-call): no longer ours to work.
          return this.update({ conversations: this.state.conversations.filter((held) => held.id !== c.id) });
        }
        const mine = frame.conversation.agent?.id === this.state.agent?.id || this.state.conversations.some((c) => c.id === frame.conversation.id);
        // A monitored conversation's updates are not the supervisor's own conversations.
        if (!mine && this.state.monitored?.id === frame.conversation.id) return;
        const isNew = !this.state.conversations.some((c) => c.id === frame.conversation.id);
        this.upsert(frame.conversation);
        if (isNew) void this.load(frame.conversation.id);
        return;
      }
      case 'events':
        return this.merge(frame.conversationId, frame.events);
      case 'typing':
        if (frame.party === 'visitor') this.update({ visitorTyping: { ...this.state.visitorTyping, [frame.conversationId]: frame.isTyping } });
        return;
      case 'read': {
        const summary = this.state.conversations.find((c) => c.id === frame.conversationId);
        if (summary && frame.party === 'visitor') this.upsert({ ...summary, visitorReadSeq: frame.seq });
        return;
      }
      case 'ack':
      case 'error':
      case 'reconnect':
        return; // the protocol client handles these
      case 'web-call.ring-ended':
        return this.update({ webCallRings: { ...this.state.webCallRings, [frame.conversationId]: frame.reason } });
      case 'queue':
      case 'web-call.ring':
      case 'web-call.settings':
        return; // visitors' frames, never sent to agents
      case 'signed-out':
        // This window's session ended elsewhere: stop reconnecting; the app asks to sign in again.
        this.client.close();
        return this.update({ signedOut: frame.reason });
      default:
        return assertNever(frame);
    }
  }

  private merge(conversationId: string, incoming: ConversationEvent[]): void {
    const { events, fresh, hasGap } = mergeTimeline(this.state.events[conversationId] ?? [], incoming);
    if (!fresh.length) return;
    const visitorWrote = fresh.some((e) => e.type === 'message' && e.author.kind === 'visitor');
    this.update({
      events: { ...this.state.events, [conversationId]: events },
      ...(visitorWrote ? { visitorTyping: { ...this.state.visitorTyping, [conversationId]: false } } : {}),
    });
    const summary = this.state.conversations.find((c) => c.id === conversationId);
    const newest = events.at(-1)!.seq;
    if (summary && newest > summary.lastSeq) this.upsert({ ...summary, lastSeq: newest });
    if (hasGap) void this.load(conversationId); // a frame was missed: fetch what is missing
  }

  private upsert(summary: ConversationSummary): void {
    this.update({ conversations: sortConversations([summary, ...this.state.conversations.filter((c) => c.id !== summary.id)]) });
  }

  private removeOffer(conversationId: string): void {
    this.update({ offers: this.state.offers.filter((o) => o.conversationId !== conversationId) });
  }

  private setPending(conversationId: string, list: PendingReply[]): void {
    this.update({ pending: { ...this.state.pending, [conversationId]: list } });
  }

  private update(patch: Partial<AgentState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}
