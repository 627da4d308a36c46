/**
 * What supervisors do to a live conversation (watch it, whisper to its agent, or join it
 * visibly) and to an agent (set their presence for them).
 */
import { topics, type Bus } from '../bus/bus.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { EventLogWriter } from '../kernel/event-log-writer.js';
import { LogType } from '../kpi/log-types.js';
import type { ConversationNote } from '../protocol/notes.js';
import type { AgentStatus, BreakReason } from '../protocol/presence.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import type { PresenceService } from '../routing/presence-service.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Store } from '../store/store.js';

export interface SupervisionServiceDeps {
  store: Store;
  bus: Bus;
  parties: ConversationParties;
  presence: Pick<PresenceService, 'setStatus'>;
  log: EventLogWriter;
  /** Forced states are administrative actions: recorded there. */
  audit: AuditTrail;
  clock?: () => number;
}

export class SupervisionService {
  private readonly store: Store;
  private readonly bus: Bus;
  private readonly parties: ConversationParties;
  private readonly presence: SupervisionServiceDeps['presence'];
  private readonly log: EventLogWriter;
  private readonly audit: AuditTrail;
  private readonly clock: () => number;

  constructor(deps: SupervisionServiceDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.parties = deps.parties;
    this.presence = deps.presence;
    this.log = deps.log;
    this.audit = deps.audit;
    this.clock = deps.clock ?? Date.now;
  }

  /**
   * A supervisor watches a conversation live: every frame its parties get is delivered too.
   * Returns the function that stops it. @throws AppError `forbidden` or `not-found`.
   */
  async monitor(actor: Actor, conversationId: string, deliver: (frame: ServerFrame) => void): Promise<() => void> {
    this.supervisorOf(actor);
    await this.parties.authorize(actor, conversationId, 'read');
    return this.bus.subscribe(topics.monitor(conversationId), deliver);
  }

  /** Sets an agent's presence on their behalf; the log names the supervisor. @throws AppError `not-found`. */
  async forcePresence(actor: Actor, agentId: string, status: AgentStatus, reason?: BreakReason): Promise<void> {
    const supervisor = this.supervisorOf(actor);
    const agent = await this.store.agents.findById(agentId);
    if (!agent) throw new AppError('not-found', 'no such agent');
    await this.presence.setStatus(agentId, status, reason, supervisor.id);
    await this.audit.record(auditActorOf(actor), 'presence.forced', { type: 'agent', id: agentId }, { from: agent.status, to: status, ...(reason ? { reason } : {}) });
  }

  /** A supervisor's note to the agent of a live conversation; the visitor never receives it. */
  async whisper(actor: Actor, conversationId: string, text: string, clientId: string): Promise<ConversationNote> {
    const supervisor = this.supervisorOf(actor);
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    if (conversation.status === 'ended') throw new AppError('conversation-ended', 'this conversation has ended');
    const note = await this.store.notes.add({ conversationId, kind: 'whisper', author: { id: supervisor.id, name: supervisor.name }, text, at: this.clock() }, clientId);
    await this.parties.publishToStaff(conversation, { type: 'note', note });
    return note;
  }

  /** A supervisor joins a live conversation visibly: the visitor sees them join, and they may write. */
  async barge(actor: Actor, conversationId: string): Promise<void> {
    const supervisor = this.supervisorOf(actor);
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    if (conversation.status === 'ended') throw new AppError('conversation-ended', 'this conversation has ended');
    const now = this.clock();
    if (!(await this.store.notes.addParticipant(conversationId, supervisor.id, now))) return; // already in
    const event = await this.store.transaction((tx) => tx.conversations.appendEvent(conversationId, { type: 'agent-joined', agent: { kind: 'agent', id: supervisor.id, name: supervisor.name } }, now));
    this.log.append({ at: now, type: LogType.supervisorBarged, conversationId, agentId: supervisor.id, queueId: conversation.queueId });
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    await this.parties.publishSummary(conversation);
  }

  private supervisorOf(actor: Actor): AgentRecord {
    if (actor.kind !== 'agent' || actor.agent.role === 'agent') throw new AppError('forbidden', 'only supervisors and admins may do this');
    return actor.agent;
  }
}
