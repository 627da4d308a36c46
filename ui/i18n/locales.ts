/**
 * The languages both apps are translated into (one rule with the server: protocol/locales.ts), and
 * the writing direction each needs. Tiny on purpose: the widget's loader uses it first thing.
 */
export { APP_LOCALES, pickLocale, type AppLocale } from '../../signaling/protocol/locales.js';

/** Whether a language is written right to left. */
export const isRightToLeft = (locale: string): boolean => /^(ar|he|fa|ur)\b/.test(locale);

/** `rtl` or `ltr`, for the `dir` attribute of an app's root. */
export const directionOf = (locale: string): 'rtl' | 'ltr' => (isRightToLeft(locale) ? 'rtl' : 'ltr');
