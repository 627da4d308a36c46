/**
 * The visitor's chat panel: a view of the chat session, the help bot, the alternatives and the
 * call, each handed to it and followed through a SessionController; it reports what the visitor
 * does as events. Its view inputs (`state`, `contact`, `bot`, `media`) follow those sessions,
 * and may be set directly to show a given state.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ConnectionStatus } from '../../signaling/protocol/protocol-client.js';
import { MAX_MESSAGE_LENGTH } from '../../signaling/protocol/version.js';
import type { CallClient, CallMediaState } from '../../ui/call/call-client.js';
import '../../ui/call/define.js';
import { lengthState } from '../../ui/composer/message-length.js';
import { sendOnEnter, takeComposerText } from '../../ui/composer/send-on-enter.js';
import { SessionController } from '../../ui/controllers/session-controller.js';
import { TypingController } from '../../ui/controllers/typing-controller.js';
import type { BotSession, BotState } from '../bot/bot-session.js';
import { visitorCallMessages } from '../call/call-controls-messages.js';
import type { ContactOptions, ContactReason, ContactState } from '../contact/contact-options.js';
import type { PreChatAnswers, PreChatForm } from '../../signaling/protocol/pre-chat-form.js';
import type { TopicChoice, TopicChoiceState } from './topic-choice.js';
import { renderTopicBar, renderTopicMenu, topicMenuShown } from './topic-step.js';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';
import type { ChatSession, ChatState } from './chat-session.js';
import { renderCobrowsePrompt } from './cobrowse-prompt.js';
import { renderWebCallRing, renderWebCallSetting } from './web-call-ring.js';
import { renderDeletionFooter, isErased } from './deletion-footer.js';
import type { DeletionOutcome } from './deletion-request.js';
import { renderEndedFooter } from './ended-footer.js';
import { callQueueText, contactReason, queueLine, type QueueLine } from './queue-line.js';
import { chatPanelStyles } from './sb-chat-panel.styles.js';
import { firstUnreadSeq, messageRuns } from '../../ui/format/message-runs.js';
import { renderInvitation, renderTimelineItem } from './timeline-item.js';
import { renderTranscriptFooter, type TranscriptStep } from './transcript-footer.js';
import { PICKER_ACCEPT, renderUploadTray, type TrayLabel } from '../../ui/attachments/upload-tray.js';
import { UploadsController } from '../../ui/attachments/uploads-controller.js';
import { paperclipIcon } from '../../ui/attachments/paperclip-icon.js';
import { formatFileLimit } from '../../ui/attachments/file-size.js';
import { pickerAccept } from '../../ui/attachments/picker-accept.js';

const TRAY_LABELS: Record<TrayLabel, MessageKey> = { uploading: 'uploading', failed: 'uploadFailed', retry: 'uploadRetry', remove: 'uploadRemove' };
const UPLOAD_REASONS: Record<string, MessageKey> = { 'file-too-large': 'uploadTooLarge', 'file-type-not-allowed': 'uploadTypeRefused', 'rate-limited': 'uploadRateLimited' };

/**
 * @fires sb-send - `{ text }` when the visitor sends a message.
 * @fires sb-send-files - `{ attachments }` when a file the visitor chose (picker, drop or paste) is stored and ready to send.
 * @fires sb-typing - `{ isTyping }` when the visitor starts or stops typing.
 * @fires sb-end - when the visitor confirms ending the conversation.
 * @fires sb-new-conversation - when the visitor starts over after an ended conversation.
 * @fires sb-close - when the visitor closes the panel (button or Escape).
 * @fires sb-rate - `{ rating }` (1-5) when the visitor rates an ended conversation.
 * @fires sb-delete-conversation - `{ conversationId }` when the visitor confirms deleting an ended conversation.
 * @fires sb-call - when the visitor presses Call (the page then asks for the microphone).
 * @fires sb-cobrowse-accept - the visitor shares the page (answering the agent, or offering it).
 * @fires sb-cobrowse-decline - the visitor declines the agent's request to see the page.
 * @fires sb-cobrowse-stop - the visitor stops sharing.
 * The call controls' sb-call-mute, sb-call-hold, sb-call-hangup and sb-call-consent bubble out of the panel.
 * @csspart panel - the panel. @csspart header - its title bar. @csspart messages - the message list.
 * @csspart composer - the message form. @csspart send-button - the send button. @csspart message - one message. @csspart avatar - an agent's initials. @csspart divider - the "New messages" line.
 * @cssprop --sb-accent - brand colour. @cssprop --sb-font - font family. @cssprop --sb-radius - corner radius.
 */
export class SbChatPanel extends LitElement {
  static override styles = chatPanelStyles;
  static override properties = {
    state: { attribute: false },
    messages: { attribute: false },
    confirmingEnd: { state: true },
    voice: { type: Boolean },
    media: { attribute: false },
    actionError: { attribute: false },
    cobrowse: { type: Boolean },
    contact: { attribute: false },
    bot: { attribute: false },
    deletion: { attribute: false },
    confirmingDelete: { state: true },
    locale: { attribute: false },
    draftLength: { state: true },
    transcript: { state: true },
    preChat: { state: true },
    topics: { attribute: false },
    company: { attribute: false },
  };

  /** The chat as shown: the chat session's state. */
  declare state: ChatState;
  /** The message catalogue; English unless the page chose another. */
  declare messages: Catalogue;
  /** The catalogue's language: plural rules, dates, durations. */
  declare locale: string;
  declare confirmingEnd: boolean;
  /** Whether the visitor may call (browser voice is offered on this site). */
  declare voice: boolean;
  /** The call's media as this browser sees it (connected, muted, microphone level). */
  declare media: CallMediaState | undefined;
  /** Why the last call or page-sharing action failed, shown until the next try. */
  declare actionError: 'microphone' | 'failed' | undefined;
  /** Whether the visitor may offer to share the page (co-browsing is on for this site). */
  declare cobrowse: boolean;
  /** The company an agent calls from ("Ana from Northwind is calling"): `data-company`, or the site's name. */
  declare company: string;
  /** Callbacks and messages left for later: the queue's state, booked callbacks, an open form. */
  declare contact: ContactState | undefined;
  /** The help bot's turn, before any conversation exists. */
  declare bot: BotState | undefined;
  /** The answer to the visitor's request to delete a conversation. */
  declare deletion: DeletionOutcome | undefined;
  declare confirmingDelete: boolean;
  /** Characters in the composer, for the counter near the limit. */
  declare draftLength: number;
  /** Text the page asked to put in the composer (`showNewMessage`), written once the composer is drawn. */
  private pendingDraft: string | undefined;
  /** The transcript's download and mail, at the end. */
  declare transcript: TranscriptStep;
  /** The pre-chat form's start: waiting for the server, or refused by it. */
  declare preChat: { busy: boolean; refused: boolean };
  /** The visitor's way through the topic menu, when the site has one. */
  declare topics: TopicChoiceState | undefined;
  /** Files being sent: each becomes a message of its own once stored. */
  private readonly uploads = new UploadsController(
    this,
    () => (this.chatSession ? (file, onProgress) => this.chatSession!.files.upload(file, onProgress) : undefined),
    (file) => this.fire('sb-send-files', { attachments: [file] }),
    () => this.contact?.status?.files?.maxBytes,
  );
  private readonly linkFor = (fileId: string) => this.chatSession?.files.link(fileId) ?? Promise.reject(new Error('no session'));
  /** What the visitor had read when the panel first showed this conversation: where "New messages" goes. */
  private openedAt: { id: string; readSeq: number; lastSeq: number } | undefined;
  private readonly typing = new TypingController(this, (isTyping) => this.fire('sb-typing', { isTyping }));
  private readonly chat = new SessionController<ChatSession>(this, { onChange: (session) => (this.state = session.state) });
  private readonly alternatives = new SessionController<ContactOptions>(this, { onChange: (options) => (this.contact = options.state) });
  private readonly helpBot = new SessionController<BotSession>(this, { onChange: (bot) => (this.bot = bot.state) });
  private readonly topicSteps = new SessionController<TopicChoice>(this, { onChange: (choice) => (this.topics = choice.state) });
  private readonly call = new SessionController<CallClient>(this, { onChange: (client) => (this.media = client.state) });

  constructor() {
    super();
    this.state = { connection: ConnectionStatus.connecting, events: [], outbox: [] };
    this.messages = en;
    this.company = location.hostname;
    this.locale = 'en';
    this.confirmingEnd = false;
    this.voice = false;
    this.cobrowse = false;
    this.confirmingDelete = false;
    this.draftLength = 0;
    this.transcript = { step: 'idle' };
    this.preChat = { busy: false, refused: false };
  }

  /** Writes `text` into the composer for the visitor to edit and send (`Switchboard.showNewMessage`). */
  prefill(text: string): void {
    this.pendingDraft = text;
    this.draftLength = text.length;
    this.requestUpdate();
  }

  /** The visitor's chat session. */
  get chatSession(): ChatSession | undefined {
    return this.chat.value;
  }
  set chatSession(session: ChatSession | undefined) {
    this.chat.value = session;
  }

  /** Messages and callbacks instead of a chat. */
  get contactOptions(): ContactOptions | undefined {
    return this.alternatives.value;
  }
  set contactOptions(options: ContactOptions | undefined) {
    this.alternatives.value = options;
  }

  /** The help bot, when the site has it. */
  get botSession(): BotSession | undefined {
    return this.helpBot.value;
  }
  set botSession(bot: BotSession | undefined) {
    this.helpBot.value = bot;
  }

  /** The topic menu's steps, when the site has a menu. */
  get topicChoice(): TopicChoice | undefined {
    return this.topicSteps.value;
  }
  set topicChoice(choice: TopicChoice | undefined) {
    this.topicSteps.value = choice;
  }

  /** The call's client in this browser, while a call is up. */
  get callClient(): CallClient | undefined {
    return this.call.value;
  }
  set callClient(client: CallClient | undefined) {
    this.call.value = client;
    if (!client) this.media = undefined;
  }

  /** Moves focus into the composer (called when the panel opens). */
  focusComposer(): void {
    void this.updateComplete.then(async () => {
      const composer = this.renderRoot.querySelector<HTMLElement>('textarea, .ended button');
      if (composer) return composer.focus();
      const topicMenu = this.renderRoot.querySelector('sb-topic-menu');
      // Its element loads on demand: focus once it is defined and drawn.
      if (topicMenu) return void customElements.whenDefined('sb-topic-menu').then(() => topicMenu.updateComplete).then(() => topicMenu.focusFirst());
      const preChat = this.renderRoot.querySelector('sb-pre-chat-form');
      if (preChat) return preChat.focusFirst();
      // Offline there is no composer: the first of the alternatives takes focus.
      const options = this.renderRoot.querySelector('sb-contact-options');
      if (!options) return;
      await customElements.whenDefined('sb-contact-options');
      await options.updateComplete;
      options.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
    });
  }

  private readonly t = (key: MessageKey, params?: Record<string, string | number>): string => format(this.messages, key, params, this.locale);

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    const field = this.renderRoot.querySelector('textarea');
    if (this.pendingDraft !== undefined && field) {
      field.value = this.pendingDraft;
      this.pendingDraft = undefined;
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
    if (changed.has('state') && this.state.conversation?.status !== 'ended' && this.transcript.step !== 'idle') this.transcript = { step: 'idle' };
    // A ring takes the focus when it starts, so a keyboard or screen-reader user can answer at once.
    if (changed.has('state') && this.state.ring && (changed.get('state') as ChatState | undefined)?.ring?.conversationId !== this.state.ring.conversationId) {
      this.renderRoot.querySelector<HTMLButtonElement>('[data-ring-accept]')?.focus();
    }
    if (changed.has('state')) {
      const list = this.renderRoot.querySelector('.log');
      if (list) list.scrollTop = list.scrollHeight;
    }
  }

  /**
   * The first agent message the visitor had not read when this panel first showed the conversation
   * (replies that arrive while they watch are not "new"); none when nothing came before it.
   */
  private unreadDivider(): number | undefined {
    const c = this.state.conversation;
    if (!c) return undefined;
    if (this.openedAt?.id !== c.id) this.openedAt = { id: c.id, readSeq: c.visitorReadSeq, lastSeq: c.lastSeq };
    const first = firstUnreadSeq(this.state.events, this.openedAt.readSeq, 'agent');
    return first !== undefined && first <= this.openedAt.lastSeq && this.state.events.some((e) => e.type === 'message' && e.seq < first) ? first : undefined;
  }

  private agentName(): string {
    return this.state.conversation?.agent?.name ?? this.t('agentFallbackName');
  }

  private statusLine(reason: ContactReason | undefined): QueueLine | undefined {
    const { connection, fatal } = this.state;
    if (connection === 'closed') return { text: this.t(fatal === 'unsupported-version' ? 'statusUnsupported' : 'statusClosed'), warn: true };
    if (connection === 'reconnecting') return { text: this.t('statusReconnecting'), warn: true };
    if (connection === 'connecting') return { text: this.t('statusConnecting'), warn: false };
    // A waiting call shows its place in the call bar instead. One notice says how things stand:
    // for a long wait the alternatives' own (with the minutes), otherwise this line.
    return this.liveCall() || (reason === 'wait' && this.contact) ? undefined : queueLine(this.state, this.t);
  }

  private liveCall() {
    const call = this.state.call;
    return call && call.phase !== 'ended' && call.conversationId === this.state.conversation?.id ? call : undefined;
  }

  /** The bot's view loads with its first answer: sites without the bot never download it. */
  private loadBot(): true {
    if (!customElements.get('sb-bot-answer')) void import('../bot/sb-bot-answer.js');
    return true;
  }

  private renderContact(reason: ContactReason | undefined) {
    const contact = this.contact;
    if (!contact || (!reason && !contact.form && !contact.callbacks.length && !contact.receipt && !contact.error)) return nothing;
    // Most visitors never see the alternatives: their forms load the first time they are shown.
    if (!customElements.get('sb-contact-options')) void import('../contact/sb-contact-options.js');
    return html`<sb-contact-options part="contact-options" .state=${contact} .reason=${reason} .waitMs=${this.state.queue?.estimatedWaitMs} .showMenu=${!!reason} .quiet=${reason === 'nobody-soon' && this.state.conversation?.status === 'queued'} .messages=${this.messages} .locale=${this.locale}></sb-contact-options>`;
  }

  /**
   * The queue's pre-chat form, when this visitor has never chatted and the queue has one. A
   * message typed before the form was known waits in the outbox and follows the form's start.
   */
  private pendingPreChatForm(): PreChatForm | undefined {
    const form = this.contact?.status?.preChatForm;
    const { conversation, returning } = this.state;
    return form?.enabled && !conversation && returning === false ? form : undefined;
  }

  private renderPreChat(form: PreChatForm) {
    // Like the alternatives, it loads the first time it is shown: most queues ask nothing.
    if (!customElements.get('sb-pre-chat-form')) void import('./sb-pre-chat-form.js');
    return html`<sb-pre-chat-form part="pre-chat-form" .form=${form} .known=${this.state.known} ?busy=${this.preChat.busy} ?refused=${this.preChat.refused} .messages=${this.messages} .locale=${this.locale} @sb-pre-chat-submit=${this.onPreChat}></sb-pre-chat-form>`;
  }

  private async onPreChat(event: CustomEvent<{ answers: PreChatAnswers; text: string }>): Promise<void> {
    const session = this.chatSession;
    if (!session) return;
    this.preChat = { busy: true, refused: false };
    try {
      await session.startWithAnswers(event.detail.answers, event.detail.text);
      this.preChat = { busy: false, refused: false };
      this.focusComposer();
    } catch {
      this.preChat = { busy: false, refused: true };
    }
  }

  override render() {
    const { conversation, events, outbox, agentTyping, connection, error } = this.state;
    const reason = contactReason(this.state, this.contact?.status);
    // Closed, the options are the way in. Open but with nobody free, the visitor may also write
    // and wait for the next agent.
    const closed = reason === 'offline' && this.contact?.status?.open === false;
    const composer = closed ? nothing : conversation?.status === 'ended' ? this.renderEnded(conversation.id, conversation.rating) : this.renderComposer();
    const deletion = this.deletion && this.deletion.conversationId === conversation?.id ? this.deletion : undefined;
    const ended = conversation?.status === 'ended';
    const status = this.statusLine(reason);
    const shown = new Set(events.flatMap((e) => (e.type === 'message' && e.clientId ? [e.clientId] : [])));
    const agentReadSeq = conversation?.agentReadSeq ?? 0;
    // "Seen" goes under the newest visitor message the agent has read.
    const lastSeen = [...events].reverse().find((e) => e.type === 'message' && e.author.kind === 'visitor' && e.seq <= agentReadSeq)?.seq ?? -1;
    const runs = messageRuns(events);
    // An open form takes the panel's space.
    if (this.contact?.form) {
      return html`<section part="panel" role="dialog" aria-labelledby="sb-title" @keydown=${this.onKeydown}>${this.renderHeader(ended, reason)}${this.renderContact(reason)}</section>`;
    }
    // The topic menu comes first, then (for the chosen topic's queue) the pre-chat form.
    const view = { state: this.state, status: this.contact?.status, topics: this.topics, bot: this.bot, messages: this.messages, locale: this.locale };
    if (!closed && topicMenuShown(view)) {
      return html`<section part="panel" role="dialog" aria-labelledby="sb-title" @keydown=${this.onKeydown}>
        ${this.renderHeader(ended, reason)}
        <div class="status ${status?.warn ? 'warn' : ''}" role="status">${status?.text ?? ''}</div>
        ${this.renderContact(reason)}${renderTopicMenu(view)}
      </section>`;
    }
    const preChat = closed ? undefined : this.pendingPreChatForm();
    if (preChat) {
      return html`<section part="panel" role="dialog" aria-labelledby="sb-title" @keydown=${this.onKeydown}>
        ${this.renderHeader(ended, reason)}
        <div class="status ${status?.warn ? 'warn' : ''}" role="status">${status?.text ?? ''}</div>
        ${this.renderContact(reason)}${renderTopicBar(view, this.t)}${this.renderPreChat(preChat)}
      </section>`;
    }
    // Without browser voice (data-voice="false", no WebRTC) an agent's call cannot be taken: it goes unanswered.
    const ring = this.voice ? renderWebCallRing(this.state, { t: this.t, company: this.company, answer: (conversationId, accept) => this.fire('sb-web-call-answer', { conversationId, accept }) }) : nothing;
    return html`<section part="panel" role="dialog" aria-labelledby="sb-title" @keydown=${this.onKeydown} @dragover=${this.onDragOver} @drop=${this.onDrop}>
      ${this.renderHeader(ended, reason)}
      <div class="status ${status?.warn ? 'warn' : ''}" role="status">${status?.text ?? ''}</div>
      ${this.liveCall()
        ? html`<sb-call-controls
            side="visitor"
            .call=${this.liveCall()!}
            .media=${this.media}
            .messages=${visitorCallMessages(this.messages)}
            .peer=${this.t('agentFallbackName')}
            .queueText=${callQueueText(this.state, this.t)}
          ></sb-call-controls>`
        : nothing}
      ${ring}
      ${renderCobrowsePrompt(this.state, { t: this.t, agentName: this.agentName(), canOffer: this.cobrowse, fire: (name) => this.fire(name) })}
      ${this.voice ? renderWebCallSetting(this.state, this.t, (off) => this.fire('sb-web-call-settings', { off })) : nothing}
      ${this.renderContact(reason)}${closed ? nothing : renderTopicBar(view, this.t)}
      ${this.actionError ? html`<div class="error" role="alert">${this.t(this.actionError === 'microphone' ? 'micDenied' : 'errorGeneric')}</div>` : nothing}
      <div class="log" part="messages" role="log" aria-live="polite" aria-label=${this.t('panelLabel')}><ol>
        <li class="system">${this.t('welcome')}</li>
        ${!conversation && this.chatSession?.invitation.value ? renderInvitation(this.chatSession.invitation.value, { t: this.t, locale: this.locale }) : nothing}
        ${!conversation && this.bot?.question && this.bot.phase !== 'idle' && this.loadBot()
          ? html`<li class="message visitor" part="message" aria-label=${this.t('messageFrom', { name: this.t('you') })}><span class="text" dir="auto">${this.bot.question}</span></li>
              <li class="bot"><sb-bot-answer .state=${this.bot} .messages=${this.messages} .locale=${this.locale}></sb-bot-answer></li>`
          : nothing}
        ${isErased(deletion) ? nothing : events.map((e) => renderTimelineItem(e, { t: this.t, lastSeenVisitorSeq: lastSeen, agentName: this.agentName(), locale: this.locale, linkFor: this.linkFor, runs, dividerSeq: this.unreadDivider() }))}
        ${outbox
          .filter((item) => !shown.has(item.clientId))
          .map(
            (item) => html`<li class="message visitor pending" part="message" aria-label=${this.t('messageFrom', { name: this.t('you') })}>
              ${item.text ? html`<span class="text" dir="auto">${item.text}</span>` : nothing}${item.attachments?.length ? html`<span class="text" dir="auto">${paperclipIcon} ${item.attachments.map((a) => a.name).join(', ')}</span>` : nothing}<span class="meta">${connection === 'open' ? this.t('sending') : this.t('notSent')}</span>
            </li>`,
          )}
      </ol></div>
      <div class="typing" aria-live="polite">${agentTyping ? this.t('typing', { name: agentTyping.name ?? this.agentName() }) : ''}</div>
      ${error ? html`<div class="error" role="alert">${this.t(error === 'invalid-input' ? 'errorTooLong' : 'errorGeneric')}</div>` : nothing}
      ${renderUploadTray({
        uploads: this.uploads.value,
        label: (key, params) => this.t(TRAY_LABELS[key], params),
        reason: (reason) => {
          // Refused for its size: say what the limit is, so the visitor knows what would pass.
          const limit = this.contact?.status?.files?.maxBytes;
          return reason === 'file-too-large' && limit ? this.t('uploadOverLimit', { limit: formatFileLimit(limit, this.locale) }) : this.t(UPLOAD_REASONS[reason] ?? 'uploadNetwork');
        },
        retry: (key) => this.uploads.retry(key),
        remove: (key) => this.uploads.remove(key),
      })}
      ${composer}
    </section>`;
  }

  /** An ended conversation: rate it, start another, or ask to have it deleted. */
  private renderEnded(conversationId: string, rating: number | undefined) {
    const outcome = this.deletion?.conversationId === conversationId ? this.deletion : undefined;
    return html`${renderEndedFooter(rating, { t: this.t, fire: (name, detail) => this.fire(name, detail) })}
      ${renderTranscriptFooter({
        t: this.t,
        state: this.transcript,
        knownEmail: this.state.conversation?.visitor.email,
        setState: (state) => (this.transcript = state),
        download: () => void this.chatSession?.files.downloadTranscript(conversationId).catch(() => (this.transcript = { step: 'failed' })),
        mail: (email) =>
          void this.chatSession?.files
            .mailTranscript(conversationId, email)
            .then((refused) => (this.transcript = refused ? { step: 'failed' } : { step: 'sent', email }))
            .catch(() => (this.transcript = { step: 'failed' })),
      })}
      ${renderDeletionFooter({
        t: this.t,
        outcome,
        confirming: this.confirmingDelete,
        setConfirming: (confirming) => (this.confirmingDelete = confirming),
        confirm: () => this.fire('sb-delete-conversation', { conversationId }),
      })}`;
  }

  /**
   * "Call us" only when the server says a call would be answered soon (an agent who takes calls
   * is free, or will be shortly); otherwise a callback, unless the alternatives are on show already.
   */
  private renderCallChoice(ended: boolean, reason: ContactReason | undefined) {
    const { conversation, connection } = this.state;
    const status = this.contact?.status;
    if (!this.voice || (conversation && !ended) || connection !== 'open' || !status) return nothing;
    if (status.answerSoon.voice) {
      return html`<button class="call-button" type="button" part="call-button" aria-label=${this.t('callLabel')} @click=${() => this.fire('sb-call')}>${this.t('call')}</button>`;
    }
    return reason ? nothing : html`<button class="call-button" type="button" part="callback-button" @click=${() => this.fire('sb-contact-open', { form: 'callback' })}>${this.t('contactCallMeBack')}</button>`;
  }

  private renderHeader(ended: boolean, reason: ContactReason | undefined) {
    const { conversation } = this.state;
    return html`<div class="header" part="header">
      <h2 id="sb-title" dir="auto">${conversation?.agent ? conversation.agent.name : this.t('panelTitle')}</h2>
      ${this.renderCallChoice(ended, reason)}
      <button class="icon-button" type="button" aria-label=${this.t('closePanel')} @click=${() => this.fire('sb-close')}>×</button>
    </div>`;
  }

  /** The counter near the limit, and over it why the message cannot go (the text stays for the visitor to shorten). */
  private renderLength(length: ReturnType<typeof lengthState>) {
    const number = new Intl.NumberFormat(this.locale);
    const params = { count: number.format(this.draftLength), max: number.format(MAX_MESSAGE_LENGTH) };
    return html`<div class="length ${length}" id="sb-length" part="length" role=${length === 'over' ? 'alert' : 'status'}>
      ${length === 'over' ? this.t('lengthOver', params) : length === 'near' ? this.t('lengthCounter', params) : ''}
    </div>`;
  }

  private onInput(event: Event): void {
    this.draftLength = (event.target as HTMLTextAreaElement).value.length;
    this.typing.keystroke();
  }

  private renderComposer() {
    const length = lengthState(this.draftLength);
    const canEnd = this.state.conversation && this.state.conversation.status !== 'ended';
    const limit = this.contact?.status?.files?.maxBytes;
    const attachLabel = limit ? this.t('attachFileUpTo', { limit: formatFileLimit(limit, this.locale) }) : this.t('attachFile');
    return html`<form part="composer" @submit=${this.onSubmit}>
        <textarea
          name="message"
          rows="1"
          aria-label=${this.t('composerLabel')}
          aria-describedby="sb-length"
          aria-invalid=${length === 'over' ? 'true' : 'false'}
          placeholder=${this.t('composerPlaceholder')}
          ?disabled=${this.state.connection === 'closed'}
          @input=${this.onInput}
          @keydown=${sendOnEnter}
          @paste=${this.onPaste}
        ></textarea>
        <input class="file-input" type="file" multiple accept=${this.contact?.status?.files ? pickerAccept(this.contact.status.files.types) : PICKER_ACCEPT} tabindex="-1" aria-hidden="true" @change=${this.onPicked} />
        <button class="attach" type="button" aria-label=${attachLabel} title=${attachLabel} ?disabled=${this.state.connection === 'closed'} @click=${this.openPicker}>${paperclipIcon}</button>
        <button class="primary" part="send-button" type="submit" ?disabled=${this.state.connection === 'closed'}>${this.t('send')}</button>
      </form>
      ${this.renderLength(length)}
      ${canEnd
        ? html`<div class="footer">
            ${this.confirmingEnd
              ? html`<span id="sb-end-q">${this.t('endConfirm')}</span>
                  <button class="secondary" type="button" aria-describedby="sb-end-q" @click=${this.onConfirmEnd}>${this.t('endConfirmYes')}</button>
                  <button class="secondary" type="button" @click=${() => (this.confirmingEnd = false)}>${this.t('endConfirmNo')}</button>`
              : html`<button class="secondary" type="button" @click=${() => (this.confirmingEnd = true)}>${this.t('endConversation')}</button>`}
          </div>`
        : nothing}`;
  }

  private onSubmit(event: Event): void {
    const field = this.renderRoot.querySelector('textarea');
    // Over the limit nothing is sent and nothing is cut: the alert under the field says why.
    if (field && lengthState(field.value.trim().length) === 'over') {
      event.preventDefault();
      this.draftLength = field.value.length;
      field.focus();
      return;
    }
    const text = takeComposerText(event);
    this.draftLength = 0;
    if (!text) return;
    this.typing.stop();
    this.fire('sb-send', { text });
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private openPicker(): void {
    this.renderRoot.querySelector<HTMLInputElement>('.file-input')?.click();
  }

  private onPicked(event: Event): void {
    this.uploads.addPicked(event);
  }

  private onPaste(event: ClipboardEvent): void {
    this.uploads.addCarried(event);
  }

  private onDragOver(event: DragEvent): void {
    if (event.dataTransfer?.types.includes('Files') && this.canSendFiles()) event.preventDefault();
  }

  private onDrop(event: DragEvent): void {
    if (this.canSendFiles()) this.uploads.addCarried(event);
  }

  /** Files go where messages go: not into an ended conversation, nor while the chat is down. */
  private canSendFiles(): boolean {
    return this.state.connection !== 'closed' && this.state.conversation?.status !== 'ended';
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.fire('sb-close');
    }
  }

  private onConfirmEnd(): void {
    this.confirmingEnd = false;
    this.fire('sb-end');
  }
}
