/** Your account's "Offer sounds": on or off and how loud, for this device. */
import { html } from 'lit';
import { t } from '../i18n/en.js';
import type { SoundSettings } from './sound-settings.js';

export function renderOfferSoundSettings(sound: SoundSettings, change: (settings: SoundSettings) => void) {
  return html`<section class="offer-sounds" aria-labelledby="offer-sounds-title">
    <h2 id="offer-sounds-title">${t('offerSoundsTitle')}</h2>
    <label><input type="checkbox" .checked=${!sound.muted} @change=${(e: Event) => change({ ...sound, muted: !(e.target as HTMLInputElement).checked })} /> ${t('offerSoundsOn')}</label>
    <label
      >${t('offerSoundsVolume')}
      <input type="range" min="0" max="100" step="5" .value=${String(Math.round(sound.volume * 100))} ?disabled=${sound.muted} @change=${(e: Event) => change({ ...sound, volume: Number((e.target as HTMLInputElement).value) / 100 })}
    /></label>
  </section>`;
}
