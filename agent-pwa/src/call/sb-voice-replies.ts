/**
 * The "Voice replies" list beside a call's controls: one button per clip (with its Alt+N
 * shortcut), what is playing with a Stop button, and a clear message when a clip could not be
 * loaded. A view: AgentCalls plays the clips; this reports the agent's presses as events.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import type { VoiceReplyState } from './agent-calls.js';

/**
 * @example
 * html`<sb-voice-replies .clips=${clips} .state=${calls.voice[id]}></sb-voice-replies>`
 *
 * @fires sb-voice-reply-play - `{ clipId }` when the agent presses a clip.
 * @fires sb-voice-reply-stop - when the agent stops the clip playing.
 */
export class SbVoiceReplies extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 4px 12px; border-bottom: 1px solid var(--sb-color-border-subtle); }
      ul { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; }
      .label { font-size: 13px; font-weight: 600; margin: 0 0 4px; }
      kbd { font: inherit; font-size: 11px; opacity: 0.8; margin-inline-end: 4px; }
      .status { font-size: 13px; margin: 4px 0 0; display: flex; gap: 8px; align-items: center; }
    `,
  ];
  static override properties = { clips: { attribute: false }, state: { attribute: false } };

  declare clips: VoiceClip[];
  /** The call's voice reply while it loads or plays, or after it failed. */
  declare state: VoiceReplyState | undefined;

  constructor() {
    super();
    this.clips = [];
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const state = this.state;
    return html`<div role="group" aria-labelledby="voice-replies-label">
      <p class="label" id="voice-replies-label">${t('voiceRepliesLabel')}</p>
      <ul>
        ${this.clips.map(
          (c) => html`<li>
            <button type="button" aria-keyshortcuts=${c.slot ? `Alt+${c.slot}` : nothing} aria-pressed=${state?.clipId === c.id && state.status === 'playing' ? 'true' : 'false'} @click=${() => this.fire('sb-voice-reply-play', { clipId: c.id })}>
              ${c.slot ? html`<kbd>Alt+${c.slot}</kbd>` : nothing}${c.title}
            </button>
          </li>`,
        )}
      </ul>
      ${state?.status === 'failed'
        ? html`<p class="status error" role="alert">${t('voiceReplyFailed', { title: state.title })}</p>`
        : state
          ? html`<p class="status" role="status">
              ${state.status === 'loading' ? t('voiceReplyLoading', { title: state.title }) : t('voiceReplyPlaying', { title: state.title })}
              ${state.status === 'playing' ? html`<button type="button" @click=${() => this.fire('sb-voice-reply-stop')}>${t('voiceReplyStop')}</button>` : nothing}
            </p>`
          : nothing}
    </div>`;
  }
}

if (!customElements.get('sb-voice-replies')) customElements.define('sb-voice-replies', SbVoiceReplies);

declare global {
  interface HTMLElementTagNameMap {
    'sb-voice-replies': SbVoiceReplies;
  }
}
