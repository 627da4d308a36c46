/** After-contact work: the agent records the outcome of the conversation and says when they are done. */
import { html, LitElement, css } from 'lit';
import { DISPOSITIONS, type Disposition } from '../../signaling/protocol/conversation.js';
import { t, appLocale } from './i18n/en.js';
import { sharedStyles } from './shared-styles.js';

/**
 * @fires sb-wrap-up-done - `{ disposition? }` when the agent is done.
 */
export class SbWrapUpPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      form { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; padding: 10px 16px; background: var(--sb-color-accent-soft); border-bottom: 1px solid var(--sb-color-accent); }
      h2 { font-size: 15px; margin: 0; }
      p { margin: 0; flex-basis: 100%; font-size: 14px; }
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid var(--sb-color-border); background: var(--sb-color-surface); }
    `,
  ];
  static override properties = { until: { attribute: false }, dispositionRequired: { type: Boolean } };
  declare until: number | undefined;
  declare dispositionRequired: boolean;

  constructor() {
    super();
    this.until = undefined;
    this.dispositionRequired = false;
  }

  override render() {
    const time = this.until ? new Date(this.until).toLocaleTimeString(appLocale()) : '';
    return html`<form aria-labelledby="wrap-title" @submit=${this.onSubmit}>
      <h2 id="wrap-title">${t('wrapUpTitle')}</h2>
      <p>${this.dispositionRequired ? t('wrapUpRequired') : t('wrapUpUntil', { time })}</p>
      <label
        >${t('dispositionLabel')}
        <select name="disposition" ?required=${this.dispositionRequired}>
          <option value="">${t('dispositionNone')}</option>
          ${DISPOSITIONS.map((d) => html`<option value=${d}>${t(`disposition_${d}`)}</option>`)}
        </select>
      </label>
      <button class="primary" type="submit">${t('wrapUpDone')}</button>
    </form>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const value = new FormData(event.target as HTMLFormElement).get('disposition') as Disposition | '';
    this.dispatchEvent(new CustomEvent('sb-wrap-up-done', { detail: value ? { disposition: value } : {}, bubbles: true, composed: true }));
  }
}
