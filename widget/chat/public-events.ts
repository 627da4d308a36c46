/** Which timeline events the page hears about through the public API (`Switchboard.on`), and with what. */
import type { ConversationEvent } from '../../signaling/protocol/conversation.js';
import type { SwitchboardEventName, SwitchboardEvents } from '../loader/api-types.js';

/** Reports one public event to the page. */
export type EmitPublicEvent = <E extends SwitchboardEventName>(event: E, detail: SwitchboardEvents[E]) => void;

/** Announces a new timeline event when the page may hear of it: a message, an agent joining, the end. */
export function announcePublicEvent(e: ConversationEvent, emit: EmitPublicEvent): void {
  if (e.type === 'message') {
    const from = e.author.kind === 'agent' ? 'agent' : 'visitor';
    emit('message', { conversationId: e.conversationId, seq: e.seq, text: e.text, from, ...(e.author.name ? { name: e.author.name } : {}) });
  } else if (e.type === 'agent-joined') {
    emit('agent-joined', { conversationId: e.conversationId, name: e.agent.name ?? '' });
  } else if (e.type === 'ended') {
    emit('conversation-ended', { conversationId: e.conversationId, by: e.by.kind });
  }
}
