/**
 * Invitations through the REST API and the visitor's socket, on a real SQLite store: admins'
 * validation, what a page is offered (path, returning visitor, hours, an agent who can answer),
 * counting that cannot be inflated by repeating, and a conversation that opens with the invitation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import { until } from '../../test/support/until.js';
import type { InvitationMatch, InvitationView } from '../protocol/invitations.js';

const ANA = 'ana@demo.switchboard';
// Billing is never open: no weekly hours at all.
const CLOSED = { timeZone: 'UTC', weekly: {} };

describe('invitations', () => {
  let server: TestServer;
  let admin: string;
  before(async () => {
    server = await startTestServer({
      seed: async (store) => {
        const billing = (await store.queues.findBySlug('billing'))!;
        await store.queues.update({ ...billing, hours: CLOSED });
      },
    });
    admin = await signIn(server, TEST_ADMIN.email);
  });
  after(() => server.close());

  async function api(method: string, path: string, body?: unknown, cookie: string | null = admin) {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', Origin: server.origin, ...(cookie ? { Cookie: cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { error?: { reason: string; message: string } } };
  }
  const match = async (path: string, returning = false) => ((await api('GET', `/visitors/invitations/match?path=${encodeURIComponent(path)}&returning=${returning}`, undefined, null)).body as unknown as InvitationMatch).invitation;
  const create = async (body: Record<string, unknown>) => {
    const r = await api('POST', '/admin/invitations', { text: 'Questions about shipping?', pathPattern: '/shipping', delaySeconds: 2, ...body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as unknown as InvitationView;
  };
  const removeAll = async () => {
    for (const i of (await api('GET', '/admin/invitations')).body as unknown as InvitationView[]) await api('DELETE', `/admin/invitations/${i.id}`);
  };

  it('refuses huge text, a bad pattern, an unknown queue or sender with a clear error, and stores nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ text: 'x'.repeat(501), pathPattern: '/a', delaySeconds: 0 }, /at most 500 characters/],
      [{ text: 'Hi', pathPattern: 'pricing page', delaySeconds: 0 }, /starts with \//],
      [{ text: 'Hi', pathPattern: '/a?b=1', delaySeconds: 0 }, /no spaces, \? or #/],
      [{ text: 'Hi', pathPattern: '/a', delaySeconds: -1 }, /delaySeconds/],
      [{ text: 'Hi', pathPattern: '/a', delaySeconds: 0, queue: 'no-such-queue' }, /no queue "no-such-queue"/],
      [{ text: 'Hi', pathPattern: '/a', delaySeconds: 0, senderAgentId: 'nobody' }, /not an agent/],
      [{ text: 'Hi', pathPattern: '/a', delaySeconds: 0, surprise: true }, /surprise/],
    ];
    for (const [body, message] of cases) {
      const r = await api('POST', '/admin/invitations', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error?.reason, 'invalid-input');
      assert.match(r.body.error!.message, message);
    }
    assert.deepEqual((await api('GET', '/admin/invitations')).body, []);
  });

  it('lets admins change invitations, supervisors only read them, and nobody else either', async () => {
    const ben = await signIn(server, 'ben@demo.switchboard');
    const ana = await signIn(server, ANA);
    assert.equal((await api('POST', '/admin/invitations', { text: 'Hi', pathPattern: '/a', delaySeconds: 0 }, ben)).status, 403);
    assert.equal((await api('GET', '/admin/invitations', undefined, ana)).status, 403);
    assert.equal((await api('GET', '/admin/invitations', undefined, null)).status, 401);
    const made = await create({ pathPattern: '/a' });
    assert.equal((await api('GET', '/admin/invitations', undefined, ben)).status, 200);
    const changed = await api('PUT', `/admin/invitations/${made.id}`, { text: 'Changed', pathPattern: '/b', delaySeconds: 5, enabled: false });
    assert.equal(changed.status, 200);
    assert.equal((changed.body as unknown as InvitationView).enabled, false);
    assert.equal((changed.body as unknown as InvitationView).pathPattern, '/b');
    assert.equal((await api('PUT', '/admin/invitations/nope', { text: 'x', pathPattern: '/b', delaySeconds: 5 })).status, 404);
    await removeAll();
  });

  it('offers an invitation only on matching pages, to returning visitors when asked, while the queue is open and an agent can answer', async () => {
    const shipping = await create({ pathPattern: '/shipping/*', senderAgentId: (await server.store.agents.findByEmail(ANA))!.id });
    await create({ text: 'Welcome back', pathPattern: '/account', returningOnly: true, delaySeconds: 0 });
    await create({ text: 'Billing help', pathPattern: '/billing', queue: 'billing', delaySeconds: 0 });
    assert.equal(await match('/shipping/rates'), null, 'no agent signed in: nobody could answer');

    const ana = await connectAgent(server, ANA);
    await until(() => server.services.routing.queueNow(shipping.queue.id).agentsAvailable > 0, 'Ana is available');
    const offered = await match('/shipping/rates');
    assert.deepEqual(offered, { id: shipping.id, text: 'Questions about shipping?', sender: 'Ana Lima', delaySeconds: 2 });
    assert.equal(await match('/'), null, 'another page gets nothing');
    assert.equal(await match('/account'), null, 'a first visit does not get the returning-visitor invitation');
    assert.equal((await match('/account', true))?.text, 'Welcome back');
    assert.equal(await match('/billing'), null, 'billing is closed');

    await api('PUT', `/admin/invitations/${shipping.id}`, { text: 'Off', pathPattern: '/shipping/*', delaySeconds: 2, enabled: false });
    assert.equal(await match('/shipping/rates'), null, 'turned off');
    ana.socket.close();
    await removeAll();
  });

  it('counts a showing and an opening once per viewer, and limits how fast one address can count', async () => {
    const made = await create({ pathPattern: '/count' });
    for (let i = 0; i < 3; i++) {
      assert.equal((await api('POST', `/visitors/invitations/${made.id}/shown`, { viewer: 'viewer-one-1' }, null)).status, 204);
    }
    await api('POST', `/visitors/invitations/${made.id}/shown`, { viewer: 'viewer-two-2' }, null);
    await api('POST', `/visitors/invitations/${made.id}/opened`, { viewer: 'viewer-two-2' }, null);
    assert.equal((await api('POST', `/visitors/invitations/${made.id}/opened`, { viewer: 'x' }, null)).status, 400, 'a viewer id is 8 to 64 characters');
    assert.deepEqual(((await api('GET', '/admin/invitations')).body as unknown as InvitationView[])[0]?.counts, { shown: 2, opened: 1, conversations: 0 });

    let refused = 0;
    for (let i = 0; i < 70; i++) if ((await api('POST', `/visitors/invitations/${made.id}/shown`, { viewer: `flood-viewer-${i}` }, null)).status === 429) refused++;
    assert.ok(refused > 0, 'a flood of made-up viewers from one address is refused');
    assert.ok(((await api('GET', '/admin/invitations')).body[0] as unknown as InvitationView).counts.shown <= 60);
    await removeAll();
  });

  it('opens the conversation of a visitor who replies with the invitation first, and counts it', async () => {
    const made = await create({ pathPattern: '/reply', text: 'Can we help with your order?' });
    const ana = await connectAgent(server, ANA);
    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: 'start-invited-1', invitationId: made.id, page: { url: 'https://shop.test/reply' } });
    const ack = await visitor.socket.answer('start-invited-1');
    assert.equal(ack.type, 'ack');
    const conversationId = (ack as { conversationId: string }).conversationId;
    const [first] = await server.store.conversations.eventsAfter(conversationId, 0);
    assert.deepEqual(first && { type: first.type, text: first.type === 'invitation' && first.text, sender: first.type === 'invitation' ? first.sender : 'x' }, { type: 'invitation', text: 'Can we help with your order?', sender: undefined });
    assert.equal(await server.store.invitations.invitationOf(conversationId), made.id);
    assert.equal(((await api('GET', '/admin/invitations')).body as unknown as InvitationView[])[0]?.counts.conversations, 1);

    // An unknown invitation id still starts a chat, without any invitation in it.
    const other = await connectVisitor(server);
    other.socket.send({ type: 'conversation.start', id: 'start-invited-2', invitationId: 'gone' });
    const otherAck = await other.socket.answer('start-invited-2');
    assert.equal(otherAck.type, 'ack');
    assert.deepEqual(await server.store.conversations.eventsAfter((otherAck as { conversationId: string }).conversationId, 0), []);
    for (const s of [ana.socket, visitor.socket, other.socket]) s.close();
  });
});
