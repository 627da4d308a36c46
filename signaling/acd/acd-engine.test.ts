import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agentEvent, arrive, engine, offeredTo, offers, ofType, queue } from './engine-fixture.js';

describe('AcdEngine: offers and answers', () => {
  it('offers a new contact to a free agent, with the queue’s ring time, and says the queue changed', () => {
    const acd = engine([queue('q', { offerTimeoutMs: 20_000 })], [{ id: 'alice' }]);
    assert.deepEqual(acd.handle(arrive('c1', 1000)), [
      { type: 'offer', contactId: 'c1', agentId: 'alice', queueId: 'q', expiresAt: 21_000 },
      { type: 'queue-changed', queueId: 'q' },
    ]);
  });

  it('never offers to an agent who is unavailable, and offers as soon as one becomes available', () => {
    const acd = engine([queue('q')], [{ id: 'alice', available: false }]);
    assert.deepEqual(offeredTo(acd.handle(arrive('c1', 1))), []);
    assert.equal(acd.agentsAvailable('q'), 0);
    assert.equal(acd.estimatedWaitMs('c1'), undefined, 'no estimate when nobody can serve');
    assert.deepEqual(offeredTo(acd.handle(agentEvent({ id: 'alice' }, 5))), ['alice']);
  });

  it('keeps first in, first out: the oldest contact gets the only free agent', () => {
    const acd = engine([queue('q')], [{ id: 'alice', available: false }]);
    acd.handle(arrive('late', 1, { enqueuedAt: 50 }));
    acd.handle(arrive('early', 2, { enqueuedAt: 10 }));
    assert.deepEqual(acd.waitingIn('q'), ['early', 'late']);
    assert.deepEqual(offers(acd.handle(agentEvent({ id: 'alice', capacity: { chat: 1 } }, 5))).map((o) => o.contactId), ['early']);
  });

  it('assigns on accept, refuses a second accept, and counts the wait', () => {
    const acd = engine([queue('q')], [{ id: 'alice' }, { id: 'bob', at: 1 }]);
    acd.handle(arrive('c1', 100));
    assert.equal(acd.offersOf('c1')[0]?.agentId, 'alice', 'longest idle first');
    assert.deepEqual(ofType(acd.handle({ type: 'offer-accepted', at: 105, contactId: 'c1', agentId: 'bob' }), 'offer-unavailable').length, 1);
    const out = acd.handle({ type: 'offer-accepted', at: 130, contactId: 'c1', agentId: 'alice' });
    assert.deepEqual(ofType(out, 'assigned'), [{ type: 'assigned', contactId: 'c1', agentId: 'alice', queueId: 'q', waitedMs: 30 }]);
    assert.deepEqual(acd.handledBy('alice'), ['c1']);
    assert.deepEqual(acd.waitingIn('q'), []);
  });

  it('counts idle time from the last contact taken: the agent who just answered is not the longest idle', () => {
    const acd = engine([queue('q')], [{ id: 'alice' }, { id: 'bob', at: 10 }]);
    acd.handle(arrive('c1', 100));
    acd.handle({ type: 'offer-accepted', at: 110, contactId: 'c1', agentId: 'alice' });
    assert.deepEqual(offeredTo(acd.handle(arrive('c2', 120))), ['bob']);
  });

  it('moves an unanswered offer to the next agent when it times out (ring no answer)', () => {
    const acd = engine([queue('q', { offerTimeoutMs: 30_000 })], [{ id: 'alice' }, { id: 'bob', at: 10 }]);
    acd.handle(arrive('c1', 100));
    assert.equal(acd.nextDeadline(), 30_100);
    const out = acd.handle({ type: 'tick', at: 30_100 });
    assert.deepEqual(out[0], { type: 'offer-withdrawn', contactId: 'c1', agentId: 'alice', reason: 'timeout' });
    assert.deepEqual(offeredTo(out), ['bob']);
  });

  it('offers again to an agent who declined once the retry delay has passed and nobody else is free', () => {
    const acd = engine([queue('q', { retryDelayMs: 15_000 })], [{ id: 'alice' }]);
    acd.handle(arrive('c1', 0));
    assert.deepEqual(offeredTo(acd.handle({ type: 'offer-declined', at: 10, contactId: 'c1', agentId: 'alice' })), []);
    assert.equal(acd.nextDeadline(), 15_010);
    assert.deepEqual(offeredTo(acd.handle({ type: 'tick', at: 15_010 })), ['alice']);
  });

  it('pauses an agent after three missed offers in a row (max no answer)', () => {
    const acd = engine([queue('q', { offerTimeoutMs: 1000, retryDelayMs: 0 })], [{ id: 'alice' }], { maxNoAnswer: 3 });
    acd.handle(arrive('c1', 0));
    let paused: unknown[] = [];
    for (let t = 1000; t <= 3000; t += 1000) paused = ofType(acd.handle({ type: 'tick', at: t }), 'agent-paused');
    assert.deepEqual(paused, [{ type: 'agent-paused', agentId: 'alice', reason: 'no-answer', missed: 3 }]);
    assert.equal(acd.agentsAvailable('q'), 0);
    assert.equal(acd.offersOf('c1').length, 0);
  });

  it('holds offers back from an agent for the reject delay after a decline', () => {
    const acd = engine([queue('q', { retryDelayMs: 0 })], [{ id: 'alice' }], { rejectDelayMs: 5000 });
    acd.handle(arrive('c1', 0));
    acd.handle(arrive('c2', 0));
    assert.deepEqual(offeredTo(acd.handle({ type: 'offer-declined', at: 100, contactId: 'c1', agentId: 'alice' })), []);
    assert.equal(acd.nextDeadline(), 100, 'the declined contact may be retried with others at once');
    acd.handle({ type: 'tick', at: 100 });
    assert.deepEqual(offers(acd.handle({ type: 'tick', at: 5100 })).map((o) => o.contactId), ['c1']);
  });

  it('reports an abandoned contact with its wait, and withdraws its offer', () => {
    const acd = engine([queue('q')], [{ id: 'alice' }]);
    acd.handle(arrive('c1', 100));
    assert.deepEqual(acd.handle({ type: 'contact-ended', at: 700, contactId: 'c1' }), [
      { type: 'offer-withdrawn', contactId: 'c1', agentId: 'alice', reason: 'cancelled' },
      { type: 'abandoned', contactId: 'c1', queueId: 'q', waitedMs: 600 },
      { type: 'queue-changed', queueId: 'q' },
    ]);
  });

  it('withdraws an offer when the agent goes away, and re-routes it', () => {
    const acd = engine([queue('q')], [{ id: 'alice' }, { id: 'bob', at: 5 }]);
    acd.handle(arrive('c1', 10));
    const out = acd.handle(agentEvent({ id: 'alice', available: false }, 11));
    assert.deepEqual(out[0], { type: 'offer-withdrawn', contactId: 'c1', agentId: 'alice', reason: 'cancelled' });
    assert.deepEqual(offeredTo(out), ['bob']);
  });

  it('counts restored assignments against capacity after a restart', () => {
    const acd = engine([queue('q')], []);
    acd.handle({ type: 'contact-assigned', at: 0, contactId: 'old', agentId: 'alice', channel: 'chat', queueId: 'q' });
    acd.handle(agentEvent({ id: 'alice', capacity: { chat: 1 } }));
    assert.deepEqual(offeredTo(acd.handle(arrive('new', 1))), []);
    assert.deepEqual(offers(acd.handle({ type: 'contact-ended', at: 2, contactId: 'old' })).map((o) => o.contactId), ['new']);
  });

  it('does not queue a contact twice when its arrival is repeated', () => {
    const acd = engine([queue('q')], [{ id: 'alice', available: false }]);
    acd.handle(arrive('c1', 1));
    acd.handle(arrive('c1', 2));
    assert.deepEqual(acd.waitingIn('q'), ['c1']);
  });
});

describe('AcdEngine: capacity and channels', () => {
  it('fills an agent up to their chat capacity, one offer at a time', () => {
    const acd = engine([queue('q')], [{ id: 'alice', capacity: { chat: 2 } }]);
    for (const id of ['c1', 'c2', 'c3']) acd.handle(arrive(id, 0));
    acd.handle({ type: 'offer-accepted', at: 1, contactId: 'c1', agentId: 'alice' });
    assert.equal(acd.offersOf('c2')[0]?.agentId, 'alice');
    acd.handle({ type: 'offer-accepted', at: 2, contactId: 'c2', agentId: 'alice' });
    assert.deepEqual(acd.offersOf('c3'), [], 'alice is full');
    assert.deepEqual(offers(acd.handle({ type: 'contact-ended', at: 3, contactId: 'c1' })).map((o) => o.contactId), ['c3']);
  });

  it('gives an agent on a call no new chats, but e-mail does not stop a call', () => {
    const acd = engine([queue('q')], [{ id: 'alice', capacity: { chat: 3, voice: 1, email: 5 } }]);
    acd.handle(arrive('mail', 0, { channel: 'email' }));
    acd.handle({ type: 'offer-accepted', at: 1, contactId: 'mail', agentId: 'alice' });
    acd.handle(arrive('call', 2, { channel: 'voice' }));
    assert.equal(acd.offersOf('call')[0]?.agentId, 'alice', 'a call reaches an agent busy with e-mail');
    acd.handle({ type: 'offer-accepted', at: 3, contactId: 'call', agentId: 'alice' });
    assert.deepEqual(offeredTo(acd.handle(arrive('chat', 4))), [], 'no chats during a call');
    assert.deepEqual(offeredTo(acd.handle({ type: 'contact-ended', at: 5, contactId: 'call' })), ['alice']);
  });

  it('enters wrap-up after a contact and offers again when the wrap-up timer ends', () => {
    const acd = engine([queue('q', { wrapUpMs: 10_000 })], [{ id: 'alice', capacity: { chat: 1 } }]);
    acd.handle(arrive('c1', 0));
    acd.handle({ type: 'offer-accepted', at: 1, contactId: 'c1', agentId: 'alice' });
    acd.handle(arrive('c2', 2));
    const ended = acd.handle({ type: 'contact-ended', at: 100, contactId: 'c1' });
    assert.deepEqual(ofType(ended, 'wrap-up-started'), [{ type: 'wrap-up-started', agentId: 'alice', contactId: 'c1', until: 10_100 }]);
    assert.deepEqual(offeredTo(ended), []);
    const after = acd.handle({ type: 'tick', at: 10_100 });
    assert.deepEqual(after.map((d) => d.type).slice(0, 2), ['wrap-up-ended', 'offer']);
  });

  it('keeps an agent in wrap-up until the disposition when the queue requires one', () => {
    const acd = engine([queue('q', { wrapUpMs: 5000, dispositionRequired: true })], [{ id: 'alice', capacity: { chat: 1 } }]);
    acd.handle(arrive('c1', 0));
    acd.handle({ type: 'offer-accepted', at: 1, contactId: 'c1', agentId: 'alice' });
    acd.handle(arrive('c2', 2));
    acd.handle({ type: 'contact-ended', at: 100, contactId: 'c1' });
    assert.deepEqual(offeredTo(acd.handle({ type: 'tick', at: 60_000 })), []);
    assert.equal(acd.inWrapUp('alice'), true);
    assert.deepEqual(offeredTo(acd.handle({ type: 'wrap-up-done', at: 60_001, agentId: 'alice' })), ['alice']);
  });
});

describe('AcdEngine: queues', () => {
  it('serves skills: only agents with the required levels get the contact', () => {
    const acd = engine([queue('q', { requiredSkills: { billing: 3 } })], [{ id: 'novice', skills: { billing: 1 } }, { id: 'expert', skills: { billing: 5 } }]);
    assert.deepEqual(offeredTo(acd.handle(arrive('c1', 0))), ['expert']);
    assert.deepEqual(offeredTo(acd.handle(arrive('es', 1, { requiredSkills: { spanish: 1 } }))), [], 'nobody speaks Spanish');
  });

  it('offers tier 1 first and escalates to tier 2 after the queue’s wait threshold', () => {
    const acd = engine([queue('q', { tierWaitMs: 60_000 })], [{ id: 't1', capacity: { chat: 1 }, queues: { q: { tier: 1 } } }, { id: 't2', queues: { q: { tier: 2 } } }]);
    acd.handle(arrive('first', 0));
    acd.handle({ type: 'offer-accepted', at: 1, contactId: 'first', agentId: 't1' });
    assert.deepEqual(offeredTo(acd.handle(arrive('second', 10))), [], 'tier 2 waits while the contact is young');
    const later = acd.handle({ type: 'tick', at: 60_010 });
    assert.deepEqual(ofType(later, 'escalated'), [{ type: 'escalated', contactId: 'second', queueId: 'q', tier: 2 }]);
    assert.deepEqual(offeredTo(later), ['t2']);
  });

  it('ages priority in: a high-priority contact jumps the line, but not past one waiting much longer', () => {
    const acd = engine([queue('q', { priorityWeightMs: 60_000 })], [{ id: 'alice', available: false }]);
    acd.handle(arrive('old', 0));
    acd.handle(arrive('normal', 100_000));
    acd.handle(arrive('vip', 110_000, { priority: 1 }));
    assert.deepEqual(acd.waitingIn('q'), ['old', 'vip', 'normal']);
    assert.equal(acd.positionOf('vip'), 2);
  });

  it('overflows to another queue when full, and refuses when there is nowhere to go', () => {
    const acd = engine([queue('q', { maxSize: 1, overflow: { type: 'queue', queueId: 'backup' } }), queue('backup', { maxSize: 1 })], [{ id: 'alice', available: false }]);
    acd.handle(arrive('c1', 0));
    assert.deepEqual(ofType(acd.handle(arrive('c2', 1)), 'overflowed'), [{ type: 'overflowed', contactId: 'c2', fromQueueId: 'q', to: { type: 'queue', queueId: 'backup' }, reason: 'queue-full' }]);
    assert.deepEqual(acd.waitingIn('backup'), ['c2']);
    assert.deepEqual(ofType(acd.handle(arrive('c3', 2)), 'refused'), [{ type: 'refused', contactId: 'c3', queueId: 'backup', reason: 'queue-full' }]);
  });

  it('overflows a contact that waited too long, to a callback', () => {
    const acd = engine([queue('q', { maxWaitMs: 120_000, overflow: { type: 'callback' } })], [{ id: 'alice', available: false }]);
    acd.handle(arrive('c1', 0));
    assert.equal(acd.nextDeadline(), 120_000);
    assert.deepEqual(ofType(acd.handle({ type: 'tick', at: 120_000 }), 'overflowed'), [{ type: 'overflowed', contactId: 'c1', fromQueueId: 'q', to: { type: 'callback' }, reason: 'max-wait' }]);
    assert.deepEqual(acd.waitingIn('q'), []);
  });

  it('sends contacts arriving outside business hours to the closed target', () => {
    const hours = { timeZone: 'UTC', weekly: { mon: [['09:00', '17:00']] as [string, string][] } };
    const acd = engine([queue('q', { hours, closedTarget: { type: 'message' } })], [{ id: 'alice' }]);
    const night = Date.parse('2026-11-22T22:00:00Z'); // Sunday
    assert.deepEqual(ofType(acd.handle(arrive('c1', night)), 'overflowed')[0]?.to, { type: 'message' });
    const morning = Date.parse('2026-11-23T10:00:00Z'); // Monday
    assert.deepEqual(offeredTo(acd.handle(arrive('c2', morning))), ['alice']);
  });

  it('waits for a returning customer’s last agent, for the sticky time only', () => {
    const acd = engine([queue('q', { stickyMs: 30_000 })], [{ id: 'alice', capacity: { chat: 1 } }, { id: 'bob' }]);
    acd.handle(arrive('busy', 0));
    acd.handle({ type: 'offer-accepted', at: 1, contactId: 'busy', agentId: 'alice' });
    assert.deepEqual(offeredTo(acd.handle(arrive('back', 10, { preferredAgentId: 'alice' }))), [], 'bob is free but alice is preferred');
    assert.deepEqual(offeredTo(acd.handle({ type: 'contact-ended', at: 20, contactId: 'busy' })), ['alice']);
    acd.handle({ type: 'offer-accepted', at: 25, contactId: 'back', agentId: 'alice' });
    assert.deepEqual(offeredTo(acd.handle(arrive('again', 30, { preferredAgentId: 'alice' }))), [], 'alice is busy but around: wait for her');
    assert.deepEqual(offeredTo(acd.handle({ type: 'tick', at: 30_030 })), ['bob'], 'after the sticky time anyone may take it');
  });

  it('rings every free agent at once with ring-all; the first accept wins and the others are withdrawn', () => {
    const acd = engine([queue('q', { strategy: 'ring-all' })], [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    assert.deepEqual(offeredTo(acd.handle(arrive('c1', 0))).sort(), ['a', 'b', 'c']);
    const out = acd.handle({ type: 'offer-accepted', at: 5, contactId: 'c1', agentId: 'b' });
    assert.deepEqual(ofType(out, 'offer-withdrawn').map((w) => [w.agentId, w.reason]).sort(), [['a', 'taken'], ['c', 'taken']]);
  });

  it('goes round robin through the members', () => {
    const acd = engine([queue('q', { strategy: 'round-robin' })], [{ id: 'a', queues: { q: { position: 0 } } }, { id: 'b', queues: { q: { position: 1 } } }, { id: 'c', queues: { q: { position: 2 } } }]);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [offer] = offers(acd.handle(arrive(`c${i}`, i * 10)));
      order.push(offer!.agentId);
      acd.handle({ type: 'offer-accepted', at: i * 10 + 1, contactId: `c${i}`, agentId: offer!.agentId });
      acd.handle({ type: 'contact-ended', at: i * 10 + 2, contactId: `c${i}` });
    }
    assert.deepEqual(order, ['a', 'b', 'c', 'a']);
  });

  it('estimates the wait from the position, the handle time and the agents who can serve', () => {
    const acd = engine([queue('q', { expectedHandleMs: 60_000 })], [{ id: 'a', capacity: { chat: 1 } }, { id: 'b', capacity: { chat: 1 } }]);
    for (const id of ['c1', 'c2']) {
      acd.handle(arrive(id, 0));
      acd.handle({ type: 'offer-accepted', at: 1, contactId: id, agentId: acd.offersOf(id)[0]!.agentId });
    }
    for (const id of ['w1', 'w2', 'w3', 'w4']) acd.handle(arrive(id, 2));
    // Both agents finish their contacts a minute after taking them; then one more each per minute.
    assert.deepEqual(['w1', 'w2', 'w3', 'w4'].map((id) => acd.estimatedWaitMs(id)), [59_999, 59_999, 119_999, 119_999]);
  });

  it('counts an agent in wrap-up as free only when it ends, and gives no estimate while the only agent waits to record a disposition', () => {
    const timed = engine([queue('q', { expectedHandleMs: 60_000, wrapUpMs: 45_000 })], [{ id: 'a', capacity: { chat: 3 } }]);
    timed.handle(arrive('c1', 0));
    timed.handle({ type: 'offer-accepted', at: 1, contactId: 'c1', agentId: 'a' });
    timed.handle({ type: 'contact-ended', at: 10_000, contactId: 'c1' });
    for (const id of ['w1', 'w2', 'w3']) timed.handle(arrive(id, 10_000));
    assert.deepEqual(['w1', 'w2', 'w3'].map((id) => timed.estimatedWaitMs(id)), [45_000, 45_000, 45_000], 'the third chat slot frees with the wrap-up too');
    assert.equal(timed.estimatedWaitForNew('q', 'chat'), 45_000 + 9_999, 'a fourth waits one more handle time (as measured on her first chat)');

    const required = engine([queue('q', { dispositionRequired: true })], [{ id: 'a', capacity: { chat: 3 } }]);
    required.handle(arrive('c1', 0));
    required.handle({ type: 'offer-accepted', at: 1, contactId: 'c1', agentId: 'a' });
    required.handle({ type: 'contact-ended', at: 10_000, contactId: 'c1' });
    for (const id of ['w1', 'w2', 'w3']) required.handle(arrive(id, 10_000));
    assert.equal(required.estimatedWaitMs('w3'), undefined, 'not "under a minute": nobody knows when she is done');
    assert.equal(required.agentsAvailable('q'), 1, 'she is still signed in');
  });

  it('waits for a call to end before estimating a chat with that agent, and not for a chat-only colleague’s voice', () => {
    const acd = engine([queue('q', { expectedHandleMs: 60_000 })], [{ id: 'a', capacity: { chat: 2, voice: 1 } }, { id: 'b', capacity: { chat: 2 } }]);
    acd.handle(arrive('call', 0, { channel: 'voice' }));
    acd.handle({ type: 'offer-accepted', at: 0, contactId: 'call', agentId: 'a' });
    acd.handle({ type: 'tick', at: 20_000 });
    assert.equal(acd.estimatedWaitForNew('q', 'chat'), 0, 'b is free for chats');
    assert.equal(acd.estimatedWaitForNew('q', 'voice'), 40_000, 'only a takes calls, and she is on one');
  });
});
