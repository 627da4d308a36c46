/** One conversation as the agent works it: the timeline, the call and co-browse tools, the reply composer (sb-composer), and ending it. */
import { html, LitElement, css, nothing, type PropertyValues } from 'lit';
import type { CannedReply, TransferTargets } from '../../signaling/protocol/api.js';
import type { Suggestions } from '../../signaling/protocol/articles.js';
import type { CallView } from '../../signaling/protocol/call.js';
import type { CobrowseView } from '../../signaling/protocol/cobrowse.js';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ConversationNote } from '../../signaling/protocol/notes.js';
import type { HeldReply } from '../../signaling/protocol/reply-review.js';
import type { VoiceClip } from '../../signaling/protocol/voice-clips.js';
import { MAX_MESSAGE_LENGTH } from '../../signaling/protocol/version.js';
import type { CallMediaState } from '../../ui/call/call-client.js';
import '../../ui/call/define.js';
import { sendOnEnter, takeComposerText } from '../../ui/composer/send-on-enter.js';
import type { PendingReply } from './agent-session.js';
import { agentCallMessages } from './call/call-controls-messages.js';
import type { VoiceReplyState } from './call/agent-calls.js';
import './call/sb-voice-replies.js';
import './callback/sb-callback-panel.js';
import { composerStyles } from './composer/composer-styles.js';
import type { SbComposer } from './composer/sb-composer.js';
import { renderTimelineItem } from './conversation/timeline-item.js';
import { firstUnreadSeq, messageRuns } from '../../ui/format/message-runs.js';
import { t, visitorName } from './i18n/en.js';
import { noteHeading } from './conversation/note-heading.js';
import { sharedStyles } from './shared-styles.js';

/** Where a conversation came from, when not the widget's chat or call. */
function sourceLabel(c: ConversationSummary): string | undefined {
  if (c.source === 'callback') return t('sourceCallback');
  if (c.source === 'email') return t('sourceEmail');
  if (c.source?.startsWith('channel:')) return t('sourceChannel');
  return undefined;
}

/**
 * The composer's sb-reply (`{ text }`) and sb-typing (`{ isTyping }`) bubble through.
 * @fires sb-end - when the agent ends the conversation.
 * @fires sb-whisper - `{ text }` (monitoring supervisors) a note only the agent sees.
 * @fires sb-barge - (monitoring supervisors) join the conversation visibly.
 * @fires sb-stop-monitoring - (monitoring supervisors) close the view.
 * @fires sb-transfer-open - the agent wants to transfer (the app loads the targets).
 * @fires sb-escalate-open - the agent wants to escalate to the next tier (the form's sb-escalate bubbles through).
 * @fires sb-cobrowse-request - the agent asks the visitor to share their page.
 * The callback panel's sb-callback-outcome bubbles through.
 * The co-browse viewer's sb-cobrowse-stop and sb-cobrowse-control-request bubble through.
 * Call controls' sb-call-mute / sb-call-hold / sb-call-hangup and the form's sb-transfer bubble through.
 */
export class SbConversationView extends LitElement {
  static override styles = [
    sharedStyles,
    composerStyles,
    css`
      :host { display: flex; flex-direction: column; height: 100%; min-height: 0; }
      .header { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid var(--sb-color-border-subtle); background: var(--sb-color-surface); }
      h2 { margin: 0; font-size: 17px; }
      .contact { font-size: 13px; }
      .transcript-links { display: flex; gap: 12px; font-size: 13px; }
      .message sb-attachments { margin-block-start: 4px; }
      .log { flex: 1; overflow-y: auto; }
      ol { list-style: none; margin: 0; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
      li { max-width: 75%; }
      .message { padding: 8px 12px; border-radius: 12px; overflow-wrap: anywhere; }
      .text { white-space: pre-wrap; }
      .text ul, .text ol { margin: 4px 0; padding-inline-start: 20px; white-space: normal; }
      .text code { font-family: ui-monospace, monospace; font-size: 0.92em; background: rgb(0 0 0 / 0.07); border-radius: 4px; padding: 0 3px; }
      .text a { color: inherit; text-decoration: underline; }
      .visitor { align-self: flex-start; background: var(--sb-color-surface); border: 1px solid var(--sb-color-border-subtle); }
      .agent { align-self: flex-end; background: var(--sb-color-accent); color: var(--sb-color-on-accent); }
      .pending { opacity: 0.65; }
      .system { align-self: center; font-size: 13px; color: var(--sb-color-muted); }
      .author { display: block; font-size: 12px; font-weight: 600; }
      /* A run of messages from one person: the avatar beside its first bubble, a tighter gap, the time under its last. */
      .message { position: relative; }
      .message.visitor { margin-inline-start: 40px; }
      .message.agent { margin-inline-end: 40px; }
      .message.continued { margin-block-start: -4px; }
      .avatar {
        position: absolute; inset-block-start: 0; width: 32px; height: 32px; border-radius: var(--sb-radius-full); display: grid; place-items: center;
        font-size: 12px; font-weight: 700; background: var(--sb-color-accent-soft); color: var(--sb-color-accent-soft-text);
      }
      .visitor .avatar { inset-inline-start: -40px; }
      .agent .avatar { inset-inline-end: -40px; }
      .time { display: block; font-size: 11px; opacity: 0.85; text-align: end; margin-block-start: 2px; }
      .divider { align-self: stretch; max-width: none; display: flex; align-items: center; gap: 8px; font-size: 12px; font-weight: 600; color: var(--sb-color-danger); }
      .divider::before, .divider::after { content: ''; flex: 1; border-block-start: 1px solid currentColor; }
      .meta { display: block; font-size: 11px; opacity: 0.8; text-align: end; }
      .hint { margin: 0; padding: 4px 16px; font-size: 13px; }
      .typing { min-height: 1.4em; padding: 0 16px; font-size: 13px; color: var(--sb-color-muted); }
      form { display: grid; gap: 8px; padding: 12px 16px; border-top: 1px solid var(--sb-color-border-subtle); background: var(--sb-color-surface); }
      textarea { resize: vertical; min-height: 64px; padding: 8px 10px; border: 1px solid var(--sb-color-border); border-radius: 8px; }
      .bar { display: flex; gap: 8px; justify-content: space-between; align-items: center; }
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid var(--sb-color-border); background: var(--sb-color-surface); max-width: 50%; }
      .ended { padding: 16px; text-align: center; border-top: 1px solid var(--sb-color-border-subtle); background: var(--sb-color-surface); }
      .notes { list-style: none; margin: 0; padding: 8px 16px; display: grid; gap: 4px; background: var(--sb-color-warn-soft); border-top: 1px solid var(--sb-color-border-subtle); }
      .notes li { max-width: none; font-size: 14px; }
      /* The buttons keep their words on one line and move under the name when the column is narrow. */
      .actions { display: flex; flex-wrap: wrap; gap: 8px; }
      .actions button { white-space: nowrap; }
      /*
       * Co-browsing: the mirror beside the thread when the view is wide enough for both, else above it
       * in 45 % of the height; either way the thread and its composer stay in view. The viewer scales
       * the visitor's page to the box it is given.
       */
      :host { container-type: inline-size; }
      .body, .thread { flex: 1; min-height: 0; display: flex; flex-direction: column; }
      sb-cobrowse-viewer { flex: none; height: 45%; overflow: auto; }
      @container (min-width: 760px) {
        .body.with-mirror { flex-direction: row; }
        .body.with-mirror sb-cobrowse-viewer { flex: 1 1 auto; height: auto; min-width: 0; border-bottom: none; border-inline-end: 1px solid var(--sb-color-border-subtle); }
        .body.with-mirror .thread { flex: 0 0 clamp(320px, 38%, 440px); }
      }
      .monitoring { padding: 6px 16px; background: var(--sb-color-accent-soft); color: var(--sb-color-accent-soft-text); font-size: 13px; display: flex; justify-content: space-between; align-items: center; }
    `,
  ];
  static override properties = {
    conversation: { attribute: false },
    events: { attribute: false },
    pending: { attribute: false },
    visitorTyping: { type: Boolean },
    cannedReplies: { attribute: false },
    notes: { attribute: false },
    heldReplies: { attribute: false },
    monitoring: { type: Boolean },
    call: { attribute: false },
    media: { attribute: false },
    transferTargets: { attribute: false },
    transferring: { type: Boolean },
    escalating: { type: Boolean },
    escalationRefused: { type: Boolean },
    recordingSince: { attribute: false },
    cobrowse: { attribute: false },
    agentName: { attribute: false },
    suggestions: { attribute: false },
    voiceClips: { attribute: false },
    voiceReply: { attribute: false },
  };
  declare conversation: ConversationSummary;
  declare events: ConversationEvent[];
  declare pending: PendingReply[];
  declare visitorTyping: boolean;
  declare cannedReplies: CannedReply[];
  /** Whispers in this conversation (staff only). */
  declare notes: ConversationNote[];
  /** The agent's replies held for review (pending or returned). */
  declare heldReplies: HeldReply[];
  /** A supervisor watching: the timeline is read-only, with a whisper box and Join instead. */
  declare monitoring: boolean;
  /** This conversation's call, when it is one, and its media in this window. */
  declare call: CallView | undefined;
  declare media: CallMediaState | undefined;
  /** Set while the transfer form is open, with where it can go. */
  declare transferring: boolean;
  /** Set while the escalation form is open. */
  declare escalating: boolean;
  /** The last escalation was refused: the queue has no higher tier. */
  declare escalationRefused: boolean;
  /** When this window started recording the call, while it does. */
  declare recordingSince: number | undefined;
  declare transferTargets: TransferTargets | undefined;
  /** This conversation's co-browse session, asked or live. */
  declare cobrowse: CobrowseView | undefined;
  /** The signed-in agent's name, shown to the visitor beside the pointer. */
  declare agentName: string;
  /** Canned replies and articles that fit the customer's last message. */
  declare suggestions: Suggestions | undefined;
  /** The team's voice replies, offered during a call in this window. */
  declare voiceClips: VoiceClip[];
  /** This call's voice reply while it loads or plays, or after it failed. */
  declare voiceReply: VoiceReplyState | undefined;
  /** What the agent had read when this conversation was opened here: where the "New messages" line goes. */
  private openedAt: { id: string; readSeq: number; lastSeq: number } | undefined;

  constructor() {
    super();
    this.events = [];
    this.pending = [];
    this.visitorTyping = false;
    this.cannedReplies = [];
    this.notes = [];
    this.heldReplies = [];
    this.monitoring = false;
    this.transferring = false;
    this.escalating = false;
    this.escalationRefused = false;
    this.agentName = '';
    this.voiceClips = [];
  }

  /** Puts the caret in the reply box. */
  focusComposer(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  /** Also waits for the composer, which renders on its own after this view. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.renderRoot.querySelector<SbComposer>('sb-composer')?.updateComplete;
    return done;
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
    const mirror = !!this.cobrowse && !ended && !this.monitoring;
    const runs = messageRuns(this.events);
    const divider = this.unreadDivider();
    return html`<div class="header">
        <div>
          <h2 dir="auto">${name}</h2>
          <span class="contact muted">${[sourceLabel(c), c.visitor.email, c.visitor.phone].filter(Boolean).join(' · ')}</span>
          ${c.subject ? html`<span class="contact">${t('subjectLine', { subject: c.subject })}</span>` : nothing}
          <span class="transcript-links muted">
            <a href=${`/api/conversations/${encodeURIComponent(c.id)}/transcript?format=text`} download>${t('transcriptText')}</a>
            <a href=${`/api/conversations/${encodeURIComponent(c.id)}/transcript?format=html`} download>${t('transcriptHtml')}</a>
          </span>
        </div>
        ${ended || this.monitoring
          ? nothing
          : html`<div class="actions">
              ${c.status === 'active' && !this.cobrowse && !c.source
                ? html`<button type="button" aria-label=${t('cobrowseAskLabel', { name })} @click=${() => this.fire('sb-cobrowse-request')}>${t('cobrowse')}</button>`
                : nothing}
              <button type="button" aria-expanded=${this.transferring ? 'true' : 'false'} @click=${() => this.fire('sb-transfer-open')}>${t('transfer')}</button>
              ${c.status === 'active'
                ? html`<button type="button" aria-expanded=${this.escalating ? 'true' : 'false'} @click=${() => this.fire('sb-escalate-open')}>${t('escalate')}</button>`
                : nothing}
              ${this.call || isCallback ? nothing : html`<button class="danger" type="button" @click=${() => this.fire('sb-end')}>${t('endConversation')}</button>`}
            </div>`}
      </div>
      ${callback && c.status === 'active' && !this.monitoring ? html`<sb-callback-panel .callback=${callback} .visitor=${name}></sb-callback-panel>` : nothing}
      ${this.call && !ended && !this.monitoring
        ? html`<sb-call-controls side="agent" .call=${this.call} .media=${this.media} .peer=${name} .messages=${agentCallMessages()} .recordingSince=${this.recordingSince}></sb-call-controls>
            ${this.media && this.voiceClips.length ? html`<sb-voice-replies .clips=${this.voiceClips} .state=${this.voiceReply}></sb-voice-replies>` : nothing}`
        : nothing}
      <div class="body ${mirror ? 'with-mirror' : ''}">
      ${mirror ? html`<sb-cobrowse-viewer .session=${this.cobrowse} .visitor=${name} .agentName=${this.agentName}></sb-cobrowse-viewer>` : nothing}
      <div class="thread">
      ${this.transferring && !ended ? html`<sb-transfer-form .targets=${this.transferTargets} .visitor=${name}></sb-transfer-form>` : nothing}
      ${this.escalating && !ended ? html`<sb-escalate-form .visitor=${name} ?refused=${this.escalationRefused}></sb-escalate-form>` : nothing}
      ${this.monitoring
        ? html`<div class="monitoring" role="status">${t('monitoringTitle')}<button type="button" @click=${() => this.fire('sb-stop-monitoring')}>${t('stopMonitoring')}</button></div>`
        : nothing}
      <div class="log" role="log" aria-live="polite" aria-label=${t('timelineLabel', { name })}><ol>
        ${this.events.map((e) => renderTimelineItem(e, name, lastSeen, runs.get(e.seq), divider))}
        ${this.pending
          .filter((p) => !shown.has(p.clientId))
          .map((p) => html`<li class="message agent pending"><span class="text" dir="auto">${p.text}</span><span class="meta">${t('sending')}</span></li>`)}
      </ol></div>
      <sb-held-replies .replies=${this.heldReplies}></sb-held-replies>
      <div class="typing" aria-live="polite">${this.visitorTyping && !ended ? t('visitorTyping', { name }) : ''}</div>
      ${this.notes.length
        ? html`<ul class="notes" aria-label=${t('agentNotesLabel')}>
            ${this.notes.map((n) => html`<li><strong>${noteHeading(n)}:</strong> <span dir="auto">${n.text}</span></li>`)}
          </ul>`
        : nothing}
      ${c.source === 'email' && c.visitor.email && !ended && !this.monitoring ? html`<p class="hint muted">${t('emailReplyHint', { email: c.visitor.email })}</p>` : nothing}
      ${ended ? html`<div class="ended" role="status">${t('conversationEnded')}</div>` : this.monitoring ? this.renderWhisper() : isCallback
          ? nothing
          : html`<sb-composer
              .conversation=${c}
              .visitorName=${name}
              .cannedReplies=${this.cannedReplies}
              .suggestions=${this.suggestions}
              .agentName=${this.agentName}
            ></sb-composer>`}
      </div></div>`;
  }

  /**
   * The first customer message that was unread when the agent opened this conversation: messages
   * that arrive while it is open are not "new" to them. None when nothing was read before (a chat
   * just accepted is all new, and a line above its first message would say nothing).
   */
  private unreadDivider(): number | undefined {
    const c = this.conversation;
    if (this.openedAt?.id !== c.id) this.openedAt = { id: c.id, readSeq: c.agentReadSeq, lastSeq: c.lastSeq };
    const { readSeq, lastSeq } = this.openedAt;
    const first = firstUnreadSeq(this.events, readSeq, 'visitor');
    return first !== undefined && first <= lastSeq && this.events.some((e) => e.type === 'message' && e.seq < first) ? first : undefined;
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
}
