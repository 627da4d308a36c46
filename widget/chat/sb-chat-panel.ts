/** The visitor's chat panel: a view of a ChatState that reports what the visitor does as events. */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { CallMediaState } from '../call/call-client.js';
import type { CobrowseAction, ConversationEvent, EndReason } from '../../signaling/protocol/conversation.js';
import { formatDuration } from './format-duration.js';
import { ConnectionStatus } from '../../signaling/protocol/protocol-client.js';
import { MAX_MESSAGE_LENGTH } from '../../signaling/protocol/version.js';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';
import type { ChatState } from './chat-session.js';
import { chatPanelStyles } from './sb-chat-panel.styles.js';
import { sendOnEnter, takeComposerText } from './send-on-enter.js';
import { TypingController } from './typing-controller.js';
import '../call/sb-call-bar.js';
import { isOffline, type ContactState } from '../contact/contact-options.js';
import type { BotState } from '../bot/bot-session.js';
import type { DeletionOutcome } from './deletion-request.js';

const SYSTEM_END: Record<EndReason, MessageKey> = {
  closed: 'endedClosed',
  'queue-full': 'endedQueueFull',
  'max-wait': 'endedMaxWait',
  'no-route': 'endedNoRoute',
  'connection-lost': 'endedConnectionLost',
  erased: 'endedErased',
};

const DELETION_TEXT: Record<DeletionOutcome['status'], MessageKey> = {
  pending: 'deletionPending',
  approved: 'deletionDone',
  erased: 'deletionDone',
  rejected: 'deletionRejected',
  failed: 'deletionFailed',
};

/** Co-browse moments worth a line in the visitor's timeline (asking for control shows in the page's bar instead). */
const COBROWSE_EVENT: Partial<Record<CobrowseAction, MessageKey>> = {
  requested: 'cobrowseRequested',
  started: 'cobrowseStarted',
  declined: 'cobrowseDeclined',
  'control-granted': 'cobrowseControlGranted',
  'control-revoked': 'cobrowseControlRevoked',
  ended: 'cobrowseEnded',
};

/**
 * @fires sb-send - `{ text }` when the visitor sends a message.
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
 * The call bar's sb-call-mute, sb-call-hold and sb-call-hangup bubble out of the panel.
 * @csspart panel - the panel. @csspart header - its title bar. @csspart messages - the message list.
 * @csspart composer - the message form. @csspart send-button - the send button.
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
  };

  declare state: ChatState;
  /** The message catalogue; English unless the page chose another. */
  declare messages: Catalogue;
  declare confirmingEnd: boolean;
  /** Whether the visitor may call (browser voice is offered on this site). */
  declare voice: boolean;
  /** The call's media as this browser sees it (connected, muted, microphone level). */
  declare media: CallMediaState | undefined;
  /** Why the last call or page-sharing action failed, shown until the next try. */
  declare actionError: 'microphone' | 'failed' | undefined;
  /** Whether the visitor may offer to share the page (co-browsing is on for this site). */
  declare cobrowse: boolean;
  /** Callbacks and messages left for later: the queue's state, booked callbacks, an open form. */
  declare contact: ContactState | undefined;
  /** The help bot's turn, before any conversation exists. */
  declare bot: BotState | undefined;
  /** The answer to the visitor's request to delete a conversation. */
  declare deletion: DeletionOutcome | undefined;
  declare confirmingDelete: boolean;
  private readonly typing = new TypingController(this, (isTyping) => this.fire('sb-typing', { isTyping }));

  constructor() {
    super();
    this.state = { connection: ConnectionStatus.connecting, events: [], outbox: [] };
    this.messages = en;
    this.confirmingEnd = false;
    this.confirmingDelete = false;
    this.voice = false;
    this.cobrowse = false;
  }

  /** Moves focus into the composer (called when the panel opens). */
  focusComposer(): void {
    void this.updateComplete.then(async () => {
      const composer = this.renderRoot.querySelector<HTMLElement>('textarea, .ended button');
      if (composer) return composer.focus();
      // Offline there is no composer: the first of the alternatives takes focus.
      const options = this.renderRoot.querySelector('sb-contact-options');
      if (!options) return;
      await customElements.whenDefined('sb-contact-options');
      await options.updateComplete;
      options.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
    });
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return format(this.messages, key, params);
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('state')) {
      const list = this.renderRoot.querySelector('.log');
      if (list) list.scrollTop = list.scrollHeight;
    }
  }

  private agentName(): string {
    return this.state.conversation?.agent?.name ?? this.t('agentFallbackName');
  }

  private statusLine(): { text: string; warn: boolean } | undefined {
    const { connection, fatal } = this.state;
    if (connection === 'closed') return { text: this.t(fatal === 'unsupported-version' ? 'statusUnsupported' : 'statusClosed'), warn: true };
    if (connection === 'reconnecting') return { text: this.t('statusReconnecting'), warn: true };
    if (connection === 'connecting') return { text: this.t('statusConnecting'), warn: false };
    // A waiting call shows its place in the call bar instead.
    return this.liveCall() ? undefined : this.queueLine();
  }

  private liveCall() {
    const call = this.state.call;
    return call && call.phase !== 'ended' && call.conversationId === this.state.conversation?.id ? call : undefined;
  }

  /** A waiting caller stays on the line: no "leave a message" when nobody is free. */
  private callQueueText(): string | undefined {
    const queue = this.state.queue;
    if (queue && queue.agentsAvailable === 0) return this.t('callNoAgents');
    return this.queueLine()?.text;
  }

  /** The visitor's place in line and the expected wait, while their conversation waits. */
  private queueLine(): { text: string; warn: boolean } | undefined {
    const { conversation, queue } = this.state;
    if (conversation?.status === 'queued' && queue) {
      if (queue.agentsAvailable === 0) return { text: this.t('noAgents'), warn: true };
      const place = queue.position <= 1 ? this.t('queueNext') : this.t('queuePosition', { position: queue.position });
      const wait = queue.estimatedWaitMs;
      const estimate = wait === undefined ? '' : wait < 60_000 ? this.t('estimatedWaitShort') : this.t('estimatedWait', { minutes: Math.ceil(wait / 60_000) });
      return { text: estimate ? `${place} ${estimate}` : place, warn: false };
    }
    return undefined;
  }

  private renderEvent(e: ConversationEvent, lastSeenVisitorSeq: number) {
    switch (e.type) {
      case 'message': {
        const mine = e.author.kind === 'visitor';
        const name = mine ? this.t('you') : e.author.name ?? this.t('agentFallbackName');
        return html`<li class="message ${mine ? 'visitor' : 'agent'}" part="message" data-seq=${e.seq} aria-label=${this.t('messageFrom', { name })}>
          ${mine ? nothing : html`<span class="author">${name}</span>`}<span class="text">${e.text}</span>
          ${mine && e.seq === lastSeenVisitorSeq ? html`<span class="meta">${this.t('seen')}</span>` : nothing}
        </li>`;
      }
      case 'agent-joined':
        return html`<li class="system">${this.t('agentJoined', { name: e.agent.name ?? this.t('agentFallbackName') })}</li>`;
      case 'agent-left':
        return html`<li class="system">${this.t('agentLeft', { name: e.agent.name ?? this.t('agentFallbackName') })}</li>`;
      case 'ended':
        return html`<li class="system">
          ${e.by.kind === 'visitor' ? this.t('youEnded') : e.by.kind === 'system' ? this.t(SYSTEM_END[e.reason ?? 'no-route']) : this.t('agentEnded', { name: e.by.name ?? this.t('agentFallbackName') })}
          ${e.talkMs !== undefined ? this.t('callEnded', { duration: formatDuration(e.talkMs)! }) : nothing}
        </li>`;
      case 'call-held':
      case 'call-resumed': {
        const name = e.by.kind === 'visitor' ? this.t('you') : e.by.name ?? this.t('agentFallbackName');
        return html`<li class="system">${this.t(e.type === 'call-held' ? 'callHeld' : 'callResumed', { name })}</li>`;
      }
      case 'transferred':
        return html`<li class="system">${this.t('transferredTo', { name: e.to.name })}</li>`;
      case 'recording-consent':
        return html`<li class="system">${this.t(e.given ? 'consentGiven' : 'consentWithdrawn')}</li>`;
      case 'recording':
        return html`<li class="system">${this.t('recordingSaved')}</li>`;
      case 'bot':
        return html`<li class="system">${e.articles.length ? this.t('botSuggested', { titles: e.articles.map((a) => a.title).join(', ') }) : nothing} ${e.handedOff ? this.t('botHandedOff') : nothing}</li>`;
      case 'cobrowse': {
        const key = COBROWSE_EVENT[e.action];
        return key ? html`<li class="system">${this.t(key, { name: this.agentName() })}</li>` : nothing;
      }
    }
  }

  /** The agent's request to see the page, or the sharing line with Stop, or the offer to share. */
  private renderCobrowse() {
    const { conversation, cobrowse, connection } = this.state;
    if (!conversation || conversation.status !== 'active' || connection !== 'open') return nothing;
    const session = cobrowse?.conversationId === conversation.id && cobrowse.phase !== 'ended' ? cobrowse : undefined;
    const name = session?.agent.name ?? this.agentName();
    if (session?.phase === 'requested') {
      return html`<div class="cobrowse ask" part="cobrowse" role="group" aria-labelledby="sb-cobrowse-q">
        <p id="sb-cobrowse-q">${this.t('cobrowseAsk', { name })}</p>
        <div class="cobrowse-actions">
          <button class="primary" type="button" @click=${() => this.fire('sb-cobrowse-accept')}>${this.t('cobrowseAccept')}</button>
          <button class="secondary" type="button" @click=${() => this.fire('sb-cobrowse-decline')}>${this.t('cobrowseDecline')}</button>
        </div>
      </div>`;
    }
    if (session?.phase === 'active') {
      return html`<div class="cobrowse" part="cobrowse">
        <span>${this.t('cobrowseSharingShort')}</span>
        <button class="secondary" type="button" @click=${() => this.fire('sb-cobrowse-stop')}>${this.t('cobrowseStop')}</button>
      </div>`;
    }
    return this.cobrowse ? html`<div class="cobrowse" part="cobrowse"><button class="secondary" type="button" @click=${() => this.fire('sb-cobrowse-accept')}>${this.t('cobrowseOffer', { name })}</button></div>` : nothing;
  }

  /**
   * When to offer a message or a callback instead of a chat: nobody can answer and no chat is
   * open (`offline`), or the visitor's chat waits longer than the queue's threshold (`wait`).
   */
  private contactReason(): 'offline' | 'wait' | undefined {
    const { conversation, queue } = this.state;
    const status = this.contact?.status;
    if (!conversation && isOffline(status) && !this.state.outbox.length) return 'offline';
    if (conversation?.status !== 'queued' || !queue) return undefined;
    const threshold = status?.offerAlternativesAfterMs;
    if (queue.agentsAvailable === 0 || (threshold !== undefined && (queue.estimatedWaitMs ?? 0) > threshold)) return 'wait';
    return undefined;
  }

  /** The bot's view loads with its first answer: sites without the bot never download it. */
  private loadBot(): true {
    if (!customElements.get('sb-bot-answer')) void import('../bot/sb-bot-answer.js');
    return true;
  }

  private renderContact(reason: 'offline' | 'wait' | undefined) {
    const contact = this.contact;
    if (!contact || (!reason && !contact.form && !contact.callbacks.length && !contact.receipt && !contact.error)) return nothing;
    // Most visitors never see the alternatives: their forms load the first time they are shown.
    if (!customElements.get('sb-contact-options')) void import('../contact/sb-contact-options.js');
    return html`<sb-contact-options part="contact-options" .state=${contact} .reason=${reason} .waitMs=${this.state.queue?.estimatedWaitMs} .showMenu=${!!reason} .messages=${this.messages}></sb-contact-options>`;
  }

  override render() {
    const { conversation, events, outbox, agentTyping, connection, error } = this.state;
    const contactReason = this.contactReason();
    // Closed, the options are the way in. Open but with nobody free, the visitor may also write
    // and wait for the next agent.
    const closed = contactReason === 'offline' && this.contact?.status?.open === false;
    const composer = closed ? nothing : conversation?.status === 'ended' ? this.renderEnded() : this.renderComposer();
    const ended = conversation?.status === 'ended';
    const status = this.statusLine();
    const shown = new Set(events.flatMap((e) => (e.type === 'message' && e.clientId ? [e.clientId] : [])));
    const agentReadSeq = conversation?.agentReadSeq ?? 0;
    // "Seen" goes under the newest visitor message the agent has read.
    const lastSeen = [...events].reverse().find((e) => e.type === 'message' && e.author.kind === 'visitor' && e.seq <= agentReadSeq)?.seq ?? -1;
    // An open form takes the panel's space.
    if (this.contact?.form) {
      return html`<section part="panel" role="dialog" aria-labelledby="sb-title" @keydown=${this.onKeydown}>${this.renderHeader(ended)}${this.renderContact(contactReason)}</section>`;
    }
    return html`<section part="panel" role="dialog" aria-labelledby="sb-title" @keydown=${this.onKeydown}>
      ${this.renderHeader(ended)}
      <div class="status ${status?.warn ? 'warn' : ''}" role="status">${status?.text ?? ''}</div>
      ${this.liveCall() ? html`<sb-call-bar .call=${this.liveCall()!} .media=${this.media} .messages=${this.messages} .queueText=${this.callQueueText()}></sb-call-bar>` : nothing}
      ${this.renderCobrowse()}
      ${this.renderContact(contactReason)}
      ${this.actionError ? html`<div class="error" role="alert">${this.t(this.actionError === 'microphone' ? 'micDenied' : 'errorGeneric')}</div>` : nothing}
      <div class="log" part="messages" role="log" aria-live="polite" aria-label=${this.t('panelLabel')}><ol>
        <li class="system">${this.t('welcome')}</li>
        ${!conversation && this.bot?.question && this.bot.phase !== 'idle' && this.loadBot()
          ? html`<li class="message visitor" part="message" aria-label=${this.t('messageFrom', { name: this.t('you') })}><span class="text">${this.bot.question}</span></li>
              <li class="bot"><sb-bot-answer .state=${this.bot} .messages=${this.messages}></sb-bot-answer></li>`
          : nothing}
        ${this.erased() ? nothing : events.map((e) => this.renderEvent(e, lastSeen))}
        ${outbox
          .filter((item) => !shown.has(item.clientId))
          .map(
            (item) => html`<li class="message visitor pending" part="message" aria-label=${this.t('messageFrom', { name: this.t('you') })}>
              <span class="text">${item.text}</span><span class="meta">${connection === 'open' ? this.t('sending') : this.t('notSent')}</span>
            </li>`,
          )}
      </ol></div>
      <div class="typing" aria-live="polite">${agentTyping ? this.t('typing', { name: agentTyping.name ?? this.agentName() }) : ''}</div>
      ${error ? html`<div class="error" role="alert">${this.t(error === 'invalid-input' ? 'errorTooLong' : 'errorGeneric')}</div>` : nothing}
      ${composer}
    </section>`;
  }

  private renderHeader(ended: boolean) {
    const { conversation, connection } = this.state;
    return html`<header part="header">
      <h2 id="sb-title">${conversation?.agent ? conversation.agent.name : this.t('panelTitle')}</h2>
      ${this.voice && (!conversation || ended) && connection === 'open'
        ? html`<button class="call-button" type="button" part="call-button" aria-label=${this.t('callLabel')} @click=${() => this.fire('sb-call')}>${this.t('call')}</button>`
        : nothing}
      <button class="icon-button" type="button" aria-label=${this.t('closePanel')} @click=${() => this.fire('sb-close')}>×</button>
    </header>`;
  }

  private renderComposer() {
    const canEnd = this.state.conversation && this.state.conversation.status !== 'ended';
    return html`<form part="composer" @submit=${this.onSubmit}>
        <textarea
          name="message"
          rows="1"
          maxlength=${MAX_MESSAGE_LENGTH}
          aria-label=${this.t('composerLabel')}
          placeholder=${this.t('composerPlaceholder')}
          ?disabled=${this.state.connection === 'closed'}
          @input=${() => this.typing.keystroke()}
          @keydown=${sendOnEnter}
        ></textarea>
        <button class="primary" part="send-button" type="submit" ?disabled=${this.state.connection === 'closed'}>${this.t('send')}</button>
      </form>
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

  private renderEnded() {
    const rating = this.state.conversation?.rating;
    const labels: MessageKey[] = ['rate1', 'rate2', 'rate3', 'rate4', 'rate5'];
    return html`<div class="ended">
      <span>${this.t('conversationEnded')}</span>
      ${rating === undefined
        ? html`<div class="rating" role="group" aria-labelledby="sb-rate-q">
            <span id="sb-rate-q">${this.t('rateQuestion')}</span>
            <div>
              ${labels.map(
                (key, i) => html`<button type="button" class="star" aria-label=${this.t('rateOption', { rating: i + 1, label: this.t(key) })} @click=${() => this.fire('sb-rate', { rating: i + 1 })}>${i + 1}</button>`,
              )}
            </div>
          </div>`
        : html`<span role="status">${this.t('rateThanks')}</span>`}
      <button class="primary" type="button" @click=${() => this.fire('sb-new-conversation')}>${this.t('startNew')}</button>
      ${this.renderDeletion()}
    </div>`;
  }

  /** The answer to a deletion request of this conversation, if it was asked for. */
  private deletionOfThis(): DeletionOutcome | undefined {
    return this.deletion && this.deletion.conversationId === this.state.conversation?.id ? this.deletion : undefined;
  }

  /** Once erased, the messages go from the screen too. */
  private erased(): boolean {
    const status = this.deletionOfThis()?.status;
    return status === 'erased' || status === 'approved';
  }

  private renderDeletion() {
    const asked = this.deletionOfThis();
    if (asked && asked.status !== 'failed') return html`<span class="deletion" role="status">${this.t(DELETION_TEXT[asked.status])}</span>`;
    const conversationId = this.state.conversation!.id;
    return html`<div class="footer deletion">
      ${asked ? html`<span role="alert">${this.t('deletionFailed')}</span>` : nothing}
      ${this.confirmingDelete
        ? html`<span id="sb-delete-q">${this.t('deleteConfirm')}</span>
            <button class="secondary" type="button" aria-describedby="sb-delete-q" @click=${() => {
              this.confirmingDelete = false;
              this.fire('sb-delete-conversation', { conversationId });
            }}>${this.t('deleteConfirmYes')}</button>
            <button class="secondary" type="button" @click=${() => (this.confirmingDelete = false)}>${this.t('deleteConfirmNo')}</button>`
        : html`<button class="secondary" type="button" @click=${() => (this.confirmingDelete = true)}>${this.t('deleteConversation')}</button>`}
    </div>`;
  }

  private onSubmit(event: Event): void {
    const text = takeComposerText(event);
    if (!text) return;
    this.typing.stop();
    this.fire('sb-send', { text });
    this.renderRoot.querySelector('textarea')?.focus();
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
