/**
 * An admin exports everything stored about a customer and then erases them, over the real API:
 * the archive holds their conversations, notes and recording; afterwards no table holds their
 * name, address, number or words, while the wallboard and the reports count the same contacts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import type { AuditEntry } from '../store/audit-repo.js';
import { ask, finish, kpiCounts, leftovers, recordedCall, startChat, take, visitorIdOf } from './privacy-fixture.js';

const ROSA = { name: 'Rosalind Quennell', email: 'rosalind.quennell@example.test', phone: '+351912345678' };
const SAID = ['My parcel 88-XQ-41 never arrived at Rua das Flores', 'Sorry Rosalind, I am checking parcel 88-XQ-41 now', 'Rosalind prefers calls after six', 'Left in the widget: please call me about the refund'];
const DAY = 86_400_000;
const iso = (at: number) => new Date(at).toISOString();

describe("customers' data: export and erasure", () => {
  let server: TestServer & { dir: string };
  let admin: string;
  let customerId: string;
  let chatId: string;
  let audio: Uint8Array;
  const from = iso(Date.now() - DAY);
  const to = iso(Date.now() + DAY);

  before(async () => {
    server = await startTestServer({ retention: { disabled: true } });
    admin = await signIn(server, TEST_ADMIN.email);
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const rosa = await connectVisitor(server);
    rosa.socket.send({ type: 'visitor.context', page: { url: 'https://shop.test/orders/88-XQ-41', title: 'Order 88-XQ-41' }, language: 'pt-PT', timeZone: 'Europe/Lisbon' });
    await ask(rosa, { type: 'visitor.identify', id: 'ident-rosa', name: ROSA.name, email: ROSA.email, phone: ROSA.phone });
    chatId = await startChat(rosa, 'chat-rosa', SAID[0]!);
    await take(ana, chatId);
    await ask(ana, { type: 'message.send', id: 'reply-rosa', conversationId: chatId, text: SAID[1]! });
    await ask(ana, { type: 'note.add', id: 'note-rosa', conversationId: chatId, text: SAID[2]! });
    assert.equal((await fetch(`${server.url}/api/conversations/${chatId}/tags`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie: ana.cookie, origin: server.origin }, body: JSON.stringify({ tags: ['late-delivery'] }) })).status, 200);
    await finish(ana, chatId);
    ({ audio } = await recordedCall(server, ana, rosa, 'call-rosa'));
    // Ana signs out: what Rosa asks for next waits in the queue, open while she is erased.
    ana.socket.close();
    const left = await fetch(`${server.url}/api/visitors/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${rosa.token}` }, body: JSON.stringify({ id: 'offline-rosa', name: ROSA.name, email: ROSA.email, message: SAID[3] }) });
    assert.equal(left.status, 200);
    const booked = await fetch(`${server.url}/api/visitors/callbacks`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${rosa.token}` }, body: JSON.stringify({ id: 'callback-rosa', phone: ROSA.phone, when: 'asap', name: ROSA.name }) });
    assert.equal(booked.status, 200);
    await server.services.callbacks.settled();
    customerId = (await server.store.customers.customerOf(visitorIdOf(rosa)))!;
    rosa.socket.close();
  });
  after(() => server.close());

  const exportAs = (cookie: string | undefined, id = customerId) => fetch(`${server.url}/api/customers/${id}/export`, { headers: cookie ? { cookie } : {} });
  const erase = (cookie: string, body: unknown, id = customerId) => fetch(`${server.url}/api/customers/${id}/erase`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: JSON.stringify(body) });
  const audit = async () => (await (await fetch(`${server.url}/api/audit`, { headers: { cookie: admin } })).json()) as AuditEntry[];

  it('exports one zip with customer.json (profile, visitors, every conversation with its timeline, notes, tags, mails) and the recording', async () => {
    const response = await exportAs(admin);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="customer-.+\.zip"/);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const data = JSON.parse(new TextDecoder().decode(files['customer.json'])) as {
      format: string;
      customer: { email: string; name: string; phone: string };
      visitors: { context?: { pages: { title?: string }[]; timeZone?: string } }[];
      callbacks: { phone: string }[];
      conversations: { id: string; channel: string; events: { type: string; text?: string }[]; notes: { text: string }[]; tags: string[]; mails: { to: string }[]; files: { path: string; mimeType: string }[] }[];
    };
    assert.equal(data.format, 'switchboard.customer-export');
    assert.deepEqual([data.customer.name, data.customer.email, data.customer.phone], [ROSA.name, ROSA.email, ROSA.phone]);
    assert.equal(data.visitors[0]?.context?.pages[0]?.title, 'Order 88-XQ-41');
    assert.equal(data.callbacks[0]?.phone, ROSA.phone);
    assert.deepEqual(data.conversations.map((c) => c.channel).sort(), ['chat', 'email', 'voice', 'voice']);
    const chat = data.conversations.find((c) => c.id === chatId)!;
    assert.deepEqual(chat.events.filter((e) => e.type === 'message').map((e) => e.text), [SAID[0], SAID[1]]);
    assert.deepEqual(chat.notes.map((n) => n.text), [SAID[2]]);
    assert.deepEqual(chat.tags, ['late-delivery']);
    assert.equal(data.conversations.find((c) => c.channel === 'email')?.mails[0]?.to, ROSA.email, 'the acknowledgement mailed to her');
    const recording = data.conversations.flatMap((c) => c.files)[0]!;
    assert.equal(recording.mimeType, 'audio/webm');
    assert.deepEqual([...files[recording.path]!], [...audio], 'the recording is in the archive byte for byte');
    const entry = (await audit()).find((e) => e.action === 'customer.exported');
    assert.deepEqual(entry?.target, { type: 'customer', id: customerId });
  });

  it('refuses the export and the erasure to anyone but an admin, and knows no customer it does not have', async () => {
    const agent = await signIn(server, 'ana@demo.switchboard');
    const supervisor = await signIn(server, 'ben@demo.switchboard');
    assert.equal((await exportAs(undefined)).status, 401);
    assert.equal((await exportAs(agent)).status, 403);
    assert.equal((await exportAs(supervisor)).status, 403);
    assert.equal((await erase(supervisor, { confirm: customerId })).status, 403);
    assert.equal((await exportAs(admin, 'no-such-customer')).status, 404);
    assert.equal((await erase(admin, { confirm: 'no-such-customer' }, 'no-such-customer')).status, 404);
    assert.equal((await erase(admin, { confirm: 'someone-else' })).status, 400, 'the confirmation must repeat the id');
    assert.ok(await server.store.customers.findById(customerId), 'nothing was erased');
  });

  it('erases every personal field and word, ends what was still open, and leaves the KPIs counting the same contacts', async () => {
    const open = (await server.store.privacy.conversationIdsOf((await server.store.privacy.visitorsOf(customerId)).map((v) => v.id))).length;
    assert.equal(open, 4, 'the chat, the call, and the message and the callback still waiting in the queue');
    await server.services.log.flushed();
    const counted = await kpiCounts(server, from, to);

    const response = await erase(admin, { confirm: customerId });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { customerId, visitors: 1, conversations: 4, recordings: 1, files: 0 });

    assert.equal(await server.store.customers.findById(customerId), undefined);
    assert.equal((await fetch(`${server.url}/api/conversations/${chatId}/customer`, { headers: { cookie: admin } })).status, 404);
    assert.equal((await exportAs(admin)).status, 404, 'the id resolves to nothing');
    assert.deepEqual(leftovers(server, [ROSA.name, ROSA.email, ROSA.phone, '912345678', ...SAID, '88-XQ-41', audio]), []);
    await server.services.log.flushed();
    // The two contacts still waiting ended unanswered (abandoned); everything else counts as before.
    const now = await kpiCounts(server, from, to);
    const total = (c: typeof now, key: 'offered' | 'answered' | 'abandoned') => [c.wallboard.reduce((n, q) => n + q[key], 0), c.report.reduce((n, r) => n + r[key], 0)];
    assert.deepEqual(total(now, 'offered'), total(counted, 'offered'), 'the wallboard and the report count the same contacts');
    assert.deepEqual(total(now, 'offered'), [4, 4]);
    assert.deepEqual(total(now, 'answered'), total(counted, 'answered'));
    assert.deepEqual(total(now, 'abandoned'), total(counted, 'abandoned').map((n) => n + 2));

    const entry = (await audit()).find((e) => e.action === 'customer.erased')!;
    assert.deepEqual(entry.target, { type: 'customer', id: customerId });
    assert.deepEqual(entry.detail, { visitors: 1, conversations: 4, recordings: 1, files: 0 });
    assert.equal((await erase(admin, { confirm: customerId })).status, 404, 'erasing twice finds nothing');
  });
});
