/**
 * Accepting an invitation or a password-reset link: greets the person the link is for, lets
 * them choose a password (and, invited, check their name). A used or expired link says so and
 * sends them to their admin.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { LinkInfo } from '../../../signaling/protocol/team.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { describedBy, fieldError, formError, invalid } from './field-error.js';
import { formStyles } from './form-styles.js';
import { newPasswordFields } from './new-password-fields.js';
import type { Refusal } from './refusal.js';

/**
 * @fires sb-link-accept - `{ password, name? }` (name for invitations) when both passwords match.
 * @fires sb-link-dismiss - the person leaves the link for the sign-in form.
 */
export class SbAccountLink extends LitElement {
  static override styles = [sharedStyles, formStyles, css`:host { display: grid; place-items: center; min-height: 100vh; }`];
  static override properties = {
    info: { attribute: false },
    expired: { type: Boolean },
    busy: { type: Boolean },
    refusal: { attribute: false },
    mismatch: { state: true },
  };
  /** What the link is for, once the server said. */
  declare info: LinkInfo | undefined;
  /** The link was used, revoked or is too old. */
  declare expired: boolean;
  declare busy: boolean;
  declare refusal: Refusal | undefined;
  declare mismatch: boolean;

  constructor() {
    super();
    this.expired = false;
    this.busy = false;
    this.mismatch = false;
  }

  override render() {
    if (this.expired) return this.renderExpired();
    if (!this.info) {
      return html`<div class="card">
        ${this.refusal ? html`<p class="error" role="alert">${this.refusal.message}</p>` : html`<p role="status">${t('linkChecking')}</p>`}
      </div>`;
    }
    const invite = this.info.purpose === 'invite';
    const fields: Record<string, string> = { ...this.refusal?.fields, ...(this.mismatch ? { repeat: t('passwordsDiffer') } : {}) };
    return html`<div class="card">
      <form @submit=${this.onSubmit} aria-labelledby="link-title">
        <h1 id="link-title">${invite ? t('inviteTitle', { name: this.info.name }) : t('resetTitle')}</h1>
        <p class="hint">${t('linkAccount', { email: this.info.email })}</p>
        ${invite
          ? html`<div class="field">
              <label
                >${t('yourName')}
                <input name="name" autocomplete="name" required maxlength="80" .value=${this.info.name} aria-invalid=${invalid(fields, 'name')} aria-describedby=${describedBy(fields, 'name')} />
              </label>
              ${fieldError(fields, 'name')}
            </div>`
          : nothing}
        <input type="email" name="username" autocomplete="username" .value=${this.info.email} hidden readonly />
        ${newPasswordFields(fields, 'password', 'link-password-hint')}
        ${formError(this.refusal, ['name', 'password'])}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('saving') : t(invite ? 'acceptInvitation' : 'setPassword')}</button>
      </form>
    </div>`;
  }

  private renderExpired() {
    return html`<div class="card">
      <h1>${t('linkExpiredTitle')}</h1>
      <p role="alert">${t('linkExpired')}</p>
      <button type="button" @click=${this.dismiss}>${t('goToSignIn')}</button>
    </div>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    this.mismatch = password !== String(data.get('repeat') ?? '');
    if (this.mismatch) return void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=repeat]')?.focus());
    const name = data.get('name');
    const detail = { password, ...(name !== null ? { name: String(name).trim() } : {}) };
    this.dispatchEvent(new CustomEvent('sb-link-accept', { detail, bubbles: true, composed: true }));
  }

  private dismiss(): void {
    this.dispatchEvent(new CustomEvent('sb-link-dismiss', { bubbles: true, composed: true }));
  }
}
