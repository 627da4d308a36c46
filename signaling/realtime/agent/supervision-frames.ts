/** A supervisor watches a conversation, whispers to its agent, or joins it. */
import { AppError } from '../../kernel/app-error.js';
import { ackFor, type AgentFrameHandlers } from './agent-context.js';

export const supervisionFrames: AgentFrameHandlers<'monitor.start' | 'monitor.stop' | 'whisper' | 'barge'> = {
  async 'monitor.start'({ services, actor, send, monitoring }, frame) {
    if (!monitoring.has(frame.conversationId)) monitoring.set(frame.conversationId, await services.supervision.monitor(actor, frame.conversationId, send));
    send(ackFor(frame));
  },
  async 'monitor.stop'({ send, monitoring }, frame) {
    const stop = monitoring.get(frame.conversationId);
    // Only what this window watches can be stopped: anything else answers as a conversation that does not exist.
    if (!stop) throw new AppError('not-found', 'this window is not monitoring that conversation');
    stop();
    monitoring.delete(frame.conversationId);
    send(ackFor(frame));
  },
  async whisper({ services, actor, send }, frame) {
    await services.supervision.whisper(actor, frame.conversationId, frame.text, frame.id);
    send(ackFor(frame));
  },
  async barge({ services, actor, send }, frame) {
    await services.supervision.barge(actor, frame.conversationId);
    send(ackFor(frame));
  },
};
