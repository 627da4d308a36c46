/**
 * The agent app's language: the agent's own setting (`profile.locale`), else the browser's languages.
 * Loads only that language's catalogue (its own chunk), mirrors the page for right-to-left languages
 * and redraws every component, so a change in the language menu shows at once.
 */
import { ReactiveElement } from 'lit';
import { directionOf, pickLocale, type AppLocale } from '../../../ui/i18n/locales.js';
import { useTranslation, type Translation } from './en.js';

const translations: Record<Exclude<AppLocale, 'en'>, () => Promise<{ default: Translation }>> = {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  da: () => import('./da.js'),
  zh: () => import('./zh.js'),
  ar: () => import('./ar.js'),
};

let wanted: AppLocale | undefined;

/**
 * Switches the app to `preferred` (an agent's setting such as `zh-CN`), or to the browser's languages
 * when it is unset. Resolves with the language shown; the last call wins when two overlap.
 */
export async function setAppLocale(preferred: string | null | undefined): Promise<AppLocale> {
  const locale = pickLocale(preferred ? [preferred] : navigator.languages?.length ? navigator.languages : [navigator.language]);
  wanted = locale;
  let messages: Translation = {};
  if (locale !== 'en') {
    try {
      messages = (await translations[locale]()).default;
    } catch (error) {
      console.error(`The ${locale} texts could not be loaded; English is shown`, error);
    }
  }
  if (wanted !== locale) return locale;
  useTranslation(locale, messages);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  redraw(document);
  return locale;
}

/** Asks every Lit element, inside every shadow root, to render again: `t` now answers in the new language. */
function redraw(root: Document | ShadowRoot): void {
  for (const element of root.querySelectorAll('*')) {
    if (element instanceof ReactiveElement) element.requestUpdate();
    if (element.shadowRoot) redraw(element.shadowRoot);
  }
}
