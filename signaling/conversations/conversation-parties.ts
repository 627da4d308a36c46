/**
 * Who may see and act on a conversation, and how its parties hear of a change. Shared by the
 * services that act on conversations, so that every one of them authorizes and publishes alike.
 */
import { topics, type Bus } from '../bus/bus.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { RoutingService } from '../routing/routing-service.js';

export class ConversationParties {
  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
    private readonly routing: Pick<RoutingService, 'hasOffer'>,
  ) {}

  /** Tells everyone in the conversation its current summary. */
  async publishSummary(conversation: ConversationRecord): Promise<void> {
    const summary = (await this.store.conversations.summary(conversation.id))!;
    await this.publish({ ...conversation, ...(summary.agent ? { agentId: summary.agent.id } : {}) }, { type: 'conversation', conversation: summary });
  }

  /**
   * Delivers a frame to everyone in the conversation: the visitor, the assigned agent, supervisors
   * who barged in, and supervisors monitoring it.
   */
  async publish(conversation: Pick<ConversationRecord, 'id' | 'visitorId' | 'agentId'>, frame: ServerFrame): Promise<void> {
    this.bus.publish(topics.visitor(conversation.visitorId), frame);
    await this.publishToStaff(conversation, frame);
  }

  /** Delivers to the assigned agent, barged-in supervisors and monitors; never to the visitor. */
  async publishToStaff(conversation: Pick<ConversationRecord, 'id' | 'agentId'>, frame: ServerFrame): Promise<void> {
    const agents = new Set(await this.store.notes.participants(conversation.id));
    if (conversation.agentId) agents.add(conversation.agentId);
    for (const agentId of agents) this.bus.publish(topics.agent(agentId), frame);
    this.bus.publish(topics.monitor(conversation.id), frame);
  }

  /**
   * Loads the conversation if the actor is one of its parties. Outsiders get `not-found`,
   * not `forbidden`, so they cannot even learn that the id exists. Supervisors may read any
   * conversation, and an agent holding an offer may read the one offered.
   */
  async authorize(actor: Actor, conversationId: string, access: 'read' | 'write'): Promise<ConversationRecord> {
    const conversation = await this.store.conversations.findById(conversationId);
    if (!conversation || !(await this.may(actor, conversation, access))) throw new AppError('not-found', 'no such conversation');
    return conversation;
  }

  /** Whether the actor may read or act on this conversation (authorize's rule, without throwing). */
  async may(actor: Actor, conversation: Pick<ConversationRecord, 'id' | 'visitorId' | 'agentId'>, access: 'read' | 'write'): Promise<boolean> {
    if (actor.kind === 'visitor') return conversation.visitorId === actor.visitorId;
    const agent = actor.agent;
    if (conversation.agentId === agent.id) return true;
    if ((await this.store.notes.participants(conversation.id)).includes(agent.id)) return true;
    return access === 'read' && (agent.role !== 'agent' || this.routing.hasOffer(agent.id, conversation.id));
  }
}
