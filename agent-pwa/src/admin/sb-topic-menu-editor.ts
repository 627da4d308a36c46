/**
 * The widget's topic menu (admins): a few topics, each a label, the queue its chats start in and
 * optionally a knowledge-base search whose articles the visitor reads first. Rows are added,
 * removed and moved with buttons (keyboard operable), then saved together.
 */
import { css, html, LitElement, nothing } from 'lit';
import { MAX_TOPIC_LABEL, MAX_TOPICS, type Topic } from '../../../signaling/protocol/topic-menu.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { TopicMenuController } from './topic-menu-controller.js';

export class SbTopicMenuEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 16px; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; max-width: 720px; }
      fieldset { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; display: grid; gap: 8px; padding: 8px 12px; min-width: 0; }
      label { display: grid; gap: 2px; font-size: 14px; }
      input, select { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; min-width: 0; }
      .buttons { display: flex; gap: 6px; flex-wrap: wrap; }
      .save { margin-top: 12px; }
    `,
  ];
  static override properties = { queues: { attribute: false }, draft: { state: true } };

  /** Queues to route a topic to. */
  declare queues: { slug: string; name: string }[];
  /** The rows being edited; the saved menu until the admin changes something. */
  declare draft: Topic[] | undefined;
  private readonly store = new TopicMenuController(this);

  constructor() {
    super();
    this.queues = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.store.load();
  }

  private get rows(): Topic[] {
    return this.draft ?? this.store.topics;
  }

  private change(rows: Topic[]): void {
    this.draft = rows;
  }

  private edit(index: number, patch: Partial<Topic>): void {
    this.change(this.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  private move(index: number, by: -1 | 1): void {
    const rows = [...this.rows];
    const [row] = rows.splice(index, 1);
    rows.splice(index + by, 0, row!);
    this.change(rows);
    // Focus follows the moved row's button, so a keyboard user can keep moving it.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-row="${index + by}"] [data-move="${by}"]`)?.focus());
  }

  private async onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Empty searches mean "no articles first"; the server keeps only what is set.
    const topics = this.rows.map(({ articleSearch, ...row }) => ({ ...row, label: row.label.trim(), ...(articleSearch?.trim() ? { articleSearch: articleSearch.trim() } : {}) }));
    await this.store.save(topics);
    if (!this.store.error) this.draft = undefined;
  }

  private renderRow(topic: Topic, index: number, count: number) {
    const name = topic.label || t('topicRow', { n: index + 1 });
    return html`<li data-row=${index}><fieldset>
      <legend>${t('topicRow', { n: index + 1 })}</legend>
      <label>${t('topicLabel')}<input required maxlength=${MAX_TOPIC_LABEL} dir="auto" .value=${topic.label} @input=${(e: Event) => this.edit(index, { label: (e.target as HTMLInputElement).value })} /></label>
      <label>${t('topicQueue')}
        <select @change=${(e: Event) => this.edit(index, { queue: (e.target as HTMLSelectElement).value })}>
          ${this.queues.map((q) => html`<option value=${q.slug} ?selected=${topic.queue === q.slug}>${q.name}</option>`)}
        </select>
      </label>
      <label>${t('topicArticleSearch')}<input maxlength="200" dir="auto" .value=${topic.articleSearch ?? ''} @input=${(e: Event) => this.edit(index, { articleSearch: (e.target as HTMLInputElement).value })} /></label>
      <div class="buttons">
        <button class="secondary" type="button" data-move="-1" ?disabled=${index === 0} aria-label=${`${t('topicUp')}: ${name}`} @click=${() => this.move(index, -1)}>${t('topicUp')}</button>
        <button class="secondary" type="button" data-move="1" ?disabled=${index === count - 1} aria-label=${`${t('topicDown')}: ${name}`} @click=${() => this.move(index, 1)}>${t('topicDown')}</button>
        <button class="secondary" type="button" aria-label=${`${t('topicRemove')}: ${name}`} @click=${() => this.change(this.rows.filter((_, i) => i !== index))}>${t('topicRemove')}</button>
      </div>
    </fieldset></li>`;
  }

  override render() {
    const rows = this.rows;
    const { error, saved } = this.store;
    const add = () => this.change([...rows, { label: '', queue: this.queues[0]?.slug ?? '' }]);
    return html`<section aria-labelledby="topic-menu-h">
      <h2 id="topic-menu-h">${t('topicMenuHeading')}</h2>
      <p class="muted">${t('topicMenuHelp')}</p>
      ${error ? html`<div class="banner error" role="alert">${error}</div>` : nothing}
      ${saved && !this.draft ? html`<div class="notice" role="status">${t('topicMenuSaved')}</div>` : nothing}
      <form @submit=${this.onSave} aria-labelledby="topic-menu-h">
        ${rows.length ? html`<ol>${rows.map((row, i) => this.renderRow(row, i, rows.length))}</ol>` : html`<p class="muted">${t('topicMenuEmpty')}</p>`}
        <div class="buttons save">
          <button class="secondary" type="button" ?disabled=${rows.length >= MAX_TOPICS} @click=${add}>${t('topicAdd')}</button>
          <button class="primary" type="submit">${t('topicMenuSave')}</button>
        </div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-topic-menu-editor': SbTopicMenuEditor;
  }
}

if (!customElements.get('sb-topic-menu-editor')) customElements.define('sb-topic-menu-editor', SbTopicMenuEditor);
