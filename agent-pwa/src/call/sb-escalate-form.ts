/**
 * Escalating a conversation to the next tier of its queue: the reason, which the next agent
 * reads in the hand-over note, is required.
 */
import { html, LitElement, nothing } from 'lit';
import { MAX_ESCALATION_REASON } from '../../../signaling/protocol/version.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { inlineFormStyles } from './inline-form-styles.js';

/**
 * @fires sb-escalate - `{ reason }`.
 * @fires sb-escalate-cancel - the agent closed the form (Cancel or Escape).
 */
export class SbEscalateForm extends LitElement {
  static override styles = [sharedStyles, inlineFormStyles];
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
