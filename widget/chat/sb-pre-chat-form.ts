/**
 * A queue's pre-chat form: the details the queue asks before a first chat (name, e-mail, phone,
 * consent to the site's text, short custom fields) and, optionally, the first message. Checks
 * the answers as the server will (`checkPreChatAnswers`) and ties each problem to its field.
 */
import { html, LitElement, nothing } from 'lit';
import { checkPreChatAnswers, type PreChatIssue } from '../../signaling/protocol/pre-chat-answers.js';
import { MAX_CUSTOM_ANSWER, type PreChatAnswers, type PreChatFieldUse, type PreChatForm } from '../../signaling/protocol/pre-chat-form.js';
import { MAX_MESSAGE_LENGTH } from '../../signaling/protocol/version.js';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';
import { chatPanelStyles } from './sb-chat-panel.styles.js';
import { preChatFormStyles } from './sb-pre-chat-form.styles.js';

const BUILT_IN = [
  { key: 'name', label: 'fieldName', autocomplete: 'name', type: 'text', max: 120 },
  { key: 'email', label: 'fieldEmail', autocomplete: 'email', type: 'email', max: 254 },
  { key: 'phone', label: 'fieldPhone', autocomplete: 'tel', type: 'tel', max: 32 },
] as const;

const PROBLEMS: Record<PreChatIssue['problem'], MessageKey> = { required: 'preChatErrorRequired', email: 'errorEmail', phone: 'errorPhone' };

/** An element id for a field's path (`custom.order` → `pc-custom-order`). */
const idOf = (path: string) => `pc-${path.replace('.', '-')}`;

/**
 * @fires sb-pre-chat-submit - `{ answers, text }` when every answer the queue needs is there.
 */
export class SbPreChatForm extends LitElement {
  static override styles = [chatPanelStyles, preChatFormStyles];
  static override properties = {
    form: { attribute: false },
    known: { attribute: false },
    busy: { type: Boolean },
    refused: { type: Boolean },
    messages: { attribute: false },
    locale: { attribute: false },
    issues: { state: true },
  };

  declare form: PreChatForm;
  /** What is known of the visitor already (`identify()`): the fields start from it. */
  declare known: { name?: string; email?: string; phone?: string } | undefined;
  /** The chat is starting: the button waits. */
  declare busy: boolean;
  /** The server refused the last try. */
  declare refused: boolean;
  declare messages: Catalogue;
  declare locale: string;
  declare issues: PreChatIssue[];

  constructor() {
    super();
    this.form = { enabled: false, fields: { name: 'off', email: 'off', phone: 'off' }, consent: null, custom: [] };
    this.known = undefined;
    this.busy = false;
    this.refused = false;
    this.messages = en;
    this.locale = 'en';
    this.issues = [];
  }

  private t(key: MessageKey): string {
    return format(this.messages, key, {}, this.locale);
  }

  /** Moves focus to the first field (called when the panel opens on the form). */
  focusFirst(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input, textarea')?.focus());
  }

  private issueOf(path: string): PreChatIssue | undefined {
    return this.issues.find((i) => i.path === path);
  }

  /** "(required)" or "(optional)" in words beside each label, not a bare asterisk. */
  private need(required: boolean) {
    return html` <span class="need">(${this.t(required ? 'preChatRequired' : 'preChatOptional')})</span>`;
  }

  /** The problem under a field, which the field names as its description. */
  private error(path: string) {
    const issue = this.issueOf(path);
    const words = !issue ? '' : path === 'consent' ? this.t('preChatErrorConsent') : this.t(PROBLEMS[issue.problem]);
    return html`<p class="error" id="${idOf(path)}-error">${words}</p>`;
  }

  private textField(path: string, label: string, required: boolean, attrs: { type: string; autocomplete?: string; max: number; value?: string | undefined }) {
    const id = idOf(path);
    const invalid = !!this.issueOf(path);
    return html`<div class="field">
      <label for=${id}>${label}${this.need(required)}</label>
      <input
        id=${id}
        name=${path}
        type=${attrs.type}
        autocomplete=${attrs.autocomplete ?? 'off'}
        maxlength=${attrs.max}
        .value=${attrs.value ?? ''}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${id}-error` : nothing}
      />
      ${this.error(path)}
    </div>`;
  }

  override render() {
    const { fields, consent, custom } = this.form;
    const consentInvalid = !!this.issueOf('consent');
    return html`<form aria-labelledby="pc-title" novalidate @submit=${this.onSubmit}>
      <p id="pc-title">${this.t('preChatIntro')}</p>
      ${BUILT_IN.filter((f) => fields[f.key] !== 'off').map((f) =>
        this.textField(f.key, this.t(f.label), (fields[f.key] as PreChatFieldUse) === 'required', { type: f.type, autocomplete: f.autocomplete, max: f.max, value: this.known?.[f.key] }),
      )}
      ${custom.map((f) => this.textField(`custom.${f.key}`, f.label, f.required, { type: 'text', max: MAX_CUSTOM_ANSWER }))}
      <div class="field">
        <label for="pc-message">${this.t('preChatMessage')}${this.need(false)}</label>
        <textarea id="pc-message" name="message" rows="3" maxlength=${MAX_MESSAGE_LENGTH}></textarea>
      </div>
      ${consent
        ? html`<div class="consent">
            <input
              id="pc-consent"
              name="consent"
              type="checkbox"
              aria-required=${consent.required ? 'true' : 'false'}
              aria-invalid=${consentInvalid ? 'true' : 'false'}
              aria-describedby=${consentInvalid ? 'pc-consent-error' : nothing}
            />
            <label for="pc-consent" dir="auto">${consent.text}${this.need(consent.required)}</label>
            ${this.error('consent')}
          </div>`
        : nothing}
      ${this.refused ? html`<p class="error" role="alert">${this.t('preChatRefused')}</p>` : nothing}
      <button class="primary" part="start-button" type="submit" ?disabled=${this.busy}>${this.t('preChatStart')}</button>
    </form>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const answers: PreChatAnswers = {};
    for (const f of BUILT_IN) if (this.form.fields[f.key] !== 'off' && text(f.key)) answers[f.key] = text(f.key);
    if (this.form.consent) answers.consent = data.get('consent') === 'on';
    const custom = Object.fromEntries(this.form.custom.flatMap((f) => (text(`custom.${f.key}`) ? [[f.key, text(`custom.${f.key}`)]] : [])));
    if (Object.keys(custom).length) answers.custom = custom;
    this.issues = checkPreChatAnswers(this.form, answers);
    if (this.issues.length) {
      // Focus lands on the first problem; its description (the error) is read with it.
      const first = this.issues[0]!.path;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${idOf(first)}`)?.focus());
      return;
    }
    this.dispatchEvent(new CustomEvent('sb-pre-chat-submit', { detail: { answers, text: text('message') }, bubbles: true, composed: true }));
  }
}

if (!customElements.get('sb-pre-chat-form')) customElements.define('sb-pre-chat-form', SbPreChatForm);

declare global {
  interface HTMLElementTagNameMap {
    'sb-pre-chat-form': SbPreChatForm;
  }
}
