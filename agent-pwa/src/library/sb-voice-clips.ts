/**
 * The Library's voice replies: the team's clips (every agent sees them; supervisors and admins
 * add, change and remove them). A clip is a text the server speaks in its language, or an
 * uploaded recording, with an optional Alt+1…Alt+9 shortcut for calls.
 */
import { css, html, LitElement, nothing } from 'lit';
import { APP_LOCALES } from '../../../signaling/protocol/locales.js';
import { MAX_VOICE_CLIP_TEXT, VOICE_CLIP_SLOTS, type VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import { languageName } from '../../../ui/i18n/language-name.js';
import { appLocale, t } from '../i18n/en.js';
import { FALLBACK_EXAMPLE } from './template-variables.js';
import { sharedStyles } from '../shared-styles.js';

/** What a save carries: JSON fields for a spoken text, or a form with the recording in `audio`. */
export type VoiceClipSave = { id?: string; body: FormData | Record<string, unknown> };

/**
 * @fires sb-voice-clip-save - `{ id?, body }` (see VoiceClipSave).
 * @fires sb-voice-clip-remove - `{ id }`.
 */
export class SbVoiceClips extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 0 16px 16px; }
      form { display: grid; gap: 6px; max-width: 520px; }
      fieldset { display: grid; gap: 4px; border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; }
      label { display: grid; gap: 2px; font-size: 14px; }
      label.choice { display: flex; gap: 6px; align-items: center; }
      input, textarea, select { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      ul { list-style: none; padding: 0; display: grid; gap: 6px; }
      li { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 6px 8px; }
      .body { white-space: pre-wrap; font-size: 13px; }
      .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      kbd { font: inherit; font-size: 12px; border: 1px solid var(--sb-color-border); border-radius: 4px; padding: 0 4px; }
    `,
  ];
  static override properties = { clips: { attribute: false }, canEdit: { type: Boolean }, editing: { state: true }, kind: { state: true } };

  declare clips: VoiceClip[];
  /** Supervisors and admins keep the team's clips. */
  declare canEdit: boolean;
  declare editing: VoiceClip | undefined;
  /** What the form makes: a spoken text or a recording. */
  declare kind: VoiceClip['kind'];

  constructor() {
    super();
    this.clips = [];
    this.canEdit = false;
    this.kind = 'speech';
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`<section aria-labelledby="voice-h">
      <h2 id="voice-h">${t('voiceClipsTitle')}</h2>
      <p class="muted">${t('voiceClipsHint', { example: FALLBACK_EXAMPLE })}</p>
      ${this.canEdit ? this.renderForm() : nothing}
      ${this.clips.length ? html`<ul>${this.clips.map((c) => this.renderClip(c))}</ul>` : html`<p class="muted">${t('voiceClipsEmpty')}</p>`}
    </section>`;
  }

  private renderClip(c: VoiceClip) {
    return html`<li>
      <div class="row">
        ${c.slot ? html`<kbd>Alt+${c.slot}</kbd>` : nothing}<strong dir="auto">${c.title}</strong>
        <span class="muted">${c.kind === 'speech' ? t('voiceClipKindSpeech') : t('voiceClipKindRecording')} · ${languageName(c.language, appLocale())}</span>
      </div>
      ${c.text ? html`<div class="body" dir="auto">${c.text}</div>` : nothing}
      ${this.canEdit
        ? html`<div class="row">
            <button type="button" aria-label=${t('voiceClipEdit', { title: c.title })} @click=${() => this.edit(c)}>${t('libraryEdit')}</button>
            <button type="button" class="danger" aria-label=${t('voiceClipRemove', { title: c.title })} @click=${() => this.fire('sb-voice-clip-remove', { id: c.id })}>${t('libraryRemove')}</button>
          </div>`
        : nothing}
    </li>`;
  }

  private edit(c: VoiceClip): void {
    this.editing = c;
    this.kind = c.kind;
  }

  private renderForm() {
    const c = this.editing;
    const taken = new Map(this.clips.filter((x) => x.slot && x.id !== c?.id).map((x) => [x.slot!, x.title]));
    return html`<form aria-label=${c ? t('voiceClipEdit', { title: c.title }) : t('voiceClipNew')} @submit=${this.onSubmit}>
      <label>${t('voiceClipTitle')}<input name="title" required maxlength="80" dir="auto" .value=${c?.title ?? ''} /></label>
      <label>${t('voiceClipLanguage')}<select name="language">
        ${APP_LOCALES.map((l) => html`<option value=${l} ?selected=${(c?.language ?? appLocale()) === l}>${languageName(l, appLocale())}</option>`)}
      </select></label>
      <label>${t('voiceClipSlot')}<select name="slot">
        <option value="" ?selected=${!c?.slot}>${t('voiceClipNoSlot')}</option>
        ${Array.from({ length: VOICE_CLIP_SLOTS }, (_, i) => i + 1).map((n) => html`<option value=${n} ?selected=${c?.slot === n}>Alt+${n}${taken.has(n) ? ` (${taken.get(n)})` : ''}</option>`)}
      </select></label>
      <fieldset>
        <legend>${t('voiceClipSource')}</legend>
        <label class="choice"><input type="radio" name="kind" value="speech" .checked=${this.kind === 'speech'} @change=${() => (this.kind = 'speech')} />${t('voiceClipSpeech')}</label>
        <label class="choice"><input type="radio" name="kind" value="recording" .checked=${this.kind === 'recording'} @change=${() => (this.kind = 'recording')} />${t('voiceClipRecording')}</label>
        ${this.kind === 'speech'
          ? html`<label>${t('voiceClipText')}<textarea name="text" required rows="3" maxlength=${MAX_VOICE_CLIP_TEXT} dir="auto" .value=${c?.text ?? ''}></textarea></label>`
          : html`<label>${t('voiceClipFile')}<input type="file" name="audio" accept="audio/webm,audio/ogg,audio/wav,.webm,.ogg,.opus,.wav" ?required=${c?.kind !== 'recording'} /></label>
              ${c?.kind === 'recording' ? html`<span class="muted">${t('voiceClipKeepFile')}</span>` : nothing}`}
      </fieldset>
      <div class="row">
        <button class="primary" type="submit">${t('librarySave')}</button>
        ${c ? html`<button type="button" @click=${() => (this.editing = undefined)}>${t('libraryCancel')}</button>` : nothing}
      </div>
    </form>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const fields = { title: String(data.get('title')).trim(), language: String(data.get('language')), ...(data.get('slot') ? { slot: Number(data.get('slot')) } : {}) };
    let body: FormData | Record<string, unknown>;
    if (this.kind === 'speech') body = { ...fields, text: String(data.get('text')).trim() };
    else {
      body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.set(k, String(v));
      const file = data.get('audio');
      if (file instanceof File && file.size > 0) body.set('audio', file);
    }
    const save: VoiceClipSave = { ...(this.editing ? { id: this.editing.id } : {}), body };
    this.fire('sb-voice-clip-save', save);
    this.editing = undefined;
    form.reset();
  }
}

if (!customElements.get('sb-voice-clips')) customElements.define('sb-voice-clips', SbVoiceClips);

declare global {
  interface HTMLElementTagNameMap {
    'sb-voice-clips': SbVoiceClips;
  }
}
