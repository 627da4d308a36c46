/**
 * The Quality tab. Supervisors: the week's proposed conversations, each scored in place, and the
 * latest reviews; admins also keep the scorecards. Agents: the reviews of their own conversations,
 * with each answer and the reviewer's comment.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { AgentRole } from '../../../signaling/protocol/presence.js';
import type { Answer, ReviewInput, ReviewView, SampleItem, ScorecardInput, ScorecardView } from '../../../signaling/protocol/quality.js';
import { appLocale, t, type MessageKey } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { qualityStyles } from './quality-styles.js';
import './sb-review-form.js';
import './sb-scorecard-editor.js';

type Detail<T> = CustomEvent<T>;

export class SbQuality extends LitElement {
  static override styles = [
    sharedStyles,
    qualityStyles,
    css`
      :host { display: block; padding: 16px; overflow-y: auto; height: 100%; box-sizing: border-box; }
      section { max-inline-size: 760px; margin-block-end: 24px; }
      h2 { font-size: 16px; margin: 0 0 8px; }
      h3 { font-size: 15px; margin: 0; }
      ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
      li { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 8px 12px; background: var(--sb-color-surface); display: grid; gap: 6px; }
      .row { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; }
      .score { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
      .failed { color: var(--sb-color-danger); font-weight: 600; }
      blockquote { margin: 0; padding-inline-start: 10px; border-inline-start: 3px solid var(--sb-color-border); white-space: pre-wrap; }
      dl { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; margin: 0; font-size: 14px; }
      dd { margin: 0; text-align: end; }
    `,
  ];
  static override properties = {
    role: {},
    scorecards: { attribute: false },
    sample: { attribute: false },
    reviews: { attribute: false },
    status: {},
    error: {},
    onScore: { attribute: false },
    onSaveScorecard: { attribute: false },
    scoring: { state: true },
    editing: { state: true },
  };
  declare role: AgentRole;
  declare scorecards: ScorecardView[];
  declare sample: SampleItem[];
  declare reviews: ReviewView[];
  declare status: 'idle' | 'loading' | 'ready' | 'failed';
  declare error: string | undefined;
  /** Saves a review; true when the server took it. */
  declare onScore: (input: ReviewInput) => Promise<boolean>;
  declare onSaveScorecard: (id: string | undefined, input: ScorecardInput) => Promise<boolean>;
  /** The proposed conversation being scored. */
  declare scoring: string | undefined;
  /** The scorecard being edited: its id, `new`, or nothing. */
  declare editing: string | undefined;

  constructor() {
    super();
    this.role = 'agent';
    this.scorecards = [];
    this.sample = [];
    this.reviews = [];
    this.status = 'idle';
    this.onScore = async () => false;
    this.onSaveScorecard = async () => false;
  }

  private when(at: number): string {
    return new Intl.DateTimeFormat(appLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  }

  private score(n: number): string {
    return new Intl.NumberFormat(appLocale(), { maximumFractionDigits: 1 }).format(n);
  }

  private what(item: { channel: string; agentName: string }): string {
    return t('qualityContactOf', { channel: t(`channel_${item.channel}` as MessageKey), name: item.agentName });
  }

  private async submitReview(item: SampleItem, detail: { scorecardId: string; answers: Answer[]; comment: string }): Promise<void> {
    if (await this.onScore({ conversationId: item.conversationId, ...detail })) this.scoring = undefined;
  }

  private async saveScorecard(detail: { id?: string; input: ScorecardInput }): Promise<void> {
    if (await this.onSaveScorecard(detail.id, detail.input)) this.editing = undefined;
  }

  override render() {
    if (this.status === 'failed') return html`<p role="alert" class="banner error">${t('errorGeneric')}</p>`;
    const staff = this.role !== 'agent';
    return html`${staff ? this.renderSample() : nothing}${this.renderReviews(staff)}${this.role === 'admin' ? this.renderScorecards() : nothing}`;
  }

  private renderSample() {
    const active = this.scorecards.filter((s) => s.active);
    return html`<section aria-labelledby="sample-title">
      <h2 id="sample-title">${t('qualitySampleTitle')}</h2>
      ${this.status === 'ready' && this.sample.length === 0 ? html`<p class="muted">${t('qualitySampleEmpty')}</p>` : nothing}
      <ul>
        ${this.sample.map((item) => {
          const heading = `${this.what(item)} · ${this.when(item.endedAt)}`;
          return html`<li>
            <div class="row">
              <h3 dir="auto">${this.what(item)}</h3>
              <span class="muted">${item.queueName} · ${t('qualityEnded', { when: this.when(item.endedAt) })}</span>
            </div>
            <div class="row">
              <a href=${`/api/conversations/${encodeURIComponent(item.conversationId)}/transcript?format=html`} download>${t('transcriptHtml')}</a>
              ${this.scoring === item.conversationId
                ? nothing
                : html`<button type="button" aria-label=${t('qualityScoreTitle', { what: heading })} @click=${() => (this.scoring = item.conversationId)}>${t('qualityScore')}</button>`}
            </div>
            ${this.scoring === item.conversationId
              ? html`<sb-review-form
                  .scorecards=${active}
                  .heading=${heading}
                  .error=${this.error}
                  @sb-review-submit=${(e: Detail<{ scorecardId: string; answers: Answer[]; comment: string }>) => void this.submitReview(item, e.detail)}
                  @sb-review-cancel=${() => (this.scoring = undefined)}
                ></sb-review-form>`
              : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderReviews(staff: boolean) {
    return html`<section aria-labelledby="reviews-title">
      <h2 id="reviews-title">${t(staff ? 'qualityReviewsTitle' : 'qualityMyReviewsTitle')}</h2>
      ${this.status === 'ready' && this.reviews.length === 0 ? html`<p class="muted">${t(staff ? 'qualityReviewsEmpty' : 'qualityMyReviewsEmpty')}</p>` : nothing}
      <ul>
        ${this.reviews.map(
          (r) => html`<li>
            <div class="row">
              <span class="score" aria-label=${t('qualityScoreOf', { score: this.score(r.score) })}>${this.score(r.score)}</span>
              ${r.autoFailed ? html`<span class="failed">${t('qualityAutoFailed')}</span>` : nothing}
              <h3 dir="auto">${this.what(r)}</h3>
            </div>
            <div class="muted">${t('qualityReviewedBy', { reviewer: r.reviewerName, scorecard: r.scorecardName, when: this.when(r.createdAt) })}</div>
            ${r.comment ? html`<blockquote dir="auto">${r.comment}</blockquote>` : nothing}
            <details>
              <summary>${t('qualityAnswers')}</summary>
              <dl>
                ${r.criteria.map((c, i) => {
                  const a = r.answers[i];
                  return html`<dt dir="auto">${c.label}</dt><dd>${typeof a === 'boolean' ? t(a ? 'qualityYes' : 'qualityNo') : t('qualityScaleValue', { n: a ?? 0 })}</dd>`;
                })}
              </dl>
            </details>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderScorecards() {
    return html`<section aria-labelledby="scorecards-title">
      <h2 id="scorecards-title">${t('qualityScorecardsTitle')}</h2>
      ${this.status === 'ready' && this.scorecards.length === 0 ? html`<p class="muted">${t('qualityScorecardsEmpty')}</p>` : nothing}
      <ul>
        ${this.scorecards.map(
          (s) => html`<li>
            ${this.editing === s.id
              ? this.renderEditor(s)
              : html`<div class="row">
                  <h3 dir="auto">${s.name}</h3>
                  <span class="muted">${t('qualityCriteriaCount', { count: s.criteria.length })}${s.active ? '' : ` · ${t('qualityInactive')}`}</span>
                  <button type="button" aria-label=${t('qualityEditScorecard', { name: s.name })} @click=${() => (this.editing = s.id)}>${t('qualityEdit')}</button>
                </div>`}
          </li>`,
        )}
      </ul>
      ${this.editing === 'new' ? this.renderEditor(undefined) : html`<p><button type="button" @click=${() => (this.editing = 'new')}>${t('qualityNewScorecard')}</button></p>`}
    </section>`;
  }

  private renderEditor(scorecard: ScorecardView | undefined) {
    return html`<sb-scorecard-editor
      .scorecard=${scorecard}
      .error=${this.error}
      @sb-scorecard-save=${(e: Detail<{ id?: string; input: ScorecardInput }>) => void this.saveScorecard(e.detail)}
      @sb-scorecard-cancel=${() => (this.editing = undefined)}
    ></sb-scorecard-editor>`;
  }
}

if (!customElements.get('sb-quality')) customElements.define('sb-quality', SbQuality);

declare global {
  interface HTMLElementTagNameMap {
    'sb-quality': SbQuality;
  }
}
