/**
 * The agent's own replies held for review, under the timeline: "Waiting for review", or returned
 * with the reviewer's comment and a way to rework and resubmit. Approved ones are messages in the
 * timeline already, so they are not shown here.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { HeldReply } from '../../../signaling/protocol/reply-review.js';
import { MAX_MESSAGE_LENGTH } from '../../../signaling/protocol/version.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

/** @fires sb-resubmit-reply - `{ id, text }`: a returned reply, reworked. */
export class SbHeldReplies extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 8px 16px; display: grid; gap: 6px; border-top: 1px solid var(--sb-color-border-subtle); }
      li { display: grid; gap: 4px; padding: 8px 10px; border-radius: 10px; border: 1px dashed var(--sb-color-border); }
      .text { white-space: pre-wrap; overflow-wrap: anywhere; }
      .status { font-size: 13px; font-weight: 600; }
      .returned { border-color: var(--sb-color-danger); }
      .comment { margin: 0; font-size: 14px; }
      textarea { width: 100%; box-sizing: border-box; min-height: 5em; padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; font: inherit; }
      form { display: grid; gap: 6px; }
    `,
  ];
  static override properties = { replies: { attribute: false }, editing: { state: true } };
  declare replies: HeldReply[];
  /** The returned reply being reworked. */
  declare editing: string | undefined;

  constructor() {
    super();
    this.replies = [];
  }

  override render() {
    const shown = this.replies.filter((r) => r.status !== 'approved');
    if (!shown.length) return nothing;
    return html`<ul aria-label=${t('heldRepliesLabel')}>
      ${shown.map((r) => this.renderReply(r))}
    </ul>`;
  }

  private renderReply(r: HeldReply) {
    if (r.status === 'pending') return html`<li><span class="status">${t('heldWaiting')}</span><span class="text" dir="auto">${r.text}</span></li>`;
    return html`<li class="returned">
      <span class="status" role="status">${t('heldReturned', { name: r.reviewer?.name ?? '' })}</span>
      ${r.comment ? html`<p class="comment" dir="auto">${r.comment}</p>` : nothing}
      ${this.editing === r.id
        ? html`<form @submit=${(e: SubmitEvent) => this.resubmit(e, r.id)}>
            <textarea name="text" required maxlength=${MAX_MESSAGE_LENGTH} aria-label=${t('heldResubmitLabel')} dir="auto" .value=${r.text}></textarea>
            <div><button class="primary" type="submit">${t('heldSendAgain')}</button> <button type="button" @click=${() => (this.editing = undefined)}>${t('reviewCancel')}</button></div>
          </form>`
        : html`<span class="text" dir="auto">${r.text}</span>
            <div><button type="button" @click=${() => this.edit(r.id)}>${t('heldResubmit')}</button></div>`}
    </li>`;
  }

  private async edit(id: string): Promise<void> {
    this.editing = id;
    await this.updateComplete;
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private resubmit(event: SubmitEvent, id: string): void {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('text') ?? '').trim();
    if (!text) return;
    this.editing = undefined;
    this.dispatchEvent(new CustomEvent('sb-resubmit-reply', { detail: { id, text }, bubbles: true, composed: true }));
  }
}
