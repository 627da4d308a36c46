/**
 * The agent app's socket: authenticated by the session cookie at upgrade; `hello` opens the
 * agent's presence and feeds, then each frame goes to the handlers of its kind (presence,
 * offers, supervision, customers, co-browsing, and the conversation frames both parties send).
 */
import type { WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { AppError } from '../kernel/app-error.js';
import { componentLogger } from '../kernel/logger.js';
import { toProfile } from '../auth/auth-service.js';
import { agentFrameSchema, type AgentFrame } from '../protocol/client-frames.js';
import type { BreakReason } from '../protocol/presence.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Services } from '../wiring.js';
import type { AgentContext, AgentFrameHandlers } from './agent/agent-context.js';
import { agentCobrowseFrames } from './agent/cobrowse-frames.js';
import { customerFrames } from './agent/customer-frames.js';
import { offerFrames } from './agent/offer-frames.js';
import { presenceFrames } from './agent/presence-frames.js';
import { supervisionFrames } from './agent/supervision-frames.js';
import { agentWebCallFrames } from './agent/web-call-frames.js';
import { handleConversationFrame, isConversationFrame, type ConversationFrame } from './conversation-frames.js';
import type { FrameChannel } from './frame-channel.js';
import { socketEvents } from './socket-events.js';
import type { SocketRegistry } from './socket-registry.js';

const log = componentLogger('socket');

/** Every agent frame but `hello` and the conversation frames; the type makes a forgotten one a compile error. */
const handlers: AgentFrameHandlers<Exclude<AgentFrame['type'], 'hello' | ConversationFrame['type']>> = {
  ...presenceFrames,
  ...offerFrames,
  ...supervisionFrames,
  ...customerFrames,
  ...agentCobrowseFrames,
  ...agentWebCallFrames,
};

/**
 * @param sessionId the session the socket was opened with: it closes when that session ends.
 * @param requestId the upgrade request's id, for the socket's log lines.
 */
export function agentSocket(services: Services, registry: SocketRegistry, agent: AgentRecord, sessionId: string, requestId?: string): WSEvents<WebSocket> {
  let channel!: FrameChannel<AgentFrame>;
  let greeted = false;
  let unfollow = () => {};
  const ctx: AgentContext = {
    services,
    agent,
    actor: { kind: 'agent', agent },
    send: (frame) => channel.send(frame),
    monitoring: new Map(),
    viewing: new Map(),
  };

  async function handle(frame: AgentFrame): Promise<void> {
    if (frame.type === 'hello') return hello(frame);
    if (!greeted) throw new AppError('not-authenticated', 'send hello first');
    if (isConversationFrame(frame)) return handleConversationFrame(services.conversations, ctx.actor, frame, ctx.send);
    const handler = handlers[frame.type] as (ctx: AgentContext, frame: AgentFrame) => Promise<void>;
    return handler(ctx, frame);
  }

  async function hello(frame: Extract<AgentFrame, { type: 'hello' }>): Promise<void> {
    if (greeted) throw new AppError('malformed-frame', 'already said hello');
    if (frame.protocol !== PROTOCOL_VERSION) {
      channel.sendError('unsupported-version', `this server speaks protocol ${PROTOCOL_VERSION}; reload the app`);
      return channel.close(4400, 'unsupported protocol');
    }
    greeted = true;
    unfollow = services.presence.follow(agent, (f) => {
      if (f.type === 'signed-out') return void signOutIfEnded(f).catch((err: unknown) => log.error({ agentId: agent.id, err }, 'session check failed'));
      ctx.send(f);
    });
    await services.presence.agentConnected(agent);
    const fresh = await services.presence.current(agent);
    const wrapUp = services.routing.wrapUpOf(agent.id);
    channel.send({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: 'agent',
      agent: toProfile(fresh),
      status: fresh.status,
      ...(fresh.status === 'away' && fresh.breakReason ? { breakReason: fresh.breakReason as BreakReason } : {}),
      ...(wrapUp ? { wrapUp } : {}),
      conversations: await services.conversations.listForAgent(agent.id),
      offers: services.routing.offersFor(agent.id),
    });
    for (const call of services.calls.viewsForAgent(agent.id)) channel.send({ type: 'call', call });
    for (const session of services.cobrowse.viewsForAgent(agent.id)) channel.send({ type: 'cobrowse', session });
    if (agent.role !== 'agent') channel.send({ type: 'wallboard', wallboard: await services.wallboard.snapshot() });
  }

  /** Some of the agent's sessions ended elsewhere: this window closes if its own was one of them. */
  async function signOutIfEnded(frame: Extract<ServerFrame, { type: 'signed-out' }>): Promise<void> {
    if (await services.auth.agentForSession(sessionId)) return;
    channel.send(frame);
    channel.close(4401, 'signed out');
  }

  return socketEvents({
    endpoint: 'agent',
    telemetry: { requestId, metrics: services.metrics },
    schema: agentFrameSchema,
    registry,
    handle,
    opened: (c) => (channel = c),
    closed() {
      unfollow();
      for (const stop of ctx.monitoring.values()) stop();
      ctx.monitoring.clear();
      for (const customerId of ctx.viewing.values()) services.customerViewers.close(customerId, agent.id);
      ctx.viewing.clear();
      if (!greeted) return;
      void services.presence
        .agentDisconnected(agent.id)
        .then(async (graceBegan) => {
          if (!graceBegan) return;
          // The agent signed out in this window: they are leaving, not reloading, so nothing is
          // held for them; otherwise offers would wait the grace on someone who went home.
          const signedOut = !(await services.auth.agentForSession(sessionId));
          const inCall = services.calls.viewsForAgent(agent.id).length > 0;
          if (!signedOut && !inCall) return;
          // Their last app window closed mid-call, and its media went with it: no grace, they are
          // away now, and the callers go back to the head of the queue for a colleague to answer.
          await services.presence.endGrace(agent.id);
          if (inCall) await services.calls.agentGone(agent.id);
        })
        .catch((err: unknown) => log.error({ agentId: agent.id, err }, 'routing: disconnect failed'));
    },
  });
}
