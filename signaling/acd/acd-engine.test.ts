import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AcdEngine } from './acd-engine.js';
import type { AcdDecision } from './types.js';

const queue = { id: 'q', offerTimeoutMs: 30_000, retryDelayMs: 15_000 };

function engineWithAgents(...agents: { id: string; chat?: number; available?: boolean; at?: number }[]) {
  const acd = new AcdEngine();
  acd.handle({ type: 'queue-configured', at: 0, queue });
  for (const a of agents) {
    acd.handle({
      type: 'agent-updated',
      at: a.at ?? 0,
      agentId: a.id,
      available: a.available ?? true,
      queueIds: ['q'],
      capacity: { chat: a.chat ?? 3 },
    });
  }
  return acd;
}

const offers = (ds: AcdDecision[]) => ds.filter((d) => d.type === 'offer');

describe('AcdEngine', () => {
  it('offers a new contact to the available agent, with the queue timeout', () => {
    const acd = engineWithAgents({ id: 'alice' });
    const out = acd.handle({ type: 'contact-arrived', at: 1000, contactId: 'c1', queueId: 'q', channel: 'chat' });
    assert.deepEqual(offers(out), [{ type: 'offer', contactId: 'c1', agentId: 'alice', queueId: 'q', expiresAt: 31_000 }]);
  });

  it('never offers to an agent who is away, and reports that nobody can answer', () => {
    const acd = engineWithAgents({ id: 'alice', available: false });
    const out = acd.handle({ type: 'contact-arrived', at: 1, contactId: 'c1', queueId: 'q', channel: 'chat' });
    assert.equal(offers(out).length, 0);
    assert.deepEqual(out.at(-1), { type: 'position-changed', contactId: 'c1', queueId: 'q', position: 1, agentsAvailable: 0 });
  });

  it('offers a waiting contact as soon as an agent becomes available', () => {
    const acd = engineWithAgents({ id: 'alice', available: false });
    acd.handle({ type: 'contact-arrived', at: 1, contactId: 'c1', queueId: 'q', channel: 'chat' });
    const out = acd.handle({ type: 'agent-updated', at: 5, agentId: 'alice', available: true, queueIds: ['q'], capacity: { chat: 1 } });
    assert.equal(offers(out)[0]?.agentId, 'alice');
  });

  it('keeps first in, first out: the oldest contact gets the only free agent', () => {
    const acd = engineWithAgents({ id: 'alice', available: false });
    acd.handle({ type: 'contact-arrived', at: 1, contactId: 'late', queueId: 'q', channel: 'chat', enqueuedAt: 50 });
    acd.handle({ type: 'contact-arrived', at: 2, contactId: 'early', queueId: 'q', channel: 'chat', enqueuedAt: 10 });
    const out = acd.handle({ type: 'agent-updated', at: 5, agentId: 'alice', available: true, queueIds: ['q'], capacity: { chat: 1 } });
    assert.deepEqual(offers(out).map((o) => o.contactId), ['early']);
    assert.deepEqual(acd.waitingIn('q'), ['early', 'late']);
  });

  it('moves an unanswered offer to the next agent when it times out', () => {
    const acd = engineWithAgents({ id: 'alice', at: 0 }, { id: 'bob', at: 10 });
    const first = acd.handle({ type: 'contact-arrived', at: 100, contactId: 'c1', queueId: 'q', channel: 'chat' });
    assert.equal(offers(first)[0]?.agentId, 'alice', 'longest idle agent first');
    assert.equal(acd.nextDeadline(), 30_100);
    const out = acd.handle({ type: 'tick', at: 30_100 });
    assert.deepEqual(out[0], { type: 'offer-withdrawn', contactId: 'c1', agentId: 'alice', reason: 'timeout' });
    assert.equal(offers(out)[0]?.agentId, 'bob');
  });

  it('offers again to an agent who declined, once the retry delay has passed and nobody else is free', () => {
    const acd = engineWithAgents({ id: 'alice' });
    acd.handle({ type: 'contact-arrived', at: 0, contactId: 'c1', queueId: 'q', channel: 'chat' });
    assert.equal(offers(acd.handle({ type: 'offer-declined', at: 10, contactId: 'c1', agentId: 'alice' })).length, 0);
    assert.equal(acd.nextDeadline(), 15_010);
    assert.equal(offers(acd.handle({ type: 'tick', at: 15_010 }))[0]?.agentId, 'alice');
  });

  it('assigns on accept, and a second accept of the same contact is refused', () => {
    const acd = engineWithAgents({ id: 'alice' }, { id: 'bob' });
    acd.handle({ type: 'contact-arrived', at: 0, contactId: 'c1', queueId: 'q', channel: 'chat' });
    const offered = acd.offerOf('c1')!.agentId;
    const other = offered === 'alice' ? 'bob' : 'alice';
    assert.deepEqual(acd.handle({ type: 'offer-accepted', at: 5, contactId: 'c1', agentId: other })[0], {
      type: 'offer-unavailable',
      contactId: 'c1',
      agentId: other,
    });
    assert.deepEqual(acd.handle({ type: 'offer-accepted', at: 6, contactId: 'c1', agentId: offered })[0], {
      type: 'assigned',
      contactId: 'c1',
      agentId: offered,
    });
    assert.deepEqual(acd.handledBy(offered), ['c1']);
    assert.deepEqual(acd.waitingIn('q'), []);
  });

  it('respects chat capacity and frees it when a contact ends', () => {
    const acd = engineWithAgents({ id: 'alice', chat: 1 });
    acd.handle({ type: 'contact-arrived', at: 0, contactId: 'c1', queueId: 'q', channel: 'chat' });
    acd.handle({ type: 'offer-accepted', at: 1, contactId: 'c1', agentId: 'alice' });
    const second = acd.handle({ type: 'contact-arrived', at: 2, contactId: 'c2', queueId: 'q', channel: 'chat' });
    assert.equal(offers(second).length, 0, 'alice is full');
    const out = acd.handle({ type: 'contact-ended', at: 3, contactId: 'c1' });
    assert.equal(offers(out)[0]?.contactId, 'c2');
  });

  it('reports an abandoned contact with its wait, and withdraws its offer', () => {
    const acd = engineWithAgents({ id: 'alice' });
    acd.handle({ type: 'contact-arrived', at: 100, contactId: 'c1', queueId: 'q', channel: 'chat' });
    const out = acd.handle({ type: 'contact-ended', at: 700, contactId: 'c1' });
    assert.deepEqual(out, [
      { type: 'offer-withdrawn', contactId: 'c1', agentId: 'alice', reason: 'cancelled' },
      { type: 'abandoned', contactId: 'c1', queueId: 'q', waitedMs: 600 },
    ]);
  });

  it('withdraws an offer when the agent goes away, and re-routes it', () => {
    const acd = engineWithAgents({ id: 'alice', at: 0 }, { id: 'bob', at: 5 });
    acd.handle({ type: 'contact-arrived', at: 10, contactId: 'c1', queueId: 'q', channel: 'chat' });
    const out = acd.handle({ type: 'agent-updated', at: 11, agentId: 'alice', available: false, queueIds: ['q'], capacity: { chat: 3 } });
    assert.deepEqual(out[0], { type: 'offer-withdrawn', contactId: 'c1', agentId: 'alice', reason: 'cancelled' });
    assert.equal(offers(out)[0]?.agentId, 'bob');
  });

  it('counts restored assignments against capacity after a restart', () => {
    const acd = new AcdEngine();
    acd.handle({ type: 'contact-assigned', at: 0, contactId: 'old', agentId: 'alice', channel: 'chat' });
    acd.handle({ type: 'agent-updated', at: 0, agentId: 'alice', available: true, queueIds: ['q'], capacity: { chat: 1 } });
    const out = acd.handle({ type: 'contact-arrived', at: 1, contactId: 'new', queueId: 'q', channel: 'chat' });
    assert.equal(offers(out).length, 0);
    assert.equal(offers(acd.handle({ type: 'contact-ended', at: 2, contactId: 'old' }))[0]?.contactId, 'new');
  });

  it('does not queue a contact twice when its arrival is repeated', () => {
    const acd = engineWithAgents({ id: 'alice', available: false });
    acd.handle({ type: 'contact-arrived', at: 1, contactId: 'c1', queueId: 'q', channel: 'chat' });
    acd.handle({ type: 'contact-arrived', at: 2, contactId: 'c1', queueId: 'q', channel: 'chat' });
    assert.deepEqual(acd.waitingIn('q'), ['c1']);
  });
});
