/** Composer keys, as in every chat app: Enter sends, Shift+Enter makes a new line, Enter while composing (IME) does nothing. */
export function sendOnEnter(event: KeyboardEvent): void {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  }
}

/**
 * On a composer form's submit: stops the page from navigating and takes the text out of the
 * form's textarea (trimmed, the field emptied), or undefined when there is nothing to send.
 */
export function takeComposerText(event: Event): string | undefined {
  event.preventDefault();
  const field = (event.target as HTMLFormElement).querySelector('textarea');
  const text = field?.value.trim();
  if (!field || !text) return undefined;
  field.value = '';
  return text;
}
