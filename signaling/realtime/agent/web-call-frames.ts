/** An agent hangs up a call they placed to the visitor's browser (or stops it ringing); the chat goes on. */
import { ackFor, type AgentFrameHandlers } from './agent-context.js';

export const agentWebCallFrames: AgentFrameHandlers<'call.hangup'> = {
  async 'call.hangup'({ services, actor, send }, frame) {
    await services.webCalls.hangUp(actor, frame.conversationId);
    send(ackFor(frame));
  },
};
