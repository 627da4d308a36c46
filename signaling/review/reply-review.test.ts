/**
 * Review before sending, over real SMTP on loopback and the real sockets: a reviewed agent's
 * e-mail reply sends nothing until a supervisor approves it, then exactly one mail with the
 * approved text; returned replies come back with the comment; live chat is never held; nobody
 * but reviewers decides, and an agent sees only their own.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../auth/password.js';
import { connectAgent, connectVisitor, newVisitorToken, signIn } from '../../test/support/connect.js';
import { ask, startChat, take } from '../../test/support/conversation-steps.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { SmtpSink } from '../../test/support/smtp-sink.js';
import { sign } from '../kernel/signature.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type ChannelReply, type ChannelView, type WebhookEnvelope } from '../protocol/channels.js';
import type { HeldReply, ReviewItem } from '../protocol/reply-review.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';
const CLEO = 'cleo@review.test';
const ADMIN = 'admin@test.local';

describe('review before sending', () => {
  let server: TestServer;
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;
  const cookies: Record<string, string> = {};

  const call = async <T = unknown>(who: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { cookie: cookies[who]!, origin: server.origin, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T & { error?: { reason: string } } };
  };

  /** A customer writes in through the widget's offline form: an e-mail conversation, offered to Ana. */
  async function emailFromCustomer(ana: Awaited<ReturnType<typeof connectAgent>>, id: string, email: string, message: string): Promise<string> {
    const token = await newVisitorToken(server);
    const response = await fetch(`${server.url}/api/visitors/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ id, name: 'Rosa Diaz', email, message }) });
    const conversationId = ((await response.json()) as { conversationId: string }).conversationId;
    await sink.next((m) => m.to.includes(email)); // the acknowledgement
    await take(ana, conversationId);
    return conversationId;
  }

  const mailsWith = (text: string) => sink.mails.filter((m) => m.text.includes(text));

  before(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({
      mail: { smtpUrl: sink.url, from: 'Acme Support <support@acme.test>', company: 'Acme' },
      seed: async (store) => {
        await store.agents.insert({ id: randomUUID(), email: CLEO, name: 'Cleo Park', role: 'agent', passwordHash: await hashPassword('cleo-password-1', { N: 16, r: 8, p: 1 }), status: 'offline', createdAt: Date.now() });
      },
    });
    for (const who of [ANA, BEN, ADMIN]) cookies[who] = await signIn(server, who);
    cookies[CLEO] = await signIn(server, CLEO, 'cleo-password-1');
    const ana = (await server.store.agents.findByEmail(ANA))!;
    assert.equal((await call(ADMIN, 'PUT', `/reviews/settings/agents/${ana.id}`, { repliesNeedReview: true })).status, 200);
  });
  after(async () => {
    await server.close();
    await sink.close();
  });

  it('holds an e-mail reply (no mail, nothing for the customer) until a supervisor approves it, then sends exactly one mail with the edited text', async () => {
    const ana = await connectAgent(server, ANA);
    const conversationId = await emailFromCustomer(ana, 'review-offline-1', 'rosa@example.test', 'Where is my parcel?');

    const sent = await ask(ana, { type: 'message.send', id: 'held-reply-1', conversationId, text: 'Your parcel is lost, sorry!!' });
    assert.equal(sent.type, 'ack');
    assert.equal((sent as { seq?: number }).seq, undefined, 'a held reply has no place in the timeline');
    const held = (await ana.socket.next('held-reply', (f) => f.reply.conversationId === conversationId)).reply;
    assert.equal(held.status, 'pending');

    // Nothing went out: no mail queued or sent, and the customer's timeline does not have it.
    await server.services.mailSender.idle();
    assert.equal((await server.store.mail.forConversation(conversationId)).length, 1, 'only the acknowledgement');
    assert.equal(mailsWith('Your parcel is lost').length, 0);
    assert.ok(!(await server.store.conversations.eventsAfter(conversationId, 0)).some((e) => e.type === 'message' && e.author.kind === 'agent'));

    // A retried send is the same held reply.
    assert.equal((await ask(ana, { type: 'message.send', id: 'held-reply-1', conversationId, text: 'Your parcel is lost, sorry!!' })).type, 'ack');
    const list = await call<ReviewItem[]>(BEN, 'GET', '/reviews');
    const mine = list.body.filter((r) => r.conversationId === conversationId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.conversation.customer.email, 'rosa@example.test');
    assert.equal(mine[0]!.conversation.lastCustomerMessage, 'Where is my parcel?');

    // Only someone else with a reviewer's role decides; bad input changes nothing.
    assert.equal((await call(CLEO, 'GET', '/reviews')).status, 403);
    assert.equal((await call(CLEO, 'POST', `/reviews/${held.id}/approve`, {})).status, 403);
    assert.equal((await call(ANA, 'POST', `/reviews/${held.id}/approve`, {})).status, 403, 'not one’s own');
    assert.equal((await call(BEN, 'POST', '/reviews/no-such-reply/approve', {})).status, 404);
    assert.equal((await call(BEN, 'POST', `/reviews/${held.id}/return`, { comment: '  ' })).status, 400);
    assert.equal((await call(CLEO, 'POST', `/reviews/${held.id}/resubmit`, { text: 'mine now' })).status, 404);
    assert.equal((await server.store.heldReplies.findById(held.id))!.status, 'pending');

    // Two approvals at once: one wins, the other is told and changes nothing.
    const edited = 'We are sorry: your parcel went missing. A new one leaves today.';
    const both = await Promise.all([call<HeldReply>(BEN, 'POST', `/reviews/${held.id}/approve`, { text: edited }), call<HeldReply>(ADMIN, 'POST', `/reviews/${held.id}/approve`, { text: 'Second opinion' })]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409]);
    const approved = both.find((r) => r.status === 200)!.body;
    assert.equal(approved.status, 'approved');
    assert.equal(approved.text, edited);
    assert.ok(approved.seq);

    const mail = await sink.next((m) => m.text.includes('A new one leaves today.'));
    assert.deepEqual(mail.to, ['rosa@example.test']);
    assert.match(mail.text, /Ana Lima\nAcme/, 'signed by the agent who wrote it');
    await server.services.mailSender.idle();
    assert.equal(mailsWith('A new one leaves today.').length, 1, 'exactly one mail');
    assert.equal(mailsWith('Your parcel is lost').length + mailsWith('Second opinion').length, 0);
    const event = await ana.socket.next('events', (f) => f.conversationId === conversationId && f.events.some((e) => e.type === 'message' && e.author.kind === 'agent'));
    assert.equal((event.events[0] as { text: string }).text, edited);
    assert.equal((await ana.socket.next('held-reply', (f) => f.reply.id === held.id && f.reply.status === 'approved')).reply.seq, approved.seq);

    const audit = await call<{ action: string; target: { id?: string } }[]>(ADMIN, 'GET', '/audit');
    assert.ok(audit.body.some((e) => e.action === 'reply.approved' && e.target.id === held.id));
    assert.ok(audit.body.some((e) => e.action === 'reply-review.changed'));
    ana.socket.ws.close();
  });

  it('returns a reply with a comment; the agent sees it, reworks it and resubmits; only then it goes out', async () => {
    const ana = await connectAgent(server, ANA);
    const conversationId = await emailFromCustomer(ana, 'review-offline-2', 'omar@example.test', 'Can I change my address?');
    assert.equal((await ask(ana, { type: 'message.send', id: 'held-reply-2', conversationId, text: 'no' })).type, 'ack');
    const held = (await ana.socket.next('held-reply', (f) => f.reply.conversationId === conversationId)).reply;

    const returned = await call<HeldReply>(BEN, 'POST', `/reviews/${held.id}/return`, { comment: 'Please explain how, and be kind.' });
    assert.equal(returned.status, 200);
    const seen = (await ana.socket.next('held-reply', (f) => f.reply.id === held.id && f.reply.status === 'returned')).reply;
    assert.equal(seen.comment, 'Please explain how, and be kind.');
    assert.equal((await call(BEN, 'POST', `/reviews/${held.id}/approve`, {})).status, 409, 'a returned reply waits for its agent');

    // After a reconnect the agent still sees it, with the comment; a colleague sees none of Ana's.
    const sync = await ask(ana, { type: 'sync', id: 'sync-review-2', conversationId, afterSeq: 0 });
    assert.equal(sync.type, 'ack');
    const synced = ana.socket.frames.filter((f) => f.type === 'held-replies' && f.conversationId === conversationId).at(-1) as { replies: HeldReply[] };
    assert.equal(synced.replies[0]?.comment, 'Please explain how, and be kind.');

    const resubmitted = await call<HeldReply>(ANA, 'POST', `/reviews/${held.id}/resubmit`, { text: 'Of course: reply with your new address and we will update it.' });
    assert.equal(resubmitted.body.status, 'pending');
    await server.services.mailSender.idle();
    assert.equal(mailsWith('new address').length, 0);
    assert.equal((await call(BEN, 'POST', `/reviews/${held.id}/approve`, {})).status, 200);
    const mail = await sink.next((m) => m.text.includes('reply with your new address'));
    assert.deepEqual(mail.to, ['omar@example.test']);
    ana.socket.ws.close();
  });

  it('holds a reply to an SMS channel too: nothing is POSTed to the channel until approval, then the approved text once', async () => {
    // The SMS gateway: records every reply POSTed to it.
    const posted: ChannelReply[] = [];
    let arrived: (reply: ChannelReply) => void = () => {};
    const gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(200).end();
        const reply = (JSON.parse(body) as WebhookEnvelope).data as ChannelReply;
        posted.push(reply);
        arrived(reply);
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
    try {
      const created = await call<ChannelView>(ADMIN, 'POST', '/integrations/channels', { name: 'SMS', queue: 'support', outboundUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms` });
      const channel = created.body;
      const ana = await connectAgent(server, ANA);
      const body = JSON.stringify({ id: 'SM-review-1', from: { id: '+12025550123', phone: '+12025550123' }, text: 'Is the shop open on Sunday?' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const received = await fetch(`${server.url}/api/channels/${channel.id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(channel.secret, timestamp, body) }, body });
      const { conversationId } = (await received.json()) as { conversationId: string };
      await take(ana, conversationId);

      assert.equal((await ask(ana, { type: 'message.send', id: 'held-sms-1', conversationId, text: 'yes' })).type, 'ack');
      const held = (await ana.socket.next('held-reply', (f) => f.reply.conversationId === conversationId)).reply;
      await server.services.webhooks.idle();
      assert.equal((await server.store.webhooks.recent()).filter((d) => d.target.kind === 'channel').length, 0, 'nothing queued for the channel');
      assert.equal(posted.length, 0);

      const delivered = new Promise<ChannelReply>((resolve) => (arrived = resolve));
      assert.equal((await call(BEN, 'POST', `/reviews/${held.id}/approve`, { text: 'Yes, from 10:00 to 16:00.' })).status, 200);
      const reply = await delivered;
      assert.equal(reply.text, 'Yes, from 10:00 to 16:00.');
      assert.equal(reply.to, '+12025550123');
      await server.services.webhooks.idle();
      assert.equal(posted.length, 1, 'exactly one reply went out');
      ana.socket.ws.close();
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });

  it('never holds a live chat reply from the same agent', async () => {
    const ana = await connectAgent(server, ANA);
    const visitor = await connectVisitor(server);
    const conversationId = await startChat(visitor, 'review-chat-1');
    await take(ana, conversationId);
    const sent = await ask(ana, { type: 'message.send', id: 'chat-reply-1', conversationId, text: 'Hi, how can I help?' });
    assert.ok((sent as { seq?: number }).seq, 'stored at once');
    const got = await visitor.socket.next('events', (f) => f.events.some((e) => e.type === 'message' && e.text === 'Hi, how can I help?'));
    assert.equal(got.conversationId, conversationId);
    assert.ok(!ana.socket.frames.some((f) => f.type === 'held-reply' && f.reply.conversationId === conversationId));
    ana.socket.ws.close();
    visitor.socket.ws.close();
  });

  it('lets only admins mark who is reviewed, and refuses unknown agents and queues', async () => {
    const ana = (await server.store.agents.findByEmail(ANA))!;
    assert.equal((await call(BEN, 'PUT', `/reviews/settings/agents/${ana.id}`, { repliesNeedReview: false })).status, 403);
    assert.equal((await call(ADMIN, 'PUT', '/reviews/settings/agents/nobody', { repliesNeedReview: true })).status, 404);
    assert.equal((await call(ADMIN, 'PUT', '/reviews/settings/queues/nowhere', { repliesNeedReview: true })).status, 404);
    const queue = (await server.store.queues.findDefault())!;
    const set = await call<{ agents: string[]; queues: string[] }>(ADMIN, 'PUT', `/reviews/settings/queues/${queue.id}`, { repliesNeedReview: true });
    assert.deepEqual(set.body, { agents: [ana.id], queues: [queue.id] });
    assert.deepEqual((await call(ADMIN, 'GET', '/reviews/settings')).body, set.body);
  });
});
