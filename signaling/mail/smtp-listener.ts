/**
 * Receives customers' mail over SMTP (point the MX, or a forwarding rule, at it). Each mail
 * is taken into its conversation before the SMTP transaction is acknowledged, so a mail the
 * sending server saw accepted is never lost; a mail we cannot read is refused with 550.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { AppError } from '../kernel/app-error.js';
import type { EmailDesk } from './email-desk.js';
import { MAX_MAIL_BYTES, parseInboundMail } from './inbound-mail.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('smtp');

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** Only mail to these domains is taken (others are refused at RCPT TO); empty: any. */
  domains: string[];
}

export class SmtpListener {
  private readonly server: SMTPServer;

  constructor(desk: EmailDesk, private readonly options: SmtpListenerOptions) {
    this.server = new SMTPServer({
      name: 'switchboard',
      banner: 'Switchboard',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_MAIL_BYTES,
      logger: false,
      onRcptTo(address, _session, callback) {
        const domain = address.address.split('@')[1]?.toLowerCase() ?? '';
        if (options.domains.length && !options.domains.includes(domain)) return callback(Object.assign(new Error(`mail for ${domain} is not taken here`), { responseCode: 550 }));
        callback();
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
          parseInboundMail(Buffer.concat(chunks))
            .then((mail) => desk.receive(mail))
            .then(
              () => callback(),
              (error: unknown) => {
                const permanent = error instanceof AppError && error.reason === 'invalid-input';
                if (!permanent) log.error({ err: error }, 'could not take a mail');
                // 550: the sender must not retry something we cannot read; 451: try again later.
                callback(Object.assign(new Error(error instanceof Error ? error.message : 'refused'), { responseCode: permanent ? 550 : 451 }));
              },
            );
        });
      },
    });
    this.server.on('error', (err) => log.error({ err }, 'listener error'));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.server.once('error', onError);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.server.off('error', onError);
        resolve((this.server.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
