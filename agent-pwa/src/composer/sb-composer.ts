/**
 * The agent's reply box: the text, `/shortcut` canned replies (in the customer's language, with
 * their variables filled in), suggestion chips, and the typing notifications.
 *
 * The draft of each conversation is kept as the agent types (drafts.ts), so a reload gives it back.
 *
 * It renders into its parent's tree rather than a shadow root of its own: the conversation view
 * styles it together with the whisper box (composerStyles holds its own parts), and the textarea,
 * its listbox and aria-activedescendant stay in the one tree the view focuses and assistive
 * technology resolves ids in.
 */
import { html, LitElement, nothing } from 'lit';
import type { CannedReply } from '../../../signaling/protocol/api.js';
import type { Suggestions } from '../../../signaling/protocol/articles.js';
import { fillReply, repliesFor } from '../../../signaling/protocol/canned-replies.js';
import type { AttachmentRef } from '../../../signaling/protocol/attachments.js';
import type { ConversationSummary } from '../../../signaling/protocol/conversation.js';
import { MAX_MESSAGE_LENGTH } from '../../../signaling/protocol/version.js';
import { lengthState } from '../../../ui/composer/message-length.js';
import { sendOnEnter, takeComposerText } from '../../../ui/composer/send-on-enter.js';
import { TypingController } from '../../../ui/controllers/typing-controller.js';
import { appLocale, t } from '../i18n/en.js';
import { PICKER_ACCEPT, renderUploadTray } from '../../../ui/attachments/upload-tray.js';
import { UploadsController } from '../../../ui/attachments/uploads-controller.js';
import { trayLabel, uploadAgentFile, uploadReason } from '../conversation/conversation-files.js';
import { articleIcon } from './article-icon.js';
import { loadDraft, saveDraft } from './drafts.js';
import { matchShortcut, typedShortcut } from './shortcut-match.js';
import { paperclipIcon } from '../../../ui/attachments/paperclip-icon.js';

/**
 * @fires sb-reply - `{ text, attachments? }` when the agent sends a reply, or a file (picker, drop, paste) is stored and ready to go.
 * In an e-mail conversation a stored file waits, listed under the field, and goes with the next reply: one mail, not one a file.
 * @fires sb-typing - `{ isTyping }` when the agent starts or stops typing.
 */
export class SbComposer extends LitElement {
  static override properties = {
    conversation: { attribute: false },
    visitorName: { attribute: false },
    cannedReplies: { attribute: false },
    suggestions: { attribute: false },
    agentName: { attribute: false },
    shortcutMatches: { state: true },
    shortcutIndex: { state: true },
    draftLength: { state: true },
  };
  declare conversation: ConversationSummary;
  /** The customer as the composer's label names them. */
  declare visitorName: string;
  declare cannedReplies: CannedReply[];
  /** Canned replies and articles that fit the customer's last message. */
  declare suggestions: Suggestions | undefined;
  /** The signed-in agent's name, for the replies' {{agent.name}}. */
  declare agentName: string;
  declare shortcutMatches: CannedReply[];
  declare shortcutIndex: number;
  /** Characters in the reply, for the counter near the limit. */
  declare draftLength: number;
  private readonly typing = new TypingController(this, (isTyping) => this.fire('sb-typing', { isTyping }));
  /** Files being sent: each goes as a message of its own once stored (in a chat); replies keep flowing meanwhile. */
  private readonly uploads = new UploadsController(this, () => uploadAgentFile, (file) => this.fileStored(file));
  /** Stored files waiting for the next reply, per e-mail conversation. */
  private readonly held = new Map<string, AttachmentRef[]>();

  constructor() {
    super();
    this.visitorName = '';
    this.cannedReplies = [];
    this.agentName = '';
    this.shortcutMatches = [];
    this.shortcutIndex = 0;
    this.draftLength = 0;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const matches = this.shortcutMatches;
    const active = matches[this.shortcutIndex];
    const suggestions = this.suggestions;
    const length = lengthState(this.draftLength);
    const number = new Intl.NumberFormat(appLocale());
    const counts = { count: number.format(this.draftLength), max: number.format(MAX_MESSAGE_LENGTH) };
    return html`<form @submit=${this.onSubmit} @dragover=${this.onDragOver} @drop=${this.onDrop}>
      ${suggestions && (suggestions.replies.length || suggestions.articles.length)
        ? html`<div class="chips" role="group" aria-label=${t('suggestionsLabel')}>
            ${suggestions.replies.map((r) => html`<button type="button" class="chip" dir="auto" aria-label=${t('suggestionReply', { title: r.title })} @click=${() => this.insert(r.body)}>/${r.shortcut} · ${r.title}</button>`)}
            ${suggestions.articles.map((a) => html`<button type="button" class="chip article" dir="auto" aria-label=${t('suggestionArticle', { title: a.title })} @click=${() => this.insert(`${a.title}: ${a.excerpt}`)}>${articleIcon} ${a.title}</button>`)}
          </div>`
        : nothing}
      <textarea
        name="reply"
        aria-describedby="reply-length"
        aria-invalid=${length === 'over' ? 'true' : 'false'}
        aria-label=${t('composerLabel', { name: this.visitorName })}
        placeholder=${t('composerPlaceholder')}
        spellcheck="true"
        lang=${this.conversation.language ?? nothing}
        aria-autocomplete="list"
        aria-controls=${matches.length ? 'shortcut-list' : nothing}
        aria-activedescendant=${active ? `shortcut-${active.id}` : nothing}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
        @paste=${this.onPaste}
      ></textarea>
      ${matches.length
        ? html`<ul id="shortcut-list" role="listbox" aria-label=${t('cannedLabel')}>
            ${matches.map(
              (r, i) => html`<li id=${`shortcut-${r.id}`} role="option" aria-selected=${i === this.shortcutIndex ? 'true' : 'false'} @mousedown=${(e: Event) => {
                e.preventDefault();
                this.pickShortcut(r);
              }}><bdi><strong>/${r.shortcut}</strong> ${r.title}</bdi>${r.language ? html` <span class="muted">(${r.language})</span>` : nothing}</li>`,
            )}
          </ul>`
        : nothing}
      <div id="reply-length" class="length ${length}" role=${length === 'over' ? 'alert' : 'status'}>${length === 'over' ? t('lengthOver', counts) : length === 'near' ? t('lengthCounter', counts) : ''}</div>
      ${renderUploadTray({ uploads: this.uploads.value, label: trayLabel, reason: uploadReason, retry: (key) => this.uploads.retry(key), remove: (key) => this.uploads.remove(key) })}
      ${this.renderHeld()}
      <div class="bar">
        <span class="muted hint-inline">${t('shortcutHint')}</span>
        <input class="file-input" type="file" multiple accept=${PICKER_ACCEPT} tabindex="-1" aria-hidden="true" @change=${this.onPicked} />
        <button type="button" class="attach" aria-label=${t('attachFile')} title=${t('attachFile')} @click=${this.openPicker}>${paperclipIcon}</button>
        <button class="primary" type="submit">${t('send')}</button>
      </div>
    </form>`;
  }

  private renderHeld() {
    const files = this.held.get(this.conversation.id) ?? [];
    if (!files.length) return nothing;
    return html`<div class="held">
      <span id="held-caption" class="muted">${t('heldForReply')}</span>
      <ul class="uploads" aria-labelledby="held-caption">
        ${files.map(
          (f) => html`<li>${paperclipIcon}<span dir="auto">${f.name}</span>
              <button type="button" class="secondary" title=${t('uploadRemove', { name: f.name })} aria-label=${t('uploadRemove', { name: f.name })} @click=${() => this.release(f.id)}>×</button></li>`,
        )}
      </ul>
    </div>`;
  }

  /** A chat gets the file at once; an e-mail conversation keeps it for the reply, so the customer gets one mail. */
  private fileStored(file: AttachmentRef): void {
    if (this.conversation.channel !== 'email') return this.fire('sb-reply', { text: '', attachments: [file] });
    this.held.set(this.conversation.id, [...(this.held.get(this.conversation.id) ?? []), file]);
    this.requestUpdate();
  }

  private release(fileId: string): void {
    this.held.set(this.conversation.id, (this.held.get(this.conversation.id) ?? []).filter((f) => f.id !== fileId));
    this.requestUpdate();
    this.field.focus();
  }

  /** Another conversation (or the first): its own draft in the field. */
  protected override updated(changed: Map<string, unknown>): void {
    const previous = changed.get('conversation') as ConversationSummary | undefined;
    if (!changed.has('conversation') || previous?.id === this.conversation.id) return;
    if (previous) saveDraft(previous.id, this.field.value);
    this.field.value = loadDraft(this.conversation.id);
    this.draftLength = this.field.value.length;
  }

  /** The canned replies for this conversation: one per shortcut, in the customer's language. */
  private get replies(): CannedReply[] {
    return repliesFor(this.cannedReplies, this.conversation.language);
  }

  private get field(): HTMLTextAreaElement {
    return this.querySelector('textarea')!;
  }

  private onInput(event: InputEvent): void {
    this.typing.keystroke();
    this.draftLength = (event.target as HTMLTextAreaElement).value.length;
    saveDraft(this.conversation.id, (event.target as HTMLTextAreaElement).value);
    const typed = typedShortcut((event.target as HTMLTextAreaElement).value);
    this.shortcutMatches = typed === undefined ? [] : matchShortcut(this.replies, typed);
    this.shortcutIndex = 0;
  }

  private onKeydown(event: KeyboardEvent): void {
    const matches = this.shortcutMatches;
    if (matches.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        this.shortcutIndex = (this.shortcutIndex + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.pickShortcut(matches[this.shortcutIndex]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        this.shortcutMatches = [];
        return;
      }
    }
    sendOnEnter(event);
  }

  private pickShortcut(reply: CannedReply): void {
    this.field.value = '';
    this.shortcutMatches = [];
    this.insert(reply.body);
  }

  /** Puts text into the composer with the variables filled in, and the caret after it. */
  private insert(body: string): void {
    const field = this.field;
    const c = this.conversation;
    const text = fillReply(body, { customer: { ...(c.visitor.name ? { name: c.visitor.name } : {}), ...(c.visitor.email ? { email: c.visitor.email } : {}) }, agent: { name: this.agentName } });
    field.value = field.value ? `${field.value} ${text}` : text;
    this.draftLength = field.value.length;
    saveDraft(c.id, field.value);
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  private openPicker(): void {
    this.querySelector<HTMLInputElement>('.file-input')?.click();
  }

  private onPicked(event: Event): void {
    this.uploads.addPicked(event);
  }

  private onPaste(event: ClipboardEvent): void {
    this.uploads.addCarried(event);
  }

  private onDragOver(event: DragEvent): void {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  }

  private onDrop(event: DragEvent): void {
    this.uploads.addCarried(event);
  }

  private onSubmit(event: Event): void {
    // Over the limit nothing is sent and nothing is cut: the alert under the field says why.
    if (lengthState(this.field.value.trim().length) === 'over') {
      event.preventDefault();
      this.field.focus();
      return;
    }
    const text = takeComposerText(event);
    const files = this.held.get(this.conversation.id) ?? [];
    this.draftLength = 0;
    if (!text && !files.length) return;
    saveDraft(this.conversation.id, '');
    this.held.delete(this.conversation.id);
    this.typing.stop();
    this.fire('sb-reply', { text: text ?? '', ...(files.length ? { attachments: files } : {}) });
  }
}
