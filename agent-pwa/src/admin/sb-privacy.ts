/**
 * Admins decide how long customers' data is kept, and what happens when a visitor asks to delete
 * a conversation; the requests waiting for a decision are listed with Erase and Keep.
 */
import { css, html, LitElement, nothing } from 'lit';
import { VISITOR_DELETION_MODES, type DeletionRequestView, type RetentionSettings } from '../../../signaling/protocol/privacy.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

const DAY_FIELDS = [
  ['conversationsDays', 'privacyConversationsDays'],
  ['recordingsDays', 'privacyRecordingsDays'],
  ['attachmentsDays', 'privacyAttachmentsDays'],
] as const;

/**
 * @fires sb-retention-save - `{ settings }` the whole form: days (null keeps forever) and the visitor deletion mode.
 * @fires sb-deletion-decide - `{ id, decision: 'approve' | 'reject' }`.
 */
export class SbPrivacy extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 16px; overflow-y: auto; }
      .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 24px; }
      form { display: grid; gap: 8px; }
      label { display: grid; gap: 2px; font-size: 14px; }
      input, select { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      ul { list-style: none; padding: 0; display: grid; gap: 6px; }
      li { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 6px 8px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      li span { flex: 1; }
    `,
  ];
  static override properties = { retention: { attribute: false }, requests: { attribute: false }, error: { attribute: false } };

  declare retention: RetentionSettings | undefined;
  declare requests: DeletionRequestView[];
  declare error: string | undefined;

  constructor() {
    super();
    this.requests = [];
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private onSave(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const days = (name: string) => {
      const value = String(form.get(name) ?? '').trim();
      return value === '' ? null : Number(value);
    };
    const settings: RetentionSettings = {
      conversationsDays: days('conversationsDays'),
      recordingsDays: days('recordingsDays'),
      attachmentsDays: days('attachmentsDays'),
      visitorDeletion: form.get('visitorDeletion') === 'automatic' ? 'automatic' : 'review',
    };
    this.fire('sb-retention-save', { settings });
  }

  override render() {
    const r = this.retention;
    const when = (at: number) => new Date(at).toLocaleString();
    return html`${this.error ? html`<div class="banner error" role="alert">${this.error}</div>` : nothing}
      <div class="columns">
        <section aria-labelledby="retention-h">
          <h2 id="retention-h">${t('privacyRetention')}</h2>
          <p class="muted">${t('privacyRetentionHelp')}</p>
          <form @submit=${this.onSave}>
            ${DAY_FIELDS.map(([name, label]) => html`<label>${t(label)}<input name=${name} type="number" min="1" max="3650" .value=${r?.[name] == null ? '' : String(r[name])} /></label>`)}
            <label>${t('privacyVisitorDeletion')}
              <select name="visitorDeletion">
                ${VISITOR_DELETION_MODES.map((mode) => html`<option value=${mode} ?selected=${r?.visitorDeletion === mode}>${t(mode === 'automatic' ? 'privacyAutomatic' : 'privacyReview')}</option>`)}
              </select>
            </label>
            <button class="primary" type="submit">${t('privacySave')}</button>
          </form>
        </section>
        <section aria-labelledby="requests-h">
          <h2 id="requests-h">${t('privacyRequests')}</h2>
          ${this.requests.length === 0 ? html`<p class="muted">${t('privacyNoRequests')}</p>` : nothing}
          <ul>
            ${this.requests.map(
              (q) => html`<li>
                <span>${t('privacyRequest', { channel: q.conversation?.channel ?? '—', date: q.conversation ? when(q.conversation.createdAt) : '—', asked: when(q.createdAt) })} · ${t(`privacyStatus_${q.status}`)}</span>
                ${q.status === 'pending'
                  ? html`<button class="secondary" type="button" @click=${() => this.fire('sb-deletion-decide', { id: q.id, decision: 'approve' })}>${t('privacyApprove')}</button>
                      <button class="secondary" type="button" @click=${() => this.fire('sb-deletion-decide', { id: q.id, decision: 'reject' })}>${t('privacyReject')}</button>`
                  : nothing}
              </li>`,
            )}
          </ul>
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-privacy': SbPrivacy;
  }
}

if (!customElements.get('sb-privacy')) customElements.define('sb-privacy', SbPrivacy);
