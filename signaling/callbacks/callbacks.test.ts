/** Callbacks through the REST API and the agent's socket: booking, cancelling, falling due, outcomes and retries. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, newVisitorToken } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import type { CallbackView, QueueStatus } from '../protocol/contact-options.js';
import { bookableSlots, nextOpening } from '../acd/business-hours.js';

const ANA = 'ana@demo.switchboard';
const HOURS = { timeZone: 'Europe/Berlin', weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } } as const;

async function call(server: TestServer, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { reason: string; message: string } } };
}

describe('callbacks', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      // Billing keeps office hours in Berlin; support (the default) is always open.
      seed: async (store) => {
        const billing = (await store.queues.findBySlug('billing'))!;
        await store.queues.update({ ...billing, hours: { timeZone: HOURS.timeZone, weekly: HOURS.weekly as never } });
      },
    });
  });
  after(() => server.close());

  it('offers bookable times only inside business hours, in the future', async () => {
    const { status, body } = await call(server, 'GET', '/api/visitors/queue-status?queue=billing');
    assert.equal(status, 200);
    const queueStatus = body as unknown as QueueStatus;
    assert.equal(queueStatus.queue.slug, 'billing');
    assert.ok(queueStatus.callbackSlots.length > 0);
    const now = Date.now();
    for (const slot of queueStatus.callbackSlots) {
      assert.ok(slot > now);
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(slot);
      assert.match(local, /^(Mon|Tue|Wed|Thu|Fri) (09|1[0-6]):(00|30)$/, `${local} is inside office hours`);
    }
  });

  it('refuses a bad number, a past time, a closed time and a missing token, storing nothing', async () => {
    const token = await newVisitorToken(server);
    const badPhone = await call(server, 'POST', '/api/visitors/callbacks', token, { id: 'cb-bad-phone', phone: '12', when: 'asap' });
    assert.equal(badPhone.status, 400);
    assert.match(badPhone.body.error!.message, /phone/);
    const notANumber = await call(server, 'POST', '/api/visitors/callbacks', token, { id: 'cb-bad-phone2', phone: '+44 20 0000 000', when: 'asap' });
    assert.equal(notANumber.status, 400, 'a number of the right length that no operator uses is refused too');
    const past = await call(server, 'POST', '/api/visitors/callbacks', token, { id: 'cb-past-1', phone: '+44 20 7946 0018', when: Date.now() - 3_600_000, queue: 'billing' });
    assert.equal(past.status, 400);
    assert.match(past.body.error!.message, /passed/);
    // A Sunday slot at 03:00 Berlin time: aligned, in range, but closed.
    const sunday = findClosedSlot();
    const closed = await call(server, 'POST', '/api/visitors/callbacks', token, { id: 'cb-closed-1', phone: '+44 20 7946 0018', when: sunday, queue: 'billing' });
    assert.equal(closed.status, 400);
    assert.match(closed.body.error!.message, /business hours/);
    const anonymous = await call(server, 'POST', '/api/visitors/callbacks', undefined, { id: 'cb-anon-1', phone: '+44 20 7946 0018', when: 'asap' });
    assert.equal(anonymous.status, 401);
    const pending = await call(server, 'GET', '/api/visitors/callbacks', token);
    assert.deepEqual(pending.body, []);
  });

  it('normalizes the number with the visitor’s region, and lets them cancel a scheduled callback (nobody else can)', async () => {
    const token = await newVisitorToken(server);
    const slot = (await call(server, 'GET', '/api/visitors/queue-status?queue=billing')).body.callbackSlots as number[];
    const booked = await call(server, 'POST', '/api/visitors/callbacks', token, { id: 'cb-slot-1', phone: '030 901820', when: slot[0], queue: 'billing', locale: 'de-DE' });
    assert.equal(booked.status, 200);
    const view = booked.body as unknown as CallbackView;
    assert.equal(view.phone, '+4930901820');
    assert.equal(view.status, 'scheduled');
    assert.equal(view.dueAt, slot[0]);
    const retried = await call(server, 'POST', '/api/visitors/callbacks', token, { id: 'cb-slot-1', phone: '030 901820', when: slot[0], queue: 'billing', locale: 'de-DE' });
    assert.equal(retried.body.id, view.id, 'a retried booking is the same callback');

    const stranger = await newVisitorToken(server);
    assert.equal((await call(server, 'DELETE', `/api/visitors/callbacks/${view.id}`, stranger)).status, 404);
    const cancelled = await call(server, 'DELETE', `/api/visitors/callbacks/${view.id}`, token);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.deepEqual((await call(server, 'GET', '/api/visitors/callbacks', token)).body, []);
  });

  it('turns an as-soon-as-possible callback into a voice contact; the agent records no answer, and it is scheduled again', async () => {
    const ana = await connectAgent(server, ANA);
    const token = await newVisitorToken(server);
    const booked = (await call(server, 'POST', '/api/visitors/callbacks', token, { id: 'cb-asap-1', phone: '+44 20 7946 0018', when: 'asap', name: 'Priya', page: { url: 'https://shop.test/cart', title: 'Cart' } })).body as unknown as CallbackView;
    const offer = await ana.socket.next('offer', (o) => o.offer.channel === 'voice' && o.offer.visitor.name === 'Priya');
    const conversationId = offer.offer.conversationId;
    ana.socket.send({ type: 'offer.accept', id: 'accept-cb-1', conversationId });
    assert.equal((await ana.socket.answer('accept-cb-1')).type, 'ack');
    const summary = await server.store.conversations.summary(conversationId);
    assert.equal(summary?.source, 'callback');
    assert.equal(summary?.visitor.phone, '+442079460018');
    const [first] = await server.store.conversations.eventsAfter(conversationId, 0);
    assert.equal(first?.type === 'callback' && first.phone, '+442079460018');

    // The visitor cannot cancel while the agent dials.
    const tooLate = await call(server, 'DELETE', `/api/visitors/callbacks/${booked.id}`, token);
    assert.equal(tooLate.status, 400);
    assert.match(tooLate.body.error!.message, /calling you now/);

    const cookie = ana.cookie;
    const outcome = await fetch(`${server.url}/api/conversations/${conversationId}/callback-outcome`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: JSON.stringify({ outcome: 'no-answer' }) });
    assert.equal(outcome.status, 200);
    const after = (await outcome.json()) as CallbackView;
    assert.equal(after.status, 'scheduled');
    assert.equal(after.attempts, 1);
    assert.ok(after.dueAt >= Date.now() + 14 * 60_000, 'retried after the queue’s retry interval (15 minutes)');
    assert.equal((await server.store.conversations.findById(conversationId))?.status, 'ended');
    const events = await server.store.conversations.eventsAfter(conversationId, 0);
    assert.ok(events.some((e) => e.type === 'callback-outcome' && e.outcome === 'no-answer' && e.retryAt === after.dueAt));

    // Recording twice, or on somebody else's conversation, is refused.
    const twice = await fetch(`${server.url}/api/conversations/${conversationId}/callback-outcome`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: JSON.stringify({ outcome: 'reached' }) });
    assert.equal(twice.status, 400);
    ana.socket.send({ type: 'wrap-up.done', id: 'wrap-cb-1', disposition: 'follow-up' });
    await ana.socket.answer('wrap-cb-1');
    ana.socket.close();
  });

  it('keeps a callback booked outside hours for the next opening', () => {
    const saturdayNoon = Date.parse('2026-11-28T11:00:00Z');
    assert.equal(new Date(nextOpening(HOURS as never, saturdayNoon)!).toISOString(), '2026-11-30T08:00:00.000Z', 'Monday 09:00 in Berlin');
    const slots = bookableSlots(HOURS as never, saturdayNoon, { stepMinutes: 30, days: 3 });
    assert.equal(new Date(slots[0]!).toISOString(), '2026-11-30T08:00:00.000Z');
    assert.equal(slots.length, 16 + 7, 'Monday 09:00 to 16:30, and Tuesday 09:00 to 12:00 (three days from Saturday noon)');
  });

  it('limits how many callbacks and messages one visitor can send in an hour', async () => {
    const token = await newVisitorToken(server);
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++) statuses.push((await call(server, 'POST', '/api/visitors/callbacks', token, { id: `cb-flood-${n}x`, phone: 'not a number', when: 'asap' })).status);
    assert.deepEqual(statuses, [...Array(10).fill(400), 429], 'the eleventh request is refused before it is read');
  });
});

/** The next Sunday 03:00 in Berlin, on the half-hour mark. */
function findClosedSlot(): number {
  let t = Math.ceil(Date.now() / 1_800_000) * 1_800_000;
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  while (fmt.format(t) !== 'Sun 03:00') t += 1_800_000;
  return t;
}
