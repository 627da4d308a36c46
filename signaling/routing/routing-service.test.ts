import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer } from '../../test/support/in-process-server.js';
import type { Store } from '../store/store.js';
import { DEFAULT_QUEUE } from '../acd/acd-engine.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

/** A queue that rings for 300 ms, served by both demo agents, so tests wait for the real timer. */
async function seedFastQueue(store: Store): Promise<void> {
  await store.queues.insert({ id: 'fast', slug: 'fast', name: 'Fast', isDefault: false, createdAt: 1, ...DEFAULT_QUEUE, offerTimeoutMs: 300, retryDelayMs: 60_000 });
  for (const email of [ANA, BEN]) await store.queues.addMember('fast', (await store.agents.findByEmail(email))!.id);
}

async function startChat(visitor: Awaited<ReturnType<typeof connectVisitor>>, clientId: string, queue?: string): Promise<string> {
  visitor.socket.send({ type: 'conversation.start', id: clientId, ...(queue ? { queue } : {}) });
  return (await visitor.socket.next('ack', (a) => a.id === clientId)).conversationId!;
}

describe('RoutingService', () => {
  it('moves an unanswered offer to the other agent when it times out (ring no answer)', async () => {
    const server = await startTestServer({ seed: seedFastQueue });
    try {
      const ana = await connectAgent(server, ANA);
      const ben = await connectAgent(server, BEN);
      const visitor = await connectVisitor(server);
      const conversationId = await startChat(visitor, 'rona-start-1', 'fast');
      const first = await Promise.race([
        ana.socket.peek('offer', (o) => o.offer.conversationId === conversationId).then(() => ({ rung: ana, other: ben })),
        ben.socket.peek('offer', (o) => o.offer.conversationId === conversationId).then(() => ({ rung: ben, other: ana })),
      ]);
      const withdrawn = await first.rung.socket.next('offer-withdrawn', (w) => w.conversationId === conversationId, 3000);
      assert.equal(withdrawn.reason, 'timeout');
      await first.other.socket.next('offer', (o) => o.offer.conversationId === conversationId, 3000);
      first.rung.socket.send({ type: 'offer.accept', id: 'late-accept-1', conversationId });
      assert.equal((await first.rung.socket.next('error', (e) => e.id === 'late-accept-1')).reason, 'offer-unavailable');
      const log = await server.store.eventLog.list({ conversationId });
      assert.deepEqual(log.map((e) => e.type).slice(0, 4), ['contact-queued', 'contact-offered', 'offer-timed-out', 'contact-offered']);
      for (const s of [ana.socket, ben.socket, visitor.socket]) s.close();
    } finally {
      await server.close();
    }
  });

  it('keeps waiting chats in their order across a restart, and offers the oldest first', async () => {
    const first = await startTestServer();
    const older = await connectVisitor(first);
    const newer = await connectVisitor(first);
    const olderId = await startChat(older, 'restart-older');
    const newerId = await startChat(newer, 'restart-newer');
    older.socket.close();
    newer.socket.close();
    await first.close({ dispose: false });

    const second = await startTestServer({ dir: first.dir });
    try {
      const ana = await connectAgent(second, ANA);
      const offered = ana.welcome.type === 'welcome' && ana.welcome.role === 'agent' ? ana.welcome.offers : [];
      const firstOffer = offered[0]?.conversationId ?? (await ana.socket.next('offer')).offer.conversationId;
      assert.equal(firstOffer, olderId);
      ana.socket.send({ type: 'offer.accept', id: 'restart-accept', conversationId: olderId });
      await ana.socket.next('ack', (a) => a.id === 'restart-accept');
      await ana.socket.next('offer', (o) => o.offer.conversationId === newerId);
      ana.socket.close();
    } finally {
      await second.close();
    }
  });

  it('holds new chats during wrap-up until the agent records the outcome the queue requires', async () => {
    const server = await startTestServer({
      seed: async (store) => {
        const support = (await store.queues.findBySlug('support'))!;
        await store.queues.update({ ...support, wrapUpMs: 60_000, dispositionRequired: true });
      },
    });
    try {
      const ana = await connectAgent(server, ANA);
      const ben = await connectAgent(server, BEN);
      ben.socket.send({ type: 'presence.set', id: 'ben-away-01', status: 'away', reason: 'lunch' });
      assert.equal((await ben.socket.next('presence')).breakReason, 'lunch');

      const first = await connectVisitor(server);
      const firstId = await startChat(first, 'wrap-first-1');
      await ana.socket.next('offer', (o) => o.offer.conversationId === firstId);
      ana.socket.send({ type: 'offer.accept', id: 'wrap-accept-1', conversationId: firstId });
      await ana.socket.next('ack', (a) => a.id === 'wrap-accept-1');
      ana.socket.send({ type: 'conversation.end', id: 'wrap-end-001', conversationId: firstId });
      const wrap = await ana.socket.next('wrap-up');
      assert.deepEqual([wrap.conversationId, wrap.dispositionRequired], [firstId, true]);

      const second = await connectVisitor(server);
      const secondId = await startChat(second, 'wrap-second-1');
      await second.socket.next('queue', (q) => q.conversationId === secondId);
      ana.socket.send({ type: 'wrap-up.done', id: 'wrap-done-no' });
      assert.equal((await ana.socket.next('error', (e) => e.id === 'wrap-done-no')).reason, 'invalid-input');
      assert.ok(!ana.socket.frames.some((f) => f.type === 'offer' && f.offer.conversationId === secondId), 'no offers during wrap-up');

      ana.socket.send({ type: 'wrap-up.done', id: 'wrap-done-ok', disposition: 'resolved' });
      await ana.socket.next('ack', (a) => a.id === 'wrap-done-ok');
      await ana.socket.next('wrap-up-ended');
      await ana.socket.next('offer', (o) => o.offer.conversationId === secondId);
      assert.equal((await server.store.conversations.summary(firstId))?.disposition, 'resolved');
      for (const s of [ana.socket, ben.socket, first.socket, second.socket]) s.close();
    } finally {
      await server.close();
    }
  });

  it('treats a chat that ends while waiting as abandoned, with how long it waited', async () => {
    const server = await startTestServer();
    try {
      const visitor = await connectVisitor(server);
      const conversationId = await startChat(visitor, 'abandon-start');
      visitor.socket.send({ type: 'conversation.end', id: 'abandon-end1', conversationId });
      await visitor.socket.next('ack', (a) => a.id === 'abandon-end1');
      await server.services.log.flushed();
      const abandoned = (await server.store.eventLog.list({ conversationId })).find((e) => e.type === 'contact-abandoned');
      assert.equal(typeof abandoned?.data?.waitedMs, 'number');
      visitor.socket.close();
    } finally {
      await server.close();
    }
  });
});
