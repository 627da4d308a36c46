/** The widget's socket: a visitor proves their identity with `hello` and then acts on their own conversations only. */
import type { WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { assertNever } from '../protocol/assert-never.js';
import { visitorFrameSchema, type VisitorFrame } from '../protocol/client-frames.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { Actor } from '../kernel/actor.js';
import { visitorEventEntry } from '../customers/timeline-event.js';
import { AppError } from '../kernel/app-error.js';
import type { Services } from '../wiring.js';
import { handleConversationFrame, isConversationFrame } from './conversation-frames.js';
import type { FrameChannel } from './frame-channel.js';
import { socketEvents } from './socket-events.js';
import type { SocketRegistry } from './socket-registry.js';

/** What the upgrade request said about the visitor's browser. */
export interface VisitorRequest {
  userAgent?: string | undefined;
  /** The upgrade request's id, for the socket's log lines. */
  requestId?: string | undefined;
}

export function visitorSocket(services: Services, registry: SocketRegistry, request: VisitorRequest = {}): WSEvents<WebSocket> {
  let channel!: FrameChannel<VisitorFrame>;
  let actor: (Actor & { kind: 'visitor' }) | undefined;
  let unsubscribe = () => {};
  let disconnected = () => {};

  async function handle(frame: VisitorFrame): Promise<void> {
    if (frame.type === 'hello') return hello(frame);
    if (!actor) throw new AppError('not-authenticated', 'send hello with your visitor token first');
    const { conversations } = services;
    if (isConversationFrame(frame)) return handleConversationFrame(conversations, actor, frame, (f) => channel.send(f));
    switch (frame.type) {
      case 'conversation.start': {
        // The form's answers first: incomplete ones refuse the start before anything is created.
        const given = await services.preChat.intake(actor.visitorId, frame.queue, frame.preChat);
        if (given.name) actor.name = given.name;
        // Before the start, like the form's answers: the offer reaches the agent with the topic on it.
        await services.topicMenu.recordChoice(actor.visitorId, frame.topic, frame.queue);
        // An invitation since turned off or removed still lets the visitor chat, just without its text.
        const invitation = frame.invitationId ? await services.invitations.opening(frame.invitationId) : undefined;
        const summary = await services.placement.start(actor.visitorId, frame.id, {
          ...(invitation ? { invitation } : {}),
          ...(frame.queue ? { queue: frame.queue } : {}),
          ...(frame.page ? { page: frame.page } : {}),
          ...(frame.locale ? { locale: frame.locale } : {}),
          ...(frame.handoff ? { handoff: frame.handoff } : {}),
        });
        return channel.send({ type: 'ack', id: frame.id, conversationId: summary.id });
      }
      case 'call.start': {
        // A call placed from the topic menu rings in the topic's queue; the topic is checked first.
        const queue = frame.topic ? await services.topicMenu.routeCall(actor.visitorId, frame.topic, frame.queue) : frame.queue;
        const summary = await services.calls.start(actor.visitorId, frame.id, {
          ...(queue ? { queue } : {}),
          ...(frame.page ? { page: frame.page } : {}),
          ...(frame.locale ? { locale: frame.locale } : {}),
        });
        return channel.send({ type: 'ack', id: frame.id, conversationId: summary.id });
      }
      case 'call.consent':
        await conversations.setRecordingConsent(actor.visitorId, frame.conversationId, frame.recording);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'cobrowse.accept':
        await services.cobrowse.accept(actor.visitorId, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'cobrowse.decline':
        await services.cobrowse.decline(actor.visitorId, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'cobrowse.control':
        await services.cobrowse.setControl(actor.visitorId, frame.conversationId, frame.allowed);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'cobrowse.stop':
        await services.cobrowse.stop({ kind: 'visitor', id: actor.visitorId }, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'conversation.rate':
        await conversations.rate(actor.visitorId, frame.conversationId, frame.rating);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'visitor.identify': {
        const { type: _t, id, userId, userHash, attributes, ...fields } = frame;
        // The customer first: a bad user hash refuses the whole frame before anything is stored.
        await services.customers.identify(actor.visitorId, { ...fields, ...(userId ? { userId } : {}), ...(userHash ? { userHash } : {}), ...(attributes ? { attributes } : {}) });
        await conversations.identify(actor.visitorId, fields);
        if (fields.name) actor.name = fields.name;
        return channel.send({ type: 'ack', id });
      }
      case 'visitor.event': {
        const { type: _t, id, ...event } = frame;
        await services.customers.trackEvent(actor.visitorId, event);
        // During a conversation it joins the timeline too, where the agent reads it in order.
        await conversations.recordForVisitor(actor.visitorId, visitorEventEntry(event));
        return channel.send({ type: 'ack', id });
      }
      case 'visitor.conversation-attributes':
        await services.customers.setConversationAttributes(actor.visitorId, frame.attributes);
        return channel.send({ type: 'ack', id: frame.id });
      case 'web-call.answer':
        await services.webCalls.answer(actor.visitorId, frame.conversationId, frame.accept);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'web-call.settings':
        await services.webCalls.setCallsOff(actor.visitorId, frame.off);
        return channel.send({ type: 'ack', id: frame.id });
      case 'call.hangup':
        await services.webCalls.hangUp(actor, frame.conversationId);
        return channel.send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
      case 'visitor.context': {
        const { type: _t, ...seen } = frame;
        await services.customers.recordContext(actor.visitorId, { ...seen, ...(request.userAgent ? { userAgent: request.userAgent } : {}) });
        return;
      }
      default:
        return assertNever(frame);
    }
  }

  async function hello(frame: Extract<VisitorFrame, { type: 'hello' }>): Promise<void> {
    if (actor) throw new AppError('malformed-frame', 'already said hello');
    if (frame.protocol !== PROTOCOL_VERSION) {
      channel.sendError('unsupported-version', `this server speaks protocol ${PROTOCOL_VERSION}; reload the page`);
      return channel.close(4400, 'unsupported protocol');
    }
    const visitor = frame.token ? await services.visitors.resolve(frame.token) : undefined;
    if (!visitor) {
      channel.sendError('not-authenticated', 'unknown or invalid visitor token');
      return channel.close(4401, 'not authenticated');
    }
    actor = { kind: 'visitor', visitorId: visitor.id, ...(visitor.name ? { name: visitor.name } : {}) };
    // Subscribe before reading the state, so nothing published in between is missed; the
    // client drops anything it already holds by seq.
    unsubscribe = services.conversations.followVisitor(visitor.id, (f) => channel.send(f));
    const conversations = await services.conversations.listForVisitor(visitor.id);
    const { id, name, email, phone } = visitor;
    channel.send({ type: 'welcome', protocol: PROTOCOL_VERSION, role: 'visitor', visitor: { id, name, email, phone }, conversations, webCallsOff: visitor.webCallsOff });
    // On the site now, for agents who would call them (after the welcome, so a ring never comes first).
    disconnected = services.webCalls.visitorConnected(visitor.id);
    for (const ring of services.webCalls.ringsForVisitor(visitor.id)) channel.send(ring);
    for (const call of services.calls.viewsForVisitor(visitor.id)) channel.send({ type: 'call', call });
    for (const session of services.cobrowse.viewsForVisitor(visitor.id)) channel.send({ type: 'cobrowse', session });
  }

  return socketEvents({
    endpoint: 'visitor',
    telemetry: { requestId: request.requestId, metrics: services.metrics },
    schema: visitorFrameSchema,
    registry,
    handle,
    opened: (c) => (channel = c),
    closed() {
      unsubscribe();
      disconnected();
    },
  });
}
