/** The team over the real API: invitations, initial passwords, roles, deactivation, resets, and the limits on each. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { ANA } from '../../test/support/demo-logins.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import { TestSocket } from '../../test/support/test-socket.js';
import type { AgentProfile } from '../protocol/api.js';
import type { LinkInfo, TeamMember, TeamMemberCreated } from '../protocol/team.js';
import { AuditTrail } from '../kernel/audit-trail.js';
import { openStore } from '../store/open-store.js';
import { AccountListeners } from './account-events.js';
import { TeamService } from './team-service.js';

type Answer = { status: number; body: Record<string, unknown> };

describe('the team', () => {
  let server: TestServer;
  let admin: string;

  /** A JSON request as the app makes it (same origin), with a session cookie or none. */
  async function api(method: string, path: string, cookie: string | undefined, body?: unknown): Promise<Answer & { cookie?: string }> {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Origin: server.origin, ...(cookie ? { Cookie: cookie } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const setCookie = response.headers.get('set-cookie')?.split(';')[0];
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, ...(setCookie ? { cookie: setCookie } : {}) };
  }
  const team = async () => (await api('GET', '/team', admin)).body as unknown as TeamMember[];
  const memberByEmail = async (email: string) => (await team()).find((m) => m.email === email)!;

  before(async () => {
    server = await startTestServer();
    admin = await signIn(server, TEST_ADMIN.email);
  });
  after(() => server.close());

  it('invites a person by a one-time link: they choose a password, sign in, and the link does not work twice', async () => {
    const created = await api('POST', '/team', admin, { name: 'Dana Ruiz', email: 'Dana@Example.com', role: 'agent', languages: ['es', 'en'], skills: { billing: 2 }, method: 'invite' });
    assert.equal(created.status, 200);
    const { member, invitation } = created.body as unknown as TeamMemberCreated;
    assert.equal(member.email, 'dana@example.com');
    assert.equal(member.invited, true);
    assert.deepEqual(member.languages, ['es', 'en']);
    assert.match(invitation!.url, /\/agent\/#\/invite\/[\w-]{40,}$/);

    // Before accepting, nobody can sign in as Dana (no password exists yet).
    assert.equal((await api('POST', '/auth/login', undefined, { email: 'dana@example.com', password: '' + 'x'.repeat(12) })).status, 401);

    const info = (await api('POST', '/auth/links/inspect', undefined, { token: invitation!.token })).body as unknown as LinkInfo;
    assert.deepEqual({ purpose: info.purpose, email: info.email, name: info.name }, { purpose: 'invite', email: 'dana@example.com', name: 'Dana Ruiz' });

    const weak = await api('POST', '/auth/links/accept', undefined, { token: invitation!.token, password: 'password123' });
    assert.equal(weak.status, 400);
    assert.match(String((weak.body.error as { message: string }).message), /too easy to guess|at least/);

    const accepted = await api('POST', '/auth/links/accept', undefined, { token: invitation!.token, password: 'orchid-lantern-velvet-42', name: 'Dana R.' });
    assert.equal(accepted.status, 200);
    assert.equal((accepted.body as unknown as AgentProfile).name, 'Dana R.');
    assert.ok(accepted.cookie, 'accepting signs the person in');
    assert.equal((await api('GET', '/auth/me', accepted.cookie)).status, 200);

    assert.equal((await api('POST', '/auth/links/accept', undefined, { token: invitation!.token, password: 'another-orchid-lantern-43' })).status, 404);
    assert.equal((await api('POST', '/auth/login', undefined, { email: 'dana@example.com', password: 'orchid-lantern-velvet-42' })).status, 200);
    assert.equal((await memberByEmail('dana@example.com')).invited, false);
  });

  it('adds a person with an initial password they must change before anything else', async () => {
    const weak = await api('POST', '/team', admin, { name: 'Finn', email: 'finn@example.com', role: 'supervisor', method: 'password', password: 'qwertyuiop' });
    assert.equal(weak.status, 400);
    assert.equal((await team()).some((m) => m.email === 'finn@example.com'), false, 'a refused request adds nobody');

    const created = await api('POST', '/team', admin, { name: 'Finn', email: 'finn@example.com', role: 'supervisor', method: 'password', password: 'initial-harbor-cobalt-7' });
    assert.equal(created.status, 200);
    const login = await api('POST', '/auth/login', undefined, { email: 'finn@example.com', password: 'initial-harbor-cobalt-7' });
    assert.equal((login.body as unknown as AgentProfile).mustChangePassword, true);
    const blocked = await api('GET', '/conversations', login.cookie);
    assert.equal(blocked.status, 403);
    assert.equal((blocked.body.error as { reason: string }).reason, 'password-change-required');
    await assert.rejects(TestSocket.open(`${server.url.replace('http', 'ws')}/ws/agent`, { Origin: server.origin, Cookie: login.cookie! }), /HTTP 403/);

    assert.equal((await api('POST', '/auth/password', login.cookie, { currentPassword: 'initial-harbor-cobalt-7', newPassword: 'initial-harbor-cobalt-7' })).status, 400);
    const changed = await api('POST', '/auth/password', login.cookie, { currentPassword: 'initial-harbor-cobalt-7', newPassword: 'quiet-meadow-falcon-19' });
    assert.equal(changed.status, 200);
    assert.equal((changed.body as unknown as AgentProfile).mustChangePassword, false);
    assert.equal((await api('GET', '/conversations', login.cookie)).status, 200);
  });

  it('refuses a duplicate e-mail, and changes nothing', async () => {
    const before = await team();
    const duplicate = await api('POST', '/team', admin, { name: 'Ana Again', email: 'ANA@demo.switchboard', role: 'admin', method: 'invite' });
    assert.equal(duplicate.status, 400);
    assert.deepEqual((duplicate.body.error as { issues: { path: string }[] }).issues.map((i) => i.path), ['email']);
    assert.deepEqual(await team(), before);
  });

  it('never leaves the team without an active admin', async () => {
    const me = await memberByEmail(TEST_ADMIN.email);
    const demote = await api('PATCH', `/team/${me.id}`, admin, { role: 'supervisor' });
    assert.equal(demote.status, 400);
    assert.match(String((demote.body.error as { message: string }).message), /last active admin/);
    assert.equal((await api('POST', `/team/${me.id}/deactivate`, admin)).status, 400, 'nor deactivate yourself');
    assert.equal((await memberByEmail(TEST_ADMIN.email)).role, 'admin');

    // With a second admin, the first may be demoted by them.
    const second = (await api('POST', '/team', admin, { name: 'Gus', email: 'gus@example.com', role: 'admin', method: 'password', password: 'granite-willow-harbor-8' })).body as unknown as TeamMemberCreated;
    const gus = (await api('POST', '/auth/login', undefined, { email: 'gus@example.com', password: 'granite-willow-harbor-8' })).cookie!;
    await api('POST', '/auth/password', gus, { currentPassword: 'granite-willow-harbor-8', newPassword: 'granite-willow-harbor-9x' });
    assert.equal((await api('POST', `/team/${me.id}/deactivate`, gus)).status, 200);
    const last = await api('PATCH', `/team/${second.member.id}`, gus, { role: 'agent' });
    assert.equal(last.status, 400, 'Gus is now the last active admin');
    assert.equal((await api('POST', `/team/${me.id}/reactivate`, gus)).status, 200);
    admin = await signIn(server, TEST_ADMIN.email);
  });

  it('lets only admins manage the team', async () => {
    const ana = await signIn(server, ANA.email);
    assert.equal((await api('GET', '/team', ana)).status, 403);
    assert.equal((await api('POST', '/team', ana, { name: 'X', email: 'x@example.com', role: 'admin', method: 'invite' })).status, 403);
    assert.equal((await api('GET', '/team', undefined)).status, 401);
    assert.equal((await api('GET', '/audit', ana)).status, 403);
  });

  it('deactivates an agent mid-conversation: their app signs out, the visitor goes back to the head of the queue, sign-in is refused', async () => {
    const created = (await api('POST', '/team', admin, { name: 'Hana', email: 'hana@example.com', role: 'agent', method: 'password', password: 'maple-comet-signal-31' })).body as unknown as TeamMemberCreated;
    const first = (await api('POST', '/auth/login', undefined, { email: 'hana@example.com', password: 'maple-comet-signal-31' })).cookie!;
    await api('POST', '/auth/password', first, { currentPassword: 'maple-comet-signal-31', newPassword: 'maple-comet-signal-32' });
    // Hana serves the support queue alone (the demo agents are offline here).
    const queues = (await api('GET', '/admin/queues', admin)).body as unknown as { id: string; slug: string; members: unknown[] }[];
    const support = queues.find((q) => q.slug === 'support')!;
    await api('PUT', `/admin/queues/${support.id}/members`, admin, [...(support.members as object[]), { agentId: created.member.id, tier: 1, position: 9 }]);

    const hanaCookie = await signIn(server, 'hana@example.com', 'maple-comet-signal-32');
    const hana = await TestSocket.open(`${server.url.replace('http', 'ws')}/ws/agent`, { Origin: server.origin, Cookie: hanaCookie });
    hana.send({ type: 'hello', protocol: 1 });
    await hana.next('welcome');
    hana.send({ type: 'presence.set', id: 'presence-hana', status: 'available' });
    assert.equal((await hana.answer('presence-hana')).type, 'ack');

    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: 'start-hana' });
    const started = await visitor.socket.answer('start-hana');
    assert.equal(started.type, 'ack');
    const conversationId = String(started.type === 'ack' ? started.conversationId : '');
    await hana.next('offer', (o) => o.offer.conversationId === conversationId);
    hana.send({ type: 'offer.accept', id: 'accept-hana', conversationId });
    assert.equal((await hana.answer('accept-hana')).type, 'ack');
    await visitor.socket.next('conversation', (f) => f.conversation.id === conversationId && f.conversation.status === 'active');

    assert.equal((await api('POST', `/team/${created.member.id}/deactivate`, admin)).status, 200);
    assert.equal((await hana.next('signed-out')).reason, 'deactivated');
    assert.equal(await hana.closed, 4401);
    const requeued = await visitor.socket.next('conversation', (f) => f.conversation.id === conversationId && f.conversation.status === 'queued');
    assert.equal(requeued.conversation.agent, undefined);

    // Ana, the next available agent, is offered the same conversation.
    const ana = await connectAgent(server, ANA.email);
    ana.socket.send({ type: 'presence.set', id: 'presence-ana', status: 'available' });
    await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);

    assert.equal((await api('GET', '/auth/me', hanaCookie)).status, 401);
    assert.equal((await api('POST', '/auth/login', undefined, { email: 'hana@example.com', password: 'maple-comet-signal-32' })).status, 401);
    const member = await memberByEmail('hana@example.com');
    assert.equal(member.active, false);
    assert.equal(member.name, 'Hana', 'history keeps the name');
    ana.socket.close();
    visitor.socket.close();
  });

  it('ends a person’s sessions when their role changes', async () => {
    const created = (await api('POST', '/team', admin, { name: 'Ivo', email: 'ivo@example.com', role: 'agent', method: 'password', password: 'cedar-pixel-orbit-55' })).body as unknown as TeamMemberCreated;
    const ivo = (await api('POST', '/auth/login', undefined, { email: 'ivo@example.com', password: 'cedar-pixel-orbit-55' })).cookie!;
    assert.equal((await api('PATCH', `/team/${created.member.id}`, admin, { role: 'supervisor' })).status, 200);
    assert.equal((await api('GET', '/auth/me', ivo)).status, 401);
  });

  it('resets a password by link or by a temporary one, and audits it all', async () => {
    const dana = await memberByEmail('dana@example.com');
    const temporary = (await api('POST', `/team/${dana.id}/password-reset`, admin, { method: 'temporary' })).body as { temporaryPassword: string };
    assert.match(temporary.temporaryPassword, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    assert.equal((await api('POST', '/auth/login', undefined, { email: 'dana@example.com', password: 'orchid-lantern-velvet-42' })).status, 401);
    const login = await api('POST', '/auth/login', undefined, { email: 'dana@example.com', password: temporary.temporaryPassword });
    assert.equal((login.body as unknown as AgentProfile).mustChangePassword, true);

    const link = (await api('POST', `/team/${dana.id}/password-reset`, admin, { method: 'link' })).body as { link: { token: string; url: string } };
    assert.match(link.link.url, /\/agent\/#\/reset\//);
    assert.equal(((await api('POST', '/auth/links/inspect', undefined, { token: link.link.token })).body as unknown as LinkInfo).purpose, 'reset');
    assert.equal((await api('POST', '/auth/links/accept', undefined, { token: link.link.token, password: 'silver-thistle-rocket-88' })).status, 200);
    assert.equal((await api('GET', '/auth/me', login.cookie)).status, 401, 'the temporary session ended');

    const audit = (await api('GET', '/audit?limit=50', admin)).body as unknown as { action: string; actor: { name: string } }[];
    const actions = audit.map((e) => e.action);
    for (const action of ['team.added', 'team.invitation-accepted', 'team.deactivated', 'team.reactivated', 'team.role-changed', 'team.password-reset', 'team.password-set']) assert.ok(actions.includes(action), `audited: ${action}`);
    const csv = await fetch(`${server.url}/api/audit/export.csv`, { headers: { Cookie: admin } });
    assert.match(csv.headers.get('content-type')!, /text\/csv/);
    assert.match(await csv.text(), /team\.deactivated/);
  });

  it('refuses bad input on every team route', async () => {
    const me = await memberByEmail(TEST_ADMIN.email);
    for (const [method, path, body] of [
      ['POST', '/team', { name: '', email: 'ok@example.com', role: 'agent', method: 'invite' }],
      ['POST', '/team', { name: 'Z', email: 'not an address', role: 'agent', method: 'invite' }],
      ['POST', '/team', { name: 'Z', email: 'z@example.com', role: 'owner', method: 'invite' }],
      ['POST', '/team', { name: 'Z', email: 'z@example.com', role: 'agent', method: 'password' }],
      ['PATCH', `/team/${me.id}`, { languages: ['english'] }],
      ['POST', `/team/${me.id}/password-reset`, { method: 'sms' }],
      ['POST', '/auth/links/accept', { token: 'x'.repeat(40), password: 'orchid-lantern-velvet-42' }],
    ] as const) {
      const answer = await api(method, path, admin, body);
      assert.ok(answer.status === 400 || answer.status === 404, `${method} ${path} ${JSON.stringify(body)}: ${answer.status}`);
    }
    assert.equal((await api('PATCH', '/team/nobody', admin, { name: 'X' })).status, 404);
    assert.equal((await team()).some((m) => m.email === 'z@example.com' || m.email === 'ok@example.com'), false);
  });
});

describe('invitation links', () => {
  it('expire after a week: the holder is told, and nothing changes', async () => {
    const store = await openStore('sqlite::memory:');
    let now = Date.parse('2026-11-02T09:00:00Z');
    const team = new TeamService({ store, audit: new AuditTrail(store, () => now), events: new AccountListeners(), clock: () => now });
    await store.agents.insert({ id: 'boss', email: 'boss@example.com', name: 'Boss', role: 'admin', passwordHash: 'x', status: 'offline', createdAt: 1 });
    const boss = (await store.agents.findById('boss'))!;
    const { invitation, member } = await team.create({ kind: 'agent', agent: boss }, { name: 'Jo', email: 'jo@example.com', role: 'agent', languages: [], skills: {}, method: 'invite' });
    now += 7 * 86_400_000 + 60_000;
    await assert.rejects(team.linkInfo(invitation!.token), { reason: 'not-found' });
    await assert.rejects(team.acceptLink(invitation!.token, 'orchid-lantern-velvet-42'), { reason: 'not-found' });
    assert.equal((await store.agents.findById(member.id))!.passwordHash, '', 'no password was set');
    await store.close();
  });
});
