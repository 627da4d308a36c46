/** The frames both parties send about a conversation they are in, handled the same way for visitors and agents. */
import { assertNever } from '../protocol/assert-never.js';
import type { ClientFrame } from '../protocol/client-frames.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { Actor } from '../kernel/actor.js';
import type { ConversationService } from '../conversations/conversation-service.js';

export type ConversationFrame = Extract<ClientFrame, { type: 'message.send' | 'sync' | 'read' | 'typing' | 'conversation.end' | 'call.hold' }>;

const CONVERSATION_FRAMES: ReadonlySet<string> = new Set(['message.send', 'sync', 'read', 'typing', 'conversation.end', 'call.hold']);

export function isConversationFrame(frame: ClientFrame): frame is ConversationFrame {
  return CONVERSATION_FRAMES.has(frame.type);
}

/** Carries out one conversation frame for `actor` and sends the acknowledgement. Authorization is the service's. */
export async function handleConversationFrame(conversations: ConversationService, actor: Actor, frame: ConversationFrame, send: (frame: ServerFrame) => void): Promise<void> {
  switch (frame.type) {
    case 'message.send': {
      const sent = await conversations.send(actor, frame.conversationId, frame.text, frame.id, frame.attachments ?? []);
      // A reply held for review has no place in the timeline yet: its agent hears of it as a `held-reply`.
      return send({ type: 'ack', id: frame.id, conversationId: frame.conversationId, ...('event' in sent ? { seq: sent.event.seq } : {}) });
    }
    case 'sync': {
      const events = await conversations.eventsAfter(actor, frame.conversationId, frame.afterSeq);
      send({ type: 'events', conversationId: frame.conversationId, events });
      // Staff also get the conversation's whispers; visitors never do.
      if (actor.kind === 'agent') {
        send({ type: 'notes', conversationId: frame.conversationId, notes: await conversations.notesFor(actor, frame.conversationId) });
        send({ type: 'held-replies', conversationId: frame.conversationId, replies: await conversations.heldRepliesFor(actor, frame.conversationId) });
      }
      return send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
    }
    case 'read':
      return conversations.markRead(actor, frame.conversationId, frame.seq);
    case 'typing':
      return conversations.typing(actor, frame.conversationId, frame.isTyping);
    case 'conversation.end':
      await conversations.end(actor, frame.conversationId);
      return send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
    case 'call.hold':
      await conversations.hold(actor, frame.conversationId, frame.held);
      return send({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
    default:
      return assertNever(frame);
  }
}
