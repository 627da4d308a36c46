/** The agent's app language: each language named in itself, or "as the browser". Kept small: the account screen may take it over. */
import { html, LitElement, css } from 'lit';
import { APP_LOCALES } from '../../ui/i18n/locales.js';
import { languageName } from '../../ui/i18n/language-name.js';
import { t } from './i18n/en.js';
import { sharedStyles } from './shared-styles.js';

/**
 * @fires sb-locale-change - `{ locale }`: a language such as `da`, or null for the browser's.
 */
export class SbLanguageSelect extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid var(--sb-color-border); background: var(--sb-color-surface); color: var(--sb-color-text); }
    `,
  ];
  static override properties = { value: { type: String } };
  /** The agent's setting ('' when the browser decides). */
  declare value: string;

  constructor() {
    super();
    this.value = '';
  }

  override render() {
    // Each language is named in itself: an agent who cannot read the current one still finds theirs.
    return html`<select aria-label=${t('appLanguage')} .value=${this.value} @change=${this.onChange}>
      <option value="" ?selected=${!this.value}>${t('appLanguageBrowser')}</option>
      ${APP_LOCALES.map((code) => html`<option value=${code} lang=${code} ?selected=${this.value === code}>${languageName(code, code)}</option>`)}
    </select>`;
  }

  private onChange(event: Event): void {
    const locale = (event.target as HTMLSelectElement).value;
    this.value = locale;
    this.dispatchEvent(new CustomEvent('sb-locale-change', { detail: { locale: locale || null }, bubbles: true, composed: true }));
  }
}
