/**
 * Escalating a conversation to the next tier of its queue: the reason, which the next agent
 * reads in the hand-over note, is required.
 */
import { css, html, LitElement, nothing } from 'lit';
import { MAX_ESCALATION_REASON } from '../../../signaling/protocol/version.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

/**
 * @fires sb-escalate - `{ reason }`.
 * @fires sb-escalate-cancel - the agent closed the form (Cancel or Escape).
 */
export class SbEscalateForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form { display: grid; gap: 8px; padding: 12px 16px; background: var(--sb-color-page); border-bottom: 1px solid var(--sb-color-border-subtle); }
      h3 { margin: 0; font-size: 15px; }
      label { display: grid; gap: 4px; font-size: 14px; }
      textarea { font: inherit; padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; background: var(--sb-color-surface); color: inherit; }
      .actions { display: flex; gap: 8px; justify-content: flex-end; }
      .error { margin: 0; color: var(--sb-color-danger); font-size: 14px; }
    `,
  ];
  static override properties = { visitor: { attribute: false }, refused: { type: Boolean } };
  declare visitor: string;
  /** The server said the queue has no higher tier: the form says so and stays open. */
  declare refused: boolean;

  constructor() {
    super();
    this.visitor = '';
    this.refused = false;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement;
    const reason = field.value.trim();
    // Spaces alone are no reason: the browser's `required` lets them through.
    if (!reason) return void field.focus();
    this.dispatchEvent(new CustomEvent('sb-escalate', { detail: { reason }, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('sb-escalate-cancel', { bubbles: true, composed: true }));
  }

  override render() {
    return html`<form aria-labelledby="escalate-title" @submit=${this.onSubmit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
      <h3 id="escalate-title">${t('escalateTitle', { name: this.visitor })}</h3>
      <label>${t('escalateReason')}<textarea name="reason" rows="2" required maxlength=${MAX_ESCALATION_REASON}></textarea></label>
      ${this.refused ? html`<p class="error" role="alert">${t('escalateNoHigherTier')}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${this.cancel}>${t('cancel')}</button>
        <button type="submit" class="primary">${t('escalateSubmit')}</button>
      </div>
    </form>`;
  }
}
