/** The agent app's socket: authenticated by the session cookie at upgrade; presence, offers and replies. */
import type { WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { topics } from '../bus/bus.js';
import { agentFrameSchema, type AgentFrame } from '../protocol/client-frames.js';
import type { BreakReason } from '../protocol/presence.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { toProfile } from '../auth/auth-service.js';
import type { Services } from '../wiring.js';
import type { AgentRecord } from '../store/agents-repo.js';
import { handleConversationFrame, isConversationFrame } from './conversation-frames.js';
import type { FrameChannel } from './frame-channel.js';
import { socketEvents } from './socket-events.js';
import type { SocketRegistry } from './socket-registry.js';

export function agentSocket(services: Services, registry: SocketRegistry, agent: AgentRecord): WSEvents<WebSocket> {
  let channel!: FrameChannel<AgentFrame>;
  let greeted = false;
  let unsubscribe = () => {};
  const actor: Actor = { kind: 'agent', agent };
  /** Conversations this supervisor is monitoring, and how to stop each. */
  const monitoring = new Map<string, () => void>();
  /** Customers this window shows, by the conversation they were opened from. */
  const viewing = new Map<string, string>();

  async function handle(frame: AgentFrame): Promise<void> {
    if (frame.type === 'hello') return hello(frame);
    if (!greeted) throw new AppError('not-authenticated', 'send hello first');
    if (isConversationFrame(frame)) return handleConversationFrame(services.conversations, actor, frame, (f) => channel.send(f));
    const { routing, conversations } = services;
    switch (frame.type) {
      case 'presence.set':
        agent.status = frame.status;
        await routing.setStatus(agent.id, frame.status, frame.reason);
        return channel.send({ type: 'ack', id: frame.id });
      case 'monitor.start': {
        await services.supervision.assertMayMonitor(actor, frame.conversationId);
        if (!monitoring.has(frame.conversationId)) monitoring.set(frame.conversationId, services.bus.subscribe(topics.monitor(frame.conversationId), (f) => channel.send(f)));
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      }
      case 'monitor.stop':
        monitoring.get(frame.conversationId)?.();
        monitoring.delete(frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'note.add':
        await services.customers.addNote(actor, frame.conversationId, frame.text, frame.id);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'customer.view': {
        const earlier = viewing.get(frame.conversationId);
        if (frame.viewing && !earlier) {
          const customerId = await services.customers.customerOfConversation(actor, frame.conversationId);
          viewing.set(frame.conversationId, customerId);
          services.customerViewers.open(customerId, agent);
        } else if (!frame.viewing && earlier) {
          viewing.delete(frame.conversationId);
          services.customerViewers.close(earlier, agent.id);
        }
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      }
      case 'whisper':
        await services.supervision.whisper(actor, frame.conversationId, frame.text, frame.id);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'barge':
        await services.supervision.barge(actor, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'wrap-up.done':
        await routing.wrapUpDone(agent, frame.disposition);
        return channel.send({ type: 'ack', id: frame.id });
      case 'offer.accept':
        await routing.accept(agent, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'conversation.transfer':
        await conversations.transfer(actor, frame.conversationId, frame.to, frame.note, frame.id);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'cobrowse.request':
        await services.cobrowse.request(agent, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'cobrowse.control-request':
        await services.cobrowse.requestControl(agent, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'cobrowse.stop':
        await services.cobrowse.stop({ kind: 'agent', id: agent.id, name: agent.name }, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'offer.decline':
        await routing.decline(agent, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
    }
  }

  async function hello(frame: Extract<AgentFrame, { type: 'hello' }>): Promise<void> {
    if (greeted) throw new AppError('malformed-frame', 'already said hello');
    if (frame.protocol !== PROTOCOL_VERSION) {
      channel.sendError('unsupported-version', `this server speaks protocol ${PROTOCOL_VERSION}; reload the app`);
      return channel.close(4400, 'unsupported protocol');
    }
    greeted = true;
    const stopAgent = services.bus.subscribe(topics.agent(agent.id), (f) => channel.send(f));
    // Supervisors and admins also watch the wallboard.
    const stopBoard = agent.role === 'agent' ? () => {} : services.bus.subscribe(topics.supervisors(), (f) => channel.send(f));
    unsubscribe = () => {
      stopAgent();
      stopBoard();
    };
    await services.routing.agentConnected(agent);
    const fresh = (await services.store.agents.findById(agent.id)) ?? agent;
    const wrapUp = services.routing.wrapUpOf(agent.id);
    channel.send({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: 'agent',
      agent: toProfile(fresh),
      status: fresh.status,
      ...(fresh.status === 'away' && fresh.breakReason ? { breakReason: fresh.breakReason as BreakReason } : {}),
      ...(wrapUp ? { wrapUp } : {}),
      conversations: await services.store.conversations.summariesForAgent(agent.id),
      offers: services.routing.offersFor(agent.id),
    });
    for (const call of services.calls.viewsForAgent(agent.id)) channel.send({ type: 'call', call });
    for (const session of services.cobrowse.viewsForAgent(agent.id)) channel.send({ type: 'cobrowse', session });
    if (agent.role !== 'agent') channel.send({ type: 'wallboard', wallboard: await services.wallboard.snapshot() });
  }

  return socketEvents({
    schema: agentFrameSchema,
    registry,
    handle,
    opened: (c) => (channel = c),
    closed() {
      unsubscribe();
      for (const stop of monitoring.values()) stop();
      monitoring.clear();
      for (const customerId of viewing.values()) services.customerViewers.close(customerId, agent.id);
      viewing.clear();
      if (!greeted) return;
      void services.routing
        .agentDisconnected(agent.id)
        // Their last app window closed mid-call: the callers go back to the head of the queue.
        .then(() => (services.routing.isConnected(agent.id) ? undefined : services.calls.agentGone(agent.id)))
        .catch((e: unknown) => console.error('routing: disconnect failed', e));
    },
  });
}
