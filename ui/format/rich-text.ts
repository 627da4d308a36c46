/**
 * Message text as both apps show it: links clickable (linkifyjs finds them; only http, https and
 * mailto become anchors, opened in a new tab without an opener or referrer), and in an agent's
 * message a small Markdown subset: **bold**, *italic* or _italic_, `code`, and lists (`- `, `* `,
 * `1. ` at the start of a line). It builds Lit templates whose text parts are bound as text, never
 * parsed as HTML, so `<b>` or `<img onerror>` written by anyone shows as those characters.
 * A visitor's message gets links only: what a visitor writes is never formatted.
 */
import { find } from 'linkifyjs';
import { html, type TemplateResult } from 'lit';

type Part = string | TemplateResult;

/** The schemes a link may have: never `javascript:`, `data:` or anything else a browser would run. */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** `text` with each web address or e-mail address as a link; the rest stays text. */
export function linkify(text: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const link of find(text)) {
    if (!link.isLink || !SAFE_HREF.test(link.href)) continue;
    parts.push(text.slice(at, link.start), html`<a href=${link.href} target="_blank" rel="noopener noreferrer">${link.value}</a>`);
    at = link.end;
  }
  parts.push(text.slice(at));
  return parts.filter((p) => p !== '');
}

/**
 * Inline marks. The markers must hug the words (`** not bold **` stays as typed), and `_` or `*`
 * inside a word (snake_case, a URL's path) is not a mark.
 */
const INLINE = /`([^`\n]+)`|\*\*(?=\S)([^\n]*?\S)\*\*|(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu;

function inline(text: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    parts.push(...linkify(text.slice(at, m.index)));
    if (m[1] !== undefined) parts.push(html`<code>${m[1]}</code>`);
    else if (m[2] !== undefined) parts.push(html`<strong>${inline(m[2])}</strong>`);
    else parts.push(html`<em>${inline(m[3] ?? m[4] ?? '')}</em>`);
    at = m.index + m[0].length;
  }
  parts.push(...linkify(text.slice(at)));
  return parts;
}

const LIST_ITEM = /^\s*([-*•]|\d{1,3}[.)])\s+(.*)$/;

/**
 * Renders a message: with `markdown` (agents' messages) the subset above, otherwise links only.
 * Line breaks stay as newlines: the message's box keeps them (`white-space: pre-wrap`).
 *
 * @example html`<span class="text">${renderRichText(e.text, { markdown: e.author.kind === 'agent' })}</span>`
 */
export function renderRichText(text: string, { markdown }: { markdown: boolean }): Part[] {
  if (!markdown) return linkify(text);
  const parts: Part[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const endList = () => {
    if (!list) return;
    const items = list.items.map((item) => html`<li>${inline(item)}</li>`);
    parts.push(list.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`);
    list = undefined;
  };
  text.split('\n').forEach((line, i) => {
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1]!);
      if (list && list.ordered !== ordered) endList();
      (list ??= { ordered, items: [] }).items.push(item[2]!);
      return;
    }
    // A list is a block of its own: the line after it needs no newline of its own.
    const afterList = list !== undefined;
    endList();
    if (i > 0 && !afterList) parts.push('\n');
    parts.push(...inline(line));
  });
  endList();
  return parts;
}
