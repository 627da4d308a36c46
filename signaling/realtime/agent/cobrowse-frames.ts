/** An agent asks to see the visitor's page, asks for control, or stops. */
import { ackFor, type AgentFrameHandlers } from './agent-context.js';

export const agentCobrowseFrames: AgentFrameHandlers<'cobrowse.request' | 'cobrowse.control-request' | 'cobrowse.stop'> = {
  async 'cobrowse.request'({ services, agent, send }, frame) {
    await services.cobrowse.request(agent, frame.conversationId);
    send(ackFor(frame));
  },
  async 'cobrowse.control-request'({ services, agent, send }, frame) {
    await services.cobrowse.requestControl(agent, frame.conversationId);
    send(ackFor(frame));
  },
  async 'cobrowse.stop'({ services, agent, send }, frame) {
    await services.cobrowse.stop({ kind: 'agent', id: agent.id, name: agent.name }, frame.conversationId);
    send(ackFor(frame));
  },
};
