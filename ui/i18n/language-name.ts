/** A language tag's name for people ("es-MX" → "Spanish (Mexico)" in English, "espagnol (Mexique)" in French). */

/**
 * The name of `tag` written in `inLocale`, or the tag itself when Intl does not know it.
 * @example languageName('zh', 'zh'); // '中文'
 */
export function languageName(tag: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
