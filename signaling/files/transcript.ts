/**
 * A conversation's transcript as text or HTML, in the conversation's language: its messages with
 * their authors and times, the moments that matter (joined, transferred, ended), and files as
 * links. Pure: the caller loads the conversation and signs the links.
 */
import { mailTextFor } from '../mail/mail-templates.js';
import { pickLocale } from '../protocol/locales.js';
import type { AttachmentRef } from '../protocol/attachments.js';
import type { ConversationEvent, ConversationSummary } from '../protocol/conversation.js';

export type TranscriptFormat = 'text' | 'html';

export interface TranscriptInput {
  conversation: ConversationSummary;
  events: readonly ConversationEvent[];
  /** The absolute address of a file, or undefined to name it without a link. */
  fileUrl: (file: AttachmentRef) => string | undefined;
  timeZone: string;
}

interface Line {
  at: number;
  author?: string;
  text: string;
  files: { name: string; label: string; url?: string }[];
}

export function renderTranscript(input: TranscriptInput, format: TranscriptFormat): string {
  const { conversation, timeZone } = input;
  const locale = pickLocale([conversation.language]);
  const text = mailTextFor(conversation.language);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const size = (bytes: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: bytes >= 1_000_000 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes >= 1_000_000 ? bytes / 1_000_000 : Math.max(0.1, bytes / 1000));
  const visitorName = conversation.visitor.name ?? text.say('transcriptVisitor');
  const lines: Line[] = [];
  for (const e of input.events) {
    if (e.type === 'message') {
      const author = e.author.kind === 'visitor' ? visitorName : e.author.name ?? text.say('transcriptAgent');
      const files = (e.attachments ?? []).map((f) => ({ name: f.name, label: text.say('transcriptFile', { name: f.name, size: size(f.size) }), ...optionalUrl(input.fileUrl(f)) }));
      lines.push({ at: e.at, author, text: e.text, files });
    } else if (e.type === 'agent-joined') lines.push({ at: e.at, text: text.say('transcriptJoined', { name: e.agent.name ?? text.say('transcriptAgent') }), files: [] });
    else if (e.type === 'transferred') lines.push({ at: e.at, text: text.say('transcriptTransferred', { name: e.to.name }), files: [] });
    else if (e.type === 'ended') lines.push({ at: e.at, text: text.say('transcriptEnded'), files: [] });
  }
  const title = text.say('transcriptTitle');
  const started = text.say('transcriptStarted', { date: when.format(conversation.createdAt) });
  if (format === 'text') {
    const body = lines.map((l) => {
      const head = `[${time.format(l.at)}] ${l.author ? `${l.author}: ` : ''}${l.text}`;
      return [head, ...l.files.map((f) => `    ${f.label}${f.url ? ` ${f.url}` : ''}`)].join('\n');
    });
    return [title, started, '', ...body, ''].join('\n');
  }
  const items = lines.map((l) => {
    const files = l.files.map((f) => `<li>${f.url ? `<a href="${escapeHtml(f.url)}">${escapeHtml(f.label)}</a>` : escapeHtml(f.label)}</li>`).join('');
    return `<li><time>${escapeHtml(time.format(l.at))}</time> ${l.author ? `<strong>${escapeHtml(l.author)}</strong>: ` : ''}<span dir="auto">${escapeHtml(l.text)}</span>${files ? `<ul>${files}</ul>` : ''}</li>`;
  });
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>\n<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-inline-size:48rem;margin:2rem auto;padding-inline:1rem}ol{list-style:none;padding:0}li{margin-block:.4rem;white-space:pre-wrap}time{color:#555}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(started)}</p><ol>${items.join('\n')}</ol></body></html>\n`;
}

const optionalUrl = (url: string | undefined) => (url ? { url } : {});

/** Everything a visitor or agent wrote is text, never markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
