/** An agent sets their own state, and ends their wrap-up. */
import type { AgentFrameHandlers } from './agent-context.js';

export const presenceFrames: AgentFrameHandlers<'presence.set' | 'wrap-up.done'> = {
  async 'presence.set'({ services, agent, send }, frame) {
    agent.status = frame.status;
    await services.presence.setStatus(agent.id, frame.status, frame.reason);
    send({ type: 'ack', id: frame.id });
  },
  async 'wrap-up.done'({ services, agent, send }, frame) {
    await services.routing.wrapUpDone(agent, frame.disposition);
    send({ type: 'ack', id: frame.id });
  },
};
