/**
 * Inbound channels: an SMS gateway or a social-media bridge POSTs each customer message,
 * signed with the channel's secret; it enters the channel's queue and the customer's
 * timeline like a chat, and agents' replies go back out through the channel's outbound URL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { inboundChannelMessageSchema, type ChannelReply, type ChannelView, type InboundChannelMessage } from '../protocol/channels.js';
import type { ChannelMedia, TakenMedia } from './channel-media.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { ChannelRecord } from '../store/channels-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { MessageEvent } from '../conversations/conversation-events.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { QueuePlacement } from '../conversations/queue-placement.js';
import { Listeners } from '../kernel/listeners.js';
import { verify } from '../kernel/signature.js';
import { newSecret, type WebhookService } from './webhook-service.js';

const toView = (c: ChannelRecord): ChannelView => ({ id: c.id, name: c.name, queueId: c.queueId, ...(c.outboundUrl ? { outboundUrl: c.outboundUrl } : {}), secret: c.secret, createdAt: c.createdAt });
const sourceOf = (channelId: string) => `channel:${channelId}` as const;

export interface SignedRequest {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
}

export interface ChannelEvents {
  /**
   * A channel brought a new sender with a phone number: the channel vouches that they hold it (an
   * SMS comes from its number), unlike a number typed into a form. Awaited before their first
   * conversation opens, so that it can join the customer who confirmed that number.
   */
  senderPhoneProven(visitorId: string, phone: string): Promise<unknown>;
}

export class ChannelListeners extends Listeners<ChannelEvents> {}

export class ChannelService {
  constructor(
    private readonly store: Store,
    private readonly conversations: Pick<ConversationService, 'postMessage'>,
    private readonly placement: Pick<QueuePlacement, 'open'>,
    private readonly webhooks: WebhookService,
    private readonly audit: AuditTrail,
    private readonly clock: () => number = Date.now,
    private readonly events: ChannelListeners = new ChannelListeners(),
    /** Files both ways; without it, inbound media become lines and replies carry none. */
    private readonly media?: ChannelMedia,
  ) {}

  /**
   * An agent's message is being stored: a reply in a channel's conversation is queued in the
   * message's own transaction, so it goes out even after a crash.
   */
  storingMessage(tx: Store, c: ConversationRecord, e: MessageEvent): Promise<void> {
    return c.source?.startsWith('channel:') && e.author.kind === 'agent' ? this.queueReply(tx, c.source.slice('channel:'.length), c, e) : Promise.resolve();
  }

  /** A message was stored: an agent's reply to a channel goes out now. */
  messagePosted(c: ConversationRecord, e: MessageEvent): void {
    if (c.source?.startsWith('channel:') && e.author.kind === 'agent') this.webhooks.kick();
  }

  /** An admin connects a channel (audited, without its secret). */
  async create(actor: Actor, p: { name: string; queue: string; outboundUrl?: string }): Promise<ChannelView> {
    const queue = await this.store.queues.findBySlug(p.queue);
    if (!queue) throw new AppError('invalid-input', `no queue "${p.queue}"`, [{ path: 'queue', message: 'unknown queue' }]);
    const record: ChannelRecord = { id: randomUUID(), name: p.name, queueId: queue.id, secret: newSecret(), ...(p.outboundUrl ? { outboundUrl: p.outboundUrl } : {}), createdAt: this.clock() };
    await this.store.transaction(async (tx) => {
      await tx.channels.insert(record);
      await this.audit.record(auditActorOf(actor), 'channel.created', { type: 'channel', id: record.id }, { name: p.name, queue: p.queue, outboundUrl: p.outboundUrl ?? null }, tx);
    });
    return toView(record);
  }

  async list(): Promise<ChannelView[]> {
    return (await this.store.channels.list()).map(toView);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const channel = await tx.channels.findById(id);
      if (!channel || !(await tx.channels.remove(id))) throw new AppError('not-found', 'no such channel');
      await this.audit.record(auditActorOf(actor), 'channel.removed', { type: 'channel', id }, { name: channel.name }, tx);
    });
  }

  /**
   * Takes one signed message. Checks come first (channel, signature and its age, the body,
   * a replayed id), so a refused request changes nothing.
   * @throws AppError `not-found`, `invalid-signature`, `invalid-input` or `replayed`.
   */
  async receive(channelId: string, request: SignedRequest): Promise<{ conversationId: string; seq: number }> {
    const channel = await this.store.channels.findById(channelId);
    if (!channel) throw new AppError('not-found', 'no such channel');
    const problem = verify(channel.secret, request.timestamp, request.signature, request.body, this.clock());
    if (problem) throw new AppError('invalid-signature', SIGNATURE_PROBLEM[problem]);
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      throw new AppError('invalid-input', 'the body is not JSON');
    }
    const parsed = inboundChannelMessageSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new AppError('invalid-input', `invalid message: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    }
    const message = parsed.data;
    const now = this.clock();
    // A replay is refused, but a retry after we failed half-way must still land: the message's
    // client id makes storing it idempotent, and the receipt is taken only once it is stored.
    const receipt = await this.store.channels.hasReceipt(channel.id, message.id);
    if (receipt) throw new AppError('replayed', 'this message was received before');
    const clientId = `ch-${createHash('sha256').update(`${channel.id}\n${message.id}`).digest('base64url').slice(0, 32)}`;
    const visitorId = await this.visitorFor(channel, message.from);
    const author = { kind: 'visitor' as const, id: visitorId, ...(message.from.name ? { name: message.from.name } : {}) };
    const files = await this.takeMedia(visitorId, message.media ?? []);
    // A file that could not be received is said in the message, which is kept either way.
    const text = [message.text, ...files.failures].filter(Boolean).join('\n\n');
    const open = await this.store.conversations.findOpenBySource(visitorId, sourceOf(channel.id));
    let result: { conversationId: string; seq: number };
    if (open) {
      const event = await this.conversations.postMessage({ kind: 'visitor', visitorId }, open.id, text, clientId, files.kept.map((f) => f.id));
      result = { conversationId: open.id, seq: event.seq };
    } else {
      const opened = await this.placement.open({
        visitorId,
        queueId: channel.queueId,
        channel: 'message',
        source: sourceOf(channel.id),
        startClientId: clientId,
        events: [{ type: 'message', author, text, clientId, ...(files.kept.length ? { attachments: files.kept } : {}) }],
      });
      result = { conversationId: opened.id, seq: 1 };
    }
    if (!(await this.store.channels.takeReceipt(channel.id, message.id, now))) throw new AppError('replayed', 'this message was received before');
    return result;
  }

  private async takeMedia(visitorId: string, media: NonNullable<InboundChannelMessage['media']>): Promise<TakenMedia> {
    if (!media.length) return { kept: [], failures: [] };
    if (!this.media) return { kept: [], failures: media.map(() => '[A file sent with this message could not be received: this server does not take channel files.]') };
    return this.media.take(visitorId, media);
  }

  private async visitorFor(channel: ChannelRecord, from: { id: string; name?: string; phone?: string; email?: string }): Promise<string> {
    const known = await this.store.channels.visitorFor(channel.id, from.id);
    if (known) return known;
    const id = randomUUID();
    const phone = from.phone ? parsePhoneNumberFromString(from.phone)?.number : undefined;
    await this.store.transaction(async (tx) => {
      await tx.visitors.insert(id, this.clock());
      await tx.visitors.identify(id, { ...(from.name ? { name: from.name } : {}), ...(phone ? { phone } : {}), ...(from.email ? { email: from.email } : {}) });
      await tx.channels.link(channel.id, from.id, id);
    });
    if (phone) await this.events.run('senderPhoneProven', id, phone);
    return id;
  }

  private async queueReply(tx: Store, channelId: string, conversation: ConversationRecord, event: MessageEvent): Promise<void> {
    const channel = await tx.channels.findById(channelId);
    const to = channel?.outboundUrl ? await tx.channels.externalIdOf(channelId, conversation.visitorId) : undefined;
    if (!to) return;
    const reply: ChannelReply = { conversationId: conversation.id, to, text: event.text, agent: { id: event.author.id, name: event.author.name ?? '' }, ...this.media?.outbound(event.attachments) };
    await this.webhooks.queueForChannel(tx, channelId, reply);
  }
}

const SIGNATURE_PROBLEM = {
  missing: 'sign the request: X-Switchboard-Timestamp and X-Switchboard-Signature are required',
  stale: 'the timestamp is more than 5 minutes away from the server clock',
  mismatch: 'the signature does not match the body',
} as const;
