/** What a person sets for themselves: their name, the app's language, and how offers get their attention. */
import { css, html, LitElement, nothing } from 'lit';
import type { AgentProfile } from '../../../signaling/protocol/api.js';
import type { ProfileUpdate } from '../../../signaling/protocol/team.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { describedBy, fieldError, formError, invalid } from './field-error.js';
import { formStyles } from './form-styles.js';
import type { Refusal } from './refusal.js';

/** The app's languages so far; more arrive with the translations. */
const APP_LANGUAGES = [{ code: 'en', label: 'English' }];

/**
 * @fires sb-profile-save - `{ change }`: the name, `locale` (null: the browser's) and notification settings.
 */
export class SbAccountSettings extends LitElement {
  static override styles = [sharedStyles, formStyles, css`:host { display: block; } input[type='range'] { width: min(240px, 100%); }`];
  static override properties = {
    profile: { attribute: false },
    busy: { type: Boolean },
    refusal: { attribute: false },
    saved: { type: Boolean },
    sound: { state: true },
    desktopBlocked: { state: true },
    volume: { state: true },
  };
  declare profile: AgentProfile;
  declare busy: boolean;
  declare refusal: Refusal | undefined;
  /** The last save went through. */
  declare saved: boolean;
  declare sound: boolean;
  declare volume: number;
  /** The browser refuses this site's notifications. */
  declare desktopBlocked: boolean;

  constructor() {
    super();
    this.busy = false;
    this.saved = false;
    this.desktopBlocked = typeof Notification !== 'undefined' && Notification.permission === 'denied';
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile') && this.profile) {
      this.sound = this.profile.notifications.sound;
      this.volume = Math.round(this.profile.notifications.volume * 100);
    }
  }

  override render() {
    const p = this.profile;
    const fields = this.refusal?.fields;
    return html`<form @submit=${this.onSubmit} aria-labelledby="settings-title">
      <h2 id="settings-title">${t('accountSettingsTitle')}</h2>
      <div class="field">
        <label
          >${t('yourName')}
          <input name="name" autocomplete="name" required maxlength="80" .value=${p.name} aria-invalid=${invalid(fields, 'name')} aria-describedby=${describedBy(fields, 'name')} />
        </label>
        ${fieldError(fields, 'name')}
      </div>
      <p class="hint">${t('accountEmail', { email: p.email })}</p>
      <label
        >${t('appLanguage')}
        <select name="locale">
          <option value="" ?selected=${!p.locale}>${t('browserDefault')}</option>
          ${APP_LANGUAGES.map((l) => html`<option value=${l.code} ?selected=${p.locale === l.code}>${l.label}</option>`)}
        </select>
      </label>
      <fieldset>
        <legend>${t('notificationsTitle')}</legend>
        <label><input type="checkbox" name="sound" .checked=${this.sound} @change=${(e: Event) => (this.sound = (e.target as HTMLInputElement).checked)} />${t('notifySound')}</label>
        <label class="field"
          >${t('notifyVolume')}
          <span class="actions">
            <input type="range" name="volume" min="0" max="100" step="5" .value=${String(this.volume)} ?disabled=${!this.sound} aria-valuetext="${this.volume}%" @input=${(e: Event) => (this.volume = Number((e.target as HTMLInputElement).value))} />
            <output aria-hidden="true">${this.volume}%</output>
          </span>
        </label>
        <label><input type="checkbox" name="desktop" .checked=${p.notifications.desktop} @change=${this.onDesktop} />${t('notifyDesktop')}</label>
        ${this.desktopBlocked ? html`<p class="hint">${t('notifyDesktopBlocked')}</p>` : nothing}
      </fieldset>
      ${formError(this.refusal, ['name'])}
      ${this.saved && !this.refusal ? html`<p class="hint" role="status">${t('saved')}</p>` : nothing}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('saving') : t('save')}</button></div>
    </form>`;
  }

  /** Asked on this click (browsers want a gesture): turning desktop notifications on asks the browser's permission too. */
  private onDesktop(event: Event): void {
    if (!(event.target as HTMLInputElement).checked || typeof Notification === 'undefined' || Notification.permission !== 'default') return;
    void Notification.requestPermission().then(
      (permission) => (this.desktopBlocked = permission === 'denied'),
      () => {},
    );
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const locale = String(data.get('locale') ?? '');
    const change: ProfileUpdate = {
      name: String(data.get('name') ?? '').trim(),
      locale: locale === '' ? null : locale,
      notifications: { sound: data.get('sound') === 'on', volume: this.volume / 100, desktop: data.get('desktop') === 'on' },
    };
    this.dispatchEvent(new CustomEvent('sb-profile-save', { detail: { change }, bubbles: true, composed: true }));
  }
}
