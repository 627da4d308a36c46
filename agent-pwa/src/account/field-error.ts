/** Ties a field to its error message (aria-invalid, aria-describedby, the message under it), and says the rest above the form's buttons. */
import { html, nothing } from 'lit';
import type { Refusal } from './refusal.js';

type Fields = Record<string, string> | undefined;

/** `aria-invalid` of the field `name`. */
export const invalid = (fields: Fields, name: string) => (fields?.[name] ? 'true' : 'false');

/** `aria-describedby` of the field `name`: its error while there is one (the attribute goes otherwise). */
export const describedBy = (fields: Fields, name: string, prefix = '') => (fields?.[name] ? `${prefix}${name}-error` : nothing);

/** The message under the field `name`, if the last attempt named it; announced as it appears. */
export const fieldError = (fields: Fields, name: string, prefix = '') =>
  fields?.[name] ? html`<p class="field-error" id="${prefix}${name}-error" role="alert">${fields[name]}</p>` : nothing;

/**
 * The refusal's own line, unless it is already said beside one of `formFields` (then the field's
 * message is the announcement, and the same words are not shown twice).
 */
export function formError(refusal: Refusal | undefined, formFields: readonly string[]) {
  if (!refusal || Object.keys(refusal.fields).some((f) => formFields.includes(f))) return nothing;
  return html`<p class="error" role="alert">${refusal.message}</p>`;
}
