/** An agent notes something about a customer, and says which customer their window shows ("also viewing"). */
import { ackFor, type AgentFrameHandlers } from './agent-context.js';

export const customerFrames: AgentFrameHandlers<'note.add' | 'customer.view'> = {
  async 'note.add'({ services, actor, send }, frame) {
    await services.customers.addNote(actor, frame.conversationId, frame.text, frame.id);
    send(ackFor(frame));
  },
  async 'customer.view'({ services, agent, actor, send, viewing }, frame) {
    const earlier = viewing.get(frame.conversationId);
    if (frame.viewing && !earlier) {
      const customerId = await services.customers.customerOfConversation(actor, frame.conversationId);
      viewing.set(frame.conversationId, customerId);
      services.customerViewers.open(customerId, agent);
    } else if (!frame.viewing && earlier) {
      viewing.delete(frame.conversationId);
      services.customerViewers.close(earlier, agent.id);
    }
    send(ackFor(frame));
  },
};
