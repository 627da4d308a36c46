/** The languages admins pick from for an agent: common base codes, named in the app's language by the browser. */
import { languageName as nameIn } from '../../../ui/i18n/language-name.js';
import { appLocale } from '../i18n/en.js';

/** Base codes (ISO 639-1) of the languages most support teams serve in; routing matches them by code. */
export const COMMON_LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'hi', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'sv', 'tr', 'uk', 'zh'] as const;

/** "fr" → "French" in an English app, "الفرنسية" in an Arabic one; an unknown code stays as it is. */
export function languageName(code: string): string {
  return nameIn(code, appLocale());
}
