/** How an agent-only note is introduced, by kind: an internal note must not read as a supervisor's whisper. */
import type { ConversationNote } from '../../../signaling/protocol/notes.js';
import { assertNever } from '../../../ui/assert-never.js';
import { t } from '../i18n/en.js';

/**
 * The heading before a note's text, such as "Internal note by Ana Lima".
 * @example html`<strong>${noteHeading(note)}:</strong> ${note.text}`
 */
export function noteHeading(note: Pick<ConversationNote, 'kind' | 'author'>): string {
  const name = note.author.name;
  switch (note.kind) {
    case 'whisper':
      return t('whisperFrom', { name });
    case 'handover':
      return t('handoverFrom', { name });
    case 'note':
      return t('internalNoteBy', { name });
    default:
      return assertNever(note.kind);
  }
}
