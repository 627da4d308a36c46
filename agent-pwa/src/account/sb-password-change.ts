/**
 * Changing one's own password: the current one, a new one, and the new one again. Full page
 * (`forced`) for a person signed in with an initial or temporary password, who must choose
 * their own before anything else; a section of Your account otherwise.
 */
import { css, html, LitElement, nothing } from 'lit';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { formStyles } from './form-styles.js';
import { describedBy, fieldError, formError, invalid } from './field-error.js';
import { newPasswordFields } from './new-password-fields.js';
import type { Refusal } from './refusal.js';

/**
 * @fires sb-password-change - `{ currentPassword, newPassword }` when both new entries match.
 * @fires sb-sign-out - (forced form only) the person would rather sign out.
 */
export class SbPasswordChange extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      :host { display: block; }
      :host([forced]) { display: grid; place-items: center; min-height: 100vh; }
    `,
  ];
  static override properties = {
    forced: { type: Boolean, reflect: true },
    busy: { type: Boolean },
    refusal: { attribute: false },
    done: { type: Boolean },
    mismatch: { state: true },
  };
  /** The person must choose a new password before the workspace opens. */
  declare forced: boolean;
  declare busy: boolean;
  /** Why the last attempt was refused. */
  declare refusal: Refusal | undefined;
  /** The last attempt succeeded (the section says so and clears its fields). */
  declare done: boolean;
  declare mismatch: boolean;

  constructor() {
    super();
    this.forced = false;
    this.busy = false;
    this.done = false;
    this.mismatch = false;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('done') && this.done) this.renderRoot.querySelector('form')?.reset();
  }

  override render() {
    const fields: Record<string, string> = { ...this.refusal?.fields, ...(this.mismatch ? { repeat: t('passwordsDiffer') } : {}) };
    const form = html`<form @submit=${this.onSubmit} aria-labelledby="password-title">
      ${this.forced
        ? html`<h1 id="password-title">${t('chooseOwnPasswordTitle')}</h1>
            <p class="hint">${t('chooseOwnPasswordHint')}</p>`
        : html`<h2 id="password-title">${t('changePasswordTitle')}</h2>`}
      <div class="field">
        <label
          >${this.forced ? t('currentPasswordInitial') : t('currentPassword')}
          <input name="currentPassword" type="password" autocomplete="current-password" required aria-invalid=${invalid(fields, 'currentPassword')} aria-describedby=${describedBy(fields, 'currentPassword')} />
        </label>
        ${fieldError(fields, 'currentPassword')}
      </div>
      ${newPasswordFields(fields, 'newPassword', 'new-password-hint')}
      ${formError(this.refusal, ['currentPassword', 'newPassword'])}
      ${this.done && !this.refusal ? html`<p class="hint" role="status">${t('passwordChanged')}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('saving') : t(this.forced ? 'choosePassword' : 'changePassword')}</button>
        ${this.forced ? html`<button type="button" @click=${this.signOut}>${t('signOut')}</button>` : nothing}
      </div>
    </form>`;
    return this.forced ? html`<div class="card">${form}</div>` : form;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const [currentPassword, newPassword, repeat] = ['currentPassword', 'newPassword', 'repeat'].map((n) => String(data.get(n) ?? ''));
    this.mismatch = newPassword !== repeat;
    if (this.mismatch) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=repeat]')?.focus());
      return;
    }
    this.dispatchEvent(new CustomEvent('sb-password-change', { detail: { currentPassword, newPassword }, bubbles: true, composed: true }));
  }

  private signOut(): void {
    this.dispatchEvent(new CustomEvent('sb-sign-out', { bubbles: true, composed: true }));
  }
}
