/**
 * Messages from outside channels and outbound webhooks, over real HTTP on loopback: signed
 * intake, replays and bad input refused, replies out through the channel, events to
 * subscribers, and retries with backoff until the receiver takes them.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { connectAgent, signIn } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type ChannelView, type WebhookEnvelope, type WebhookView } from '../protocol/channels.js';
import { sign, verify } from '../kernel/signature.js';

const ANA = 'ana@demo.switchboard';

/** An integrator's endpoint: records every POST; answers with the status `respond` returns. */
class Receiver {
  readonly received: { headers: IncomingMessage['headers']; body: string; envelope: WebhookEnvelope }[] = [];
  respond: (body: string) => number = () => 200;
  private readonly waiters = new Set<{ match: (e: WebhookEnvelope) => boolean; resolve: () => void }>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const status = this.respond(body);
        res.writeHead(status).end();
        if (status >= 300) return;
        const envelope = JSON.parse(body) as WebhookEnvelope;
        this.received.push({ headers: req.headers, body, envelope });
        for (const w of this.waiters) if (w.match(envelope)) {
          this.waiters.delete(w);
          w.resolve();
        }
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async next(match: (e: WebhookEnvelope) => boolean) {
    const find = () => this.received.find((r) => match(r.envelope));
    if (!find()) await new Promise<void>((resolve) => this.waiters.add({ match, resolve }));
    return find()!;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('channels and webhooks', () => {
  let server: TestServer;
  let receiver: Receiver;
  let admin: string;
  let channel: ChannelView;
  let hook: WebhookView;

  const adminPost = async (path: string, body: unknown) => {
    const r = await fetch(`${server.url}/api/integrations${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin, origin: server.origin }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const postMessage = (channelId: string, body: string, headers: Record<string, string>) => fetch(`${server.url}/api/channels/${channelId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const signed = (secret: string, body: string, at = Date.now()) => {
    const timestamp = String(Math.floor(at / 1000));
    return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(secret, timestamp, body) };
  };
  const countMessages = async () => {
    let n = 0;
    for (const c of await server.store.conversations.listByStatus(['queued', 'active', 'ended'])) n += (await server.store.conversations.eventsAfter(c.id, 0)).filter((e) => e.type === 'message').length;
    return n;
  };

  before(async () => {
    receiver = new Receiver();
    await receiver.start();
    server = await startTestServer({ webhookBackoff: { baseMs: 20, maxDelayMs: 100, maxAttempts: 5 } });
    admin = await signIn(server, 'admin@test.local');
    const created = await adminPost('/channels', { name: 'SMS', queue: 'support', outboundUrl: receiver.url });
    assert.equal(created.status, 200);
    channel = created.body as unknown as ChannelView;
    hook = (await adminPost('/webhooks', { url: receiver.url, events: ['conversation.created', 'conversation.assigned', 'message.created', 'conversation.ended'] })).body as unknown as WebhookView;
  });
  after(async () => {
    await server.close();
    await receiver.close();
  });

  it('takes a signed SMS into the queue, tells subscribers, and sends the agent’s reply back out through the channel', async () => {
    const ana = await connectAgent(server, ANA);
    const body = JSON.stringify({ id: 'sms-1', from: { id: '+15550100', name: 'Leo', phone: '+1 202 555 0100' }, text: 'Is the store open on Sunday?' });
    const response = await postMessage(channel.id, body, signed(channel.secret, body));
    assert.equal(response.status, 202);
    const { conversationId } = (await response.json()) as { conversationId: string };

    const offer = await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    assert.equal(offer.offer.channel, 'message');
    assert.equal(offer.offer.visitor.name, 'Leo');
    const created = await receiver.next((e) => e.event === 'conversation.created' && (e.data as { conversation: { id: string } }).conversation.id === conversationId);
    assert.equal(verify(hook.secret, created.headers[TIMESTAMP_HEADER] as string, created.headers[SIGNATURE_HEADER] as string, created.body, Date.now()), undefined, 'each delivery is signed with the subscriber’s secret');
    await receiver.next((e) => e.event === 'message.created' && (e.data as { message: { text: string } }).message.text === 'Is the store open on Sunday?');

    ana.socket.send({ type: 'offer.accept', id: 'accept-sms-1', conversationId });
    await ana.socket.answer('accept-sms-1');
    await receiver.next((e) => e.event === 'conversation.assigned');
    ana.socket.send({ type: 'message.send', id: 'reply-sms-1', conversationId, text: 'Yes, from 10 to 16.' });
    await ana.socket.answer('reply-sms-1');
    const reply = await receiver.next((e) => e.event === 'reply');
    const anaId = (await server.store.agents.findByEmail(ANA))!.id;
    assert.deepEqual(reply.envelope.data, { conversationId, to: '+15550100', text: 'Yes, from 10 to 16.', agent: { id: anaId, name: 'Ana Lima' } });
    assert.equal(verify(channel.secret, reply.headers[TIMESTAMP_HEADER] as string, reply.headers[SIGNATURE_HEADER] as string, reply.body, Date.now()), undefined, 'replies are signed with the channel’s secret');

    // The customer's next SMS joins the same conversation.
    const second = JSON.stringify({ id: 'sms-2', from: { id: '+15550100' }, text: 'Great, thanks!' });
    const r2 = await postMessage(channel.id, second, signed(channel.secret, second));
    assert.equal(((await r2.json()) as { conversationId: string }).conversationId, conversationId);
    ana.socket.close();
  });

  it('refuses unsigned, mis-signed, stale, replayed, malformed and unknown-channel requests, and stores nothing', async () => {
    const before = await countMessages();
    const body = JSON.stringify({ id: 'sms-bad-1', from: { id: '+15550199' }, text: 'hello' });
    const unsigned = await postMessage(channel.id, body, {});
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { error: { reason: string } }).error.reason, 'invalid-signature');
    assert.equal((await postMessage(channel.id, body, signed('not-the-secret', body))).status, 401);
    assert.equal((await postMessage(channel.id, body, signed(channel.secret, body, Date.now() - 10 * 60_000))).status, 401, 'a request older than five minutes is stale');
    const tampered = await postMessage(channel.id, body.replace('hello', 'HELLO'), signed(channel.secret, body));
    assert.equal(tampered.status, 401);
    const notJson = 'hello there';
    const malformed = await postMessage(channel.id, notJson, signed(channel.secret, notJson));
    assert.equal(malformed.status, 400);
    const noText = JSON.stringify({ id: 'sms-bad-2', from: { id: '+15550199' } });
    const missing = await postMessage(channel.id, noText, signed(channel.secret, noText));
    assert.equal(missing.status, 400);
    assert.match(((await missing.json()) as { error: { message: string } }).error.message, /text/);
    assert.equal((await postMessage('no-such-channel', body, signed(channel.secret, body))).status, 404);
    assert.equal(await countMessages(), before);

    // A captured, valid request sent again is refused, even with a fresh signature.
    const replayBody = JSON.stringify({ id: 'sms-replay-1', from: { id: '+15550123' }, text: 'only once' });
    assert.equal((await postMessage(channel.id, replayBody, signed(channel.secret, replayBody))).status, 202);
    const replay = await postMessage(channel.id, replayBody, signed(channel.secret, replayBody));
    assert.equal(replay.status, 409);
    assert.equal(((await replay.json()) as { error: { reason: string } }).error.reason, 'replayed');
    assert.equal(await countMessages(), before + 1);
  });

  it('retries a delivery the receiver refused, with backoff, until it is taken', async () => {
    let refusals = 2;
    receiver.respond = (body) => (body.includes('"conversation.created"') && body.includes('Mia') && refusals-- > 0 ? 503 : 200);
    const body = JSON.stringify({ id: 'sms-retry-1', from: { id: '+15550142', name: 'Mia' }, text: 'Anyone there?' });
    const response = await postMessage(channel.id, body, signed(channel.secret, body));
    const { conversationId } = (await response.json()) as { conversationId: string };
    const created = await receiver.next((e) => e.event === 'conversation.created' && (e.data as { conversation: { id: string } }).conversation.id === conversationId);
    assert.ok(created);
    await server.services.webhooks.idle();
    const deliveries = (await server.store.webhooks.recent(20)).filter((d) => d.event === 'conversation.created' && d.payload.includes(conversationId));
    assert.equal(deliveries[0]?.status, 'delivered');
    assert.equal(deliveries[0]!.attempts, 3, 'two refusals, then taken');
    receiver.respond = () => 200;
  });

  it('lets only admins manage integrations, and checks what they send', async () => {
    const ana = await signIn(server, ANA);
    const asAgent = await fetch(`${server.url}/api/integrations/channels`, { headers: { cookie: ana } });
    assert.equal(asAgent.status, 403);
    const badUrl = await adminPost('/webhooks', { url: 'ftp://example.test', events: ['conversation.created'] });
    assert.equal(badUrl.status, 400);
    const badEvent = await adminPost('/webhooks', { url: 'https://example.test/hook', events: ['everything'] });
    assert.equal(badEvent.status, 400);
    const badQueue = await adminPost('/channels', { name: 'WhatsApp', queue: 'nope' });
    assert.equal(badQueue.status, 400);
    assert.equal((await server.services.channels.list()).length, 1);

    // A queue's alternatives threshold reaches the widget; a retry under a minute is refused and changes nothing.
    const support = (await server.store.queues.findBySlug('support'))!;
    const put = (body: unknown) => fetch(`${server.url}/api/integrations/queues/${support.id}/contact-options`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie: admin, origin: server.origin }, body: JSON.stringify(body) });
    assert.equal((await put({ offerAlternativesAfterMs: 300_000, callbackRetryMs: 600_000, callbackMaxAttempts: 2 })).status, 200);
    assert.equal((await put({ offerAlternativesAfterMs: 60_000, callbackRetryMs: 1000, callbackMaxAttempts: 2 })).status, 400);
    const status = (await (await fetch(`${server.url}/api/visitors/queue-status?queue=support`)).json()) as { offerAlternativesAfterMs?: number };
    assert.equal(status.offerAlternativesAfterMs, 300_000);
    assert.equal((await put({ offerAlternativesAfterMs: null, callbackRetryMs: 600_000, callbackMaxAttempts: 2 })).status, 200);
    assert.equal(((await (await fetch(`${server.url}/api/visitors/queue-status?queue=support`)).json()) as { offerAlternativesAfterMs?: number }).offerAlternativesAfterMs, undefined, 'null turns the offer off');
  });

  it('tells subscribers when a callback falls due', async () => {
    const due = (await adminPost('/webhooks', { url: receiver.url, events: ['callback.due'] })).body as unknown as WebhookView;
    const token = ((await (await fetch(`${server.url}/api/visitors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string }).token;
    const booked = await fetch(`${server.url}/api/visitors/callbacks`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ id: 'cb-webhook-1', phone: '+1 202 555 0147', when: 'asap' }) });
    const { id } = (await booked.json()) as { id: string };
    const event = await receiver.next((e) => e.event === 'callback.due' && (e.data as { callback: { id: string } }).callback.id === id);
    assert.equal((event.envelope.data as { callback: { phone: string } }).callback.phone, '+12025550147');
    assert.equal(verify(due.secret, event.headers[TIMESTAMP_HEADER] as string, event.headers[SIGNATURE_HEADER] as string, event.body, Date.now()), undefined);
  });
});
