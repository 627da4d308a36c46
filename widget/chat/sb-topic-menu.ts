/**
 * The topic menu before a chat: "What can we help you with?" and one button per topic; for a
 * topic with articles, those articles first with "Talk to a person" and a way back.
 */
import { html, LitElement, nothing } from 'lit';
import type { Topic } from '../../signaling/protocol/topic-menu.js';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';
import { topicLabel, type TopicChoiceState } from './topic-choice.js';
import { topicMenuStyles } from './sb-topic-menu.styles.js';

/**
 * @fires sb-topic-choose - `{ index }` the visitor picks the topic at `index`.
 * @fires sb-topic-open - `{ id }` the visitor opens one of the topic's articles.
 * @fires sb-topic-talk - the visitor wants a person about the topic.
 * @fires sb-topic-back - back to the menu.
 * @csspart menu - the menu's column.
 */
export class SbTopicMenu extends LitElement {
  static override styles = topicMenuStyles;
  static override properties = { topics: { attribute: false }, state: { attribute: false }, messages: { attribute: false }, locale: { attribute: false } };

  declare topics: Topic[];
  declare state: TopicChoiceState;
  declare messages: Catalogue;
  /** The messages' language: topic labels follow it when the admin translated them. */
  declare locale: string;

  constructor() {
    super();
    this.topics = [];
    this.state = { phase: 'menu', articles: [], opened: {} };
    this.messages = en;
    this.locale = 'en';
  }

  /** Focus on the first button: the panel calls it when it opens on the menu. */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('button')?.focus();
  }

  private t(key: MessageKey, values: Record<string, string> = {}): string {
    return format(this.messages, key, values, this.locale);
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override updated(changed: Map<string, unknown>): void {
    // A new step (articles, or the menu again) moves focus with it, so keyboard users are not left on a button that went.
    const before = changed.get('state') as TopicChoiceState | undefined;
    if (before && before.phase !== this.state.phase) this.focusFirst();
  }

  override render() {
    const { phase, topic } = this.state;
    if (phase === 'menu' || !topic) {
      return html`<div class="menu" part="menu" role="group" aria-labelledby="question">
        <p class="question" id="question">${this.t('topicQuestion')}</p>
        ${this.topics.map((t, index) => html`<button type="button" class="topic" dir="auto" @click=${() => this.fire('sb-topic-choose', { index })}>${topicLabel(t, this.locale)}</button>`)}
      </div>`;
    }
    const label = topicLabel(topic, this.locale);
    const back = html`<button type="button" @click=${() => this.fire('sb-topic-back')}>${this.t('topicBack')}</button>`;
    const person = html`<button type="button" class="primary" @click=${() => this.fire('sb-topic-talk')}>${this.t('botPerson')}</button>`;
    if (phase === 'searching') return html`<div class="menu" part="menu"><p role="status">${this.t('botSearching')}</p><div class="actions">${person}${back}</div></div>`;
    return html`<div class="menu" part="menu" role="group" aria-labelledby="articles">
      <p id="articles">${this.t('topicArticles', { topic: label })}</p>
      <ul>
        ${this.state.articles.map(
          (a) => html`<li>
            <button type="button" class="link" dir="auto" aria-expanded=${this.state.opened[a.id] ? 'true' : 'false'} @click=${() => this.fire('sb-topic-open', { id: a.id })}>${a.title}</button>
            ${this.state.opened[a.id] ? html`<div class="article" dir="auto">${this.state.opened[a.id]}</div>` : html`<div dir="auto">${a.excerpt}</div>`}
          </li>`,
        )}
      </ul>
      <div class="actions">${person}${back}</div>
      ${nothing}
    </div>`;
  }
}

if (!customElements.get('sb-topic-menu')) customElements.define('sb-topic-menu', SbTopicMenu);

declare global {
  interface HTMLElementTagNameMap {
    'sb-topic-menu': SbTopicMenu;
  }
}
