/** Reads an inbound mail (RFC 5322, as received) into what a conversation needs. */
import { AppError } from '../kernel/app-error.js';
import { ReplyParser } from './reply-parser.js';

export interface InboundMail {
  from: { address: string; name?: string };
  subject: string;
  /** The new part of the text: quoted history and the signature are cut. */
  text: string;
  messageId?: string;
  /** In-Reply-To first, then References newest first: the ids that may name our thread. */
  threadIds: string[];
  /** Set by mail servers and auto-responders; we never answer those automatically. */
  automatic: boolean;
  /** Its attachments, inline images (`cid:` in its HTML) included, as sent: nothing is checked yet. */
  files: MailFile[];
}

/** A file that came with a mail: the name its sender gave (or one we make up) and its bytes. */
export interface MailFile {
  name: string;
  bytes: Uint8Array;
}

/** Largest mail we take (the SMTP listener announces the same). */
export const MAX_MAIL_BYTES = 10 * 1024 * 1024;

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : v.split(/\s+/)).filter(Boolean);

// One parser for the process: its worker starts on the first mail and never keeps the process alive.
const replies = new ReplyParser();

/**
 * Reads a received mail; its text is only what the customer wrote, quoted history and signature cut.
 * @throws AppError `invalid-input` for something that is not a mail with a sender and some text.
 */
export async function parseInboundMail(raw: Buffer | string, parser: ReplyParser = replies): Promise<InboundMail> {
  if (raw.length === 0 || raw.length > MAX_MAIL_BYTES) throw new AppError('invalid-input', `a mail must have 1 to ${MAX_MAIL_BYTES} bytes`);
  // Loaded on the first mail, not at start: mailparser and its encodings take 0.2-0.9 s to load.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipHtmlToText: false, skipTextLinks: true });
  const sender = mail.from?.value[0];
  if (!sender?.address || !/^[^@\s]+@[^@\s]+$/.test(sender.address)) throw new AppError('invalid-input', 'the mail has no valid From address');
  const text = await parser.newPartOf(mail.text ?? '');
  // Inline images come too (mailparser lists them with the others): a screenshot pasted into the
  // body is often the whole point of the mail. A name is made up for those that have none.
  const files = mail.attachments.map((a, i) => ({ name: a.filename || `attachment-${i + 1}`, bytes: new Uint8Array(a.content) }));
  if (!text && files.length === 0) throw new AppError('invalid-input', 'the mail has no text and no file');
  const autoSubmitted = String(mail.headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  return {
    from: { address: sender.address.toLowerCase(), ...(sender.name ? { name: sender.name } : {}) },
    subject: (mail.subject ?? '').trim(),
    text,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    threadIds: [...asList(mail.inReplyTo), ...asList(mail.references).reverse()],
    automatic: autoSubmitted !== 'no' || ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence),
    files,
  };
}
