/**
 * Outbound webhooks: integrators subscribe to conversation and callback events, and channels
 * get agents' replies. Each POST is a stored delivery, signed (see protocol/channels.ts) and
 * retried with backoff until the receiver answers 2xx, so a restart or an outage loses none.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, type WebhookEnvelope, type WebhookEvent, type WebhookView } from '../protocol/channels.js';
import type { Delivery, WebhookRecord } from '../store/webhooks-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import { DEFAULT_BACKOFF, nextAttemptAt, type Backoff } from '../kernel/retry-backoff.js';
import { componentLogger } from '../kernel/logger.js';
import type { DeliveryOutcome, Metrics } from '../kernel/metrics.js';
import { CLAIM_BATCH, DELIVERY_LEASE_MS, OutboxPump } from '../kernel/outbox-pump.js';
import { sign } from '../kernel/signature.js';

const log = componentLogger('webhooks');

/** A receiver gets this long to answer before the attempt counts as failed. */
const REQUEST_TIMEOUT_MS = 10_000;

export const newSecret = () => randomBytes(24).toString('base64url');
const toView = (w: WebhookRecord): WebhookView => ({ id: w.id, url: w.url, events: w.events, secret: w.secret, createdAt: w.createdAt });

export class WebhookService {
  private readonly pump: OutboxPump<Delivery>;
  private readonly backoff: Backoff;
  private readonly clock: () => number;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditTrail,
    options: { backoff?: Backoff; clock?: () => number; metrics?: Metrics } = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.pump = new OutboxPump('webhooks', { due: (at) => store.webhooks.claimDue(at, DELIVERY_LEASE_MS, CLAIM_BATCH), nextAttemptAt: () => store.webhooks.nextAttemptAt(), deliver: (d) => this.deliver(d) }, this.clock, options.metrics);
  }

  start(): void {
    this.pump.kick();
  }

  stop(): void {
    this.pump.stop();
  }

  idle(): Promise<void> {
    return this.pump.idle();
  }

  /** An admin subscribes a URL (audited, without its secret). */
  async subscribe(actor: Actor, url: string, events: WebhookEvent[]): Promise<WebhookView> {
    const record: WebhookRecord = { id: randomUUID(), url, secret: newSecret(), events: [...new Set(events)], createdAt: this.clock() };
    await this.store.transaction(async (tx) => {
      await tx.webhooks.insert(record);
      await this.audit.record(auditActorOf(actor), 'webhook.created', { type: 'webhook', id: record.id }, { url, events: record.events }, tx);
    });
    return toView(record);
  }

  async list(): Promise<WebhookView[]> {
    return (await this.store.webhooks.list()).map(toView);
  }

  async unsubscribe(actor: Actor, id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const webhook = await tx.webhooks.findById(id);
      if (!webhook || !(await tx.webhooks.remove(id))) throw new AppError('not-found', 'no such webhook');
      await this.audit.record(auditActorOf(actor), 'webhook.removed', { type: 'webhook', id }, { url: webhook.url }, tx);
    });
  }

  /** Queues `event` for every subscriber of it. */
  async emit(event: WebhookEvent, data: unknown): Promise<void> {
    const subscribers = (await this.store.webhooks.list()).filter((w) => w.events.includes(event));
    if (subscribers.length === 0) return;
    const at = this.clock();
    for (const w of subscribers) await this.store.webhooks.enqueue({ target: { kind: 'webhook', id: w.id }, event, payload: this.envelope(event, data, at) }, at);
    this.pump.kick();
  }

  /** Queues a POST to a channel's outbound URL (an agent's reply) in the caller's transaction; `kick()` once it commits. */
  async queueForChannel(tx: Store, channelId: string, data: unknown): Promise<void> {
    const at = this.clock();
    await tx.webhooks.enqueue({ target: { kind: 'channel', id: channelId }, event: 'reply', payload: this.envelope('reply', data, at) }, at);
  }

  /** Deliver what was queued. */
  kick(): void {
    this.pump.kick();
  }

  private envelope(event: WebhookEnvelope['event'], data: unknown, at: number): string {
    const body: WebhookEnvelope = { id: randomUUID(), event, at, data };
    return JSON.stringify(body);
  }

  private async target(d: Delivery): Promise<{ url: string; secret: string } | undefined> {
    if (d.target.kind === 'webhook') return this.store.webhooks.findById(d.target.id);
    const channel = await this.store.channels.findById(d.target.id);
    return channel?.outboundUrl ? { url: channel.outboundUrl, secret: channel.secret } : undefined;
  }

  private async deliver(d: Delivery): Promise<DeliveryOutcome> {
    const attempts = d.attempts + 1;
    const target = await this.target(d);
    if (!target) {
      // Unsubscribed (or the channel lost its URL) meanwhile: nobody to deliver to.
      await this.store.webhooks.markFailedAttempt(d.id, attempts, 'the subscription no longer exists', undefined);
      return 'failed';
    }
    const timestamp = String(Math.floor(this.clock() / 1000));
    const envelopeId = (JSON.parse(d.payload) as WebhookEnvelope).id;
    let problem: string | undefined;
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Switchboard-Webhooks/1',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: sign(target.secret, timestamp, d.payload),
          [EVENT_HEADER]: d.event,
          [DELIVERY_HEADER]: envelopeId,
        },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) problem = `HTTP ${response.status}`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (problem === undefined) {
      await this.store.webhooks.markDelivered(d.id, attempts, this.clock());
      return 'sent';
    }
    const retryAt = nextAttemptAt(this.backoff, attempts, this.clock());
    // Not the URL: receivers' URLs often carry a secret in their path or query.
    if (retryAt === undefined) log.warn({ delivery: d.id, event: d.event, target: d.target.kind, targetId: d.target.id, problem }, 'giving up on a delivery');
    await this.store.webhooks.markFailedAttempt(d.id, attempts, problem, retryAt);
    return 'failed';
  }
}
