/**
 * The agent app's keyboard shortcuts: work the queue without the mouse. Alt+letter, so they
 * never collide with typing in the composer (and `/` inside the composer picks a canned reply).
 */
export type ShortcutAction = 'accept' | 'next' | 'previous' | 'reply' | 'transfer' | 'end';

/** The shortcuts, as listed in the app's help. */
export const SHORTCUTS: { keys: string; action: ShortcutAction }[] = [
  { keys: 'Alt+A', action: 'accept' },
  { keys: 'Alt+↓', action: 'next' },
  { keys: 'Alt+↑', action: 'previous' },
  { keys: 'Alt+R', action: 'reply' },
  { keys: 'Alt+T', action: 'transfer' },
  { keys: 'Alt+E', action: 'end' },
];

/** The action a key press asks for, if any. Uses `code`, so it works on every keyboard layout and on macOS, where Alt changes `key`. */
export function shortcutFor(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): ShortcutAction | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  switch (event.code) {
    case 'KeyA':
      return 'accept';
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'KeyR':
      return 'reply';
    case 'KeyT':
      return 'transfer';
    case 'KeyE':
      return 'end';
    default:
      return undefined;
  }
}

/**
 * During a call, Alt+1 … Alt+9 play the voice reply in that slot: the slot a key press asks
 * for, if any (by `code`, like the others: Digit1…Digit9 on every layout).
 */
export function voiceSlotFor(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): number | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const match = /^Digit([1-9])$/.exec(event.code);
  return match ? Number(match[1]) : undefined;
}
