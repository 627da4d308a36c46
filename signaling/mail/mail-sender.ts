/**
 * Sends the mail outbox over SMTP (nodemailer). A mail is stored before anybody is told it
 * was sent, and stays pending until the SMTP server accepts it; failures are retried with
 * backoff. Without an SMTP server configured, mail waits in the outbox until one is.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { OutboundMail } from '../store/mail-repo.js';
import type { Store } from '../store/store.js';
import { DEFAULT_BACKOFF, nextAttemptAt, type Backoff } from '../kernel/retry-backoff.js';
import { componentLogger } from '../kernel/logger.js';
import type { DeliveryOutcome, Metrics } from '../kernel/metrics.js';
import { CLAIM_BATCH, DELIVERY_LEASE_MS, OutboxPump } from '../kernel/outbox-pump.js';

const log = componentLogger('mail');

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://…; absent: mail is kept, not sent. */
  smtpUrl?: string;
  /** The From header, for example `Example Support <support@example.com>`. */
  from: string;
  backoff?: Backoff;
}

/** A file a mail carries, as nodemailer takes it. */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * Reads the files a queued mail names, when it is sent (a file erased meanwhile is left out).
 * Throwing makes the attempt fail and be retried, as an SMTP failure does.
 */
export type MailAttachmentReader = (fileIds: readonly string[]) => Promise<MailAttachment[]>;

/** The domain of the From address: the right-hand side of our Message-IDs. */
export function mailDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'localhost';
}

export class MailSender {
  private readonly transport: Transporter | undefined;
  private readonly pump: OutboxPump<OutboundMail>;
  private readonly backoff: Backoff;

  constructor(
    private readonly store: Store,
    private readonly settings: MailSettings,
    private readonly clock: () => number = Date.now,
    metrics?: Metrics,
    private readonly readAttachments: MailAttachmentReader = async () => [],
  ) {
    this.backoff = settings.backoff ?? DEFAULT_BACKOFF;
    // Bounded attempts: a claimed batch must be sent within its lease (see DELIVERY_LEASE_MS).
    this.transport = settings.smtpUrl ? createTransport({ url: settings.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }) : undefined;
    this.pump = new OutboxPump('mail', { due: (at) => store.mail.claimDue(at, DELIVERY_LEASE_MS, CLAIM_BATCH), nextAttemptAt: () => store.mail.nextAttemptAt(), deliver: (m) => this.deliver(m) }, clock, metrics);
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  /** Starts sending what is due (also what was queued before a restart). */
  start(): void {
    if (this.transport) this.pump.kick();
  }

  /** Mail was queued: send it now. */
  kick(): void {
    if (this.transport) this.pump.kick();
  }

  idle(): Promise<void> {
    return this.pump.idle();
  }

  stop(): void {
    this.pump.stop();
    this.transport?.close();
  }

  private async deliver(mail: OutboundMail): Promise<DeliveryOutcome> {
    const attempts = mail.attempts + 1;
    try {
      const attachments = mail.attachmentIds.length ? await this.readAttachments(mail.attachmentIds) : [];
      await this.transport!.sendMail({
        from: this.settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references.length ? { references: mail.references } : {}),
        headers: { 'Auto-Submitted': mail.automatic ? 'auto-replied' : 'no' },
        ...(attachments.length ? { attachments } : {}),
      });
      await this.store.mail.markSent(mail.id, this.clock());
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = nextAttemptAt(this.backoff, attempts, this.clock());
      // The Message-ID finds the mail in the outbox; the address and the body stay out of the log.
      log.warn({ messageId: mail.messageId, attempt: attempts, givingUp: retryAt === undefined, problem: message }, 'sending failed');
      await this.store.mail.markFailedAttempt(mail.id, attempts, message, retryAt);
      return 'failed';
    }
  }
}
