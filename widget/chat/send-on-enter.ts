/** Composer keys, as in every chat app: Enter sends, Shift+Enter makes a new line, Enter while composing (IME) does nothing. */
export function sendOnEnter(event: KeyboardEvent): void {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  }
}
