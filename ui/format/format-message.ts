/**
 * Formats both apps' catalogue messages: `{name}` placeholders and the ICU MessageFormat plural and
 * select forms, with the language's own plural rules (Intl.PluralRules) and digits (Intl.NumberFormat).
 *
 * Why not intl-messageformat: its parser alone is about 10 KB gzipped, three quarters of the widget's
 * chat chunk. The catalogues are standard ICU (test/i18n checks each one with FormatJS's parser and
 * compares this formatter's output with intl-messageformat's), so translators' tools read them as they are.
 */

type Params = Record<string, string | number>;
/** A parsed message: text, an argument, `#` (the plural's number) or a plural/select with its branches. */
type Part = string | { arg: string; number?: true } | { pound: true } | { arg: string; kind: 'plural' | 'selectordinal' | 'select'; offset: number; branches: Record<string, Part[]> };

const parsed = new Map<string, Part[]>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Formats `template` for `locale`. A placeholder without a value stays as written, so a missing
 * parameter shows on screen instead of vanishing. As in ICU, `#` and `{n, number}` are written with
 * the language's digits and grouping; a plain `{n}` as it is.
 *
 * @example
 * formatMessage('On a call with {name}', { name: 'Ana' }); // 'On a call with Ana'
 * formatMessage('{count, plural, one {# contact} other {# contacts}}', { count: 1 }); // '1 contact'
 */
export function formatMessage(template: string, params: Params = {}, locale = 'en'): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parseParts(template, { at: 0 }, false);
    parsed.set(template, parts);
  }
  return render(parts, params, locale, undefined);
}

function render(parts: Part[], params: Params, locale: string, pound: number | undefined): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('pound' in part) out += pound === undefined ? '#' : formatNumber(pound, locale);
    else if (!('kind' in part)) {
      const value = params[part.arg];
      out += value === undefined ? `{${part.arg}}` : part.number ? formatNumber(Number(value), locale) : String(value);
    } else {
      const value = params[part.arg];
      if (value === undefined) {
        out += `{${part.arg}}`;
        continue;
      }
      if (part.kind === 'select') {
        out += render(part.branches[String(value)] ?? part.branches.other ?? [], params, locale, pound);
        continue;
      }
      const n = Number(value);
      const category = rules(locale, part.kind === 'plural' ? 'cardinal' : 'ordinal').select(n - part.offset);
      const branch = part.branches[`=${n}`] ?? part.branches[category] ?? part.branches.other ?? [];
      out += render(branch, params, locale, n - part.offset);
    }
  }
  return out;
}

/** Reads parts up to the end, or to the `}` closing a branch; `#` is special inside plural branches. */
function parseParts(src: string, pos: { at: number }, inPlural: boolean): Part[] {
  const parts: Part[] = [];
  let text = '';
  while (pos.at < src.length) {
    const ch = src[pos.at]!;
    if (ch === "'" && src[pos.at + 1] === "'") {
      text += "'";
      pos.at += 2;
    } else if (ch === "'" && /[{}#]/.test(src[pos.at + 1] ?? '')) {
      // ICU quoting: '{' … ' is literal text.
      const end = src.indexOf("'", pos.at + 1);
      text += src.slice(pos.at + 1, end < 0 ? src.length : end);
      pos.at = end < 0 ? src.length : end + 1;
    } else if (ch === '}') {
      break;
    } else if (ch === '#' && inPlural) {
      if (text) parts.push(text);
      text = '';
      parts.push({ pound: true });
      pos.at++;
    } else if (ch === '{') {
      if (text) parts.push(text);
      text = '';
      parts.push(parseArgument(src, pos));
    } else {
      text += ch;
      pos.at++;
    }
  }
  if (text) parts.push(text);
  return parts;
}

/** Reads `{name}`, `{name, number}` or `{name, plural|selectordinal|select, offset:n? key {…} …}`. */
function parseArgument(src: string, pos: { at: number }): Part {
  const head = /^\{\s*(\w+)\s*(?:,\s*(\w+)\s*(?:,\s*(?:offset:(\d+)\s*)?)?)?/.exec(src.slice(pos.at));
  if (!head) throw new SyntaxError(`Bad placeholder at ${pos.at} in "${src}"`);
  pos.at += head[0].length;
  const [, arg, kind, offset] = head as unknown as [string, string, string | undefined, string | undefined];
  if (kind !== 'plural' && kind !== 'selectordinal' && kind !== 'select') {
    if (src[pos.at] !== '}') throw new SyntaxError(`Unclosed placeholder {${arg}} in "${src}"`);
    pos.at++;
    return kind === 'number' ? { arg, number: true } : { arg };
  }
  const branches: Record<string, Part[]> = {};
  for (;;) {
    const key = /^\s*(=?[\w-]+)\s*\{/.exec(src.slice(pos.at));
    if (!key) break;
    pos.at += key[0].length;
    branches[key[1]!] = parseParts(src, pos, kind !== 'select');
    if (src[pos.at] !== '}') throw new SyntaxError(`Unclosed branch ${key[1]} in "${src}"`);
    pos.at++;
  }
  const close = /^\s*\}/.exec(src.slice(pos.at));
  if (!close || !branches.other) throw new SyntaxError(`{${arg}, ${kind}} needs an "other" branch and a closing brace in "${src}"`);
  pos.at += close[0].length;
  return { arg, kind, offset: Number(offset ?? 0), branches };
}

function formatNumber(n: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

function rules(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale}/${type}`;
  let r = pluralRules.get(key);
  if (!r) pluralRules.set(key, (r = new Intl.PluralRules(locale, { type })));
  return r;
}
