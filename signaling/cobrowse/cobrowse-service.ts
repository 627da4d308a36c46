/**
 * Co-browse sessions: who asked, whether the visitor agreed (to sharing, and separately to
 * remote control), who may join the room, and when it ends. Only the conversation's visitor
 * and its assigned agent ever take part; a transfer or the end of the conversation ends it.
 */
import { randomUUID } from 'node:crypto';
import { topics, type Bus } from '../bus/bus.js';
import type { CobrowseControl, CobrowseEndReason, CobrowsePhase, CobrowseView } from '../protocol/cobrowse.js';
import type { CobrowseAction, Party } from '../protocol/conversation.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { SignedFields } from '../kernel/signed-fields.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('cobrowse');

/** How long an active session waits for the visitor's page to (re)join its room: a page load, a blip. */
export const VISITOR_ROOM_GRACE_MS = 30_000;
const ROOM_TOKEN_TTL_MS = 6 * 60 * 60 * 1000;

interface Session {
  id: string;
  conversationId: string;
  visitorId: string;
  agent: { id: string; name: string };
  phase: Exclude<CobrowsePhase, 'ended'>;
  control: CobrowseControl;
  /** Running while the visitor's page is not in the room. */
  absence?: ReturnType<typeof setTimeout>;
}

export interface RoomParty {
  sessionId: string;
  kind: 'visitor' | 'agent';
  id: string;
}

export interface CobrowseServiceDeps {
  store: Store;
  bus: Bus;
  conversations: ConversationService;
  secret: string;
  clock?: () => number;
  visitorGraceMs?: number;
}

export class CobrowseService {
  private readonly sessions = new Map<string, Session>();
  private readonly byConversation = new Map<string, Session>();
  private readonly endedListeners: ((sessionId: string) => void)[] = [];
  private readonly signer: SignedFields;
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly conversations: ConversationService;
  private readonly visitorGraceMs: number;

  constructor(deps: CobrowseServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.conversations = deps.conversations;
    this.signer = new SignedFields(deps.secret, 'cobrowse', deps.clock);
    this.visitorGraceMs = deps.visitorGraceMs ?? VISITOR_ROOM_GRACE_MS;
  }

  /** The conversation ended: so does its co-browsing. */
  conversationEnded(c: ConversationRecord): void {
    this.endInBackground(c.id, 'conversation-ended');
  }

  /** The conversation moved to another agent, who does not inherit the view of the visitor's page: they ask again. */
  conversationMoved(c: ConversationRecord): void {
    this.endInBackground(c.id, 'transferred');
  }

  /** Called with the id of every session that ends (its room closes). */
  onEnded(listener: (sessionId: string) => void): void {
    this.endedListeners.push(listener);
  }

  /** The conversation's agent asks to see the visitor's page. Asking again while asked or sharing changes nothing. */
  async request(agent: AgentRecord, conversationId: string): Promise<void> {
    const conversation = await this.conversationOfAgent(agent, conversationId);
    if (this.byConversation.has(conversationId)) return;
    const session = this.open(conversation, agent, 'requested');
    await this.record(conversation, 'requested', agentParty(agent));
    this.publish(session);
  }

  /** The visitor shares their page: answering the agent's request, or offering it unasked. */
  async accept(visitorId: string, conversationId: string): Promise<void> {
    const conversation = await this.conversationOfVisitor(visitorId, conversationId);
    let session = this.byConversation.get(conversationId);
    if (session?.phase === 'active') return;
    if (!session) {
      const agent = conversation.agentId ? await this.store.agents.findById(conversation.agentId) : undefined;
      if (!agent) throw new AppError('invalid-input', 'an agent must have joined before you can share your page');
      session = this.open(conversation, agent, 'active');
    }
    session.phase = 'active';
    this.awaitVisitor(session);
    await this.record(conversation, 'started', { kind: 'visitor', id: visitorId });
    this.publish(session);
  }

  async decline(visitorId: string, conversationId: string): Promise<void> {
    const conversation = await this.conversationOfVisitor(visitorId, conversationId);
    const session = this.byConversation.get(conversationId);
    if (session?.phase !== 'requested') return;
    await this.end(session, 'declined', { kind: 'visitor', id: visitorId }, conversation);
  }

  /** Either party stops sharing; stopping a session that is over changes nothing. */
  async stop(party: Party, conversationId: string): Promise<void> {
    const conversation = party.kind === 'visitor' ? await this.conversationOfVisitor(party.id, conversationId) : await this.conversationOfAgentId(party.id, conversationId);
    const session = this.byConversation.get(conversationId);
    if (session) await this.end(session, 'stopped', party, conversation);
  }

  /** The agent asks to click and type for the visitor. @throws AppError `invalid-input` unless the page is shared. */
  async requestControl(agent: AgentRecord, conversationId: string): Promise<void> {
    const conversation = await this.conversationOfAgent(agent, conversationId);
    const session = this.byConversation.get(conversationId);
    if (session?.phase !== 'active') throw new AppError('invalid-input', 'the visitor is not sharing their page');
    if (session.control !== 'off') return;
    session.control = 'requested';
    await this.record(conversation, 'control-requested', agentParty(agent));
    this.publish(session);
  }

  /** The visitor allows remote control (only after the agent asked) or takes it back (at any time). */
  async setControl(visitorId: string, conversationId: string, allowed: boolean): Promise<void> {
    const conversation = await this.conversationOfVisitor(visitorId, conversationId);
    const session = this.byConversation.get(conversationId);
    if (session?.phase !== 'active') throw new AppError('invalid-input', 'you are not sharing your page');
    if (allowed && session.control !== 'requested') throw new AppError('invalid-input', 'the agent has not asked for control');
    if (!allowed && session.control === 'off') return;
    session.control = allowed ? 'granted' : 'off';
    // Refusing a request is recorded as taking control back: either way the agent has none.
    await this.record(conversation, allowed ? 'control-granted' : 'control-revoked', { kind: 'visitor', id: visitorId });
    this.publish(session);
  }

  viewsForVisitor(visitorId: string): CobrowseView[] {
    return [...this.sessions.values()].filter((s) => s.visitorId === visitorId).map((s) => this.view(s, 'visitor'));
  }

  viewsForAgent(agentId: string): CobrowseView[] {
    return [...this.sessions.values()].filter((s) => s.agent.id === agentId).map((s) => this.view(s, 'agent'));
  }

  /** Who a room token belongs to, if it is genuine and names a party of this active session. */
  admit(sessionId: string, token: string): RoomParty | undefined {
    const [tokenSession, kind, id] = this.signer.open(token, 3) ?? [];
    const session = this.sessions.get(sessionId);
    if (!session || session.phase !== 'active' || tokenSession !== sessionId || !id) return undefined;
    if (kind === 'visitor' && id === session.visitorId) return { sessionId, kind, id };
    if (kind === 'agent' && id === session.agent.id) return { sessionId, kind, id };
    return undefined;
  }

  /** The room's count of the visitor's connections changed: with none, the session waits, then ends. */
  visitorPresence(sessionId: string, connected: boolean): void {
    const session = this.sessions.get(sessionId);
    if (!session || session.phase !== 'active') return;
    if (connected) {
      clearTimeout(session.absence);
      delete session.absence;
    } else {
      this.awaitVisitor(session);
    }
  }

  destroy(): void {
    for (const session of this.sessions.values()) clearTimeout(session.absence);
  }

  // ---- helpers ---------------------------------------------------------------------------

  private open(conversation: ConversationRecord, agent: { id: string; name: string }, phase: Session['phase']): Session {
    const session: Session = { id: randomUUID(), conversationId: conversation.id, visitorId: conversation.visitorId, agent: { id: agent.id, name: agent.name }, phase, control: 'off' };
    this.sessions.set(session.id, session);
    this.byConversation.set(conversation.id, session);
    return session;
  }

  private awaitVisitor(session: Session): void {
    clearTimeout(session.absence);
    session.absence = setTimeout(() => this.endInBackground(session.conversationId, 'visitor-left'), this.visitorGraceMs);
    session.absence.unref();
  }

  /** Ends a session from a listener or a timer, where nobody awaits it: failures are logged, not thrown. */
  private endInBackground(conversationId: string, reason: CobrowseEndReason): void {
    this.endFor(conversationId, reason).catch((err: unknown) => log.error({ conversationId, reason, err }, 'could not end a session'));
  }

  private async endFor(conversationId: string, reason: CobrowseEndReason): Promise<void> {
    const session = this.byConversation.get(conversationId);
    if (!session) return;
    const conversation = await this.store.conversations.findById(conversationId);
    if (conversation) await this.end(session, reason, { kind: 'system', id: 'system' }, conversation);
  }

  private async end(session: Session, reason: CobrowseEndReason, by: Party, conversation: ConversationRecord): Promise<void> {
    if (this.sessions.get(session.id) !== session) return;
    clearTimeout(session.absence);
    this.sessions.delete(session.id);
    this.byConversation.delete(session.conversationId);
    // The room closes first: nothing more of the page reaches anyone once it is over.
    for (const listener of this.endedListeners) listener(session.id);
    const over: CobrowseView = { ...this.view(session, 'visitor'), phase: 'ended', reason };
    delete over.room;
    this.bus.publish(topics.visitor(session.visitorId), { type: 'cobrowse', session: over });
    this.bus.publish(topics.agent(session.agent.id), { type: 'cobrowse', session: over });
    await this.record(conversation, reason === 'declined' ? 'declined' : 'ended', by, reason === 'declined' ? undefined : reason);
  }

  private view(session: Session, kind: 'visitor' | 'agent'): CobrowseView {
    const partyId = kind === 'visitor' ? session.visitorId : session.agent.id;
    return {
      sessionId: session.id,
      conversationId: session.conversationId,
      phase: session.phase,
      control: session.control,
      agent: session.agent,
      ...(session.phase === 'active' ? { room: { token: this.signer.sign([session.id, kind, partyId], ROOM_TOKEN_TTL_MS).token } } : {}),
    };
  }

  private publish(session: Session): void {
    this.bus.publish(topics.visitor(session.visitorId), { type: 'cobrowse', session: this.view(session, 'visitor') });
    this.bus.publish(topics.agent(session.agent.id), { type: 'cobrowse', session: this.view(session, 'agent') });
  }

  private async record(conversation: ConversationRecord, action: CobrowseAction, by: Party, reason?: CobrowseEndReason): Promise<void> {
    await this.conversations.record(conversation, { type: 'cobrowse', action, by, ...(reason ? { reason } : {}) });
  }

  /** Outsiders get `not-found`, as everywhere: they cannot even learn that the conversation exists. */
  private async conversationOfVisitor(visitorId: string, conversationId: string): Promise<ConversationRecord> {
    const c = await this.store.conversations.findById(conversationId);
    if (!c || c.visitorId !== visitorId) throw new AppError('not-found', 'no such conversation');
    if (c.status === 'ended') throw new AppError('conversation-ended', 'this conversation has ended');
    return c;
  }

  private conversationOfAgent(agent: AgentRecord, conversationId: string): Promise<ConversationRecord> {
    return this.conversationOfAgentId(agent.id, conversationId);
  }

  private async conversationOfAgentId(agentId: string, conversationId: string): Promise<ConversationRecord> {
    const c = await this.store.conversations.findById(conversationId);
    if (!c || c.agentId !== agentId) throw new AppError('not-found', 'no such conversation of yours');
    if (c.status !== 'active') throw new AppError('conversation-ended', 'this conversation is not active');
    return c;
  }
}

const agentParty = (agent: AgentRecord): Party => ({ kind: 'agent', id: agent.id, name: agent.name });
