/** Notes inside a conversation that only agents and supervisors see: a supervisor's whisper, or an agent's hand-over at a transfer. */
export interface ConversationNote {
  id: number;
  conversationId: string;
  kind: 'whisper' | 'handover';
  author: { id: string; name: string };
  text: string;
  at: number;
}
