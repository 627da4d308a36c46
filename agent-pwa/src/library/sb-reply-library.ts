/**
 * The reply library: canned replies (the team's and the agent's own, with language variants)
 * and, for supervisors and admins, the knowledge-base articles the bot and suggestions use.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { CannedReply, CannedReplyInput } from '../../../signaling/protocol/api.js';
import type { Article, ArticleInput } from '../../../signaling/protocol/articles.js';
import { appLocale, t } from '../i18n/en.js';
import { FALLBACK_EXAMPLE, variableList } from './template-variables.js';
import { sharedStyles } from '../shared-styles.js';

/**
 * @fires sb-reply-save - `{ id?, input }`.
 * @fires sb-reply-remove - `{ id }`.
 * @fires sb-article-save - `{ id?, input }`.
 * @fires sb-article-remove - `{ id }`.
 */
export class SbReplyLibrary extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 16px; overflow-y: auto; }
      .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 24px; }
      form { display: grid; gap: 6px; max-width: 520px; }
      label { display: grid; gap: 2px; font-size: 14px; }
      input, textarea, select { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      ul { list-style: none; padding: 0; display: grid; gap: 6px; }
      li { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 6px 8px; }
      .body { white-space: pre-wrap; font-size: 13px; color: var(--sb-color-text); }
      .row { display: flex; gap: 8px; align-items: center; }
    `,
  ];
  static override properties = { replies: { attribute: false }, articles: { attribute: false }, canEditTeam: { type: Boolean }, editingReply: { state: true }, editingArticle: { state: true }, error: { attribute: false } };

  declare replies: CannedReply[];
  declare articles: Article[];
  /** Supervisors and admins keep the team's replies and the knowledge base. */
  declare canEditTeam: boolean;
  declare editingReply: CannedReply | undefined;
  declare editingArticle: Article | undefined;
  declare error: string | undefined;

  constructor() {
    super();
    this.replies = [];
    this.articles = [];
    this.canEditTeam = false;
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`${this.error ? html`<div class="banner error" role="alert">${this.error}</div>` : nothing}
      <div class="columns">
        <section aria-labelledby="replies-h">
          <h2 id="replies-h">${t('libraryReplies')}</h2>
          <p class="muted">${t('libraryVariables', { variables: variableList(appLocale()), example: FALLBACK_EXAMPLE })}</p>
          ${this.renderReplyForm()}
          <ul>${this.replies.map((r) => this.renderReply(r))}</ul>
        </section>
        ${this.canEditTeam
          ? html`<section aria-labelledby="articles-h">
              <h2 id="articles-h">${t('libraryArticles')}</h2>
              ${this.renderArticleForm()}
              <ul>${this.articles.map((a) => this.renderArticle(a))}</ul>
            </section>`
          : nothing}
      </div>`;
  }

  private renderReply(r: CannedReply) {
    const mayEdit = r.ownerId !== undefined || this.canEditTeam;
    return html`<li>
      <div class="row"><strong>/${r.shortcut}</strong> <span dir="auto">${r.title}</span> <span class="muted">${r.ownerId ? t('libraryPersonal') : t('libraryTeam')}${r.language ? ` · ${r.language}` : ''}</span></div>
      <div class="body" dir="auto">${r.body}</div>
      ${mayEdit
        ? html`<div class="row">
            <button type="button" aria-label=${t('libraryEditReply', { shortcut: r.shortcut })} @click=${() => (this.editingReply = r)}>${t('libraryEdit')}</button>
            <button type="button" class="danger" aria-label=${t('libraryRemoveReply', { shortcut: r.shortcut })} @click=${() => this.fire('sb-reply-remove', { id: r.id })}>${t('libraryRemove')}</button>
          </div>`
        : nothing}
    </li>`;
  }

  private renderReplyForm() {
    const r = this.editingReply;
    return html`<form aria-label=${r ? t('libraryEditReply', { shortcut: r.shortcut }) : t('libraryNewReply')} @submit=${this.onReply}>
      <label>${t('libraryShortcut')}<input name="shortcut" required maxlength="32" pattern="[A-Za-z0-9][A-Za-z0-9_\\-]*" .value=${r?.shortcut ?? ''} /></label>
      <label>${t('libraryTitle')}<input name="title" required maxlength="80" dir="auto" .value=${r?.title ?? ''} /></label>
      <label>${t('libraryBody')}<textarea name="body" required rows="3" maxlength="4000" dir="auto" .value=${r?.body ?? ''}></textarea></label>
      <label>${t('libraryLanguage')}<input name="language" maxlength="12" placeholder="de, pt-BR" .value=${r?.language ?? ''} /></label>
      ${this.canEditTeam && !r ? html`<label class="row"><input type="checkbox" name="team" />${t('libraryForTeam')}</label>` : nothing}
      <div class="row">
        <button class="primary" type="submit">${t('librarySave')}</button>
        ${r ? html`<button type="button" @click=${() => (this.editingReply = undefined)}>${t('libraryCancel')}</button>` : nothing}
      </div>
    </form>`;
  }

  private renderArticle(a: Article) {
    return html`<li>
      <div class="row"><strong dir="auto">${a.title}</strong> <span class="muted">${a.language}</span></div>
      <div class="body" dir="auto">${a.body.slice(0, 200)}${a.body.length > 200 ? '…' : ''}</div>
      <div class="row">
        <button type="button" aria-label=${t('libraryEditArticle', { title: a.title })} @click=${() => (this.editingArticle = a)}>${t('libraryEdit')}</button>
        <button type="button" class="danger" aria-label=${t('libraryRemoveArticle', { title: a.title })} @click=${() => this.fire('sb-article-remove', { id: a.id })}>${t('libraryRemove')}</button>
      </div>
    </li>`;
  }

  private renderArticleForm() {
    const a = this.editingArticle;
    return html`<form aria-label=${a ? t('libraryEditArticle', { title: a.title }) : t('libraryNewArticle')} @submit=${this.onArticle}>
      <label>${t('libraryTitle')}<input name="title" required maxlength="160" dir="auto" .value=${a?.title ?? ''} /></label>
      <label>${t('libraryBody')}<textarea name="body" required rows="5" dir="auto" .value=${a?.body ?? ''}></textarea></label>
      <label>${t('libraryLanguage')}<input name="language" maxlength="12" .value=${a?.language ?? 'en'} /></label>
      <div class="row">
        <button class="primary" type="submit">${t('librarySave')}</button>
        ${a ? html`<button type="button" @click=${() => (this.editingArticle = undefined)}>${t('libraryCancel')}</button>` : nothing}
      </div>
    </form>`;
  }

  private onReply(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const language = String(data.get('language') ?? '').trim();
    const input: CannedReplyInput = {
      shortcut: String(data.get('shortcut')).trim().toLowerCase(),
      title: String(data.get('title')).trim(),
      body: String(data.get('body')).trim(),
      personal: this.editingReply ? this.editingReply.ownerId !== undefined : !data.get('team'),
      ...(language ? { language } : {}),
    };
    this.fire('sb-reply-save', { ...(this.editingReply ? { id: this.editingReply.id } : {}), input });
    this.editingReply = undefined;
    form.reset();
  }

  private onArticle(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const input: ArticleInput = { title: String(data.get('title')).trim(), body: String(data.get('body')).trim(), language: String(data.get('language') || 'en').trim() };
    this.fire('sb-article-save', { ...(this.editingArticle ? { id: this.editingArticle.id } : {}), input });
    this.editingArticle = undefined;
    form.reset();
  }
}

if (!customElements.get('sb-reply-library')) customElements.define('sb-reply-library', SbReplyLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'sb-reply-library': SbReplyLibrary;
  }
}
