/** The mail outbox, and the Message-IDs that thread replies into conversations. */
import type { Kysely, Selectable } from 'kysely';
import { claimDue } from './claim-due.js';
import type { Database } from './schema.js';

export interface OutboundMail {
  id: number;
  conversationId?: string;
  to: string;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  createdAt: number;
  sentAt?: number;
  /** Sent on our own (an acknowledgement), not by a person. */
  automatic: boolean;
  /** Shared files it carries as attachments; their bytes are read from the file storage when it is sent. */
  attachmentIds: string[];
}

export type NewMail = Pick<OutboundMail, 'to' | 'subject' | 'body' | 'messageId' | 'references'> & { conversationId?: string; inReplyTo?: string; automatic?: boolean; attachmentIds?: string[] };

const toMail = (r: Selectable<Database['outbound_mails']>): OutboundMail => ({
  id: Number(r.id),
  ...(r.conversation_id ? { conversationId: r.conversation_id } : {}),
  to: r.to_address,
  subject: r.subject,
  body: r.body,
  messageId: r.message_id,
  ...(r.in_reply_to ? { inReplyTo: r.in_reply_to } : {}),
  references: r.references_ids ? r.references_ids.split(' ') : [],
  status: r.status as OutboundMail['status'],
  attempts: r.attempts,
  nextAttemptAt: Number(r.next_attempt_at),
  ...(r.last_error ? { lastError: r.last_error } : {}),
  createdAt: Number(r.created_at),
  ...(r.sent_at != null ? { sentAt: Number(r.sent_at) } : {}),
  automatic: r.automatic === 1,
  attachmentIds: r.attachment_ids ? r.attachment_ids.split(' ') : [],
});

export class MailRepo {
  constructor(
    private readonly db: Kysely<Database>,
    /** PostgreSQL claims skip rows another sender is claiming (SKIP LOCKED); SQLite has one writer. */
    private readonly dialect: 'sqlite' | 'postgres' = 'sqlite',
  ) {}

  /** Queues a mail and threads its Message-ID to its conversation, in the caller's transaction. */
  async enqueue(mail: NewMail, at: number): Promise<void> {
    await this.db
      .insertInto('outbound_mails')
      .values({
        conversation_id: mail.conversationId ?? null,
        to_address: mail.to,
        subject: mail.subject,
        body: mail.body,
        message_id: mail.messageId,
        in_reply_to: mail.inReplyTo ?? null,
        references_ids: mail.references.length ? mail.references.join(' ') : null,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        created_at: at,
        sent_at: null,
        automatic: mail.automatic ? 1 : 0,
        attachment_ids: mail.attachmentIds?.length ? mail.attachmentIds.join(' ') : null,
      })
      .execute();
    if (mail.conversationId) await this.thread(mail.messageId, mail.conversationId, at);
  }

  /** Claims what is due for this sender (see claimDue). */
  async claimDue(at: number, leaseMs: number, limit: number): Promise<OutboundMail[]> {
    return (await claimDue(this.db, this.dialect, 'outbound_mails', at, leaseMs, limit)).map(toMail);
  }

  async nextAttemptAt(): Promise<number | undefined> {
    const row = await this.db.selectFrom('outbound_mails').select('next_attempt_at').where('status', '=', 'pending').orderBy('next_attempt_at').executeTakeFirst();
    return row ? Number(row.next_attempt_at) : undefined;
  }

  async markSent(id: number, at: number): Promise<void> {
    await this.db.updateTable('outbound_mails').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', id).execute();
  }

  /** Records a failed attempt: tried again at `retryAt`, or given up on when it is undefined. */
  async markFailedAttempt(id: number, attempts: number, error: string, retryAt: number | undefined): Promise<void> {
    await this.db
      .updateTable('outbound_mails')
      .set({ attempts, last_error: error.slice(0, 500), ...(retryAt === undefined ? { status: 'failed' } : { next_attempt_at: retryAt }) })
      .where('id', '=', id)
      .execute();
  }

  async forConversation(conversationId: string): Promise<OutboundMail[]> {
    const rows = await this.db.selectFrom('outbound_mails').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
    return rows.map(toMail);
  }

  /** The visitor that mail from this address was filed under before (lower-case address). */
  async senderVisitor(address: string): Promise<string | undefined> {
    return (await this.db.selectFrom('mail_senders').select('visitor_id').where('address', '=', address.toLowerCase()).executeTakeFirst())?.visitor_id;
  }

  async rememberSender(address: string, visitorId: string): Promise<void> {
    await this.db.insertInto('mail_senders').values({ address: address.toLowerCase(), visitor_id: visitorId }).onConflict((oc) => oc.column('address').doNothing()).execute();
  }

  /** Remembers that a Message-ID belongs to a conversation; knowing it already is fine. */
  async thread(messageId: string, conversationId: string, at: number): Promise<void> {
    await this.db.insertInto('mail_threads').values({ message_id: messageId, conversation_id: conversationId, created_at: at }).onConflict((oc) => oc.column('message_id').doNothing()).execute();
  }

  /** The conversation the first known of these Message-IDs belongs to. */
  async conversationOf(messageIds: string[]): Promise<string | undefined> {
    if (messageIds.length === 0) return undefined;
    const row = await this.db.selectFrom('mail_threads').select('conversation_id').where('message_id', 'in', messageIds).orderBy('created_at', 'desc').executeTakeFirst();
    return row?.conversation_id;
  }

  /** The thread's Message-IDs, oldest first: what a reply's References header lists. */
  async threadIds(conversationId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('mail_threads').select('message_id').where('conversation_id', '=', conversationId).orderBy('created_at').execute();
    return rows.map((r) => r.message_id);
  }
}
