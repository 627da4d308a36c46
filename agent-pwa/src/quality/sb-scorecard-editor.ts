/**
 * An admin's scorecard: its name, and its criteria in order, each with what is checked, yes/no or
 * a 1–5 scale, a weight, and (yes/no only) whether a "no" fails the whole review. Past reviews keep
 * the criteria they answered, so changing a scorecard is safe.
 */
import { html, LitElement, nothing } from 'lit';
import { MAX_CRITERIA, type Criterion, type ScorecardView } from '../../../signaling/protocol/quality.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { qualityStyles } from './quality-styles.js';

const blank = (): Criterion => ({ label: '', kind: 'yes-no', weight: 1, autoFail: false });

/**
 * @fires sb-scorecard-save - `{ id?, input: { name, criteria, active } }`.
 * @fires sb-scorecard-cancel - the admin closed the editor.
 */
export class SbScorecardEditor extends LitElement {
  static override styles = [sharedStyles, qualityStyles];
  static override properties = { scorecard: { attribute: false }, error: {}, criteria: { state: true } };
  /** The scorecard to change; a new one when absent. */
  declare scorecard: ScorecardView | undefined;
  declare error: string | undefined;
  declare criteria: Criterion[];

  constructor() {
    super();
    this.criteria = [blank()];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('scorecard')) this.criteria = this.scorecard ? this.scorecard.criteria.map((c) => ({ ...c })) : [blank()];
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }

  private set(i: number, change: Partial<Criterion>): void {
    this.criteria = this.criteria.map((c, j) => (j === i ? { ...c, ...change, ...(change.kind === 'scale' ? { autoFail: false } : {}) } : c));
  }

  private async add(): Promise<void> {
    this.criteria = [...this.criteria, blank()];
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLInputElement>('input[data-label]')[this.criteria.length - 1]?.focus();
  }

  private removeCriterion(i: number): void {
    this.criteria = this.criteria.filter((_, j) => j !== i);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const input = { name: String(form.get('name')).trim(), criteria: this.criteria.map((c) => ({ ...c, label: c.label.trim() })), active: form.get('active') === 'on' };
    this.dispatchEvent(new CustomEvent('sb-scorecard-save', { detail: { ...(this.scorecard ? { id: this.scorecard.id } : {}), input }, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('sb-scorecard-cancel', { bubbles: true, composed: true }));
  }

  override render() {
    const title = this.scorecard ? t('qualityEditScorecard', { name: this.scorecard.name }) : t('qualityNewScorecard');
    return html`<form aria-label=${title} @submit=${this.onSubmit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
      <label class="stacked">${t('qualityScorecardName')}<input type="text" name="name" required maxlength="100" .value=${this.scorecard?.name ?? ''} /></label>
      ${this.criteria.map(
        (c, i) => html`<fieldset>
          <legend>${t('qualityCriterionN', { n: i + 1 })}</legend>
          <div class="stacked">
            <label class="stacked">${t('qualityCriterionLabel')}<input type="text" data-label required maxlength="200" .value=${c.label} @input=${(e: Event) => this.set(i, { label: (e.target as HTMLInputElement).value })} /></label>
            <div class="choices">
              <label>${t('qualityCriterionKind')}
                <select @change=${(e: Event) => this.set(i, { kind: (e.target as HTMLSelectElement).value as Criterion['kind'] })}>
                  <option value="yes-no" ?selected=${c.kind === 'yes-no'}>${t('qualityKindYesNo')}</option>
                  <option value="scale" ?selected=${c.kind === 'scale'}>${t('qualityKindScale')}</option>
                </select></label>
              <label>${t('qualityWeight')} <input type="number" min="1" max="10" required .value=${String(c.weight)} @input=${(e: Event) => this.set(i, { weight: Number((e.target as HTMLInputElement).value) })} /></label>
              ${c.kind === 'yes-no'
                ? html`<label><input type="checkbox" .checked=${c.autoFail} @change=${(e: Event) => this.set(i, { autoFail: (e.target as HTMLInputElement).checked })} /> ${t('qualityAutoFail')}</label>`
                : nothing}
              ${this.criteria.length > 1 ? html`<button type="button" @click=${() => this.removeCriterion(i)}>${t('qualityRemoveCriterion', { n: i + 1 })}</button>` : nothing}
            </div>
          </div>
        </fieldset>`,
      )}
      <div class="actions">
        <button type="button" ?disabled=${this.criteria.length >= MAX_CRITERIA} @click=${this.add}>${t('qualityAddCriterion')}</button>
        <label><input type="checkbox" name="active" ?checked=${this.scorecard?.active ?? true} /> ${t('qualityActive')}</label>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary">${t('librarySave')}</button>
        <button type="button" @click=${this.cancel}>${t('libraryCancel')}</button>
      </div>
    </form>`;
  }
}

if (!customElements.get('sb-scorecard-editor')) customElements.define('sb-scorecard-editor', SbScorecardEditor);

declare global {
  interface HTMLElementTagNameMap {
    'sb-scorecard-editor': SbScorecardEditor;
  }
}
