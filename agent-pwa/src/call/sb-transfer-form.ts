/**
 * Choosing where a conversation goes: a colleague who is available, or a queue (where it waits
 * at the head), with a note that only the next agent reads.
 */
import { html, LitElement } from 'lit';
import type { TransferTargets } from '../../../signaling/protocol/api.js';
import { MAX_MESSAGE_LENGTH } from '../../../signaling/protocol/version.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { inlineFormStyles } from './inline-form-styles.js';

/**
 * @fires sb-transfer - `{ to: { agentId } | { queueId }, note? }`.
 * @fires sb-transfer-cancel - the agent closed the form (Cancel or Escape).
 */
export class SbTransferForm extends LitElement {
  static override styles = [sharedStyles, inlineFormStyles];
  static override properties = { targets: { attribute: false }, visitor: { attribute: false } };
  declare targets: TransferTargets | undefined;
  declare visitor: string;

  constructor() {
    super();
    this.visitor = '';
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('select')?.focus();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const choice = (form.elements.namedItem('target') as HTMLSelectElement).value;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    const [kind, id] = choice.split(':');
    if (!id) return;
    const to = kind === 'agent' ? { agentId: id } : { queueId: id };
    this.dispatchEvent(new CustomEvent('sb-transfer', { detail: { to, ...(note ? { note } : {}) }, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('sb-transfer-cancel', { bubbles: true, composed: true }));
  }

  override render() {
    const agents = this.targets?.agents ?? [];
    const queues = this.targets?.queues ?? [];
    return html`<form aria-labelledby="transfer-title" @submit=${this.onSubmit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
      <h3 id="transfer-title">${t('transferTitle', { name: this.visitor })}</h3>
      <label>${t('transferTo')}
        <select name="target" required>
          <optgroup label=${t('transferAgents')}>
            ${agents.map((a) => html`<option value=${`agent:${a.id}`} ?disabled=${!a.available}>${a.available ? a.name : t('transferAway', { name: a.name })}</option>`)}
          </optgroup>
          <optgroup label=${t('transferQueues')}>${queues.map((q) => html`<option value=${`queue:${q.id}`}>${q.name}</option>`)}</optgroup>
        </select>
      </label>
      <label>${t('transferNote')}<textarea name="note" rows="2" maxlength=${MAX_MESSAGE_LENGTH}></textarea></label>
      <div class="actions">
        <button type="button" @click=${this.cancel}>${t('cancel')}</button>
        <button type="submit" class="primary">${t('transferSubmit')}</button>
      </div>
    </form>`;
  }
}
