/** The languages admins pick from for an agent: common base codes, named in the app's language by the browser. */

/** Base codes (ISO 639-1) of the languages most support teams serve in; routing matches them by code. */
export const COMMON_LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'hi', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'sv', 'tr', 'uk', 'zh'] as const;

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "fr" → "French"; an unknown code stays as it is. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
