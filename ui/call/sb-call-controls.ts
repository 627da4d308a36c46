/**
 * The controls of one call, on either side of it: where the call stands (in line, connecting,
 * talking, on hold) with its timer, the microphone meter, mute, hold, recording and hang-up.
 * The widget shows it to the visitor, the agent app to the agent; `side` says whose it is.
 * A view: it reports what the person does as events.
 */
import { html, LitElement, nothing } from 'lit';
import type { CallView } from '../../signaling/protocol/call.js';
import { ClockController } from '../controllers/clock-controller.js';
import { formatDuration } from '../format/format-duration.js';
import { formatMessage } from '../format/format-message.js';
import type { CallMediaState } from './call-client.js';
import type { CallControlsMessages } from './call-controls-messages.js';
import { callControlsStyles } from './sb-call-controls.styles.js';

/** Whose controls these are. Mute is this side only; hold is shared, and only who held may resume. */
export type CallSide = 'visitor' | 'agent';

/**
 * @example
 * html`<sb-call-controls side="agent" .call=${call} .media=${media} .peer=${'Maria'} .messages=${words}></sb-call-controls>`
 *
 * @fires sb-call-mute - `{ muted }` when this side mutes or unmutes its microphone.
 * @fires sb-call-hold - `{ held }` when this side holds or resumes the call.
 * @fires sb-call-hangup - when this side hangs up (a visitor waiting in line abandons the call).
 * @fires sb-call-consent - `{ recording }` (visitor) allowing the agent to record, or withdrawing it.
 * @fires sb-call-record - `{ recording }` (agent) starting or stopping a recording; offered only while the caller allows it.
 * @csspart call-bar - the bar.
 * @cssprop --sb-call-bg - the bar's background. @cssprop --sb-border - borders. @cssprop --sb-focus - the focus ring.
 */
export class SbCallControls extends LitElement {
  static override styles = callControlsStyles;
  static override properties = {
    side: { reflect: true },
    call: { attribute: false },
    media: { attribute: false },
    messages: { attribute: false },
    peer: { attribute: false },
    queueText: { attribute: false },
    recordingSince: { attribute: false },
  };

  declare side: CallSide;
  declare call: CallView;
  /** The call's media in this browser (connected, muted, microphone level). */
  declare media: CallMediaState | undefined;
  declare messages: CallControlsMessages;
  /** The other party's name, when the call does not name them (the caller, or the agent's fallback name). */
  declare peer: string;
  /** The visitor's place in line, already worded by the widget, shown while the call waits. */
  declare queueText: string | undefined;
  /** (agent) When this window started recording the call, while it does. */
  declare recordingSince: number | undefined;
  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.side = 'visitor';
    this.peer = '';
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** The agent the call names, seen from the visitor's side; otherwise `peer`. */
  private peerName(): string {
    return (this.side === 'visitor' ? this.call.agent?.name : undefined) ?? this.peer;
  }

  private statusText(): string {
    const { call, media, messages: m } = this;
    const name = this.peerName();
    if (call.phase === 'queued') return this.queueText ?? m.waiting;
    if (call.heldBy === this.side) return m.heldBySelf;
    if (call.heldBy) return formatMessage(m.heldByPeer, { name });
    if (media?.status === 'reconnecting') return m.reconnecting;
    if (media?.status !== 'connected') return formatMessage(m.connecting, { name });
    return formatMessage(m.connected, { name });
  }

  override render() {
    const { call, media, messages: m } = this;
    const muted = media?.muted ?? false;
    const held = call.heldBy === this.side;
    // The visitor gets the timer and Hold once an agent answers; the agent's bar keeps them while a call waits again.
    const answered = call.phase === 'active' || this.side === 'agent';
    return html`<div part="call-bar" class="bar" role="group" aria-label=${formatMessage(m.controls, { name: this.peerName() })}>
      <div class="what">
        <span class="state" role="status">${this.statusText()}</span>
        ${answered && call.answeredAt ? html`<span class="timer" role="timer" aria-label=${m.callTime}>${formatDuration(this.clock.now - call.answeredAt)}</span>` : nothing}
      </div>
      <meter min="0" max="1" .value=${media?.level ?? 0} aria-label=${m.micLevel}></meter>
      <button type="button" aria-pressed=${muted ? 'true' : 'false'} @click=${() => this.fire('sb-call-mute', { muted: !muted })}>${muted ? m.unmute : m.mute}</button>
      ${answered
        ? html`<button type="button" aria-pressed=${held ? 'true' : 'false'} ?disabled=${call.heldBy !== undefined && !held} @click=${() => this.fire('sb-call-hold', { held: !held })}>
            ${held ? m.resume : m.hold}
          </button>`
        : nothing}
      ${this.side === 'visitor' ? this.renderConsent() : this.renderRecorder()}
      <button type="button" class="hangup" @click=${() => this.fire('sb-call-hangup')}>${m.hangUp}</button>
    </div>`;
  }

  /** The visitor allows recording once talking, and may withdraw it. */
  private renderConsent() {
    const words = this.messages.consent;
    const allowed = this.call.recordingAllowed ?? false;
    if (!words || this.call.phase !== 'active') return nothing;
    return html`<button type="button" aria-pressed=${allowed ? 'true' : 'false'} @click=${() => this.fire('sb-call-consent', { recording: !allowed })}>
      ${allowed ? words.allowed : words.allow}
    </button>`;
  }

  /** The agent records only what the caller allowed, and sees for how long. */
  private renderRecorder() {
    const words = this.messages.recorder;
    if (!words) return nothing;
    if (!this.call.recordingAllowed) return html`<span class="muted">${words.notAllowed}</span>`;
    const since = this.recordingSince;
    return html`<button type="button" aria-pressed=${since ? 'true' : 'false'} ?disabled=${this.media?.status !== 'connected'} @click=${() => this.fire('sb-call-record', { recording: !since })}>
        ${since ? words.stop : words.record}
      </button>
      ${since ? html`<span class="recording" role="timer" aria-label=${words.time}>● ${formatDuration(this.clock.now - since)}</span>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-call-controls': SbCallControls;
  }
}
