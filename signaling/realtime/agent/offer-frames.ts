/** An agent accepts or declines what the ACD offers, and hands a conversation on. */
import { ackFor, type AgentFrameHandlers } from './agent-context.js';

export const offerFrames: AgentFrameHandlers<'offer.accept' | 'offer.decline' | 'conversation.transfer'> = {
  async 'offer.accept'({ services, agent, send }, frame) {
    await services.routing.accept(agent, frame.conversationId);
    send(ackFor(frame));
  },
  async 'offer.decline'({ services, agent, send }, frame) {
    await services.routing.decline(agent, frame.conversationId);
    send(ackFor(frame));
  },
  async 'conversation.transfer'({ services, actor, send }, frame) {
    await services.placement.transfer(actor, frame.conversationId, frame.to, frame.note, frame.id);
    send(ackFor(frame));
  },
};
