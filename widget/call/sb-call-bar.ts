/**
 * The visitor's call controls inside the chat panel: where the call stands (queue place,
 * connecting, talking with whom and for how long, on hold), a microphone meter, and mute,
 * hold and hang up. A view: it reports what the visitor does as events.
 */
import { css, html, LitElement, nothing } from 'lit';
import { ClockController } from '../../ui/controllers/clock-controller.js';
import type { CallView } from '../../signaling/protocol/call.js';
import type { CallMediaState } from '../../ui/call/call-client.js';
import { formatDuration } from '../../ui/format/format-duration.js';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';

/**
 * @fires sb-call-mute - `{ muted }` when the visitor mutes or unmutes their microphone.
 * @fires sb-call-hold - `{ held }` when the visitor holds or resumes the call.
 * @fires sb-call-hangup - when the visitor hangs up (also while waiting: the call is abandoned).
 * @fires sb-call-consent - `{ recording }` when the visitor allows recording or withdraws it.
 * @csspart call-bar - the bar.
 */
export class SbCallBar extends LitElement {
  static override styles = css`
    :host { display: block; }
    div[part='call-bar'] { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 16px; background: var(--sb-call-bg, #ecfdf5); border-bottom: 1px solid var(--sb-border, #e5e7eb); font-size: 14px; }
    .what { flex: 1 1 100%; display: flex; justify-content: space-between; gap: 8px; }
    .timer { font-variant-numeric: tabular-nums; }
    meter { flex: 1; min-width: 60px; height: 10px; }
    button { font: inherit; cursor: pointer; border-radius: 8px; padding: 6px 10px; border: 1px solid var(--sb-border, #d1d5db); background: #fff; color: inherit; }
    button[aria-pressed='true'] { background: #fef3c7; }
    button:focus-visible { outline: 3px solid var(--sb-focus, #f59e0b); outline-offset: 2px; }
    .hangup { background: #b91c1c; border-color: #b91c1c; color: #fff; }
  `;
  static override properties = { call: { attribute: false }, media: { attribute: false }, messages: { attribute: false }, queueText: { attribute: false } };

  declare call: CallView;
  declare media: CallMediaState | undefined;
  declare messages: Catalogue;
  /** The queue line (place and estimated wait) the panel already words. */
  declare queueText: string | undefined;
  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.messages = en;
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return format(this.messages, key, params);
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private statusText(): string {
    const { call, media } = this;
    const name = call.agent?.name ?? this.t('agentFallbackName');
    if (call.phase === 'queued') return this.queueText ?? this.t('callWaiting');
    if (call.heldBy === 'visitor') return this.t('callOnHoldByYou');
    if (call.heldBy === 'agent') return this.t('callOnHoldByAgent', { name });
    if (media?.status === 'reconnecting') return this.t('callReconnecting');
    if (media?.status !== 'connected') return this.t('callConnecting', { name });
    return this.t('callWith', { name });
  }

  override render() {
    const { call, media } = this;
    const active = call.phase === 'active';
    const muted = media?.muted ?? false;
    const held = call.heldBy === 'visitor';
    return html`<div part="call-bar" role="group" aria-label=${this.t('callControls')}>
      <div class="what">
        <span role="status">${this.statusText()}</span>
        ${active && call.answeredAt ? html`<span class="timer" role="timer" aria-label=${this.t('callTime')}>${formatDuration(this.clock.now - call.answeredAt)}</span>` : nothing}
      </div>
      <meter min="0" max="1" .value=${media?.level ?? 0} aria-label=${this.t('micLevel')}></meter>
      <button type="button" aria-pressed=${muted ? 'true' : 'false'} @click=${() => this.fire('sb-call-mute', { muted: !muted })}>${muted ? this.t('unmute') : this.t('mute')}</button>
      ${active ? html`<button type="button" aria-pressed=${held ? 'true' : 'false'} ?disabled=${call.heldBy === 'agent'} @click=${() => this.fire('sb-call-hold', { held: !held })}>${held ? this.t('resume') : this.t('hold')}</button>` : nothing}
      ${active
        ? html`<button type="button" aria-pressed=${call.recordingAllowed ? 'true' : 'false'} @click=${() => this.fire('sb-call-consent', { recording: !call.recordingAllowed })}>
            ${this.t(call.recordingAllowed ? 'recordingAllowed' : 'allowRecording')}
          </button>`
        : nothing}
      <button type="button" class="hangup" @click=${() => this.fire('sb-call-hangup')}>${this.t('hangUp')}</button>
    </div>`;
  }
}

if (!customElements.get('sb-call-bar')) customElements.define('sb-call-bar', SbCallBar);

declare global {
  interface HTMLElementTagNameMap {
    'sb-call-bar': SbCallBar;
  }
}
