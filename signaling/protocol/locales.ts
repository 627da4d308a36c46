/**
 * The languages Switchboard is translated into, and how a visitor's or agent's language tags pick
 * one: one rule for the widget, the agent app and what the server writes (mails, timeline texts).
 * Tiny on purpose: the widget's loader uses it before anything else is downloaded.
 */

/** Every language with a catalogue; English is the source and the fallback. */
export const APP_LOCALES = ['en', 'es', 'fr', 'de', 'da', 'zh', 'ar'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

/**
 * The first of `wanted` (most preferred first, as `navigator.languages`) that has a catalogue:
 * a region falls back to its language (es-MX → es); Chinese means Simplified Chinese, so zh-TW,
 * zh-HK and zh-Hant go on to the next language asked for. English when none fits.
 *
 * @example pickLocale(['zh-TW', 'fr-CA', 'en']); // 'fr'
 */
export function pickLocale(wanted: readonly (string | null | undefined)[]): AppLocale {
  for (const tag of wanted) {
    const [language, ...rest] = String(tag ?? '').toLowerCase().split(/[-_]/);
    if (language === 'zh' && !rest.includes('hans') && rest.some((s) => s === 'tw' || s === 'hk' || s === 'mo' || s === 'hant')) continue;
    if ((APP_LOCALES as readonly string[]).includes(language!)) return language as AppLocale;
  }
  return 'en';
}
