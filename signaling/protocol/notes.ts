/** Notes inside a conversation that only agents and supervisors see (a supervisor's whisper). */
export interface ConversationNote {
  id: number;
  conversationId: string;
  kind: 'whisper';
  author: { id: string; name: string };
  text: string;
  at: number;
}
