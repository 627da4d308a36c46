/** A real SMTP server on loopback that keeps what it receives: the customer's mailbox, in tests. */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  headers: ParsedMail['headers'];
  /** Its attachments, as the customer's mail client would offer them. */
  attachments: { filename?: string; contentType: string; content: Buffer }[];
}

export class SmtpSink {
  readonly mails: SinkMail[] = [];
  private readonly waiters = new Set<{ match: (m: SinkMail) => boolean; resolve: (m: SinkMail) => void }>();
  private readonly server: SMTPServer;
  /** Answer every DATA with a temporary failure while true (to test retries). */
  failing = false;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.failing) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          void simpleParser(Buffer.concat(chunks)).then((parsed) => {
            const refs = parsed.references;
            const mail: SinkMail = {
              to: session.envelope.rcptTo.map((r) => r.address),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              ...(parsed.inReplyTo ? { inReplyTo: parsed.inReplyTo } : {}),
              references: refs === undefined ? [] : Array.isArray(refs) ? refs : refs.split(/\s+/),
              headers: parsed.headers,
              attachments: parsed.attachments.map((a) => ({ ...(a.filename ? { filename: a.filename } : {}), contentType: a.contentType, content: a.content })),
            };
            this.mails.push(mail);
            for (const w of this.waiters) if (w.match(mail)) {
              this.waiters.delete(w);
              w.resolve(mail);
            }
            callback();
          });
        });
      },
    });
  }

  static async start(): Promise<SmtpSink & { url: string }> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = sink.server.server.address() as AddressInfo;
    return Object.assign(sink, { url: `smtp://127.0.0.1:${port}` });
  }

  /** The first mail (received or to come) that matches. */
  next(match: (m: SinkMail) => boolean, timeoutMs = 10_000): Promise<SinkMail> {
    const found = this.mails.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (m: SinkMail) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching mail within ${timeoutMs} ms; got ${JSON.stringify(this.mails.map((m) => m.subject))}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Sends a mail the way a customer's mail server would, to our SMTP listener. */
export async function sendToListener(
  port: number,
  mail: { from: string; to?: string; subject: string; text: string; html?: string; messageId?: string; inReplyTo?: string; references?: string[]; headers?: Record<string, string>; attachments?: { filename: string; content: Buffer; contentType?: string; cid?: string }[] },
): Promise<void> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: mail.to ?? 'support@example.test', ...mail });
  } finally {
    transport.close();
  }
}
