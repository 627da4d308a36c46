/**
 * Compares each translation with its English catalogue: keys missing or extra, placeholders that
 * differ, messages that are not valid ICU MessageFormat, and plurals without every form the
 * language's rules use (Arabic: zero, one, two, few, many, other). Shared by test/i18n and
 * `node .scripts/i18n-missing.mjs`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const root = join(import.meta.dirname, '../..');

/** Each app's catalogue folder; `en.ts` there is the source. */
export const CATALOGUE_DIRS = { widget: 'widget/i18n', agent: 'agent-pwa/src/i18n', mail: 'signaling/mail/mail-text' } as const;
export type AppName = keyof typeof CATALOGUE_DIRS;

export interface CatalogueReport {
  app: AppName;
  locale: string;
  missing: string[];
  extra: string[];
  /** Human-readable problems with single messages (placeholders, syntax, plural forms). */
  problems: string[];
}

/** The English catalogue of an app and its translations by locale. */
export async function loadCatalogues(app: AppName): Promise<{ en: Record<string, string>; translations: Map<string, Record<string, string>> }> {
  const dir = join(root, CATALOGUE_DIRS[app]);
  const en = ((await import(pathToFileURL(join(dir, 'en.ts')).href)) as { en: Record<string, string> }).en;
  const translations = new Map<string, Record<string, string>>();
  for (const file of readdirSync(dir).filter((f) => /^[a-z]{2}\.ts$/.test(f) && f !== 'en.ts').sort()) {
    translations.set(file.slice(0, 2), ((await import(pathToFileURL(join(dir, file)).href)) as { default: Record<string, string> }).default);
  }
  return { en, translations };
}

/** Every argument a message uses (`{name}`, the `count` of a plural), sorted. */
export function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

function pluralProblems(elements: MessageFormatElement[], locale: string): string[] {
  const problems: string[] = [];
  // The forms counts of people, minutes and messages reach (0-200): all six in Arabic; the "many" that
  // Spanish and French keep for exact millions would be noise here.
  const rules = new Intl.PluralRules(locale);
  const needed = [...new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)))];
  for (const e of elements) {
    if (e.type === TYPE.plural && e.pluralType !== 'ordinal') {
      const missing = needed.filter((c) => !(c in e.options));
      if (missing.length) problems.push(`{${e.value}, plural} lacks the ${locale} forms ${missing.join(', ')}`);
    }
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) problems.push(...pluralProblems(option.value, locale));
  }
  return problems;
}

/** Parses a message as ICU MessageFormat; throws with the message when it is not valid. */
export function parseMessage(message: string): MessageFormatElement[] {
  return parse(message, { requiresOtherClause: true });
}

/** Checks one translation against English. */
export function compare(app: AppName, locale: string, en: Record<string, string>, translation: Record<string, string>): CatalogueReport {
  const missing = Object.keys(en).filter((k) => !(k in translation));
  const extra = Object.keys(translation).filter((k) => !(k in en));
  const problems: string[] = [];
  for (const [key, message] of Object.entries(translation)) {
    if (!(key in en)) continue;
    let parsed: MessageFormatElement[];
    try {
      parsed = parseMessage(message);
    } catch (error) {
      problems.push(`${key}: not valid ICU MessageFormat (${(error as Error).message})`);
      continue;
    }
    const want = [...argumentsOf(parseMessage(en[key]!))].sort().join(', ');
    const got = [...argumentsOf(parsed)].sort().join(', ');
    if (want !== got) problems.push(`${key}: placeholders {${got}} but English has {${want}}`);
    for (const p of pluralProblems(parsed, locale)) problems.push(`${key}: ${p}`);
  }
  return { app, locale, missing, extra, problems };
}

/** Every translation of every app, checked. */
export async function checkAll(): Promise<CatalogueReport[]> {
  const reports: CatalogueReport[] = [];
  for (const app of Object.keys(CATALOGUE_DIRS) as AppName[]) {
    const { en, translations } = await loadCatalogues(app);
    for (const [locale, translation] of translations) reports.push(compare(app, locale, en, translation));
  }
  return reports;
}
