/**
 * Who may read a customer, and so merge one: the attack of issue 16 step by step. A plain agent
 * searches for a stranger, merges the stranger's customer into her own conversation's, and reads
 * the merged timeline; every step must find nothing and change nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { ask, startChat, take, visitorIdOf } from '../../test/support/conversation-steps.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { hashPassword } from '../auth/password.js';
import type { CustomerProfile, CustomerTimeline } from '../protocol/customers.js';
import { DEMO_PASSWORD } from '../setup/bootstrap.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';
const DEV = 'dev@test.local';
/** What only the stranger's agent may know. */
const SECRETS = ['Stella', 'stella@private.test', '4471', 'disputed charge'];

describe('customer access', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      // Dev, a plain agent in the support queue, serves the stranger.
      seed: async (store) => {
        const id = randomUUID();
        await store.agents.insert({ id, email: DEV, name: 'Dev Rao', role: 'agent', passwordHash: await hashPassword(DEMO_PASSWORD), status: 'available', createdAt: Date.now() });
        await store.queues.addMember((await store.queues.findBySlug('support'))!.id, id, { tier: 1, position: 5 });
      },
    });
  });
  after(() => server.close());

  const get = async <T>(path: string, cookie: string) => {
    const r = await fetch(`${server.url}${path}`, { headers: { cookie } });
    return { status: r.status, body: (await r.json()) as T };
  };
  const post = (path: string, body: unknown, cookie: string) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: JSON.stringify(body) });

  it('lets a plain agent neither find, nor merge, nor read a stranger’s customer; once the stranger’s contact is offered to her, she may', async () => {
    // Dev serves Stella, who shares an account number; Dev leaves an internal note. Then Dev takes a break.
    const dev = await connectAgent(server, DEV);
    const stella = await connectVisitor(server);
    await ask(stella, { type: 'visitor.identify', id: 'ident-stella', name: 'Stella Stranger', email: 'stella@private.test' });
    const stellaChat = await startChat(stella, 'start-stella-1');
    await take(dev, stellaChat);
    await ask(stella, { type: 'message.send', id: 'msg-stella-1', conversationId: stellaChat, text: 'My account number is 4471.' });
    await ask(dev, { type: 'note.add', id: 'note-dev-1', conversationId: stellaChat, text: 'Stella: disputed charge, do not refund.' });
    await ask(dev, { type: 'conversation.end', id: 'end-stella-1', conversationId: stellaChat });
    assert.equal((await ask(dev, { type: 'presence.set', id: 'away-dev-1', status: 'away', reason: 'lunch' })).type, 'ack');
    const stellaCustomer = (await server.store.customers.customerOf(visitorIdOf(stella)))!;

    // Ana serves Vera.
    const ana = await connectAgent(server, ANA);
    const vera = await connectVisitor(server);
    await ask(vera, { type: 'visitor.identify', id: 'ident-vera', name: 'Vera Lind' });
    const veraChat = await startChat(vera, 'start-vera-1');
    await take(ana, veraChat);
    const veraCustomer = (await server.store.customers.customerOf(visitorIdOf(vera)))!;
    const auditBefore = (await server.services.audit.list({ limit: 100 })).length;

    // 1. The search finds nobody she may not read.
    const found = await get<unknown[]>('/api/customers?q=Stella', ana.cookie);
    assert.equal(found.status, 200);
    assert.deepEqual(found.body, []);
    // 2. Merging the stranger (whose id she learned somehow) answers as for a customer that does not exist, and changes nothing.
    const merge = await post(`/api/conversations/${veraChat}/customer/merge`, { customerId: stellaCustomer }, ana.cookie);
    assert.equal(merge.status, 404);
    assert.equal(((await merge.json()) as { error: { reason: string } }).error.reason, 'not-found');
    assert.equal(await server.store.customers.customerOf(visitorIdOf(stella)), stellaCustomer);
    assert.deepEqual(await server.store.customers.visitorIds(veraCustomer), [visitorIdOf(vera)]);
    assert.equal((await server.services.audit.list({ limit: 100 })).length, auditBefore, 'no audit entry: nothing happened');
    // 3. Her timeline and screen pop hold her own customer only.
    const timeline = await get<CustomerTimeline>(`/api/conversations/${veraChat}/customer/timeline`, ana.cookie);
    assert.deepEqual(timeline.body.map((t) => t.conversation.id), [veraChat]);
    const pop = await get<CustomerProfile>(`/api/conversations/${veraChat}/customer`, ana.cookie);
    for (const secret of SECRETS) assert.ok(!JSON.stringify([timeline.body, pop.body]).includes(secret), `${secret} stays hidden`);
    // Nor can she read Stella's conversation itself.
    assert.equal((await ask(ana, { type: 'sync', id: 'sync-stella-1', conversationId: stellaChat, afterSeq: 0 })).type === 'error', true);

    // A supervisor may read any customer, and so find Stella.
    const ben = await connectAgent(server, BEN);
    assert.ok((await get<{ name?: string }[]>('/api/customers?q=Stella', ben.cookie)).body.some((c) => c.name === 'Stella Stranger'));
    ben.socket.close();

    // Stella writes again; the new chat is offered to Ana: now she may read Stella, and merge her (say they are one household account).
    const again = await startChat(stella, 'start-stella-2');
    await ana.socket.next('offer', (o) => o.offer.conversationId === again);
    assert.deepEqual((await get<{ id: string }[]>('/api/customers?q=Stella', ana.cookie)).body.map((c) => c.id), [stellaCustomer]);
    const merged = await post(`/api/conversations/${veraChat}/customer/merge`, { customerId: stellaCustomer }, ana.cookie);
    assert.equal(merged.status, 200);
    assert.deepEqual((await server.store.customers.visitorIds(veraCustomer)).sort(), [visitorIdOf(vera), visitorIdOf(stella)].sort());
    for (const s of [dev.socket, ana.socket, stella.socket, vera.socket]) s.close();
  });
});
