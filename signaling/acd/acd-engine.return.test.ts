/** Contacts that leave their agent without ending: returned to a queue's head, or transferred to another agent. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agentEvent, arrive, engine, offeredTo, ofType, queue } from './engine-fixture.js';

const voice = { voice: 1, chat: 3 };

describe('AcdEngine: returned and transferred contacts', () => {
  it('puts a call whose agent vanished back at the head of the queue, ahead of older callers, with its original wait', () => {
    const acd = engine([queue('q')], [{ id: 'alice', capacity: voice }]);
    acd.handle(arrive('call', 100, { channel: 'voice' }));
    acd.handle({ type: 'offer-accepted', at: 110, contactId: 'call', agentId: 'alice' });
    acd.handle(arrive('older-waiter', 120, { channel: 'voice', enqueuedAt: 50 }));
    // Alice's tab dies: she is gone, and her call must not be lost.
    acd.handle(agentEvent({ id: 'alice', capacity: voice, available: false }, 200));
    const out = acd.handle({ type: 'contact-returned', at: 201, contactId: 'call' });
    assert.deepEqual(ofType(out, 'queue-changed'), [{ type: 'queue-changed', queueId: 'q' }]);
    assert.deepEqual(acd.waitingIn('q'), ['call', 'older-waiter'], 'the returned call is first, though the other waited longer');
    assert.deepEqual(acd.handledBy('alice'), []);
    const back = acd.handle(agentEvent({ id: 'bob', capacity: voice }, 300));
    assert.deepEqual(ofType(back, 'offer').map((o) => o.contactId), ['call']);
    const assigned = acd.handle({ type: 'offer-accepted', at: 310, contactId: 'call', agentId: 'bob' });
    assert.equal(ofType(assigned, 'assigned')[0]?.waitedMs, 210, 'the wait counts from the first arrival');
  });

  it('gives the agent no wrap-up for a returned contact, and with skipAgent never offers it back to them', () => {
    const acd = engine([queue('q', { wrapUpMs: 60_000 }), queue('other')], [{ id: 'alice', capacity: voice, queues: { q: {}, other: {} } }]);
    acd.handle(arrive('call', 0, { channel: 'voice' }));
    acd.handle({ type: 'offer-accepted', at: 5, contactId: 'call', agentId: 'alice' });
    const out = acd.handle({ type: 'contact-returned', at: 10, contactId: 'call', queueId: 'other', skipAgent: true });
    assert.deepEqual(ofType(out, 'wrap-up-started'), []);
    assert.deepEqual(offeredTo(out), [], 'not offered back to the agent who transferred it');
    assert.deepEqual(acd.waitingIn('other'), ['call']);
    assert.equal(acd.inWrapUp('alice'), false);
    assert.deepEqual(offeredTo(acd.handle(arrive('next', 20, { channel: 'voice' }))), ['alice'], 'she is free for the next call');
  });

  it('moves a handled contact straight to an available agent, and the first agent is free again', () => {
    const acd = engine([queue('q')], [{ id: 'alice', capacity: voice }, { id: 'bob', capacity: voice, queues: { elsewhere: {} } }]);
    acd.handle(arrive('call', 0, { channel: 'voice' }));
    acd.handle({ type: 'offer-accepted', at: 5, contactId: 'call', agentId: 'alice' });
    const out = acd.handle({ type: 'contact-transferred', at: 10, contactId: 'call', toAgentId: 'bob' });
    assert.deepEqual(ofType(out, 'transferred'), [{ type: 'transferred', contactId: 'call', fromAgentId: 'alice', toAgentId: 'bob', queueId: 'q' }]);
    assert.deepEqual(acd.handledBy('bob'), ['call']);
    assert.deepEqual(acd.handledBy('alice'), []);
    // Bob now has a call: a voice call blocks new chats for him, and ending it wraps him up, not alice.
    assert.deepEqual(offeredTo(acd.handle(arrive('chat', 20))), ['alice']);
  });

  it('refuses a transfer to an agent who is away or full, and changes nothing', () => {
    const acd = engine([queue('q')], [{ id: 'alice', capacity: voice }, { id: 'bob', capacity: voice, available: false }, { id: 'carol', capacity: { voice: 1 } }]);
    acd.handle(arrive('call', 0, { channel: 'voice' }));
    acd.handle({ type: 'offer-accepted', at: 5, contactId: 'call', agentId: 'alice' });
    acd.handle(arrive('call2', 6, { channel: 'voice' }));
    acd.handle({ type: 'offer-accepted', at: 7, contactId: 'call2', agentId: 'carol' });
    assert.deepEqual(ofType(acd.handle({ type: 'contact-transferred', at: 10, contactId: 'call', toAgentId: 'bob' }), 'transfer-refused')[0]?.reason, 'agent-unavailable');
    assert.deepEqual(ofType(acd.handle({ type: 'contact-transferred', at: 11, contactId: 'call', toAgentId: 'carol' }), 'transfer-refused')[0]?.reason, 'no-room');
    assert.deepEqual(ofType(acd.handle({ type: 'contact-transferred', at: 12, contactId: 'nope', toAgentId: 'carol' }), 'transfer-refused')[0]?.reason, 'not-handled');
    assert.deepEqual(acd.handledBy('alice'), ['call']);
  });
});

describe('AcdEngine: escalation to a higher tier', () => {
  const tiers = () =>
    engine(
      [queue('q')],
      [
        { id: 'tier1', capacity: { chat: 3 }, queues: { q: { tier: 1 } } },
        { id: 'other1', capacity: { chat: 3 }, queues: { q: { tier: 1 } } },
        { id: 'tier2', capacity: { chat: 3 }, queues: { q: { tier: 2 } }, available: false },
      ],
    );

  it('offers an escalated contact only to agents of its tier or deeper, even while tier 1 is free', () => {
    const acd = tiers();
    const holder = offeredTo(acd.handle(arrive('c', 0)))[0]!;
    assert.match(holder, /1$/, 'a tier-1 agent gets it first');
    acd.handle({ type: 'offer-accepted', at: 5, contactId: 'c', agentId: holder });
    const out = acd.handle({ type: 'contact-returned', at: 10, contactId: 'c', skipAgent: true, minTier: 2 });
    assert.deepEqual(offeredTo(out), [], 'no tier-1 agent is offered it, though one is free');
    assert.deepEqual(acd.waitingIn('q'), ['c']);
    assert.equal(acd.minTierOf('c'), 2);
    const back = acd.handle(agentEvent({ id: 'tier2', capacity: { chat: 3 }, queues: { q: { tier: 2 } } }, 20));
    assert.deepEqual(offeredTo(back), ['tier2']);
  });

  it('keeps new contacts going to tier 1 first', () => {
    const acd = tiers();
    acd.handle(agentEvent({ id: 'tier2', capacity: { chat: 3 }, queues: { q: { tier: 2 } } }, 1));
    const out = acd.handle(arrive('fresh', 2));
    assert.notDeepEqual(offeredTo(out), ['tier2']);
  });
});
