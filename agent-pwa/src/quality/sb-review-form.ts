/**
 * Scoring one finished conversation: the scorecard (a choice when there are several), one question
 * per criterion (yes/no, or 1 to 5), and a comment the agent will read. Every question must be
 * answered; the browser says which one is missing.
 */
import { html, LitElement, nothing } from 'lit';
import { MAX_REVIEW_COMMENT, type Answer, type ScorecardView } from '../../../signaling/protocol/quality.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { qualityStyles } from './quality-styles.js';

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * @fires sb-review-submit - `{ scorecardId, answers, comment }`.
 * @fires sb-review-cancel - the supervisor closed the form.
 */
export class SbReviewForm extends LitElement {
  static override styles = [sharedStyles, qualityStyles];
  static override properties = { scorecards: { attribute: false }, heading: {}, error: {}, chosen: { state: true } };
  /** The active scorecards. */
  declare scorecards: ScorecardView[];
  /** What is being scored, e.g. "Chat of Ana Lima, 14:05". */
  declare heading: string;
  declare error: string | undefined;
  declare chosen: string | undefined;

  constructor() {
    super();
    this.scorecards = [];
    this.heading = '';
  }

  private get scorecard(): ScorecardView | undefined {
    return this.scorecards.find((s) => s.id === this.chosen) ?? this.scorecards[0];
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('select, input')?.focus();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const card = this.scorecard;
    if (!card) return;
    const form = new FormData(event.target as HTMLFormElement);
    const answers: Answer[] = card.criteria.map((c, i) => {
      const value = String(form.get(`c${i}`));
      return c.kind === 'yes-no' ? value === 'yes' : Number(value);
    });
    const comment = String(form.get('comment') ?? '').trim();
    this.dispatchEvent(new CustomEvent('sb-review-submit', { detail: { scorecardId: card.id, answers, comment }, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('sb-review-cancel', { bubbles: true, composed: true }));
  }

  override render() {
    const card = this.scorecard;
    if (!card) return html`<p class="muted">${t('qualityNoScorecard')}</p>`;
    return html`<form aria-label=${t('qualityScoreTitle', { what: this.heading })} @submit=${this.onSubmit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
      ${this.scorecards.length > 1
        ? html`<label class="stacked">${t('qualityScorecard')}
            <select @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
              ${this.scorecards.map((s) => html`<option value=${s.id} ?selected=${s.id === card.id}>${s.name}</option>`)}
            </select></label>`
        : nothing}
      ${card.criteria.map(
        (c, i) => html`<fieldset>
          <legend dir="auto">${c.label}${c.autoFail ? html` <strong>(${t('qualityAutoFailShort')})</strong>` : nothing}</legend>
          <div class="choices">
            ${c.kind === 'yes-no'
              ? html`<label><input type="radio" name=${`c${i}`} value="yes" required /> ${t('qualityYes')}</label>
                  <label><input type="radio" name=${`c${i}`} value="no" /> ${t('qualityNo')}</label>`
              : SCALE.map((n) => html`<label><input type="radio" name=${`c${i}`} value=${n} ?required=${n === 1} /> ${t(n === 1 ? 'qualityScalePoor' : n === 5 ? 'qualityScaleExcellent' : 'qualityScaleN', { n })}</label>`)}
          </div>
        </fieldset>`,
      )}
      <label class="stacked">${t('qualityComment')}<textarea name="comment" maxlength=${MAX_REVIEW_COMMENT}></textarea></label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary">${t('qualitySaveScore')}</button>
        <button type="button" @click=${this.cancel}>${t('libraryCancel')}</button>
      </div>
    </form>`;
  }
}

if (!customElements.get('sb-review-form')) customElements.define('sb-review-form', SbReviewForm);

declare global {
  interface HTMLElementTagNameMap {
    'sb-review-form': SbReviewForm;
  }
}
