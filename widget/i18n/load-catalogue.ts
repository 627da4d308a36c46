/** Loads the widget's catalogue for one language: each translation is its own chunk, fetched only for visitors who read it. */
import type { AppLocale } from '../../ui/i18n/locales.js';
import { en, type Catalogue, type Translation } from './en.js';

const translations: Record<Exclude<AppLocale, 'en'>, () => Promise<{ default: Translation }>> = {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  da: () => import('./da.js'),
  zh: () => import('./zh.js'),
  ar: () => import('./ar.js'),
};

/** The catalogue for `locale`, English where a translation lacks a key (or could not be loaded). */
export async function loadCatalogue(locale: AppLocale): Promise<Catalogue> {
  if (locale === 'en') return en;
  try {
    return { ...en, ...(await translations[locale]()).default };
  } catch (error) {
    console.error(`Switchboard: the ${locale} texts could not be loaded; English is shown`, error);
    return en;
  }
}
