/** The queue editor's "Pre-chat form" section: on or off, which built-in fields, consent text, custom fields. */
import { html } from 'lit';
import { MAX_CONSENT_TEXT, MAX_CUSTOM_FIELDS, MAX_FIELD_LABEL, PRE_CHAT_FIELD_USES, type PreChatForm } from '../../../signaling/protocol/pre-chat-form.js';
import { t } from '../i18n/en.js';
import { PRE_CHAT_BUILT_IN } from './pre-chat-form-input.js';

const FIELD_LABEL = { name: 'preChatFieldName', email: 'preChatFieldEmail', phone: 'preChatFieldPhone' } as const;
const FIELD_NAME = { name: 'preChatName', email: 'preChatEmail', phone: 'preChatPhone' } as const;

/** Field names match `readPreChatForm`. */
export function renderPreChatFieldset(form: PreChatForm | undefined) {
  const rows = Array.from({ length: MAX_CUSTOM_FIELDS }, (_, i) => ({ n: i + 1, field: form?.custom[i] }));
  return html`<fieldset class="pre-chat">
    <legend>${t('preChatFormLegend')}</legend>
    <label class="check wide"><input name="preChatEnabled" type="checkbox" ?checked=${form?.enabled ?? false} />${t('preChatEnabled')}</label>
    ${PRE_CHAT_BUILT_IN.map(
      (key) => html`<label
        >${t(FIELD_LABEL[key])}
        <select name=${FIELD_NAME[key]}>
          ${PRE_CHAT_FIELD_USES.map((use) => html`<option value=${use} ?selected=${(form?.fields[key] ?? 'off') === use}>${t(`preChatUse_${use}`)}</option>`)}
        </select>
      </label>`,
    )}
    <label class="wide">${t('preChatConsentText')}<textarea name="preChatConsentText" rows="2" maxlength=${MAX_CONSENT_TEXT} .value=${form?.consent?.text ?? ''}></textarea></label>
    <label class="check wide"><input name="preChatConsentRequired" type="checkbox" ?checked=${form?.consent?.required ?? true} />${t('preChatConsentRequired')}</label>
    <table>
      <caption>${t('preChatCustom')}</caption>
      <thead><tr><th scope="col">${t('preChatCustomLabel')}</th><th scope="col">${t('preChatCustomKey')}</th><th scope="col">${t('preChatCustomRequired')}</th></tr></thead>
      <tbody>
        ${rows.map(
          ({ n, field }) => html`<tr>
            <td><input name="preChatCustomLabel-${n}" maxlength=${MAX_FIELD_LABEL} aria-label="${t('preChatCustomLabel')} ${n}" .value=${field?.label ?? ''} /></td>
            <td><input name="preChatCustomKey-${n}" maxlength="32" pattern="[a-z][a-z0-9_\\-]*" aria-label="${t('preChatCustomKey')} ${n}" .value=${field?.key ?? ''} /></td>
            <td><input name="preChatCustomRequired-${n}" type="checkbox" aria-label="${t('preChatCustomRequired')} ${n}" ?checked=${field?.required ?? false} /></td>
          </tr>`,
        )}
      </tbody>
    </table>
  </fieldset>`;
}
