/** Turns a refused request into words for the person: one message, and the server's message beside each field it named. */
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { ApiError } from '../api-client.js';
import { t } from '../i18n/en.js';

export interface Refusal {
  /** What went wrong, for a role=alert line. */
  message: string;
  /** Messages by field name (the server's `issues[].path`), shown next to those fields. */
  fields: Record<string, string>;
}

/** "the current password is wrong" → "The current password is wrong." */
export const sentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  return trimmed[0]!.toUpperCase() + trimmed.slice(1) + (/[.!?]$/.test(trimmed) ? '' : '.');
};

/**
 * The server explains refusals a person can fix (a weak password, an address already in the team,
 * the last admin) in plain words; anything else gets the catalogue's generic line.
 */
export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ProtocolError)) return { message: t('errorGeneric'), fields: {} };
  const fields: Record<string, string> = {};
  for (const issue of error instanceof ApiError ? error.issues : []) fields[issue.path] ??= sentence(issue.message);
  switch (error.reason) {
    case 'invalid-input':
      // Schema refusals list every field in the message; the fields carry them one by one.
      return { message: error.message.startsWith('invalid request') ? t('errorCheckFields') : sentence(error.message), fields };
    case 'invalid-credentials':
    case 'not-found':
    case 'forbidden':
    case 'rate-limited':
      return { message: sentence(error.message), fields };
    case 'not-authenticated':
      return { message: t('errorSignedOut'), fields };
    default:
      return { message: t('errorGeneric'), fields };
  }
}
