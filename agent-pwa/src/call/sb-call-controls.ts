/**
 * The agent's controls for one call: its state and timer, the microphone meter, mute, hold
 * and hang up. Hold is shared (the visitor sees it); mute is this side only.
 */
import { css, html, LitElement, nothing } from 'lit';
import { ClockController } from '../../../ui/controllers/clock-controller.js';
import type { CallView } from '../../../signaling/protocol/call.js';
import type { CallMediaState } from '../../../ui/call/call-client.js';
import { formatDuration } from '../../../ui/format/format-duration.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

/**
 * @fires sb-call-mute - `{ muted }`.
 * @fires sb-call-hold - `{ held }`.
 * @fires sb-call-hangup - the agent hangs up (ends the conversation).
 * @fires sb-call-record - `{ recording }`; offered only while the caller allows recording.
 */
export class SbCallControls extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; padding: 10px 16px; background: #ecfdf5; border-bottom: 1px solid #a7f3d0; }
      .state { font-weight: 600; }
      .timer { font-variant-numeric: tabular-nums; }
      meter { width: 120px; height: 10px; }
      button[aria-pressed='true'] { background: #fef3c7; }
      .recording { color: #b91c1c; font-variant-numeric: tabular-nums; }
    `,
  ];
  static override properties = { call: { attribute: false }, media: { attribute: false }, visitor: { attribute: false }, recordingSince: { attribute: false } };
  declare call: CallView;
  declare media: CallMediaState | undefined;
  /** The caller's display name. */
  declare visitor: string;
  /** When this window started recording the call, while it does. */
  declare recordingSince: number | undefined;
  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.visitor = '';
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private stateText(): string {
    const { call, media } = this;
    if (call.phase === 'queued') return t('callRequeued');
    if (call.heldBy === 'agent') return t('callHeldByYou');
    if (call.heldBy === 'visitor') return t('callHeldByVisitor', { name: this.visitor });
    if (media?.status === 'reconnecting') return t('callReconnecting');
    return media?.status === 'connected' ? t('callConnected') : t('callWaitingMedia');
  }

  override render() {
    const { call, media } = this;
    const muted = media?.muted ?? false;
    const held = call.heldBy === 'agent';
    return html`<div class="bar" role="group" aria-label=${t('callControls', { name: this.visitor })}>
      <span class="state" role="status">${this.stateText()}</span>
      ${call.answeredAt ? html`<span class="timer" role="timer" aria-label=${t('callTime')}>${formatDuration(this.clock.now - call.answeredAt)}</span>` : nothing}
      <meter min="0" max="1" .value=${media?.level ?? 0} aria-label=${t('micLevel')}></meter>
      <button type="button" aria-pressed=${muted ? 'true' : 'false'} @click=${() => this.fire('sb-call-mute', { muted: !muted })}>${muted ? t('unmute') : t('mute')}</button>
      <button type="button" aria-pressed=${held ? 'true' : 'false'} ?disabled=${call.heldBy === 'visitor'} @click=${() => this.fire('sb-call-hold', { held: !held })}>${held ? t('resume') : t('hold')}</button>
      ${call.recordingAllowed
        ? html`<button type="button" aria-pressed=${this.recordingSince ? 'true' : 'false'} ?disabled=${media?.status !== 'connected'} @click=${() => this.fire('sb-call-record', { recording: !this.recordingSince })}>
              ${this.recordingSince ? t('stopRecording') : t('record')}
            </button>
            ${this.recordingSince ? html`<span class="recording" role="timer" aria-label=${t('recordingTime')}>● ${formatDuration(this.clock.now - this.recordingSince)}</span>` : nothing}`
        : html`<span class="muted">${t('noRecordingConsent')}</span>`}
      <button type="button" class="danger" @click=${() => this.fire('sb-call-hangup')}>${t('hangUp')}</button>
    </div>`;
  }
}
