/** The footer of an ended conversation: rate it (once), and start a new one. */
import { html, type TemplateResult } from 'lit';
import type { MessageKey, Translate } from '../i18n/en.js';

const RATING_LABELS: MessageKey[] = ['rate1', 'rate2', 'rate3', 'rate4', 'rate5'];

export interface EndedFooterContext {
  t: Translate;
  /** Fires sb-rate `{ rating }` or sb-new-conversation. */
  fire: (name: 'sb-rate' | 'sb-new-conversation', detail?: { rating: number }) => void;
}

/** `rating`: the visitor's rating, once given (then thanked instead of asked). */
export function renderEndedFooter(rating: number | undefined, { t, fire }: EndedFooterContext): TemplateResult {
  return html`<div class="ended">
    <span>${t('conversationEnded')}</span>
    ${rating === undefined
      ? html`<div class="rating" role="group" aria-labelledby="sb-rate-q">
          <span id="sb-rate-q">${t('rateQuestion')}</span>
          <div>
            ${RATING_LABELS.map(
              (key, i) => html`<button type="button" class="star" aria-label=${t('rateOption', { rating: i + 1, label: t(key) })} @click=${() => fire('sb-rate', { rating: i + 1 })}>${i + 1}</button>`,
            )}
          </div>
        </div>`
      : html`<span role="status">${t('rateThanks')}</span>`}
    <button class="primary" type="button" @click=${() => fire('sb-new-conversation')}>${t('startNew')}</button>
  </div>`;
}
