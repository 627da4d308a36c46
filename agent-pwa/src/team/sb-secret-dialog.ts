/**
 * Shows an invitation link, a reset link or a temporary password exactly once, with a Copy
 * button and the warning that it will not be shown again (the server keeps only its hash).
 */
import { css, html, LitElement, nothing } from 'lit';
import { formatDateTime } from '../account/format-time.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { dialogStyles, focusedElement } from './dialog-styles.js';
import type { OneTimeSecret } from './one-time-secret.js';

const TITLE = { invitation: 'secretInvitationTitle', 'reset-link': 'secretResetTitle', 'temporary-password': 'secretPasswordTitle' } as const;
const LABEL = { invitation: 'secretInvitationLabel', 'reset-link': 'secretResetLabel', 'temporary-password': 'secretPasswordLabel' } as const;

/**
 * @fires sb-secret-close - the admin closed the dialog; the secret should be forgotten.
 */
export class SbSecretDialog extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      label { display: grid; gap: 4px; font-weight: 600; font-size: 14px; }
      input { font: 14px ui-monospace, monospace; padding: 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; width: 100%; }
      .row { display: flex; gap: 8px; align-items: center; }
      .warning { background: var(--sb-color-warn-soft); color: var(--sb-color-warn-soft-text); padding: 8px 10px; border-radius: 8px; font-size: 14px; }
      .copied { color: var(--sb-color-success-soft-text); font-size: 14px; }
    `,
  ];
  static override properties = { secret: { attribute: false }, copied: { state: true } };
  /** The dialog is open while there is one. */
  declare secret: OneTimeSecret | undefined;
  /** Whether Copy worked (undefined: not tried yet). */
  declare copied: boolean | undefined;
  private opener: HTMLElement | undefined;

  protected override updated(changed: Map<string, unknown>): void {
    if (!changed.has('secret')) return;
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (this.secret && !dialog.open) {
      this.opener = focusedElement();
      dialog.showModal();
      this.renderRoot.querySelector('input')?.select();
    } else if (!this.secret && dialog.open) dialog.close();
  }

  override render() {
    const s = this.secret;
    return html`<dialog aria-labelledby="secret-title" aria-describedby="secret-warning" @close=${this.onClose}>
      ${s
        ? html`<h2 id="secret-title">${t(TITLE[s.kind], { name: s.name })}</h2>
            <label
              >${t(LABEL[s.kind])}
              <span class="row">
                <input readonly .value=${s.value} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
                <button type="button" class="primary" @click=${this.copy}>${t('copy')}</button>
              </span>
            </label>
            <p role="status" class="copied">${this.copied === true ? t('copied') : this.copied === false ? t('copyFailed') : nothing}</p>
            <p class="warning" id="secret-warning">
              ${s.kind === 'temporary-password' ? t('secretPasswordNote', { name: s.name }) : t('secretLinkNote', { name: s.name, until: formatDateTime(s.expiresAt ?? 0) })}
              <strong>${t('secretShownOnce')}</strong>
            </p>
            <div class="actions"><button type="button" @click=${() => this.renderRoot.querySelector('dialog')!.close()}>${t('done')}</button></div>`
        : nothing}
    </dialog>`;
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.secret!.value);
      this.copied = true;
    } catch {
      // No clipboard access (permissions, an insecure origin): the text stays selected for Ctrl+C.
      this.renderRoot.querySelector('input')?.select();
      this.copied = false;
    }
  }

  private onClose(): void {
    this.copied = undefined;
    this.opener?.focus();
    this.opener = undefined;
    this.dispatchEvent(new CustomEvent('sb-secret-close', { bubbles: true, composed: true }));
  }
}
