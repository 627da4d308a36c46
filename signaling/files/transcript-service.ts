/**
 * Transcripts: downloaded by the conversation's parties (the visitor, its agents, supervisors) as
 * text or HTML, or mailed to the visitor through the mail outbox, with files as signed links.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { RateLimiter } from '../kernel/rate-limiter.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import { mailTextFor } from '../mail/mail-templates.js';
import { mailDomain, type MailSender } from '../mail/mail-sender.js';
import type { Store } from '../store/store.js';
import type { AttachmentService } from './attachment-service.js';
import { renderTranscript, type TranscriptFormat } from './transcript.js';

/** Links in a transcript outlive a page's: the reader opens them later (the transcript says for how long). */
export const TRANSCRIPT_LINK_TTL_MS = 7 * 24 * 3600_000;

export interface TranscriptServiceDeps {
  store: Store;
  parties: ConversationParties;
  attachments: AttachmentService;
  mailSender: Pick<MailSender, 'kick'>;
  /** Where links in a transcript point (PUBLIC_URL). */
  publicUrl: string;
  mailFrom: string;
  company: string;
  timeZone: string;
  clock?: () => number;
}

export interface TranscriptFile {
  fileName: string;
  contentType: string;
  body: string;
}

export class TranscriptService {
  private readonly clock: () => number;
  /** Mail to an address the visitor typed: a few per visitor per hour, so it cannot be used to send spam. */
  private readonly mails = new RateLimiter(3, 3600_000);

  constructor(private readonly deps: TranscriptServiceDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  /** The transcript as a file to save. @throws AppError `not-found` for anyone who may not read the conversation. */
  async download(actor: Actor, conversationId: string, format: TranscriptFormat): Promise<TranscriptFile> {
    await this.deps.parties.authorize(actor, conversationId, 'read');
    const body = await this.render(conversationId, format);
    const day = new Date(this.clock()).toISOString().slice(0, 10);
    return {
      fileName: `transcript-${day}-${conversationId.slice(0, 8)}.${format === 'html' ? 'html' : 'txt'}`,
      contentType: format === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      body,
    };
  }

  /**
   * Queues the transcript, in plain text, to the address the visitor gives.
   * @throws AppError `not-found` (not theirs), `rate-limited` (too many mails).
   */
  async mailToVisitor(visitorId: string, conversationId: string, to: string): Promise<void> {
    const conversation = await this.deps.parties.authorize({ kind: 'visitor', visitorId }, conversationId, 'read');
    if (!this.mails.take(visitorId, this.clock())) throw new AppError('rate-limited', 'too many transcripts mailed; try again later');
    const text = mailTextFor(conversation.language);
    const body = [text.say('transcriptIntro'), '', await this.render(conversationId, 'text'), text.say('transcriptLinksExpire'), '', this.deps.company].join('\n');
    const now = this.clock();
    await this.deps.store.mail.enqueue(
      { to, subject: text.say('transcriptSubject', { company: this.deps.company }), body, messageId: `<transcript-${randomUUID()}@${mailDomain(this.deps.mailFrom)}>`, references: [], automatic: true },
      now,
    );
    this.deps.mailSender.kick();
  }

  private async render(conversationId: string, format: TranscriptFormat): Promise<string> {
    const conversation = (await this.deps.store.conversations.summary(conversationId))!;
    const events = await this.deps.store.conversations.eventsAfter(conversationId, 0);
    return renderTranscript(
      { conversation, events, timeZone: this.deps.timeZone, fileUrl: (f) => `${this.deps.publicUrl}${this.deps.attachments.link(f.id, TRANSCRIPT_LINK_TTL_MS).url}` },
      format,
    );
  }
}
