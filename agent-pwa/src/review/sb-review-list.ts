/** Replies waiting for review, each with what it answers, and the reviewer's three choices: approve, edit and approve, return with a comment. */
import { css, html, LitElement, nothing } from 'lit';
import type { ReviewItem } from '../../../signaling/protocol/reply-review.js';
import { formatClock } from '../../../ui/format/message-runs.js';
import { MAX_MESSAGE_LENGTH } from '../../../signaling/protocol/version.js';
import { appLocale, t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

type Open = { id: string; mode: 'edit' | 'return' };

/**
 * @fires sb-review-approve - `{ id, text? }`: approve (with `text`, as the reviewer edited it).
 * @fires sb-review-return - `{ id, comment }`: back to its agent.
 */
export class SbReviewList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; max-width: 820px; }
      li { border: 1px solid var(--sb-color-border-subtle); border-radius: 10px; padding: 12px; display: grid; gap: 8px; min-width: 0; }
      h3 { margin: 0; font-size: 15px; }
      blockquote { margin: 0; padding: 6px 10px; border-inline-start: 3px solid var(--sb-color-border); color: var(--sb-color-muted); white-space: pre-wrap; overflow-wrap: anywhere; }
      .reply { white-space: pre-wrap; overflow-wrap: anywhere; }
      .label { font-size: 12px; color: var(--sb-color-muted); }
      .actions { display: flex; flex-wrap: wrap; gap: 6px; }
      textarea { width: 100%; box-sizing: border-box; min-height: 6em; padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; font: inherit; }
      form { display: grid; gap: 6px; }
    `,
  ];
  static override properties = { items: { attribute: false }, busy: { type: Boolean }, open: { state: true } };
  declare items: ReviewItem[];
  declare busy: boolean;
  declare open: Open | undefined;

  constructor() {
    super();
    this.items = [];
    this.busy = false;
  }

  override render() {
    if (!this.items.length) return html`<p class="muted">${t('reviewEmpty')}</p>`;
    return html`<ol>
      ${this.items.map((item) => this.renderItem(item))}
    </ol>`;
  }

  private renderItem(item: ReviewItem) {
    const c = item.conversation;
    const customer = c.customer.name ?? c.customer.email ?? '';
    const open = this.open?.id === item.id ? this.open.mode : undefined;
    return html`<li aria-labelledby="review-${item.id}">
      <h3 id="review-${item.id}" dir="auto">${t('reviewFrom', { agent: item.agent.name, customer })}</h3>
      <span class="muted" dir="auto">${[c.subject, c.customer.email, c.queueName, formatClock(item.createdAt, appLocale())].filter(Boolean).join(' · ')}</span>
      ${c.lastCustomerMessage ? html`<span class="label">${t('reviewCustomerWrote')}</span><blockquote dir="auto">${c.lastCustomerMessage}</blockquote>` : nothing}
      <span class="label">${t('reviewReply')}</span>
      ${open === 'edit' ? this.renderEdit(item, customer) : html`<div class="reply" dir="auto">${item.text}</div>`}
      ${item.attachments.length ? html`<span class="muted">${item.attachments.map((a) => a.name).join(', ')}</span>` : nothing}
      ${open === 'return' ? this.renderReturn(item) : nothing}
      ${open
        ? nothing
        : html`<div class="actions">
            <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.fire('sb-review-approve', { id: item.id })}>${t('reviewApprove')}</button>
            <button type="button" ?disabled=${this.busy} @click=${() => this.show(item.id, 'edit')}>${t('reviewEdit')}</button>
            <button type="button" ?disabled=${this.busy} @click=${() => this.show(item.id, 'return')}>${t('reviewReturn')}</button>
          </div>`}
    </li>`;
  }

  private renderEdit(item: ReviewItem, customer: string) {
    return html`<form @submit=${(e: SubmitEvent) => this.submit(e, item.id, 'edit')}>
      <textarea name="text" required maxlength=${MAX_MESSAGE_LENGTH} aria-label=${t('reviewEditLabel', { customer })} dir="auto" .value=${item.text}></textarea>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('reviewApprove')}</button>
        <button type="button" @click=${() => (this.open = undefined)}>${t('reviewCancel')}</button>
      </div>
    </form>`;
  }

  private renderReturn(item: ReviewItem) {
    return html`<form @submit=${(e: SubmitEvent) => this.submit(e, item.id, 'return')}>
      <label class="label" for="comment-${item.id}">${t('reviewCommentLabel', { agent: item.agent.name })}</label>
      <textarea id="comment-${item.id}" name="comment" required maxlength="2000" dir="auto"></textarea>
      <div class="actions">
        <button class="danger" type="submit" ?disabled=${this.busy}>${t('reviewSendBack', { agent: item.agent.name })}</button>
        <button type="button" @click=${() => (this.open = undefined)}>${t('reviewCancel')}</button>
      </div>
    </form>`;
  }

  private async show(id: string, mode: Open['mode']): Promise<void> {
    this.open = { id, mode };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('form textarea')?.focus();
  }

  private submit(event: SubmitEvent, id: string, mode: Open['mode']): void {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get(mode === 'edit' ? 'text' : 'comment') ?? '').trim();
    if (!value) return;
    this.open = undefined;
    if (mode === 'edit') this.fire('sb-review-approve', { id, text: value });
    else this.fire('sb-review-return', { id, comment: value });
  }

  private fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
