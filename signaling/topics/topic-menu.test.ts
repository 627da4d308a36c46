/**
 * The topic menu on the server: admins save it with clear refusals of bad input (nothing
 * changes then), supervisors only read it, the widget finds it in the queue status only once
 * it has topics, and a chat started from a topic shows the agent that topic.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { visitorIdOf } from '../../test/support/conversation-steps.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import type { CustomerProfile } from '../protocol/customers.js';
import type { TopicMenu } from '../protocol/topic-menu.js';

type Issues = { error: { message: string; issues: { path: string; message: string }[] } };

const MENU: TopicMenu = {
  topics: [
    { label: 'Orders', labels: { de: 'Bestellungen' }, queue: 'support', articleSearch: 'shipping' },
    { label: 'Billing', queue: 'billing' },
  ],
};

describe('topic menu', () => {
  let server: TestServer;
  let admin: string;
  const call = (method: string, body?: unknown, cookie = admin) =>
    server.app.request('/api/admin/topic-menu', { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const queueStatus = async () => (await (await server.app.request('/api/visitors/queue-status')).json()) as { topics?: TopicMenu['topics'] };

  before(async () => {
    server = await startTestServer();
    admin = await signIn(server, TEST_ADMIN.email);
  });
  after(() => server.close());

  it('starts empty, and the widget sees no menu', async () => {
    assert.deepEqual(await (await call('GET')).json(), { topics: [] });
    assert.equal((await queueStatus()).topics, undefined);
  });

  it('refuses an unknown queue, an empty label, too many topics and a repeated label, and keeps the old menu', async () => {
    const unknown = await call('PUT', { topics: [{ label: 'Orders', queue: 'support' }, { label: 'Returns', queue: 'no-such-queue' }] });
    assert.equal(unknown.status, 400);
    const body = (await unknown.json()) as Issues;
    assert.deepEqual(body.error.issues.map((i) => i.path), ['topics.1.queue']);
    assert.match(body.error.message, /no queue "no-such-queue"/);

    const empty = (await (await call('PUT', { topics: [{ label: '  ', queue: 'support' }] })).json()) as Issues;
    assert.ok(empty.error.issues.some((i) => i.path === 'topics.0.label' && /needs a label/.test(i.message)), JSON.stringify(empty));

    const many = await call('PUT', { topics: Array.from({ length: 9 }, (_, i) => ({ label: `Topic ${i}`, queue: 'support' })) });
    assert.equal(many.status, 400);
    assert.match(JSON.stringify(await many.json()), /at most 8 topics/);

    const twice = await call('PUT', { topics: [{ label: 'Orders', queue: 'support' }, { label: 'orders', queue: 'billing' }] });
    assert.equal(twice.status, 400);
    assert.deepEqual(((await twice.json()) as Issues).error.issues.map((i) => i.path), ['topics.1.label']);

    assert.deepEqual(await (await call('GET')).json(), { topics: [] }, 'nothing was stored');
  });

  it('lets only admins change it', async () => {
    const supervisor = await signIn(server, 'ben@demo.switchboard');
    assert.equal((await call('GET', undefined, supervisor)).status, 200, 'supervisors read it');
    assert.equal((await call('PUT', MENU, supervisor)).status, 403);
    const agent = await signIn(server, 'ana@demo.switchboard');
    assert.equal((await call('PUT', MENU, agent)).status, 403);
    assert.deepEqual(await (await call('GET')).json(), { topics: [] });
  });

  it('saves a menu the widget then reads from the queue status', async () => {
    const saved = await call('PUT', MENU);
    assert.equal(saved.status, 200);
    assert.deepEqual(await saved.json(), MENU);
    assert.deepEqual((await queueStatus()).topics, MENU.topics);
  });

  it('shows the agent the topic a chat was started from; a topic not on the menu, or not for that queue, is not recorded', async () => {
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const v = await connectVisitor(server);
    v.socket.send({ type: 'conversation.start', id: 'topic-orders', queue: 'support', topic: 'Orders' });
    const started = (await v.socket.answer('topic-orders')) as { type: string; conversationId: string };
    assert.equal(started.type, 'ack');
    const pop = (await (await fetch(`${server.url}/api/conversations/${started.conversationId}/customer`, { headers: { cookie: ana.cookie } })).json()) as CustomerProfile;
    assert.deepEqual(pop.context?.conversationAttributes, { Topic: 'Orders' });

    const other = await connectVisitor(server);
    other.socket.send({ type: 'conversation.start', id: 'topic-made-up', topic: 'Free money' });
    const made = (await other.socket.answer('topic-made-up')) as { type: string; conversationId: string };
    assert.equal(made.type, 'ack', 'the chat starts anyway');
    const otherPop = (await (await fetch(`${server.url}/api/conversations/${made.conversationId}/customer`, { headers: { cookie: ana.cookie } })).json()) as CustomerProfile;
    assert.equal(otherPop.context?.conversationAttributes?.Topic, undefined);

    const elsewhere = await connectVisitor(server);
    elsewhere.socket.send({ type: 'conversation.start', id: 'topic-wrong-queue', queue: 'support', topic: 'Billing' });
    const wrong = (await elsewhere.socket.answer('topic-wrong-queue')) as { type: string; conversationId: string };
    const wrongPop = (await (await fetch(`${server.url}/api/conversations/${wrong.conversationId}/customer`, { headers: { cookie: ana.cookie } })).json()) as CustomerProfile;
    assert.equal(wrongPop.context?.conversationAttributes?.Topic, undefined, 'Billing is not the topic of a Support chat');
  });

  it('rings a call placed from a topic in its queue; a topic not on the menu, or sent with another queue, starts no call', async () => {
    const queueSlug = async (conversationId: string) => {
      const conversation = await server.store.conversations.findById(conversationId);
      return (await server.store.queues.list()).find((q) => q.id === conversation?.queueId)?.slug;
    };
    const v = await connectVisitor(server);
    v.socket.send({ type: 'call.start', id: 'topic-call-billing', topic: 'Billing', queue: 'billing' });
    const call = (await v.socket.answer('topic-call-billing')) as { type: string; conversationId: string };
    assert.equal(call.type, 'ack', JSON.stringify(call));
    assert.equal(await queueSlug(call.conversationId), 'billing');
    const conversation = await server.store.conversations.findById(call.conversationId);
    assert.equal(conversation?.channel, 'voice');
    assert.equal((await server.store.customers.contextOf(visitorIdOf(v)))?.conversationAttributes?.Topic, 'Billing');

    const refused: [string, unknown][] = [
      ['topic-call-made-up', { topic: 'Free money' }],
      ['topic-call-wrong-queue', { topic: 'Billing', queue: 'support' }],
    ];
    for (const [id, fields] of refused) {
      const other = await connectVisitor(server);
      other.socket.send({ type: 'call.start', id, ...(fields as object) });
      const answer = (await other.socket.answer(id)) as { type: string; reason?: string };
      assert.equal(answer.type, 'error', id);
      assert.equal(answer.reason, 'invalid-input', id);
      assert.equal(await server.store.conversations.findOpenForVisitor(visitorIdOf(other)), undefined, `${id}: no call started`);
    }
  });

  it('removes the menu with an empty list', async () => {
    assert.equal((await call('PUT', { topics: [] })).status, 200);
    assert.equal((await queueStatus()).topics, undefined);
  });
});
