/**
 * Customers over the real sockets and REST: identity verification and matching, the screen
 * pop across channels, who may see it, merge and split with an audit, and who else is viewing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, newVisitorToken } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import type { CustomerProfile } from '../protocol/customers.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../setup/bootstrap.js';
import { hashPassword } from '../auth/password.js';
import { userHash } from './identity.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';
const CLEO = 'cleo@test.local';
const IDENTITY_SECRET = 'identity-secret-for-tests-0123456789';
type Visitor = Awaited<ReturnType<typeof connectVisitor>>;
type Agent = Awaited<ReturnType<typeof connectAgent>>;
const idOf = (v: Visitor) => (v.welcome as Extract<ServerFrame, { type: 'welcome'; role: 'visitor' }>).visitor.id;

/** Starts a chat for the visitor; its conversation id. */
async function startChat(v: Visitor, id: string): Promise<string> {
  v.socket.send({ type: 'conversation.start', id });
  const answer = await v.socket.answer(id);
  assert.equal(answer.type, 'ack');
  return (answer as { conversationId: string }).conversationId;
}

/** The agent takes an offered conversation. */
async function take(agent: Agent, conversationId: string): Promise<void> {
  await agent.socket.next('offer', (o) => o.offer.conversationId === conversationId);
  agent.socket.send({ type: 'offer.accept', id: `accept-${conversationId.slice(0, 8)}`, conversationId });
  assert.equal((await agent.socket.answer(`accept-${conversationId.slice(0, 8)}`)).type, 'ack');
}

/** The agent ends a conversation and finishes wrap-up, so the next test starts with them free. */
async function finish(agent: Agent, conversationId: string): Promise<void> {
  agent.socket.send({ type: 'conversation.end', id: `end-${conversationId.slice(0, 8)}`, conversationId });
  await agent.socket.answer(`end-${conversationId.slice(0, 8)}`);
  agent.socket.send({ type: 'wrap-up.done', id: `wrap-${conversationId.slice(0, 8)}`, disposition: 'resolved' });
  await agent.socket.answer(`wrap-${conversationId.slice(0, 8)}`);
}

async function ask(v: Visitor, frame: Record<string, unknown> & { id: string }) {
  v.socket.send(frame);
  return v.socket.answer(frame.id);
}

describe('customers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      identitySecret: IDENTITY_SECRET,
      // A second plain agent, in no queue: never offered anything, so no customer is theirs to see.
      seed: async (store) => store.agents.insert({ id: randomUUID(), email: CLEO, name: 'Cleo Park', role: 'agent', passwordHash: await hashPassword(DEMO_PASSWORD), status: 'available', createdAt: Date.now() }),
    });
  });
  after(() => server.close());

  const customerOf = async (visitorId: string) => (await server.store.customers.customerOf(visitorId))!;
  const getJson = async <T>(path: string, cookie: string) => {
    const r = await fetch(`${server.url}${path}`, { headers: { cookie } });
    return { status: r.status, body: (await r.json()) as T };
  };

  it('links two browsers of one signed-in user, refuses a forged hash, and never merges two verified users', async () => {
    const phone = await connectVisitor(server);
    const laptop = await connectVisitor(server);
    const hash = userHash(IDENTITY_SECRET, 'user-42');
    assert.equal((await ask(phone, { type: 'visitor.identify', id: 'ident-phone-1', name: 'Jordan Rivera', userId: 'user-42', userHash: hash })).type, 'ack');
    assert.equal((await ask(laptop, { type: 'visitor.identify', id: 'ident-laptop-1', userId: 'user-42', userHash: hash, attributes: { plan: 'pro', seats: 5 } })).type, 'ack');
    assert.equal(await customerOf(idOf(phone)), await customerOf(idOf(laptop)));

    const forger = await connectVisitor(server);
    const forged = await ask(forger, { type: 'visitor.identify', id: 'ident-forge-1', name: 'Mallory', userId: 'user-42', userHash: userHash('not-the-secret-0123456789abcdef', 'user-42') });
    assert.equal(forged.type === 'error' && forged.reason, 'invalid-input');
    const forgerId = idOf(forger);
    assert.equal((await server.store.visitors.findById(forgerId))?.name, undefined, 'a refused identify stores nothing');

    // Another verified user with the same e-mail stays another customer.
    const other = await connectVisitor(server);
    await ask(other, { type: 'visitor.identify', id: 'ident-other-1', email: 'shared@example.test', userId: 'user-77', userHash: userHash(IDENTITY_SECRET, 'user-77') });
    await ask(phone, { type: 'visitor.identify', id: 'ident-phone-2', email: 'shared@example.test' });
    const otherId = idOf(other);
    const phoneId = idOf(phone);
    assert.notEqual(await customerOf(otherId), await customerOf(phoneId));
    const jordan = (await server.store.customers.findById(await customerOf(phoneId)))!;
    assert.equal(jordan.externalId, 'user-42');
    assert.deepEqual(jordan.attributes, { plan: 'pro', seats: 5 });
    for (const v of [phone, laptop, forger, other]) v.socket.close();
  });

  it('shows the offering agent, at screen pop, an earlier offline message by the same address only once an agent links them, with the browser’s context', async () => {
    const ana = await connectAgent(server, ANA);
    // Last week: a message left in the widget, by e-mail address.
    const first = await newVisitorToken(server);
    const left = await fetch(`${server.url}/api/visitors/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` }, body: JSON.stringify({ id: 'offline-cust-1', name: 'Rosa Diaz', email: 'rosa.d@example.test', message: 'Where is order 10449?' }) });
    assert.equal(left.status, 200);
    const emailId = ((await left.json()) as { conversationId: string }).conversationId;
    await take(ana, emailId);
    await finish(ana, emailId);
    // Today, from another device: she browses, says who she is, and chats.
    const today = await connectVisitor(server);
    today.socket.send({ type: 'visitor.context', page: { url: 'https://shop.test/', title: 'Home' }, referrer: 'https://search.example/?q=tents', language: 'en-GB', timeZone: 'Europe/Lisbon' });
    today.socket.send({ type: 'visitor.context', page: { url: 'https://shop.test/orders', title: 'Orders' } });
    await ask(today, { type: 'visitor.identify', id: 'ident-rosa-1', name: 'Rosa Diaz', email: 'ROSA.D@example.test' });
    const chatId = await startChat(today, 'start-rosa-chat');
    await ana.socket.next('offer', (o) => o.offer.conversationId === chatId);

    // Anyone can type an address: until an agent links them, the earlier contact stays hidden.
    const pop = await getJson<CustomerProfile>(`/api/conversations/${chatId}/customer`, ana.cookie);
    assert.equal(pop.status, 200);
    assert.equal(pop.body.name, 'Rosa Diaz');
    assert.deepEqual(pop.body.contacts.map((c) => c.channel), ['chat']);
    assert.ok(!JSON.stringify(pop.body).includes('10449'), 'nothing of the other customer is shown');
    assert.deepEqual(pop.body.possibleMatches?.map((m) => [m.kind, m.value]), [['email', 'rosa.d@example.test']]);
    assert.deepEqual(pop.body.context?.pages.map((p) => p.title), ['Home', 'Orders']);
    assert.equal(pop.body.context?.referrer, 'https://search.example/?q=tents');
    assert.equal(pop.body.context?.timeZone, 'Europe/Lisbon');

    // Ana recognises her and links them: now the pop shows both contacts, and the link is audited.
    const linked = await fetch(`${server.url}/api/conversations/${chatId}/customer/matches/${pop.body.possibleMatches![0]!.id}/link`, { method: 'POST', headers: { cookie: ana.cookie, origin: server.origin } });
    assert.equal(linked.status, 200);
    const after = (await linked.json()) as CustomerProfile;
    assert.deepEqual(after.contacts.map((c) => c.channel).sort(), ['chat', 'email']);
    assert.equal(after.contacts.find((c) => c.channel === 'email')?.firstMessage, 'Where is order 10449?');
    assert.deepEqual(after.possibleMatches, []);
    assert.equal(after.audit[0]?.action, 'linked');
    assert.match(after.audit[0]!.detail, /by e-mail, confirmed by Ana Lima/);
    assert.ok((await server.services.audit.list({ limit: 5 })).some((e) => e.action === 'customer.linked' && e.actor.name === 'Ana Lima' && e.target.id === after.id), 'the admin audit log has it too');

    const admin = await connectAgent(server, 'admin@test.local');
    assert.equal((await getJson(`/api/conversations/${chatId}/customer`, admin.cookie)).status, 200, 'admins, like supervisors, may look');
    // An agent who neither holds the offer nor handles it learns nothing, not even that it exists.
    const cleo = await connectAgent(server, CLEO);
    assert.equal((await getJson(`/api/conversations/${chatId}/customer`, cleo.cookie)).status, 404);
    assert.equal((await getJson(`/api/conversations/${chatId}/customer/timeline`, cleo.cookie)).status, 404);
    cleo.socket.send({ type: 'customer.view', id: 'view-cleo-1', conversationId: chatId, viewing: true });
    const refusedView = await cleo.socket.answer('view-cleo-1');
    assert.equal(refusedView.type === 'error' && refusedView.reason, 'not-found');
    cleo.socket.close();
    ana.socket.send({ type: 'offer.accept', id: 'accept-rosa-chat', conversationId: chatId });
    await ana.socket.answer('accept-rosa-chat');
    await finish(ana, chatId);
    // Once it is over and no longer hers, Ana's app cannot read it from this conversation any more.
    ana.socket.close();
    admin.socket.close();
    today.socket.close();
  });

  it('lets an agent merge a duplicate she serves and split a visitor off again, each in the audit trail; two verified customers cannot be merged', async () => {
    const ana = await connectAgent(server, ANA);
    const a = await connectVisitor(server);
    await ask(a, { type: 'visitor.identify', id: 'ident-dup-a', name: 'Sam Lee', email: 'sam.work@example.test' });
    const b = await connectVisitor(server);
    await ask(b, { type: 'visitor.identify', id: 'ident-dup-b', name: 'Sam Lee', email: 'sam.home@example.test' });
    const chatId = await startChat(a, 'start-sam-a');
    await take(ana, chatId);
    // Ana serves both: she may read (and so merge) both customers.
    const otherChatId = await startChat(b, 'start-sam-b');
    await take(ana, otherChatId);

    const found = await getJson<{ id: string; email?: string }[]>(`/api/customers?q=${encodeURIComponent('sam.home')}`, ana.cookie);
    const duplicate = found.body.find((c) => c.email === 'sam.home@example.test')!;
    const post = (path: string, body: unknown, cookie = ana.cookie) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: JSON.stringify(body) });
    const merged = (await (await post(`/api/conversations/${chatId}/customer/merge`, { customerId: duplicate.id })).json()) as CustomerProfile;
    const bId = idOf(b);
    assert.equal(await customerOf(bId), merged.id);
    assert.match(merged.audit[0]!.detail, /merged in by Ana Lima/);

    const split = (await (await post(`/api/conversations/${chatId}/customer/split`, { visitorId: bId })).json()) as CustomerProfile;
    assert.equal(split.id, merged.id, 'the conversation keeps its customer');
    assert.notEqual(await customerOf(bId), merged.id);
    assert.equal(split.audit[0]!.action, 'split');
    const logged = await server.services.audit.list({ limit: 10 });
    assert.ok(logged.some((e) => e.action === 'customer.merged' && e.actor.name === 'Ana Lima') && logged.some((e) => e.action === 'customer.split' && e.actor.name === 'Ana Lima'), 'merge and split are in the admin audit log');

    const v1 = await connectVisitor(server);
    await ask(v1, { type: 'visitor.identify', id: 'ident-ver-1', userId: 'user-501', userHash: userHash(IDENTITY_SECRET, 'user-501') });
    const v1Id = idOf(v1);
    const aId = idOf(a);
    await ask(a, { type: 'visitor.identify', id: 'ident-ver-2', userId: 'user-502', userHash: userHash(IDENTITY_SECRET, 'user-502') });
    // Ana serves no conversation of user-501's: for her that customer does not exist.
    assert.equal((await post(`/api/conversations/${chatId}/customer/merge`, { customerId: await customerOf(v1Id) })).status, 404);
    // An admin may read both, and still cannot merge two verified users.
    const admin = await connectAgent(server, 'admin@test.local');
    const refused = await post(`/api/conversations/${chatId}/customer/merge`, { customerId: await customerOf(v1Id) }, admin.cookie);
    assert.equal(refused.status, 400);
    assert.notEqual(await customerOf(v1Id), await customerOf(aId));
    await finish(ana, chatId);
    await finish(ana, otherChatId);
    for (const s of [ana.socket, a.socket, b.socket, v1.socket, admin.socket]) s.close();
  });

  it('tells two agents with the same customer open that the other is viewing, and when they leave', async () => {
    const ana = await connectAgent(server, ANA);
    const ben = await connectAgent(server, BEN);
    const v = await connectVisitor(server);
    const chatId = await startChat(v, 'start-view-1');
    await take(ana, chatId);

    ana.socket.send({ type: 'customer.view', id: 'view-ana-1', conversationId: chatId, viewing: true });
    await ana.socket.answer('view-ana-1');
    ben.socket.send({ type: 'customer.view', id: 'view-ben-1', conversationId: chatId, viewing: true });
    await ben.socket.answer('view-ben-1');
    const both = await ana.socket.next('viewers', (f) => f.viewers.agents.length === 2);
    assert.deepEqual(both.viewers.agents.map((a) => a.name).sort(), ['Ana Lima', 'Ben Okafor']);
    await ben.socket.next('viewers', (f) => f.viewers.agents.length === 2);

    ben.socket.close();
    const alone = await ana.socket.next('viewers', (f) => f.viewers.agents.length === 1);
    assert.equal(alone.viewers.agents[0]!.name, 'Ana Lima', 'a closed app stops viewing');

    // A plain agent cannot watch a customer of someone else's conversation.
    const outsiderVisitor = await connectVisitor(server);
    const otherId = await startChat(outsiderVisitor, 'start-view-2');
    await ana.socket.next('offer', (o) => o.offer.conversationId === otherId);
    ana.socket.send({ type: 'offer.decline', id: 'decline-view-2', conversationId: otherId });
    await ana.socket.answer('decline-view-2');
    ana.socket.send({ type: 'customer.view', id: 'view-ana-2', conversationId: otherId, viewing: true });
    const refused = await ana.socket.answer('view-ana-2');
    assert.equal(refused.type === 'error' && refused.reason, 'not-found');
    ana.socket.close();
    v.socket.close();
    outsiderVisitor.socket.close();
  });
});
