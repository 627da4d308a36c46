/**
 * Notes inside a conversation that only agents and supervisors see: a supervisor's whisper, an
 * agent's hand-over at a transfer, or an internal note for whoever serves the customer next.
 */
export interface ConversationNote {
  id: number;
  conversationId: string;
  kind: 'whisper' | 'handover' | 'note';
  author: { id: string; name: string };
  text: string;
  at: number;
}
