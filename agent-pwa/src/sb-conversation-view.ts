/** One conversation as the agent works it: the timeline, typing, replies with canned text, and ending it. */
import { html, LitElement, css, nothing, type PropertyValues } from 'lit';
import type { CannedReply, TransferTargets } from '../../signaling/protocol/api.js';
import type { CallView } from '../../signaling/protocol/call.js';
import type { CobrowseView } from '../../signaling/protocol/cobrowse.js';
import type { CallMediaState } from '../../ui/call/call-client.js';
import { formatDuration } from '../../ui/format/format-duration.js';
import type { CallbackOutcome, CobrowseAction, ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ConversationNote } from '../../signaling/protocol/notes.js';
import { MAX_MESSAGE_LENGTH } from '../../signaling/protocol/version.js';
import { sendOnEnter, takeComposerText } from '../../ui/composer/send-on-enter.js';
import { TypingController } from '../../ui/controllers/typing-controller.js';
import { assertNever } from '../../ui/assert-never.js';
import type { PendingReply } from './agent-session.js';
import { t, visitorName, type MessageKey } from './i18n/en.js';
import { sharedStyles } from './shared-styles.js';
import './callback/sb-callback-panel.js';
import '../../ui/call/define.js';
import { agentCallMessages } from './call/call-controls-messages.js';
import { fillReply, repliesFor } from '../../signaling/protocol/canned-replies.js';
import type { Suggestions } from '../../signaling/protocol/articles.js';
import { matchShortcut, typedShortcut } from './composer/shortcut-match.js';

const COBROWSE_EVENT: Record<CobrowseAction, MessageKey> = {
  requested: 'cobrowseRequested',
  started: 'cobrowseStarted',
  declined: 'cobrowseDeclined',
  'control-requested': 'cobrowseControlRequested',
  'control-granted': 'cobrowseControlGranted',
  'control-revoked': 'cobrowseControlRevoked',
  ended: 'cobrowseEnded',
};

const CALLBACK_OUTCOME: Record<CallbackOutcome, MessageKey> = {
  reached: 'callbackOutcomeReached',
  'no-answer': 'callbackOutcomeNoAnswer',
  retry: 'callbackOutcomeRetry',
  'wrong-number': 'callbackOutcomeWrongNumber',
};

/** Where a conversation came from, when not the widget's chat or call. */
function sourceLabel(c: ConversationSummary): string | undefined {
  if (c.source === 'callback') return t('sourceCallback');
  if (c.source === 'email') return t('sourceEmail');
  if (c.source?.startsWith('channel:')) return t('sourceChannel');
  return undefined;
}

/**
 * @fires sb-reply - `{ text }` when the agent sends a reply.
 * @fires sb-typing - `{ isTyping }`.
 * @fires sb-end - when the agent ends the conversation.
 * @fires sb-whisper - `{ text }` (monitoring supervisors) a note only the agent sees.
 * @fires sb-barge - (monitoring supervisors) join the conversation visibly.
 * @fires sb-stop-monitoring - (monitoring supervisors) close the view.
 * @fires sb-transfer-open - the agent wants to transfer (the app loads the targets).
 * @fires sb-cobrowse-request - the agent asks the visitor to share their page.
 * The callback panel's sb-callback-outcome bubbles through.
 * The co-browse viewer's sb-cobrowse-stop and sb-cobrowse-control-request bubble through.
 * Call controls' sb-call-mute / sb-call-hold / sb-call-hangup and the form's sb-transfer bubble through.
 */
export class SbConversationView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: flex; flex-direction: column; height: 100%; min-height: 0; }
      .header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid #e2e8f0; background: #fff; }
      h2 { margin: 0; font-size: 17px; }
      .contact { font-size: 13px; }
      .log { flex: 1; overflow-y: auto; }
      ol { list-style: none; margin: 0; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
      li { max-width: 75%; }
      .message { padding: 8px 12px; border-radius: 12px; overflow-wrap: anywhere; }
      .text { white-space: pre-wrap; }
      .visitor { align-self: flex-start; background: #fff; border: 1px solid #e2e8f0; }
      .agent { align-self: flex-end; background: #4338ca; color: #fff; }
      .pending { opacity: 0.65; }
      .system { align-self: center; font-size: 13px; color: #64748b; }
      .author { display: block; font-size: 12px; font-weight: 600; }
      .meta { display: block; font-size: 11px; opacity: 0.8; text-align: right; }
      .hint { margin: 0; padding: 4px 16px; font-size: 13px; }
      .hint-inline { font-size: 12px; }
      .chips { display: flex; flex-wrap: wrap; gap: 6px; }
      .chip { border-radius: 999px; padding: 2px 10px; font-size: 13px; background: #eef2ff; border: 1px solid #c7d2fe; }
      .chip.article { background: #f0fdf4; border-color: #bbf7d0; }
      [role='listbox'] { list-style: none; margin: 0; padding: 4px; border: 1px solid #cbd5e1; border-radius: 8px; max-height: 180px; overflow-y: auto; }
      [role='option'] { max-width: none; padding: 4px 8px; border-radius: 6px; cursor: pointer; }
      [role='option'][aria-selected='true'] { background: #e0e7ff; }
      .typing { min-height: 1.4em; padding: 0 16px; font-size: 13px; color: #64748b; }
      form { display: grid; gap: 8px; padding: 12px 16px; border-top: 1px solid #e2e8f0; background: #fff; }
      textarea { resize: vertical; min-height: 64px; padding: 8px 10px; border: 1px solid #cbd5e1; border-radius: 8px; }
      .bar { display: flex; gap: 8px; justify-content: space-between; align-items: center; }
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid #cbd5e1; background: #fff; max-width: 50%; }
      .ended { padding: 16px; text-align: center; border-top: 1px solid #e2e8f0; background: #fff; }
      .notes { list-style: none; margin: 0; padding: 8px 16px; display: grid; gap: 4px; background: #fefce8; border-top: 1px solid #fde68a; }
      .notes li { max-width: none; font-size: 14px; }
      .actions { display: flex; gap: 8px; }
      sb-cobrowse-viewer { flex: 0 1 auto; max-height: 70%; overflow: auto; }
      .monitoring { padding: 6px 16px; background: #ede9fe; color: #4c1d95; font-size: 13px; display: flex; justify-content: space-between; align-items: center; }
    `,
  ];
  static override properties = {
    conversation: { attribute: false },
    events: { attribute: false },
    pending: { attribute: false },
    visitorTyping: { type: Boolean },
    cannedReplies: { attribute: false },
    notes: { attribute: false },
    monitoring: { type: Boolean },
    call: { attribute: false },
    media: { attribute: false },
    transferTargets: { attribute: false },
    transferring: { type: Boolean },
    recordingSince: { attribute: false },
    cobrowse: { attribute: false },
    agentName: { attribute: false },
    suggestions: { attribute: false },
    shortcutMatches: { state: true },
    shortcutIndex: { state: true },
  };
  declare conversation: ConversationSummary;
  declare events: ConversationEvent[];
  declare pending: PendingReply[];
  declare visitorTyping: boolean;
  declare cannedReplies: CannedReply[];
  /** Whispers in this conversation (staff only). */
  declare notes: ConversationNote[];
  /** A supervisor watching: the timeline is read-only, with a whisper box and Join instead. */
  declare monitoring: boolean;
  /** This conversation's call, when it is one, and its media in this window. */
  declare call: CallView | undefined;
  declare media: CallMediaState | undefined;
  /** Set while the transfer form is open, with where it can go. */
  declare transferring: boolean;
  /** When this window started recording the call, while it does. */
  declare recordingSince: number | undefined;
  declare transferTargets: TransferTargets | undefined;
  /** This conversation's co-browse session, asked or live. */
  declare cobrowse: CobrowseView | undefined;
  /** The signed-in agent's name, shown to the visitor beside the pointer. */
  declare agentName: string;
  /** Canned replies and articles that fit the customer's last message. */
  declare suggestions: Suggestions | undefined;
  declare shortcutMatches: CannedReply[];
  declare shortcutIndex: number;
  private readonly typing = new TypingController(this, (isTyping) => this.fire('sb-typing', { isTyping }));

  constructor() {
    super();
    this.events = [];
    this.pending = [];
    this.visitorTyping = false;
    this.cannedReplies = [];
    this.notes = [];
    this.monitoring = false;
    this.transferring = false;
    this.agentName = '';
    this.shortcutMatches = [];
    this.shortcutIndex = 0;
  }

  /** Puts the caret in the reply box. */
  focusComposer(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The viewer and its Yjs client load only when a page is first shared with this agent.
    if (this.cobrowse && !customElements.get('sb-cobrowse-viewer')) void import('./cobrowse/sb-cobrowse-viewer.js');
    if (changed.has('events') || changed.has('pending')) {
      const list = this.renderRoot.querySelector('.log');
      if (list) list.scrollTop = list.scrollHeight;
    }
  }

  override render() {
    const c = this.conversation;
    const name = visitorName(c.visitor);
    const ended = c.status === 'ended';
    const shown = new Set(this.events.flatMap((e) => (e.type === 'message' && e.clientId ? [e.clientId] : [])));
    const lastSeen = [...this.events].reverse().find((e) => e.type === 'message' && e.author.kind === 'agent' && e.seq <= c.visitorReadSeq)?.seq;
    const isCallback = c.source === 'callback';
    // The newest callback event: the attempt being dialled.
    const callback = isCallback ? this.events.findLast((e) => e.type === 'callback') : undefined;
    return html`<div class="header">
        <div>
          <h2>${name}</h2>
          <span class="contact muted">${[sourceLabel(c), c.visitor.email, c.visitor.phone].filter(Boolean).join(' · ')}</span>
          ${c.subject ? html`<span class="contact">${t('subjectLine', { subject: c.subject })}</span>` : nothing}
        </div>
        ${ended || this.monitoring
          ? nothing
          : html`<div class="actions">
              ${c.status === 'active' && !this.cobrowse
                ? html`<button type="button" aria-label=${t('cobrowseAskLabel', { name })} @click=${() => this.fire('sb-cobrowse-request')}>${t('cobrowse')}</button>`
                : nothing}
              <button type="button" aria-expanded=${this.transferring ? 'true' : 'false'} @click=${() => this.fire('sb-transfer-open')}>${t('transfer')}</button>
              ${this.call || isCallback ? nothing : html`<button class="danger" type="button" @click=${() => this.fire('sb-end')}>${t('endConversation')}</button>`}
            </div>`}
      </div>
      ${callback && c.status === 'active' && !this.monitoring ? html`<sb-callback-panel .callback=${callback} .visitor=${name}></sb-callback-panel>` : nothing}
      ${this.call && !ended && !this.monitoring
        ? html`<sb-call-controls side="agent" .call=${this.call} .media=${this.media} .peer=${name} .messages=${agentCallMessages} .recordingSince=${this.recordingSince}></sb-call-controls>`
        : nothing}
      ${this.cobrowse && !ended && !this.monitoring ? html`<sb-cobrowse-viewer .session=${this.cobrowse} .visitor=${name} .agentName=${this.agentName}></sb-cobrowse-viewer>` : nothing}
      ${this.transferring && !ended ? html`<sb-transfer-form .targets=${this.transferTargets} .visitor=${name}></sb-transfer-form>` : nothing}
      ${this.monitoring
        ? html`<div class="monitoring" role="status">${t('monitoringTitle')}<button type="button" @click=${() => this.fire('sb-stop-monitoring')}>${t('stopMonitoring')}</button></div>`
        : nothing}
      <div class="log" role="log" aria-live="polite" aria-label=${t('timelineLabel', { name })}><ol>
        ${this.events.map((e) => this.renderEvent(e, name, lastSeen))}
        ${this.pending
          .filter((p) => !shown.has(p.clientId))
          .map((p) => html`<li class="message agent pending"><span class="text">${p.text}</span><span class="meta">${t('sending')}</span></li>`)}
      </ol></div>
      <div class="typing" aria-live="polite">${this.visitorTyping && !ended ? t('visitorTyping', { name }) : ''}</div>
      ${this.notes.length
        ? html`<ul class="notes" aria-label=${t('whispersLabel')}>
            ${this.notes.map((n) => html`<li><strong>${t(n.kind === 'handover' ? 'handoverFrom' : 'whisperFrom', { name: n.author.name })}:</strong> ${n.text}</li>`)}
          </ul>`
        : nothing}
      ${c.source === 'email' && c.visitor.email && !ended && !this.monitoring ? html`<p class="hint muted">${t('emailReplyHint', { email: c.visitor.email })}</p>` : nothing}
      ${ended ? html`<div class="ended" role="status">${t('conversationEnded')}</div>` : this.monitoring ? this.renderWhisper() : isCallback ? nothing : this.renderComposer(name)}`;
  }

  private renderEvent(e: ConversationEvent, visitor: string, lastSeen: number | undefined) {
    switch (e.type) {
      case 'message': {
        const fromAgent = e.author.kind === 'agent';
        return html`<li class="message ${fromAgent ? 'agent' : 'visitor'}" data-seq=${e.seq}>
          <span class="author">${fromAgent ? e.author.name ?? t('you') : visitor}</span><span class="text">${e.text}</span>
          ${fromAgent && e.seq === lastSeen ? html`<span class="meta">${t('seenByVisitor')}</span>` : nothing}
        </li>`;
      }
      case 'agent-joined':
        return html`<li class="system">${t('joined', { name: e.agent.name ?? '' })}</li>`;
      case 'agent-left':
        return html`<li class="system">${t('left', { name: e.agent.name ?? '' })}</li>`;
      case 'ended':
        return html`<li class="system">
          ${t('endedBy', { name: e.by.kind === 'visitor' ? visitor : e.by.name ?? t('you') })}${e.talkMs !== undefined ? html` · ${t('callEndedAfter', { duration: formatDuration(e.talkMs)! })}` : nothing}
        </li>`;
      case 'call-held':
      case 'call-resumed':
        return html`<li class="system">${t(e.type === 'call-held' ? 'callHeld' : 'callResumed', { name: e.by.kind === 'visitor' ? visitor : e.by.name ?? t('you') })}</li>`;
      case 'transferred':
        return html`<li class="system">${t('transferredTo', { name: e.to.name })}</li>`;
      case 'recording-consent':
        return html`<li class="system">${t(e.given ? 'consentGiven' : 'consentWithdrawn', { name: visitor })}</li>`;
      case 'cobrowse':
        return html`<li class="system">${t(e.action === 'ended' && e.reason === 'visitor-left' ? 'cobrowseEndedVisitorLeft' : COBROWSE_EVENT[e.action], { name: visitor })}</li>`;
      case 'callback':
        return html`<li class="system">${t('callbackEvent', { phone: e.phone, attempt: e.attempt })}</li>`;
      case 'callback-outcome':
        return html`<li class="system">
          ${t(CALLBACK_OUTCOME[e.outcome], { name: e.by.name ?? t('you') })}${e.retryAt ? html` ${t('callbackNextAttempt', { time: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(e.retryAt) })}` : nothing}
        </li>`;
      case 'auto-reply':
        return html`<li class="system">${e.text}</li>`;
      case 'bot':
        return html`<li class="system">${e.articles.length ? t('botOffered', { titles: e.articles.map((a) => a.title).join(', ') }) : t('botNothing')}${e.handedOff ? ` ${t('botHandedOff', { name: visitor })}` : ''}</li>`;
      case 'recording': {
        const label = t('recordingLabel', { duration: formatDuration(e.durationMs)! });
        return html`<li class="system recording">${label}<audio controls preload="none" aria-label=${label} src=${`/api/conversations/${encodeURIComponent(e.conversationId)}/recordings/${encodeURIComponent(e.recordingId)}`}></audio></li>`;
      }
      default:
        return assertNever(e);
    }
  }

  private renderComposer(name: string) {
    const matches = this.shortcutMatches;
    const active = matches[this.shortcutIndex];
    const suggestions = this.suggestions;
    return html`<form @submit=${this.onSubmit}>
      ${suggestions && (suggestions.replies.length || suggestions.articles.length)
        ? html`<div class="chips" role="group" aria-label=${t('suggestionsLabel')}>
            ${suggestions.replies.map((r) => html`<button type="button" class="chip" aria-label=${t('suggestionReply', { title: r.title })} @click=${() => this.insert(r.body)}>/${r.shortcut} · ${r.title}</button>`)}
            ${suggestions.articles.map((a) => html`<button type="button" class="chip article" aria-label=${t('suggestionArticle', { title: a.title })} @click=${() => this.insert(`${a.title}: ${a.excerpt}`)}>📄 ${a.title}</button>`)}
          </div>`
        : nothing}
      <textarea
        name="reply"
        maxlength=${MAX_MESSAGE_LENGTH}
        aria-label=${t('composerLabel', { name })}
        placeholder=${t('composerPlaceholder')}
        spellcheck="true"
        lang=${this.conversation.language ?? nothing}
        aria-autocomplete="list"
        aria-controls=${matches.length ? "shortcut-list" : nothing}
        aria-activedescendant=${active ? `shortcut-${active.id}` : nothing}
        @input=${this.onComposerInput}
        @keydown=${this.onComposerKeydown}
      ></textarea>
      ${matches.length
        ? html`<ul id="shortcut-list" role="listbox" aria-label=${t('cannedLabel')}>
            ${matches.map(
              (r, i) => html`<li id=${`shortcut-${r.id}`} role="option" aria-selected=${i === this.shortcutIndex ? 'true' : 'false'} @mousedown=${(e: Event) => {
                e.preventDefault();
                this.pickShortcut(r);
              }}><strong>/${r.shortcut}</strong> ${r.title}${r.language ? html` <span class="muted">(${r.language})</span>` : nothing}</li>`,
            )}
          </ul>`
        : nothing}
      <div class="bar">
        <span class="muted hint-inline">${t('shortcutHint')}</span>
        <button class="primary" type="submit">${t('send')}</button>
      </div>
    </form>`;
  }

  private renderWhisper() {
    const agent = this.conversation.agent?.name ?? '';
    return html`<form @submit=${this.onWhisper}>
      <textarea name="whisper" maxlength=${MAX_MESSAGE_LENGTH} aria-label=${t('whisperLabel', { name: agent })} placeholder=${t('whisperPlaceholder')} @keydown=${sendOnEnter}></textarea>
      <div class="bar">
        <button type="button" @click=${() => this.fire('sb-barge')}>${t('bargeIn')}</button>
        <button class="primary" type="submit">${t('whisper')}</button>
      </div>
    </form>`;
  }

  private onWhisper(event: Event): void {
    const text = takeComposerText(event);
    if (text) this.fire('sb-whisper', { text });
  }

  /** The canned replies for this conversation: one per shortcut, in the customer's language. */
  private get replies(): CannedReply[] {
    return repliesFor(this.cannedReplies, this.conversation.language);
  }

  private onComposerInput(event: InputEvent): void {
    this.typing.keystroke();
    const typed = typedShortcut((event.target as HTMLTextAreaElement).value);
    this.shortcutMatches = typed === undefined ? [] : matchShortcut(this.replies, typed);
    this.shortcutIndex = 0;
  }

  private onComposerKeydown(event: KeyboardEvent): void {
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
    const field = this.renderRoot.querySelector('textarea')!;
    field.value = '';
    this.shortcutMatches = [];
    this.insert(reply.body);
  }

  /** Puts text into the composer with the variables filled in, and the caret after it. */
  private insert(body: string): void {
    const field = this.renderRoot.querySelector('textarea')!;
    const c = this.conversation;
    const text = fillReply(body, { customer: { ...(c.visitor.name ? { name: c.visitor.name } : {}), ...(c.visitor.email ? { email: c.visitor.email } : {}) }, agent: { name: this.agentName } });
    field.value = field.value ? `${field.value} ${text}` : text;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  private onSubmit(event: Event): void {
    const text = takeComposerText(event);
    if (!text) return;
    this.typing.stop();
    this.fire('sb-reply', { text });
  }
}
