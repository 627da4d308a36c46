/**
 * Escalation to the next tier, through the real HTTP route and sockets: the contact waits for
 * the next tier only, keeps its timeline, the customer is told a specialist takes over, the
 * reports count it; bad input and escalating past the last tier change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

describe('escalating a conversation to the next tier', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      seed: async (store) => {
        // Ben is the support queue's second tier; Ana stays in the first.
        const support = (await store.queues.findBySlug('support'))!.id;
        const ben = (await store.agents.findByEmail(BEN))!;
        await store.queues.addMember(support, ben.id, { tier: 2, position: 0 });
      },
    });
  });
  after(() => server.close({ dispose: true }));

  const escalate = (cookie: string, id: string, body: unknown) =>
    fetch(`${server.url}/api/conversations/${encodeURIComponent(id)}/escalate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.origin },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses bad input with a clear error, moves the contact to tier 2 with its history, and refuses past the last tier', async () => {
    const ana = await connectAgent(server, ANA);
    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: 'esc-start' });
    const id = (await visitor.socket.next('ack', (a) => a.id === 'esc-start')).conversationId!;
    await ana.socket.next('offer', (o) => o.offer.conversationId === id);
    ana.socket.send({ type: 'offer.accept', id: 'esc-accept', conversationId: id });
    await visitor.socket.next('events', (f) => f.events.some((e) => e.type === 'agent-joined'));
    visitor.socket.send({ type: 'message.send', id: 'esc-message', conversationId: id, text: 'I was charged twice for order 1042' });
    assert.equal((await visitor.socket.answer('esc-message')).type, 'ack');

    const unchanged = async () => {
      const c = (await server.store.conversations.findById(id))!;
      assert.equal(c.status, 'active');
      assert.equal(c.agentId, (await server.store.agents.findByEmail(ANA))!.id);
      assert.equal((await server.store.notes.list(id)).some((n) => n.kind === 'handover'), false, 'no hand-over note was written');
    };
    for (const [body, why] of [
      [{}, 'no reason'],
      [{ reason: '   ' }, 'a blank reason'],
      [{ reason: 'x'.repeat(501) }, 'a reason too long'],
      [{ reason: 'fine', tier: 3 }, 'a field that is not ours'],
      ['{"reason":', 'broken JSON'],
    ] as const) {
      const response = await escalate(ana.cookie, id, body);
      assert.equal(response.status, 400, why);
      const error = ((await response.json()) as { error: { reason: string; message: string } }).error;
      assert.equal(error.reason, 'invalid-input', why);
      assert.ok(error.message.length > 0, why);
      await unchanged();
    }
    assert.equal((await escalate(ana.cookie, 'no-such-conversation', { reason: 'billing' })).status, 404);

    // Ben, tier 2, signs in: he is a stranger to Ana's conversation until it is escalated.
    const ben = await connectAgent(server, BEN);
    assert.equal((await escalate(ben.cookie, id, { reason: 'mine now' })).status, 404);
    await unchanged();

    const offered = ben.socket.next('offer', (o) => o.offer.conversationId === id);
    const told = visitor.socket.next('events', (f) => f.events.some((e) => e.type === 'escalated'));
    const response = await escalate(ana.cookie, id, { reason: 'Refund above my limit' });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { tier: 2 });
    await offered;
    const shown = (await told).events.find((e) => e.type === 'escalated')!;
    assert.equal(shown.type === 'escalated' && shown.tier, 2);
    assert.equal(JSON.stringify(shown).includes('Refund above my limit'), false, 'the customer never sees the reason');

    ben.socket.send({ type: 'offer.accept', id: 'esc-ben-accept', conversationId: id });
    await ben.socket.answer('esc-ben-accept');
    const history = (await (await fetch(`${server.url}/api/conversations/${id}/events`, { headers: { cookie: ben.cookie } })).json()) as { type: string; text?: string }[];
    assert.ok(history.some((e) => e.type === 'message' && e.text === 'I was charged twice for order 1042'), 'the tier-2 agent reads the whole conversation');
    const notes = await server.store.notes.list(id);
    assert.ok(notes.some((n) => n.kind === 'handover' && n.text === 'Refund above my limit'), 'the reason is in the hand-over note');

    // Ben is the last tier: escalating again is refused, and the conversation stays his.
    const refused = await escalate(ben.cookie, id, { reason: 'even deeper' });
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /last tier/);
    const still = (await server.store.conversations.findById(id))!;
    assert.equal(still.status, 'active');
    assert.equal(still.agentId, (await server.store.agents.findByEmail(BEN))!.id);

    // The reports count the escalation for the queue and for Ana, who escalated.
    await server.services.log.flushed();
    const day = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const byQueue = await server.services.reports.rows({ from: day, to: tomorrow, groupBy: 'queue' });
    assert.equal(byQueue.find((r) => r.label === 'Support')?.escalations, 1);
    const byAgent = await server.services.reports.rows({ from: day, to: tomorrow, groupBy: 'agent' });
    assert.equal(byAgent.find((r) => r.label === 'Ana Lima')?.escalations, 1);
    assert.equal(byAgent.find((r) => r.label === 'Ben Okafor')?.escalations ?? 0, 0);
    for (const s of [ana, ben, visitor]) s.socket.close();
  });
});
