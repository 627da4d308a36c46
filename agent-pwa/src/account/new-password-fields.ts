/** The "new password" and "again" fields every password form has (a link, a forced or a chosen change), with the rules hint and their errors. */
import { html } from 'lit';
import { t } from '../i18n/en.js';
import { describedBy, fieldError, invalid } from './field-error.js';

type Fields = Record<string, string> | undefined;

/**
 * @param name the new password's field name, as the server's refusal names it (`password`, `newPassword`).
 * @param hintId the rules hint's id, unique within the form's shadow root.
 */
export function newPasswordFields(fields: Fields, name: string, hintId: string) {
  return html`<div class="field">
      <label
        >${t('newPassword')}
        <input name=${name} type="password" autocomplete="new-password" required aria-invalid=${invalid(fields, name)} aria-describedby=${fields?.[name] ? `${hintId} ${name}-error` : hintId} />
      </label>
      <span class="hint" id=${hintId}>${t('passwordRules')}</span>
      ${fieldError(fields, name)}
    </div>
    <div class="field">
      <label
        >${t('repeatPassword')}
        <input name="repeat" type="password" autocomplete="new-password" required aria-invalid=${invalid(fields, 'repeat')} aria-describedby=${describedBy(fields, 'repeat')} />
      </label>
      ${fieldError(fields, 'repeat')}
    </div>`;
}
