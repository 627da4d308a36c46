/**
 * A modal question before an action that cannot be taken back lightly: a real `<dialog>`, so
 * focus moves into it, stays there, and Escape cancels; focus returns to what opened it.
 */
import { css, html, LitElement } from 'lit';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { dialogStyles, focusedElement } from './dialog-styles.js';

/**
 * @slot - what the action will do, and any choice it needs (radio buttons...).
 * @fires sb-dialog-close - `{ confirmed }` when the dialog closes, by either button or Escape.
 */
export class SbConfirmDialog extends LitElement {
  static override styles = [sharedStyles, dialogStyles, css`::slotted(p) { margin: 0 0 8px; }`];
  static override properties = { open: { type: Boolean }, heading: { type: String }, confirmLabel: { type: String }, danger: { type: Boolean } };
  declare open: boolean;
  declare heading: string;
  declare confirmLabel: string;
  /** The action destroys or takes away something: the confirm button is red. */
  declare danger: boolean;
  private opener: HTMLElement | undefined;

  constructor() {
    super();
    this.open = false;
    this.heading = '';
    this.confirmLabel = '';
    this.danger = false;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open')) return;
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (this.open && !dialog.open) {
      this.opener = focusedElement();
      dialog.returnValue = '';
      dialog.showModal();
    } else if (!this.open && dialog.open) dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="confirm-title" @close=${this.onClose}>
      <form method="dialog">
        <h2 id="confirm-title">${this.heading}</h2>
        <slot></slot>
        <div class="actions">
          <button value="cancel" autofocus>${t('cancel')}</button>
          <button value="confirm" class=${this.danger ? 'danger' : 'primary'}>${this.confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private onClose(): void {
    const confirmed = this.renderRoot.querySelector('dialog')!.returnValue === 'confirm';
    this.open = false;
    this.opener?.focus();
    this.opener = undefined;
    this.dispatchEvent(new CustomEvent('sb-dialog-close', { detail: { confirmed }, bubbles: true, composed: true }));
  }
}
