/**
 * Conversations by e-mail: a message left in the widget, a customer's mail, and the agents'
 * answers, threaded by Message-ID / In-Reply-To / References so a reply lands in the same
 * conversation. The customer is acknowledged automatically with a reference.
 */
import { createHash, randomUUID } from 'node:crypto';
import { conversationReference, type OfflineMessage, type OfflineMessageReceipt } from '../protocol/contact-options.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { MessageEvent } from '../conversations/conversation-events.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { QueuePlacement } from '../conversations/queue-placement.js';
import type { InboundMail } from './inbound-mail.js';
import { mailDomain, type MailSender } from './mail-sender.js';
import { matchMailRule, mailRulesSchema, type MailRule } from './mail-rules.js';
import { MAX_FILES_PER_MAIL, takeMailFiles, type KeepMailFile, type TakenMailFiles } from './mail-files.js';
import { mailText, mailTextFor } from './mail-templates.js';

/** Settings key of the routing rules for new mail. */
export const MAIL_RULES_KEY = 'mail-routing-rules';

/**
 * An agent's files go with their reply as attachments up to this total; past it, as links (most
 * mail servers refuse 20-25 MB, and base64 makes a file a third larger on the wire).
 */
export const MAX_ATTACHED_BYTES = 10 * 1024 * 1024;

export interface EmailDeskOptions {
  store: Store;
  conversations: ConversationService;
  placement: Pick<QueuePlacement, 'open' | 'reopen'>;
  sender: MailSender;
  from: string;
  /** Signs mails: the company's name. */
  company: string;
  /** Where changes to the mail routing rules are recorded. */
  audit: AuditTrail;
  /** A lasting signed address of a shared file, for an agent's files too large to attach to the reply. */
  fileLink?: (fileId: string) => string;
  /** Keeps a customer's mailed files as shared files, as theirs, under the chat's policy and size limit. */
  files: {
    keep: (visitorId: string, name: string, bytes: Uint8Array) => ReturnType<KeepMailFile>;
    /** The size limit in force (admins change it), named in the line about a file left out for its size. */
    maxBytes: () => Promise<number>;
  };
  clock?: () => number;
}

/** What becomes of an inbound mail. */
export interface MailReceipt {
  conversationId: string;
  /** `threaded`: added to its thread's conversation (reopened if it had ended); `opened`: a new one; `duplicate`: seen before. */
  outcome: 'threaded' | 'opened' | 'duplicate';
}

/** A stored message's client id for an inbound mail: the same mail twice is one message. */
const mailClientId = (messageId: string) => `mail-${createHash('sha256').update(messageId).digest('base64url').slice(0, 32)}`;

export class EmailDesk {
  private readonly store: Store;
  private readonly conversations: ConversationService;
  private readonly placement: EmailDeskOptions['placement'];
  private readonly sender: MailSender;
  private readonly domain: string;
  private readonly clock: () => number;

  constructor(private readonly options: EmailDeskOptions) {
    this.store = options.store;
    this.conversations = options.conversations;
    this.placement = options.placement;
    this.sender = options.sender;
    this.domain = mailDomain(options.from);
    this.clock = options.clock ?? Date.now;
  }

  /**
   * An agent's message is being stored: in an e-mail conversation the reply mail is queued in
   * the message's own transaction, so a reply the agent saw sent is never lost.
   */
  storingMessage(tx: Store, c: ConversationRecord, e: MessageEvent): Promise<void> {
    return c.source === 'email' && e.author.kind === 'agent' ? this.queueReply(tx, c, e) : Promise.resolve();
  }

  /** A message was stored: an agent's reply mail goes out now. */
  messagePosted(c: ConversationRecord, e: MessageEvent): void {
    if (c.source === 'email' && e.author.kind === 'agent') this.sender.kick();
  }

  /** A visitor left a message in the widget (nobody was free, or they chose not to wait). */
  async leaveMessage(visitorId: string, form: OfflineMessage): Promise<OfflineMessageReceipt> {
    const queue = await this.queueFor(form.queue);
    await this.store.visitors.identify(visitorId, { name: form.name, email: form.email });
    const conversation = await this.placement.open({
      visitorId,
      queueId: queue,
      channel: 'email',
      source: 'email',
      subject: mailTextFor(form.locale).offlineSubject(form.name),
      startClientId: form.id,
      ...(form.locale ? { locale: form.locale } : {}),
      ...(form.page ? { page: form.page } : {}),
      events: [{ type: 'message', author: { kind: 'visitor', id: visitorId, name: form.name }, text: form.message, clientId: form.id }],
    });
    const reference = conversationReference(conversation.id);
    if (conversation.lastSeq === 1) await this.acknowledge(conversation, { to: form.email, name: form.name, subject: '', message: form.message });
    return { conversationId: conversation.id, reference };
  }

  /** Takes an inbound mail into its thread's conversation, or opens one. Taking the same mail twice changes nothing. */
  async receive(mail: InboundMail): Promise<MailReceipt> {
    const now = this.clock();
    if (mail.messageId) {
      const seen = await this.store.mail.conversationOf([mail.messageId]);
      if (seen) return { conversationId: seen, outcome: 'duplicate' };
    }
    const threadId = await this.store.mail.conversationOf(mail.threadIds);
    const thread = threadId ? await this.store.conversations.findById(threadId) : undefined;
    const visitor = thread ? await this.store.visitors.findById(thread.visitorId) : undefined;
    const clientId = mailClientId(mail.messageId ?? `${mail.from.address}\n${mail.subject}\n${mail.text}`);

    // Only the thread's own customer can write into it: knowing a Message-ID is not enough. A
    // closed thread opens again, so the whole exchange stays one conversation.
    if (thread && visitor?.email === mail.from.address) {
      const files = await this.takeFiles(mail, thread.visitorId);
      await this.placement.reopen(thread.id);
      await this.conversations.postMessage({ kind: 'visitor', visitorId: thread.visitorId }, thread.id, this.withLeftOut(mail.text, files, thread.language), clientId, files.kept.map((f) => f.id));
      if (mail.messageId) await this.store.mail.thread(mail.messageId, thread.id, now);
      return { conversationId: thread.id, outcome: 'threaded' };
    }

    const visitorId = visitor?.email === mail.from.address ? visitor.id : await this.visitorFor(mail.from);
    const rules = await this.rules();
    const slug = matchMailRule(rules, { subject: mail.subject, text: mail.text });
    const queueId = await this.queueFor(slug);
    const files = await this.takeFiles(mail, visitorId);
    const conversation = await this.placement.open({
      visitorId,
      queueId,
      channel: 'email',
      source: 'email',
      subject: mail.subject || mailText.offlineSubject(mail.from.name ?? mail.from.address),
      startClientId: clientId,
      events: [
        {
          type: 'message',
          author: { kind: 'visitor', id: visitorId, ...(mail.from.name ? { name: mail.from.name } : {}) },
          text: this.withLeftOut(mail.text, files, undefined),
          clientId,
          ...(files.kept.length ? { attachments: files.kept } : {}),
        },
      ],
    });
    if (mail.messageId) await this.store.mail.thread(mail.messageId, conversation.id, now);
    // Mail servers' bounces and auto-responders get no answer: two robots must not talk forever.
    if (!mail.automatic) await this.acknowledge(conversation, { to: mail.from.address, ...(mail.from.name ? { name: mail.from.name } : {}), subject: mail.subject, message: mail.text, ...(mail.messageId ? { inReplyTo: mail.messageId } : {}) });
    return { conversationId: conversation.id, outcome: 'opened' };
  }

  async rules(): Promise<MailRule[]> {
    const stored = await this.store.settings.get(MAIL_RULES_KEY);
    return stored ? mailRulesSchema.parse(JSON.parse(stored)) : [];
  }

  /** Replaces the routing rules. @throws AppError `invalid-input` naming a queue that does not exist. */
  async setRules(actor: Actor, rules: MailRule[]): Promise<MailRule[]> {
    for (const r of rules) if (!(await this.store.queues.findBySlug(r.queue))) throw new AppError('invalid-input', `no queue "${r.queue}"`);
    const before = await this.rules();
    await this.store.transaction(async (tx) => {
      await tx.settings.set(MAIL_RULES_KEY, JSON.stringify(rules));
      await this.options.audit.record(auditActorOf(actor), 'mail-rules.changed', { type: 'settings', id: MAIL_RULES_KEY }, { from: before, to: rules }, tx);
    });
    return rules;
  }

  private async queueFor(slug: string | undefined): Promise<string> {
    const queue = await this.store.queues.findBySlugOrDefault(slug);
    if (!queue) throw new AppError('not-found', 'no queue is configured');
    return queue.id;
  }

  /**
   * The visitor mail from this address is filed under: one of its own, never a widget visitor
   * who typed the address (anyone can type one; they must not receive that address's mail).
   */
  private async visitorFor(from: InboundMail['from']): Promise<string> {
    const known = await this.store.mail.senderVisitor(from.address);
    if (known) return known;
    const id = randomUUID();
    await this.store.transaction(async (tx) => {
      await tx.visitors.insert(id, this.clock());
      await tx.visitors.identify(id, { email: from.address, ...(from.name ? { name: from.name } : {}) });
      await tx.mail.rememberSender(from.address, id);
    });
    return (await this.store.mail.senderVisitor(from.address)) ?? id;
  }

  private newMessageId(): string {
    return `<${randomUUID()}@${this.domain}>`;
  }

  private async acknowledge(conversation: ConversationRecord, p: { to: string; name?: string; subject: string; message: string; inReplyTo?: string }): Promise<void> {
    const reference = conversationReference(conversation.id);
    // The customer gets it in the language they wrote to us in (the widget tells it; a mail from outside: English).
    const words = mailTextFor(conversation.language);
    const now = this.clock();
    await this.store.transaction(async (tx) => {
      const references = await tx.mail.threadIds(conversation.id);
      await tx.mail.enqueue(
        {
          conversationId: conversation.id,
          to: p.to,
          subject: words.ackSubject(p.subject, reference),
          body: words.ackBody({ ...(p.name ? { name: p.name } : {}), reference, message: p.message, company: this.options.company }),
          messageId: this.newMessageId(),
          ...(p.inReplyTo ? { inReplyTo: p.inReplyTo } : {}),
          references,
          automatic: true,
        },
        now,
      );
    });
    await this.conversations.record(conversation, { type: 'auto-reply', text: words.ackTimeline(reference), reference });
    this.sender.kick();
  }

  /** The customer's mailed files, kept as theirs under the chat's policy. */
  private async takeFiles(mail: InboundMail, visitorId: string): Promise<TakenMailFiles & { maxBytes: number }> {
    const taken = await takeMailFiles(mail.files, (name, bytes) => this.options.files.keep(visitorId, name, bytes));
    return { ...taken, maxBytes: taken.leftOut.length ? await this.options.files.maxBytes() : 0 };
  }

  /** The mail's text, then a line for the agent about each file that was not kept. */
  private withLeftOut(text: string, files: TakenMailFiles & { maxBytes: number }, language: string | undefined): string {
    if (!files.leftOut.length) return text;
    const words = mailTextFor(language);
    const limits = { maxBytes: files.maxBytes, maxFiles: MAX_FILES_PER_MAIL };
    return [text, ...files.leftOut.map((f) => words.fileLeftOut(f.name, f.reason, limits))].filter(Boolean).join('\n\n');
  }

  /**
   * What carries the agent's files: attachments while they fit in one mail (their bytes are read
   * when it is sent), signed links in the text past that; the text names each file either way.
   */
  private withFiles(event: MessageEvent, language: string | undefined): { text: string; attachmentIds: string[] } {
    const files = event.attachments ?? [];
    if (!files.length) return { text: event.text, attachmentIds: [] };
    const words = mailTextFor(language);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const link = this.options.fileLink;
    const after = (lines: string[]) => (event.text ? [event.text, '', ...lines] : lines).join('\n');
    if (total <= MAX_ATTACHED_BYTES || !link) return { text: after(files.map((f) => words.file(f))), attachmentIds: files.map((f) => f.id) };
    return { text: after([words.say('replyFilesAsLinks'), ...files.map((f) => `${words.file(f)} ${link(f.id)}`), words.say('transcriptLinksExpire')]), attachmentIds: [] };
  }

  private async queueReply(tx: Store, conversation: ConversationRecord, event: MessageEvent): Promise<void> {
    const visitor = await tx.visitors.findById(conversation.visitorId);
    if (!visitor?.email) return;
    const references = await tx.mail.threadIds(conversation.id);
    const files = this.withFiles(event, conversation.language);
    await tx.mail.enqueue(
      {
        conversationId: conversation.id,
        to: visitor.email,
        subject: mailTextFor(conversation.language).replySubject(conversation.subject ?? '', conversationReference(conversation.id)),
        body: mailTextFor(conversation.language).replyBody({ text: files.text, agentName: event.author.name ?? '', company: this.options.company }),
        messageId: this.newMessageId(),
        ...(references.length ? { inReplyTo: references[references.length - 1]! } : {}),
        references,
        ...(files.attachmentIds.length ? { attachmentIds: files.attachmentIds } : {}),
      },
      this.clock(),
    );
  }
}
