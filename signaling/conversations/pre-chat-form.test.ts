/**
 * A queue's pre-chat form, end to end on the server: admins set it with clear refusals of bad
 * input, the widget reads it from the queue status, and a first chat starts only with the
 * required answers, which the agent then sees on the customer and beside the conversation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import type { CustomerProfile } from '../protocol/customers.js';
import type { PreChatForm } from '../protocol/pre-chat-form.js';

type Visitor = Awaited<ReturnType<typeof connectVisitor>>;
type Answer = { type: string; reason?: string; message?: string; conversationId?: string };

const ask = (v: Visitor, frame: Record<string, unknown> & { id: string }) => {
  v.socket.send(frame);
  return v.socket.answer(frame.id) as Promise<Answer>;
};

const FORM: PreChatForm = {
  enabled: true,
  fields: { name: 'optional', email: 'required', phone: 'off' },
  consent: { text: 'I agree that my details are kept for this conversation.', required: true },
  custom: [{ key: 'order', label: 'Order number', required: false }],
};

describe('pre-chat form', () => {
  let server: TestServer;
  let admin: string;
  let supportId: string;
  const call = (method: string, path: string, body?: unknown) =>
    server.app.request(`/api/admin${path}`, { method, headers: { Cookie: admin, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  before(async () => {
    server = await startTestServer();
    admin = await signIn(server, TEST_ADMIN.email);
    const queues = (await (await call('GET', '/queues')).json()) as { id: string; slug: string; preChatForm: PreChatForm }[];
    const support = queues.find((q) => q.slug === 'support')!;
    supportId = support.id;
    assert.equal(support.preChatForm.enabled, false, 'a queue asks nothing until an admin says so');
  });
  after(() => server.close());

  it('refuses a malformed form with every problem named, and keeps the old one', async () => {
    const bad = {
      enabled: true,
      fields: { name: 'sometimes', email: 'required', phone: 'off', fax: 'required' },
      consent: { text: 'x'.repeat(1001), required: true },
      custom: Array.from({ length: 6 }, (_, i) => ({ key: `f${i}`, label: 'Field', required: false })),
    };
    const res = await call('PATCH', `/queues/${supportId}`, { preChatForm: bad });
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    const paths = error.issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ['preChatForm.consent.text', 'preChatForm.custom', 'preChatForm.fields', 'preChatForm.fields.name']);
    const builtIn = await call('PATCH', `/queues/${supportId}`, { preChatForm: { ...FORM, custom: [{ key: 'email', label: 'Mail', required: true }] } });
    assert.equal(builtIn.status, 400);
    const queues = (await (await call('GET', '/queues')).json()) as { id: string; preChatForm: PreChatForm }[];
    assert.equal(queues.find((q) => q.id === supportId)!.preChatForm.enabled, false);
  });

  it('starts a first chat only with the required answers, and shows them to the agent', async () => {
    const saved = await call('PATCH', `/queues/${supportId}`, { preChatForm: FORM });
    assert.equal(saved.status, 200);
    assert.deepEqual(((await saved.json()) as { preChatForm: PreChatForm }).preChatForm, FORM);
    const status = (await (await server.app.request('/api/visitors/queue-status')).json()) as { preChatForm?: PreChatForm };
    assert.deepEqual(status.preChatForm, FORM, 'the widget learns the form from the queue status');

    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const v = await connectVisitor(server);
    const visitorId = v.welcome.role === 'visitor' ? v.welcome.visitor.id : '';
    const none = await ask(v, { type: 'conversation.start', id: 'prechat-none' });
    assert.deepEqual([none.type, none.reason], ['error', 'invalid-input']);
    assert.match(none.message!, /email is required; consent is required; no chat was started/);
    const badMail = await ask(v, { type: 'conversation.start', id: 'prechat-bad-mail', preChat: { email: 'not-an-address', consent: true } });
    assert.match(badMail.message!, /email is not a valid e-mail address/);
    const unknownKey = await ask(v, { type: 'conversation.start', id: 'prechat-unknown', preChat: { email: 'mia@example.com', consent: true, shoeSize: '42' } });
    assert.deepEqual([unknownKey.type, unknownKey.reason], ['error', 'malformed-frame']);
    assert.deepEqual(await server.store.conversations.summariesForVisitor(visitorId), [], 'refused starts create nothing');
    assert.equal((await server.store.visitors.findById(visitorId))?.email ?? null, null, 'and store nothing');

    const started = await ask(v, { type: 'conversation.start', id: 'prechat-ok', preChat: { name: ' Mia ', email: 'Mia@Example.com', consent: true, custom: { order: 'A-1042', other: 'dropped' } } });
    assert.equal(started.type, 'ack');
    const offer = await ana.socket.next('offer', (o) => o.offer.conversationId === started.conversationId);
    assert.deepEqual([offer.offer.visitor.name, offer.offer.visitor.email], ['Mia', 'mia@example.com'], 'the offer names the visitor');
    const pop = (await (await fetch(`${server.url}/api/conversations/${started.conversationId}/customer`, { headers: { cookie: ana.cookie } })).json()) as CustomerProfile;
    assert.deepEqual(pop.context?.conversationAttributes, { consent: `✓ ${FORM.consent!.text}`, order: 'A-1042' });
    assert.ok(JSON.stringify(pop).includes('mia@example.com'), 'the e-mail is on the customer');

    // Someone who has chatted before is not asked again.
    await ask(v, { type: 'conversation.end', id: 'prechat-end', conversationId: started.conversationId! });
    assert.equal((await ask(v, { type: 'conversation.start', id: 'prechat-again' })).type, 'ack');
  });
});
