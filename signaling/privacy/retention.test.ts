/**
 * Retention over the real app with a clock the test moves: only what is older than the settings'
 * days goes (recordings sooner than their conversations), a second run finds nothing, and the
 * reports still count the erased contacts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import type { AuditEntry } from '../store/audit-repo.js';
import { finish, recordedCall, startChat, take, type Agent } from './privacy-fixture.js';

const DAY = 86_400_000;

describe('retention', () => {
  let server: TestServer & { dir: string };
  let now = Date.now();
  const start = now;
  let oldChat: string;
  let oldCall: string;
  let recentChat: string;

  /** A chat that Ana answers and ends at the clock's current time. */
  async function endedChat(ana: Agent, clientId: string): Promise<string> {
    const visitor = await connectVisitor(server);
    const id = await startChat(visitor, clientId, `hello from ${clientId}`);
    await take(ana, id);
    await finish(ana, id);
    visitor.socket.close();
    return id;
  }

  before(async () => {
    server = await startTestServer({ clock: () => now, retention: { disabled: true, batch: 1 } });
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    oldChat = await endedChat(ana, 'chat-old');
    const caller = await connectVisitor(server);
    oldCall = (await recordedCall(server, ana, caller, 'call-old')).conversationId;
    caller.socket.close();
    ana.socket.close();
    // Ten days later (sessions are made again: the clock moved past their idle limit).
    now = start + 10 * DAY;
    const later = await connectAgent(server, 'ana@demo.switchboard');
    recentChat = await endedChat(later, 'chat-recent');
    later.socket.close();
  });
  after(() => server.close());

  const exists = async (id: string) => (await server.store.conversations.findById(id)) !== undefined;
  const recordingsOf = async (id: string) => (await server.store.recordings.listFor([id])).length;
  const offered = async () => (await server.services.reports.rows({ from: new Date(start - DAY).toISOString(), to: new Date(start + 40 * DAY).toISOString(), groupBy: 'total' }))[0]?.offered;

  it('keeps everything until an admin sets days, and refuses settings that make no sense', async () => {
    assert.deepEqual(await server.services.retention.runOnce(), { conversations: 0, files: {}, deliveries: 0 });
    assert.ok((await exists(oldChat)) && (await recordingsOf(oldCall)) === 1);
    const admin = await signIn(server, TEST_ADMIN.email);
    const put = (body: unknown, cookie = admin) => fetch(`${server.url}/api/privacy/retention`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: JSON.stringify(body) });
    assert.equal((await put({ conversationsDays: 0 })).status, 400);
    assert.equal((await put({ recordingsDays: 'seven' })).status, 400);
    assert.equal((await put({ conversationsDays: 30 }, await signIn(server, 'ben@demo.switchboard'))).status, 403, 'supervisors may not');
    const saved = await put({ conversationsDays: 30, recordingsDays: 7 });
    assert.equal(saved.status, 200);
    assert.deepEqual(await saved.json(), { conversationsDays: 30, recordingsDays: 7, attachmentsDays: null, visitorDeletion: 'review' });
    assert.deepEqual(await (await fetch(`${server.url}/api/privacy/retention`, { headers: { cookie: admin } })).json(), { conversationsDays: 30, recordingsDays: 7, attachmentsDays: null, visitorDeletion: 'review' });
    const audit = (await (await fetch(`${server.url}/api/audit`, { headers: { cookie: admin } })).json()) as AuditEntry[];
    const changed = audit.find((e) => e.action === 'privacy.retention-changed')!;
    assert.deepEqual([changed.actor.name, (changed.detail.to as { conversationsDays: number }).conversationsDays], ['Administrator', 30]);
  });

  it('deletes a recording after its days while its conversation stays', async () => {
    const run = await server.services.retention.runOnce();
    assert.deepEqual(run, { conversations: 0, files: { recordings: 1 }, deliveries: 0 });
    assert.equal(await recordingsOf(oldCall), 0);
    assert.ok(await exists(oldCall), 'the call itself is ten days old: kept for thirty');
  });

  it('erases conversations older than their days in batches, only those, and a second run finds nothing', async () => {
    const before = await offered();
    now = start + 35 * DAY;
    // Two runs at once (two nodes, or a restart mid-run) do the work once between them.
    const [first, second] = await Promise.all([server.services.retention.runOnce(), server.services.retention.runOnce()]);
    assert.deepEqual(first, { conversations: 2, files: { recordings: 0 }, deliveries: 0 });
    assert.equal(second, first, 'the second caller joined the run in progress');
    assert.deepEqual([await exists(oldChat), await exists(oldCall), await exists(recentChat)], [false, false, true]);
    assert.equal((await server.store.conversations.eventsAfter(oldChat, 0)).length, 0);
    assert.deepEqual(await server.services.retention.runOnce(), { conversations: 0, files: { recordings: 0 }, deliveries: 0 });
    await server.services.log.flushed();
    assert.equal(await offered(), before, 'the report still counts the erased contacts');
    const audit = await server.services.audit.list({ limit: 10 });
    assert.equal(audit.filter((e) => e.action === 'privacy.retention-applied').length, 2, 'each run that deleted something is audited');
  });
});
