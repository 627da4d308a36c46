/**
 * What a site reports about its visitor through the widget's API (`trackEvent`,
 * `setConversationAttributes`): validated and bounded at the socket, kept with the visitor's
 * browsing context, and shown to the agent in the screen pop. Also: a message over the length
 * limit is refused whole with a clear error, never cut.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import type { ConversationEvent } from '../protocol/conversation.js';
import type { CustomerProfile, CustomerTimeline } from '../protocol/customers.js';
import { MAX_MESSAGE_LENGTH } from '../protocol/version.js';

type Visitor = Awaited<ReturnType<typeof connectVisitor>>;

async function ask(v: Visitor, frame: Record<string, unknown> & { id: string }) {
  v.socket.send(frame);
  return v.socket.answer(frame.id) as Promise<{ type: string; reason?: string; message?: string; conversationId?: string }>;
}

describe('tracked events and conversation attributes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('keeps the newest 20 valid events and the attributes, refuses bad ones without storing them, and shows them in the screen pop', async () => {
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const v = await connectVisitor(server);
    for (let i = 1; i <= 21; i++) assert.deepEqual(await ask(v, { type: 'visitor.event', id: `tracked-event-${i}`, name: `step ${i}`, properties: { n: i } }), { type: 'ack', id: `tracked-event-${i}` });
    const bad = await ask(v, { type: 'visitor.event', id: 'tracked-event-bad', name: '<script>alert(1)</script>' });
    assert.deepEqual([bad.type, bad.reason], ['error', 'malformed-frame']);
    const tooMany = await ask(v, { type: 'visitor.event', id: 'tracked-event-props', name: 'big', properties: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, i])) });
    assert.equal(tooMany.type, 'error');
    assert.equal((await ask(v, { type: 'visitor.conversation-attributes', id: 'attributes-1', attributes: { orderId: '1042', gift: true } })).type, 'ack');
    const overAttributes = await ask(v, { type: 'visitor.conversation-attributes', id: 'attributes-2', attributes: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`a${i}`, i])) });
    assert.deepEqual([overAttributes.type, overAttributes.reason], ['error', 'invalid-input']);

    const started = await ask(v, { type: 'conversation.start', id: 'start-tracked' });
    const chatId = started.conversationId!;
    await ana.socket.next('offer', (o) => o.offer.conversationId === chatId);
    const pop = await fetch(`${server.url}/api/conversations/${chatId}/customer`, { headers: { cookie: ana.cookie } });
    assert.equal(pop.status, 200);
    const context = ((await pop.json()) as CustomerProfile).context!;
    assert.equal(context.events!.length, 20);
    assert.deepEqual([context.events![0]!.name, context.events!.at(-1)!.name], ['step 2', 'step 21']);
    assert.deepEqual(context.events!.at(-1)!.properties, { n: 21 });
    assert.deepEqual(context.conversationAttributes, { orderId: '1042', gift: true });
  });

  it('refuses a message over the limit whole, saying what the limit is', async () => {
    const v = await connectVisitor(server);
    const started = await ask(v, { type: 'conversation.start', id: 'start-long' });
    const answer = await ask(v, { type: 'message.send', id: 'send-over-limit', conversationId: started.conversationId!, text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) });
    assert.equal(answer.type, 'error');
    assert.match(answer.message!, new RegExp(`at most ${MAX_MESSAGE_LENGTH} characters; nothing was sent`));
    assert.equal((await ask(v, { type: 'message.send', id: 'send-within-limit', conversationId: started.conversationId!, text: 'x'.repeat(MAX_MESSAGE_LENGTH) })).type, 'ack');
  });
});

describe('tracked events in the timeline', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('adds an event reported during a conversation to its timeline, with a few bounded properties', async () => {
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const v = await connectVisitor(server);
    assert.equal((await ask(v, { type: 'visitor.event', id: 'before-chat', name: 'viewed pricing' })).type, 'ack');
    const chatId = (await ask(v, { type: 'conversation.start', id: 'start-timeline' })).conversationId!;
    await ana.socket.next('offer', (o) => o.offer.conversationId === chatId);
    ana.socket.send({ type: 'offer.accept', id: 'accept-timeline', conversationId: chatId });
    assert.equal((await ana.socket.answer('accept-timeline')).type, 'ack');

    const properties = { plan: '<b>pro</b>', note: 'x'.repeat(256), seats: 3, trial: false, a: 1, b: 2, c: 3 };
    assert.equal((await ask(v, { type: 'visitor.event', id: 'during-chat', name: 'checkout started', properties })).type, 'ack');
    const live = await ana.socket.next('events', (f) => f.conversationId === chatId && f.events.some((e) => e.type === 'visitor-event'));
    const expected = { type: 'visitor-event', name: 'checkout started', properties: { plan: '<b>pro</b>', note: 'x'.repeat(80), seats: 3, trial: false, a: 1 } };
    const bodyOf = (e: ConversationEvent) => (e.type === 'visitor-event' ? { type: e.type, name: e.name, properties: e.properties } : { type: e.type });
    assert.deepEqual(live.events.map(bodyOf), [expected]);

    const timeline = (await (await fetch(`${server.url}/api/conversations/${chatId}/customer/timeline`, { headers: { cookie: ana.cookie } })).json()) as CustomerTimeline;
    const entries = timeline.find((t) => t.conversation.id === chatId)!.events.filter((e) => e.type === 'visitor-event');
    assert.equal(entries.length, 1, 'the event before the chat stays in the screen pop, not the timeline');
    assert.deepEqual(entries.map(bodyOf), [expected]);
  });
});
