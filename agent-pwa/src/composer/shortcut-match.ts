/** The `/shortcut` typed at the start of the composer, and the canned replies it matches. */
import type { CannedReply } from '../../../signaling/protocol/api.js';

/** The shortcut being typed (`/sh` → `sh`), or undefined when the text is not a shortcut. */
export function typedShortcut(text: string): string | undefined {
  const m = /^\/([a-z0-9_-]*)$/i.exec(text);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Replies whose shortcut starts with the typed one, then those whose title contains it; at most `limit`. */
export function matchShortcut(replies: CannedReply[], typed: string, limit = 8): CannedReply[] {
  const starts = replies.filter((r) => r.shortcut.startsWith(typed));
  const titled = typed ? replies.filter((r) => !r.shortcut.startsWith(typed) && r.title.toLowerCase().includes(typed)) : [];
  return [...starts, ...titled].slice(0, limit);
}
