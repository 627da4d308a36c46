import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

describe('routing administration API', () => {
  let server: TestServer;
  let admin: string;
  let supervisor: string;
  let agent: string;
  const call = (cookie: string, method: string, path: string, body?: unknown) =>
    server.app.request(`/api/admin${path}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  before(async () => {
    server = await startTestServer();
    admin = await signIn(server, TEST_ADMIN.email);
    supervisor = await signIn(server, BEN);
    agent = await signIn(server, ANA);
  });
  after(() => server.close());

  it('lets supervisors read and only admins change; plain agents see nothing', async () => {
    assert.equal((await call(agent, 'GET', '/queues')).status, 403);
    const queues = (await (await call(supervisor, 'GET', '/queues')).json()) as { slug: string; members: unknown[] }[];
    assert.deepEqual(queues.map((q) => q.slug).sort(), ['billing', 'support']);
    assert.ok(queues.every((q) => q.members.length === 2));
    assert.equal((await call(supervisor, 'POST', '/queues', { slug: 'sales', name: 'Sales' })).status, 403);
  });

  it('refuses bad settings with every problem named, and changes nothing', async () => {
    const res = await call(admin, 'POST', '/queues', { slug: 'Bad Slug', name: '', strategy: 'loudest-first', offerTimeoutMs: 10 });
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: { issues: { path: string }[] } };
    assert.deepEqual(error.issues.map((i) => i.path).sort(), ['name', 'offerTimeoutMs', 'slug', 'strategy']);
    const zone = await call(admin, 'POST', '/queues', { slug: 'night', name: 'Night', hours: { timeZone: 'Mars/Olympus', weekly: { mon: [['17:00', '09:00']] } } });
    assert.equal(zone.status, 400);
    assert.match(((await zone.json()) as { error: { message: string } }).error.message, /unknown time zone.*17:00 is not before 09:00/);
    assert.equal(((await (await call(admin, 'GET', '/queues')).json()) as unknown[]).length, 2);
  });

  it('refuses members who do not exist, and an overflow into the queue itself', async () => {
    const support = ((await (await call(admin, 'GET', '/queues')).json()) as { id: string; slug: string }[]).find((q) => q.slug === 'support');
    const members = await call(admin, 'PUT', `/queues/${support!.id}/members`, [{ agentId: 'ghost', tier: 1, position: 0 }]);
    assert.equal(members.status, 400);
    const loop = await call(admin, 'PATCH', `/queues/${support!.id}`, { overflow: { type: 'queue', queueId: support!.id } });
    assert.equal(loop.status, 400);
  });

  it('routes by the skills an admin sets: a refunds queue reaches only the agent who knows refunds', async () => {
    const created = await call(admin, 'POST', '/queues', { slug: 'refunds', name: 'Refunds', requiredSkills: { refunds: 3 }, strategy: 'best-skill' });
    assert.equal(created.status, 200);
    const refunds = (await created.json()) as { id: string; strategy: string; requiredSkills: Record<string, number> };
    assert.deepEqual([refunds.strategy, refunds.requiredSkills], ['best-skill', { refunds: 3 }]);
    const agents = (await (await call(admin, 'GET', '/agents')).json()) as { id: string; email: string }[];
    const anaId = agents.find((a) => a.email === ANA)!.id;
    const benId = agents.find((a) => a.email === BEN)!.id;
    assert.equal((await call(admin, 'PUT', `/queues/${refunds.id}/members`, [{ agentId: anaId, tier: 1, position: 0 }, { agentId: benId, tier: 1, position: 1 }])).status, 200);
    const patched = await call(admin, 'PATCH', `/agents/${benId}/routing`, { skills: { refunds: 5 }, capacity: { chat: 2, voice: 1, email: 5, message: 5 } });
    assert.deepEqual(((await patched.json()) as { skills: unknown }).skills, { refunds: 5 });

    const ana = await connectAgent(server, ANA);
    const ben = await connectAgent(server, BEN);
    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: 'refunds-start', queue: 'refunds' });
    const { conversationId } = await visitor.socket.next('ack', (a) => a.id === 'refunds-start');
    const offer = await ben.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    assert.equal(offer.offer.queueName, 'Refunds');
    const queue = await visitor.socket.next('queue', (q) => q.conversationId === conversationId);
    assert.equal(queue.agentsAvailable, 1, 'only agents with the skill count as able to answer');
    assert.ok(!ana.socket.frames.some((f) => f.type === 'offer' && f.offer.conversationId === conversationId), 'ana lacks the refunds skill');
    for (const s of [ana.socket, ben.socket, visitor.socket]) s.close();
  });
});
