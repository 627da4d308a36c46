import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { hashPassword } from '../auth/password.js';

describe('REST API', () => {
  let server: TestServer;
  const json = (body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  before(async () => {
    server = await startTestServer({
      allowedOrigins: ['https://shop.example.com'],
      // A second plain agent who serves no queue, to check what a non-party can see.
      seed: async (store) =>
        store.agents.insert({ id: 'cara', email: 'cara@demo.switchboard', name: 'Cara', role: 'agent', passwordHash: await hashPassword('switchboard-demo'), status: 'offline', createdAt: 1 }),
    });
  });
  after(() => server.close());

  it('reports health with the store dialect', async () => {
    const res = await server.app.request('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', store: 'sqlite' });
  });

  it('refuses a malformed login with every field named, and a wrong password without saying which part', async () => {
    const bad = await server.app.request('/api/auth/login', json({ email: 'not-an-email' }));
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { error: { reason: string; issues: { path: string }[] } };
    assert.equal(body.error.reason, 'invalid-input');
    assert.deepEqual(body.error.issues.map((i) => i.path).sort(), ['email', 'password']);
    const wrong = await server.app.request('/api/auth/login', json({ email: 'ana@demo.switchboard', password: 'nope' }));
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { error: { reason: string } }).error.reason, 'invalid-credentials');
    const notJson = await server.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    assert.equal(notJson.status, 400);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, and logout ends the session', async () => {
    const res = await server.app.request('/api/auth/login', json({ email: 'ANA@demo.switchboard', password: 'switchboard-demo' }));
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    assert.equal(((await (await server.app.request('/api/auth/me', { headers: { Cookie: session } })).json()) as { name: string }).name, 'Ana Lima');
    assert.equal((await server.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: session } })).status, 204);
    assert.equal((await server.app.request('/api/auth/me', { headers: { Cookie: session } })).status, 401);
  });

  it('says who is signed in in this browser without an error when nobody is (the app asks at start-up)', async () => {
    const sessionOf = async (headers: Record<string, string>) => {
      const res = await server.app.request('/api/auth/session', { headers });
      assert.equal(res.status, 200);
      return ((await res.json()) as { agent: { name: string } | null }).agent;
    };
    assert.equal(await sessionOf({}), null);
    assert.equal(await sessionOf({ Cookie: 'sb_session=forged-session-id' }), null);
    const session = (await server.app.request('/api/auth/login', json({ email: 'ana@demo.switchboard', password: 'switchboard-demo' }))).headers.get('set-cookie')!.split(';')[0]!;
    assert.equal((await sessionOf({ Cookie: session }))?.name, 'Ana Lima');
  });

  it('refuses cookie-authenticated changes sent from another site', async () => {
    const res = await server.app.request('/api/auth/login', json({ email: 'ana@demo.switchboard', password: 'switchboard-demo' }, { Origin: 'https://evil.example', Host: 'localhost' }));
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { reason: string } }).error.reason, 'origin-not-allowed');
  });

  it('lets allowed sites, and only them, ask for a visitor identity across origins', async () => {
    const allowed = await server.app.request('/api/visitors', json({}, { Origin: 'https://shop.example.com' }));
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example.com');
    const body = (await allowed.json()) as { visitorId: string; token: string };
    assert.match(body.token, new RegExp(`^v1\\.${body.visitorId}\\.`));
    const resumed = (await (await server.app.request('/api/visitors', json({ token: body.token }))).json()) as { visitorId: string };
    assert.equal(resumed.visitorId, body.visitorId);
    const other = await server.app.request('/api/visitors', json({}, { Origin: 'https://elsewhere.example' }));
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('shows an agent only their own conversations', async () => {
    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: 'api-start-1' });
    const { conversationId } = await visitor.socket.next('ack', (a) => a.id === 'api-start-1');
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const offer = await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    ana.socket.send({ type: 'offer.accept', id: 'api-accept-1', conversationId: offer.offer.conversationId });
    await ana.socket.next('ack', (a) => a.id === 'api-accept-1');

    const events = await server.app.request(`/api/conversations/${conversationId}/events`, { headers: { Cookie: ana.cookie } });
    assert.deepEqual(((await events.json()) as { type: string }[]).map((e) => e.type), ['agent-joined']);
    const list = (await (await server.app.request('/api/conversations', { headers: { Cookie: ana.cookie } })).json()) as { id: string }[];
    assert.deepEqual(list.map((c) => c.id), [conversationId]);

    const cara = await signIn(server, 'cara@demo.switchboard');
    assert.deepEqual(await (await server.app.request('/api/conversations', { headers: { Cookie: cara } })).json(), []);
    const peek = await server.app.request(`/api/conversations/${conversationId}/events`, { headers: { Cookie: cara } });
    assert.equal(peek.status, 404, 'an agent who is not a party cannot even learn the conversation exists');
    const badQuery = await server.app.request(`/api/conversations/${conversationId}/events?after=abc`, { headers: { Cookie: ana.cookie } });
    assert.equal(badQuery.status, 400);
    visitor.socket.close();
    ana.socket.close();
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const doc = (await (await server.app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/auth/login', '/auth/logout', '/auth/me', '/visitors', '/conversations', '/conversations/{id}/events', '/canned-replies']) {
      assert.ok(path in doc.paths, `${path} is documented`);
    }
  });

  it('answers unknown API routes with a JSON not-found', async () => {
    const res = await server.app.request('/api/nothing-here');
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { reason: string } }).error.reason, 'not-found');
  });
});
