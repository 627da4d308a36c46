/** The sign-in form. */
import { html, LitElement, css } from 'lit';
import type { ErrorReason } from '../../signaling/protocol/errors.js';
import type { SignOutReason } from '../../signaling/protocol/server-frames.js';
import { t, type MessageKey } from './i18n/en.js';
import { sharedStyles } from './shared-styles.js';

const ERROR_KEYS: Partial<Record<ErrorReason, MessageKey>> = {
  'invalid-credentials': 'errorInvalidCredentials',
  'rate-limited': 'errorRateLimited',
  'invalid-input': 'errorInvalidInput',
};

/**
 * @fires sb-login - `{ email, password }` when the agent submits the form.
 */
export class SbLoginForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: grid; place-items: center; min-height: 100vh; }
      form { display: grid; gap: 12px; width: min(360px, 90vw); padding: 28px; background: var(--sb-color-surface); border-radius: 14px; box-shadow: 0 6px 30px rgb(15 23 42 / 0.12); }
      h1 { margin: 0 0 8px; font-size: 22px; }
      label { display: grid; gap: 4px; font-weight: 600; font-size: 14px; }
      input { padding: 8px 10px; border: 1px solid var(--sb-color-border); border-radius: 8px; font-weight: 400; }
      .error { color: var(--sb-color-danger); margin: 0; }
      .notice { margin: 0; padding: 8px 10px; border-radius: 8px; background: var(--sb-color-warn-soft); color: var(--sb-color-warn-soft-text); font-size: 14px; }
    `,
  ];
  static override properties = { error: { attribute: false }, busy: { type: Boolean }, notice: { attribute: false } };
  declare error: ErrorReason | undefined;
  declare busy: boolean;
  /** Why this window was signed out, when the server ended its session. */
  declare notice: SignOutReason | undefined;

  constructor() {
    super();
    this.error = undefined;
    this.busy = false;
  }

  override render() {
    return html`<main><form @submit=${this.onSubmit} aria-labelledby="title">
      <h1 id="title">${t('appTitle')} · ${t('signInTitle')}</h1>
      ${this.notice ? html`<p class="notice" role="alert">${t(`signedOut_${this.notice}`)}</p>` : ''}
      <label>${t('email')}<input name="email" type="email" autocomplete="username" required /></label>
      <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.error ? html`<p class="error" role="alert">${t(ERROR_KEYS[this.error] ?? 'errorGeneric')}</p>` : ''}
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('signingIn') : t('signIn')}</button>
    </form></main>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.dispatchEvent(new CustomEvent('sb-login', { detail: { email: String(data.get('email')), password: String(data.get('password')) }, bubbles: true, composed: true }));
  }
}
