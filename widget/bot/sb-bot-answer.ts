/** The bot's turn in the widget: it says it is a bot, offers articles to read, and a person at any moment. */
import { css, html, LitElement, nothing } from 'lit';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';
import type { BotState } from './bot-session.js';

/**
 * @fires sb-bot-open - `{ id }` the visitor opens an article.
 * @fires sb-bot-resolved - the articles answered the question.
 * @fires sb-bot-person - the visitor wants a person.
 */
export class SbBotAnswer extends LitElement {
  static override styles = css`
    :host { display: block; }
    .bubble { background: var(--sb-bot-bg, var(--sb-color-surface-sunken)); border-radius: 12px; padding: 8px 12px; display: grid; gap: 6px; }
    .who { font-size: 12px; font-weight: 600; color: var(--sb-color-muted); }
    ul { margin: 0; padding-inline-start: 18px; display: grid; gap: 4px; }
    button { font: inherit; cursor: pointer; }
    .link { background: none; border: none; padding: 0; color: var(--sb-accent, var(--sb-color-accent-text)); text-decoration: underline; text-align: start; }
    .article { white-space: pre-wrap; font-size: 14px; background: var(--sb-color-surface); border-radius: 8px; padding: 6px 8px; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; }
    .actions button { border-radius: 8px; padding: 4px 10px; border: 1px solid var(--sb-color-accent-soft); background: var(--sb-color-surface); }
    .actions .primary { background: var(--sb-accent, var(--sb-color-accent)); color: var(--sb-accent-contrast, var(--sb-color-on-accent)); border-color: transparent; }
    button:focus-visible { outline: 3px solid var(--sb-focus, var(--sb-color-focus)); outline-offset: 2px; }
  `;
  static override properties = { state: { attribute: false }, messages: { attribute: false }, locale: { attribute: false } };

  declare state: BotState;
  declare messages: Catalogue;
  /** The messages' language. */
  declare locale: string;

  constructor() {
    super();
    this.state = { phase: 'idle', articles: [], opened: {} };
    this.messages = en;
    this.locale = 'en';
  }

  private t(key: MessageKey): string {
    return format(this.messages, key, {}, this.locale);
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const s = this.state;
    if (s.phase === 'idle') return nothing;
    const person = html`<button type="button" class="primary" @click=${() => this.fire('sb-bot-person')}>${this.t('botPerson')}</button>`;
    return html`<div class="bubble" role="group" aria-label=${this.t('botLabel')}>
      <span class="who">${this.t('botName')}</span>
      ${s.phase === 'searching' ? html`<span role="status">${this.t('botSearching')}</span><div class="actions">${person}</div>` : nothing}
      ${s.phase === 'handing-off' ? html`<span role="status">${this.t('botHandingOff')}</span>` : nothing}
      ${s.phase === 'resolved' ? html`<span role="status">${this.t('botResolved')}</span>` : nothing}
      ${s.phase === 'answered'
        ? html`<span>${this.t('botAnswer')}</span>
            <ul>
              ${s.articles.map(
                (a) => html`<li>
                  <button type="button" class="link" dir="auto" aria-expanded=${s.opened[a.id] ? 'true' : 'false'} @click=${() => this.fire('sb-bot-open', { id: a.id })}>${a.title}</button>
                  ${s.opened[a.id] ? html`<div class="article" dir="auto">${s.opened[a.id]}</div>` : html`<div dir="auto">${a.excerpt}</div>`}
                </li>`,
              )}
            </ul>
            ${s.error ? html`<span role="alert">${this.t('errorGeneric')}</span>` : nothing}
            <div class="actions">
              <button type="button" @click=${() => this.fire('sb-bot-resolved')}>${this.t('botHelped')}</button>
              ${person}
            </div>`
        : nothing}
    </div>`;
  }
}

if (!customElements.get('sb-bot-answer')) customElements.define('sb-bot-answer', SbBotAnswer);

declare global {
  interface HTMLElementTagNameMap {
    'sb-bot-answer': SbBotAnswer;
  }
}
