/**
 * A visitor asks to delete their conversation: reviewed by an admin (approve erases, reject keeps)
 * or erased at once, as configured; only their own conversation, and every decision audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import type { DeletionRequestView } from '../protocol/privacy.js';
import type { AuditEntry } from '../store/audit-repo.js';
import { finish, leftovers, startChat, take, type Agent, type Visitor } from './privacy-fixture.js';

describe("visitors' deletion requests", () => {
  let server: TestServer & { dir: string };
  let admin: string;
  let ana: Agent;

  before(async () => {
    server = await startTestServer({ retention: { disabled: true } });
    admin = await signIn(server, TEST_ADMIN.email);
    ana = await connectAgent(server, 'ana@demo.switchboard');
  });
  after(async () => {
    ana.socket.close();
    await server.close();
  });

  const requestDeletion = (token: string | undefined, conversationId: string) =>
    fetch(`${server.url}/api/visitors/conversations/${conversationId}/deletion-request`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });
  const asAdmin = async <T>(method: string, path: string, body?: unknown, cookie = admin) => {
    const r = await fetch(`${server.url}/api/${path}`, { method, headers: { cookie, origin: server.origin, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: r.status, body: (await r.json()) as T };
  };
  const lastAudit = async (action: string) => (await asAdmin<AuditEntry[]>('GET', 'audit')).body.find((e) => e.action === action);

  /** A visitor's chat that Ana answered and ended. */
  async function endedChat(clientId: string, text: string): Promise<{ visitor: Visitor; id: string }> {
    const visitor = await connectVisitor(server);
    const id = await startChat(visitor, clientId, text);
    await take(ana, id);
    await finish(ana, id);
    return { visitor, id };
  }

  it('queues a request for review; only the visitor whose conversation it is may ask', async () => {
    const { visitor, id } = await endedChat('chat-review', 'Please forget my address at Travessa do Carmo 12');
    const stranger = await connectVisitor(server);
    assert.equal((await requestDeletion(undefined, id)).status, 401);
    assert.equal((await requestDeletion(stranger.token, id)).status, 404, "another visitor's conversation is not found");
    assert.equal((await requestDeletion(visitor.token, 'no-such-conversation')).status, 404);
    const asked = await requestDeletion(visitor.token, id);
    assert.equal(asked.status, 200);
    assert.deepEqual(await asked.json(), { status: 'pending' });
    assert.deepEqual(await (await requestDeletion(visitor.token, id)).json(), { status: 'pending' }, 'asking twice is one request');
    assert.ok(await server.store.conversations.findById(id), 'nothing is erased before an admin decides');

    assert.equal((await asAdmin('GET', 'privacy/deletion-requests', undefined, await signIn(server, 'ben@demo.switchboard'))).status, 403);
    const listed = await asAdmin<DeletionRequestView[]>('GET', 'privacy/deletion-requests?status=pending');
    assert.equal(listed.status, 200);
    const request = listed.body.find((r) => r.conversationId === id)!;
    assert.deepEqual([request.status, request.conversation?.channel, request.conversation?.status], ['pending', 'chat', 'ended']);

    const approved = await asAdmin<DeletionRequestView>('POST', `privacy/deletion-requests/${request.id}/approve`);
    assert.equal(approved.status, 200);
    assert.deepEqual([approved.body.status, approved.body.decidedBy?.name, approved.body.conversation], ['approved', 'Administrator', undefined]);
    assert.equal(await server.store.conversations.findById(id), undefined);
    assert.deepEqual(leftovers(server, ['Travessa do Carmo']), []);
    assert.equal((await asAdmin('POST', `privacy/deletion-requests/${request.id}/reject`)).status, 400, 'decided once');
    assert.deepEqual((await lastAudit('deletion-request.approved'))?.target, { type: 'conversation', id });
    for (const v of [visitor, stranger]) v.socket.close();
  });

  it('keeps the conversation when the admin rejects the request, and says so to the visitor', async () => {
    const { visitor, id } = await endedChat('chat-reject', 'I dispute invoice 5521');
    await requestDeletion(visitor.token, id);
    const request = (await asAdmin<DeletionRequestView[]>('GET', 'privacy/deletion-requests')).body.find((r) => r.conversationId === id)!;
    const rejected = await asAdmin<DeletionRequestView>('POST', `privacy/deletion-requests/${request.id}/reject`);
    assert.equal(rejected.body.status, 'rejected');
    assert.ok(await server.store.conversations.findById(id));
    assert.deepEqual(await (await requestDeletion(visitor.token, id)).json(), { status: 'rejected' });
    assert.deepEqual((await lastAudit('deletion-request.rejected'))?.target, { type: 'conversation', id });
    visitor.socket.close();
  });

  it('erases at once in automatic mode, ending a conversation still open, and audits it', async () => {
    assert.equal((await asAdmin('PUT', 'privacy/retention', { visitorDeletion: 'automatic' })).status, 200);
    const { visitor, id: endedId } = await endedChat('chat-auto', 'Erase me: Alameda 7');
    assert.deepEqual(await (await requestDeletion(visitor.token, endedId)).json(), { status: 'erased' });
    assert.equal(await server.store.conversations.findById(endedId), undefined);

    // Still waiting for an agent: it ends (the visitor sees why) and goes.
    ana.socket.close();
    const waiting = await startChat(visitor, 'chat-auto-open', 'Never mind, erase this too: Alameda 7');
    assert.deepEqual(await (await requestDeletion(visitor.token, waiting)).json(), { status: 'erased' });
    const ended = await visitor.socket.next('events', (f) => f.conversationId === waiting && f.events.some((e) => e.type === 'ended'));
    assert.deepEqual(ended.events.map((e) => (e.type === 'ended' ? e.reason : e.type)), ['erased']);
    assert.equal(await server.store.conversations.findById(waiting), undefined);
    assert.deepEqual(leftovers(server, ['Alameda 7']), []);
    const audit = (await asAdmin<AuditEntry[]>('GET', 'audit')).body.filter((e) => e.action === 'conversation.erased');
    assert.deepEqual(audit.map((e) => [e.actor.name, e.target.id]), [['visitor', waiting], ['visitor', endedId]]);
    visitor.socket.close();
    ana = await connectAgent(server, 'ana@demo.switchboard');
  });
});
