/**
 * The agent's unsent replies, one per conversation, kept in this tab's session storage as they
 * type: a reload (the app updating to a new version, a crash, F5) gives each draft back, and
 * closing the tab forgets them, as it should on a shared desk.
 */
const PREFIX = 'switchboard.draft.';

/** The draft of a conversation, or '' when there is none (or storage is not allowed). */
export function loadDraft(conversationId: string): string {
  try {
    return sessionStorage.getItem(PREFIX + conversationId) ?? '';
  } catch {
    return '';
  }
}

/** Keeps the draft; an empty one is forgotten. */
export function saveDraft(conversationId: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(PREFIX + conversationId, text);
    else sessionStorage.removeItem(PREFIX + conversationId);
  } catch {
    // Storage full or refused: the draft still lives in the field until the page goes.
  }
}
