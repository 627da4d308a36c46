/** Reads an inbound mail (RFC 5322, as received) into what a conversation needs. */
import { AppError } from '../kernel/app-error.js';

export interface InboundMail {
  from: { address: string; name?: string };
  subject: string;
  /** The new part of the text: quoted history and signatures' quote blocks are cut. */
  text: string;
  messageId?: string;
  /** In-Reply-To first, then References newest first: the ids that may name our thread. */
  threadIds: string[];
  /** Set by mail servers and auto-responders; we never answer those automatically. */
  automatic: boolean;
}

/** Largest mail we take (the SMTP listener announces the same). */
export const MAX_MAIL_BYTES = 10 * 1024 * 1024;

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : v.split(/\s+/)).filter(Boolean);

/**
 * Drops the quoted conversation a mail client adds under a reply: from the first "On … wrote:"
 * line or `>`-quoted block on, and the "-----Original Message-----" of some clients.
 */
export function newPartOf(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cut = lines.findIndex((line, i) => /^On .+wrote:\s*$/.test(line) || /^-{2,}\s*Original Message\s*-{2,}/i.test(line) || (line.startsWith('>') && lines.slice(i).every((l) => l.startsWith('>') || l.trim() === '')));
  return (cut === -1 ? lines : lines.slice(0, cut)).join('\n').trim();
}

/** @throws AppError `invalid-input` for something that is not a mail with a sender and some text. */
export async function parseInboundMail(raw: Buffer | string): Promise<InboundMail> {
  if (raw.length === 0 || raw.length > MAX_MAIL_BYTES) throw new AppError('invalid-input', `a mail must have 1 to ${MAX_MAIL_BYTES} bytes`);
  // Loaded on the first mail, not at start: mailparser and its encodings take 0.2-0.9 s to load.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipHtmlToText: false, skipTextLinks: true });
  const sender = mail.from?.value[0];
  if (!sender?.address || !/^[^@\s]+@[^@\s]+$/.test(sender.address)) throw new AppError('invalid-input', 'the mail has no valid From address');
  const text = newPartOf(mail.text ?? '');
  if (!text) throw new AppError('invalid-input', 'the mail has no text');
  const autoSubmitted = String(mail.headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  return {
    from: { address: sender.address.toLowerCase(), ...(sender.name ? { name: sender.name } : {}) },
    subject: (mail.subject ?? '').trim(),
    text,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    threadIds: [...asList(mail.inReplyTo), ...asList(mail.references).reverse()],
    automatic: autoSubmitted !== 'no' || ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence),
  };
}
