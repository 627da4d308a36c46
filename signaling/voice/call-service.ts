/**
 * Voice calls on top of conversations: which two peers may signal each other, what each party
 * is told about its call (with its own peer credentials and ICE servers), and what happens
 * when a party vanishes. Routing, storage and timelines stay with the conversation service.
 */
import { topics, type Bus } from '../bus/bus.js';
import type { CallView } from '../protocol/call.js';
import type { Offer } from '../protocol/server-frames.js';
import type { RoutingService } from '../routing/routing-service.js';
import type { ConversationSummary } from '../protocol/conversation.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import { iceConfigFor, type VoiceSettings } from './ice-config.js';
import type { CallParty, PeerCredentialIssuer } from './peer-credentials.js';
import type { PeerDirectory } from './peer-relay.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { QueuePlacement, StartOptions } from '../conversations/queue-placement.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('calls');

/** How long a party's peer may stay away (a reload, a network blip) before the call gives up on them. */
export const AGENT_PEER_GRACE_MS = 3000;
export const VISITOR_PEER_GRACE_MS = 15_000;

interface LiveCall {
  conversationId: string;
  visitorId: string;
  visitorPeerId: string;
  agent?: { id: string; name: string; peerId: string };
  answeredAt?: number;
  heldBy?: 'visitor' | 'agent';
  recordingAllowed?: boolean;
  /** An agent called the visitor's browser from a chat: hanging up ends the call, not the chat. */
  web?: boolean;
}

export interface CallServiceDeps {
  store: Store;
  bus: Bus;
  conversations: Pick<ConversationService, 'endBySystem'>;
  placement: Pick<QueuePlacement, 'start' | 'returnToQueue'>;
  issuer: PeerCredentialIssuer;
  settings: VoiceSettings;
  /** Who is being offered a call now: their peer may connect before they answer. */
  offers: Pick<RoutingService, 'isOffered'>;
  clock?: () => number;
}

export class CallService implements PeerDirectory {
  private readonly calls = new Map<string, LiveCall>();
  /** Every live peer id: whose it is and in which call. */
  private readonly peers = new Map<string, { conversationId: string; kind: 'visitor' | 'agent' }>();
  private readonly lost = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly conversations: CallServiceDeps['conversations'];
  private readonly placement: CallServiceDeps['placement'];
  private readonly issuer: PeerCredentialIssuer;
  private readonly settings: VoiceSettings;
  private readonly offers: CallServiceDeps['offers'];
  private readonly clock: () => number;
  /** Set at shutdown: sockets closing then are the server leaving, not parties vanishing. */
  private stopping = false;

  constructor(deps: CallServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.conversations = deps.conversations;
    this.placement = deps.placement;
    this.issuer = deps.issuer;
    this.settings = deps.settings;
    this.offers = deps.offers;
    this.clock = deps.clock ?? Date.now;
  }

  /** Picks up calls that were open before a restart, so their parties can reconnect. */
  async load(): Promise<void> {
    for (const c of await this.store.conversations.listByStatus(['queued', 'active'])) {
      if (c.channel !== 'voice' || c.source) continue; // a callback is dialled by the agent's phone, not WebRTC
      const agent = c.agentId ? await this.store.agents.findById(c.agentId) : undefined;
      const call = this.track(c, agent);
      // Hold and consent are in the timeline too: the last word of each stands.
      for (const e of await this.store.conversations.eventsAfter(c.id, 0)) {
        if (e.type === 'call-held') call.heldBy = e.by.kind === 'visitor' ? 'visitor' : 'agent';
        if (e.type === 'call-resumed' || e.type === 'transferred') delete call.heldBy;
        if (e.type === 'recording-consent') call.recordingAllowed = e.given;
      }
      if (c.status === 'queued') delete call.heldBy; // back in the queue: nobody holds it
    }
  }

  /**
   * Starts a call from the widget: a voice conversation in the ACD. Retrying with the same
   * client id returns the same call. @throws AppError `invalid-input` while a chat is open.
   */
  async start(visitorId: string, clientId: string, options: StartOptions = {}): Promise<ConversationSummary> {
    const summary = await this.placement.start(visitorId, clientId, { ...options, channel: 'voice' });
    if (summary.channel !== 'voice') throw new AppError('invalid-input', 'end the open chat before starting a call');
    if (!this.calls.has(summary.id)) {
      const c = (await this.store.conversations.findById(summary.id))!;
      this.track(c, undefined);
      this.publish(summary.id);
    }
    return summary;
  }

  /**
   * The visitor accepted an agent's call in their browser: the chat gets a call with that agent,
   * and both parties hear of it as of any answered call (the agent's app dials).
   */
  startWebCall(c: ConversationRecord, agent: AgentRecord): CallView {
    const call: LiveCall = {
      conversationId: c.id,
      visitorId: c.visitorId,
      visitorPeerId: this.issuer.peerId({ conversationId: c.id, kind: 'visitor', id: c.visitorId }),
      answeredAt: this.clock(),
      web: true,
    };
    this.calls.set(c.id, call);
    this.peers.set(call.visitorPeerId, { conversationId: c.id, kind: 'visitor' });
    this.setAgent(call, agent);
    this.publish(c.id);
    return this.view(call, 'agent');
  }

  /** Whether this conversation has a call now (a voice one, or a web call on a chat). */
  hasCall(conversationId: string): boolean {
    return this.calls.has(conversationId);
  }

  /** Whether this conversation is a chat with a web call on it. */
  hasWebCall(conversationId: string): boolean {
    return this.calls.get(conversationId)?.web === true;
  }

  /** Ends a web call (either party hung up, or a peer is gone); the chat goes on. Returns false when there was none. */
  endWebCall(conversationId: string): boolean {
    const call = this.calls.get(conversationId);
    if (!call?.web) return false;
    this.forget(call);
    return true;
  }

  /** The calls a party should know about after (re)connecting, each with fresh credentials. */
  viewsForVisitor(visitorId: string): CallView[] {
    return [...this.calls.values()].filter((call) => call.visitorId === visitorId).map((call) => this.view(call, 'visitor'));
  }

  viewsForAgent(agentId: string): CallView[] {
    return [...this.calls.values()].filter((call) => call.agent?.id === agentId).map((call) => this.view(call, 'agent'));
  }

  // ---- PeerDirectory: what the PeerJS relay asks -------------------------------------

  counterpartOf(peerId: string): string | undefined {
    const owner = this.peers.get(peerId);
    const call = owner ? this.calls.get(owner.conversationId) : undefined;
    if (!owner || !call?.agent) return undefined;
    return owner.kind === 'visitor' ? call.agent.peerId : call.visitorPeerId;
  }

  /**
   * What an agent offered this waiting call prepares while it rings: their peer for it (the id
   * the call will know them by once they answer) and their ICE settings. Nothing for a call
   * that has an agent already (a transfer's target connects when assigned) or a web call.
   */
  preparation(conversationId: string, agentId: string): Offer['call'] {
    // A call just started is offered before start() tracks it: no call yet is a new one.
    const call = this.calls.get(conversationId);
    if (call?.agent || call?.web) return undefined;
    return {
      peer: this.issuer.issue({ conversationId, kind: 'agent', id: agentId }),
      ice: iceConfigFor(this.settings, 'agent', `${conversationId}-a`, this.clock()),
    };
  }

  /**
   * Whether the party a credential names may open its peer: a party of the call (an old agent
   * after a transfer is not), or an agent it is ringing for. Until assigned, that agent's peer
   * reaches nobody: the relay passes messages between the call's two parties only.
   */
  mayConnect(party: CallParty): boolean {
    if (this.inCall(party)) return true;
    return party.kind === 'agent' && !this.calls.get(party.conversationId)?.agent && this.offers.isOffered(party.conversationId, party.id);
  }

  private inCall(party: CallParty): boolean {
    const call = this.calls.get(party.conversationId);
    if (!call) return false;
    return party.kind === 'visitor' ? call.visitorId === party.id : call.agent?.id === party.id;
  }

  /** Media from this peer must go through TURN only (relay-only mode hides visitors' addresses). */
  relayOnly(peerId: string): boolean {
    return this.settings.relayOnly && this.peers.get(peerId)?.kind === 'visitor';
  }

  peerConnected(party: CallParty): void {
    const peerId = this.issuer.peerId(party);
    clearTimeout(this.lost.get(peerId));
    this.lost.delete(peerId);
  }

  /**
   * A party's peer socket closed or went silent. If it does not come back in time, the call
   * goes on without it: an agent's call returns to the head of the queue, a visitor's ends.
   */
  peerDisconnected(party: CallParty): void {
    // A ringing agent's prepared peer going away changes nothing: the call is not theirs yet.
    if (this.stopping || !this.inCall(party)) return;
    const peerId = this.issuer.peerId(party);
    clearTimeout(this.lost.get(peerId));
    const grace = party.kind === 'agent' ? AGENT_PEER_GRACE_MS : VISITOR_PEER_GRACE_MS;
    const timer = setTimeout(() => {
      this.lost.delete(peerId);
      if (!this.inCall(party)) return;
      if (this.endWebCall(party.conversationId)) return; // the chat goes on without the call
      const done = party.kind === 'agent' ? this.placement.returnToQueue(party.conversationId) : this.conversations.endBySystem(party.conversationId, 'connection-lost');
      done.catch((err: unknown) => log.error({ conversationId: party.conversationId, err }, 'could not recover from a lost peer'));
    }, grace);
    timer.unref();
    this.lost.set(peerId, timer);
  }

  /** The agent's app is gone (every socket closed): their callers go back to the head of the queue. */
  async agentGone(agentId: string): Promise<void> {
    if (this.stopping) return;
    for (const call of [...this.calls.values()]) {
      if (call.agent?.id !== agentId) continue;
      // A web call just ends; its chat is the agent's like any other.
      if (!this.endWebCall(call.conversationId)) await this.placement.returnToQueue(call.conversationId);
    }
  }

  /** Call before closing every socket at shutdown: calls stay as they are for the next start. */
  stopRecovery(): void {
    this.stopping = true;
    for (const timer of this.lost.values()) clearTimeout(timer);
    this.lost.clear();
  }

  destroy(): void {
    this.stopping = true;
    for (const timer of this.lost.values()) clearTimeout(timer);
    this.lost.clear();
  }

  // ---- conversation changes ------------------------------------------------------------

  /** An agent took the call (its assignment is stored): both parties get the other's peer id. */
  callAnswered(conversationId: string, agent: AgentRecord): void {
    const call = this.calls.get(conversationId);
    if (!call) return;
    this.setAgent(call, agent);
    call.answeredAt ??= this.clock();
    this.publish(conversationId);
  }

  /** The call went to another agent or back to the queue. */
  async conversationMoved(c: ConversationRecord, fromAgentId: string): Promise<void> {
    const call = this.calls.get(c.id);
    if (!call) return;
    // The agent who let go hears that the call is over for them, and their peer may no longer signal.
    this.bus.publish(topics.agent(fromAgentId), { type: 'call', call: { conversationId: c.id, phase: 'ended' } });
    call.heldBy = undefined;
    // A chat back in the queue has nobody to talk to: its web call ends.
    if (call.web && !c.agentId) return void this.endWebCall(c.id);
    const agent = c.agentId ? await this.store.agents.findById(c.agentId) : undefined;
    this.setAgent(call, agent);
    this.publish(c.id);
  }

  /** The call's conversation ended: both peers are told and may no longer signal. */
  conversationEnded(c: ConversationRecord): void {
    const call = this.calls.get(c.id);
    if (call) this.forget(call);
  }

  /** The call is over: both peers are told and may no longer signal. */
  private forget(call: LiveCall): void {
    this.calls.delete(call.conversationId);
    this.peers.delete(call.visitorPeerId);
    if (call.agent) this.peers.delete(call.agent.peerId);
    const over: CallView = { conversationId: call.conversationId, phase: 'ended' };
    this.bus.publish(topics.visitor(call.visitorId), { type: 'call', call: over });
    if (call.agent) this.bus.publish(topics.agent(call.agent.id), { type: 'call', call: over });
  }

  /** Either party put the call on hold or took it off. */
  conversationHeld(c: ConversationRecord, by: 'visitor' | 'agent' | undefined): void {
    const call = this.calls.get(c.id);
    if (!call) return;
    call.heldBy = by;
    this.publish(c.id);
  }

  /** The visitor allowed or withdrew recording. */
  recordingConsent(c: ConversationRecord, given: boolean): void {
    const call = this.calls.get(c.id);
    if (!call) return;
    call.recordingAllowed = given;
    this.publish(c.id);
  }

  // ---- helpers ---------------------------------------------------------------------------

  private track(c: ConversationRecord, agent: AgentRecord | undefined): LiveCall {
    const call: LiveCall = {
      conversationId: c.id,
      visitorId: c.visitorId,
      visitorPeerId: this.issuer.peerId({ conversationId: c.id, kind: 'visitor', id: c.visitorId }),
      ...(c.answeredAt !== undefined ? { answeredAt: c.answeredAt } : {}),
    };
    this.calls.set(c.id, call);
    this.peers.set(call.visitorPeerId, { conversationId: c.id, kind: 'visitor' });
    if (agent && c.status === 'active') this.setAgent(call, agent);
    return call;
  }

  private setAgent(call: LiveCall, agent: AgentRecord | undefined): void {
    if (call.agent) this.peers.delete(call.agent.peerId);
    if (!agent) {
      delete call.agent;
      return;
    }
    const peerId = this.issuer.peerId({ conversationId: call.conversationId, kind: 'agent', id: agent.id });
    call.agent = { id: agent.id, name: agent.name, peerId };
    this.peers.set(peerId, { conversationId: call.conversationId, kind: 'agent' });
  }

  private view(call: LiveCall, kind: 'visitor' | 'agent'): CallView {
    const partyId = kind === 'visitor' ? call.visitorId : call.agent!.id;
    const now = this.clock();
    return {
      conversationId: call.conversationId,
      phase: call.agent ? 'active' : 'queued',
      ...(call.heldBy ? { heldBy: call.heldBy } : {}),
      ...(call.recordingAllowed ? { recordingAllowed: true } : {}),
      ...(call.agent ? { agent: { id: call.agent.id, name: call.agent.name } } : {}),
      ...(call.agent && call.answeredAt !== undefined ? { answeredAt: call.answeredAt } : {}),
      peer: this.issuer.issue({ conversationId: call.conversationId, kind, id: partyId }),
      ...(call.agent ? { remotePeerId: kind === 'visitor' ? call.agent.peerId : call.visitorPeerId } : {}),
      // TURN usernames name the call, not the person: `<conversation>-v` or `-a`.
      ice: iceConfigFor(this.settings, kind, `${call.conversationId}-${kind[0]}`, now),
    };
  }

  private publish(conversationId: string): void {
    const call = this.calls.get(conversationId);
    if (!call) return;
    this.bus.publish(topics.visitor(call.visitorId), { type: 'call', call: this.view(call, 'visitor') });
    if (call.agent) this.bus.publish(topics.agent(call.agent.id), { type: 'call', call: this.view(call, 'agent') });
  }
}
