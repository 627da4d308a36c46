import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signIn } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { hashPassword } from '../auth/password.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';
const at = (hhmmss: string) => Date.parse(`2026-11-23T${hhmmss}Z`);

describe('reports, staffing and metrics', () => {
  let server: TestServer;
  let supervisor: string;
  let agent: string;
  let supportId: string;

  before(async () => {
    server = await startTestServer({
      metricsToken: 'scraper-token-0123456789',
      seed: async (store) => {
        // An agent whose name would run as a formula in a spreadsheet if exported raw.
        await store.agents.insert({ id: 'mallory', email: 'mallory@x.io', name: '=HYPERLINK("http://evil")', role: 'agent', passwordHash: await hashPassword('whatever-123'), status: 'offline', createdAt: 1 });
        const support = (await store.queues.findBySlug('support'))!.id;
        // 09:00-10:00: three contacts (one answered in 10 s by mallory, handled 5 min; one abandoned
        // after 40 s; one answered in 60 s). 10:00-11:00: one answered in 5 s.
        const log = [
          { at: at('09:00:00'), type: 'contact-queued', conversationId: 'r1', queueId: support, data: { channel: 'chat', language: 'en' } },
          { at: at('09:00:10'), type: 'offer-accepted', conversationId: 'r1', agentId: 'mallory', queueId: support },
          { at: at('09:05:10'), type: 'contact-ended', conversationId: 'r1', agentId: 'mallory', queueId: support },
          { at: at('09:10:00'), type: 'contact-queued', conversationId: 'r2', queueId: support, data: { channel: 'chat' } },
          { at: at('09:10:40'), type: 'contact-abandoned', conversationId: 'r2', queueId: support },
          { at: at('09:20:00'), type: 'contact-queued', conversationId: 'r3', queueId: support, data: { channel: 'chat' } },
          { at: at('09:21:00'), type: 'offer-accepted', conversationId: 'r3', agentId: 'mallory', queueId: support },
          { at: at('09:24:00'), type: 'contact-ended', conversationId: 'r3', agentId: 'mallory', queueId: support },
          { at: at('10:00:00'), type: 'contact-queued', conversationId: 'r4', queueId: support, data: { channel: 'chat' } },
          { at: at('10:00:05'), type: 'offer-accepted', conversationId: 'r4', agentId: 'mallory', queueId: support },
          { at: at('10:04:05'), type: 'contact-ended', conversationId: 'r4', agentId: 'mallory', queueId: support },
        ];
        // Mallory's sign-in and sign-out around those contacts, with a coffee break, for the activity report.
        log.push(
          { at: at('08:30:00'), type: 'agent-login', agentId: 'mallory', data: { status: 'available' } } as never,
          { at: at('09:30:00'), type: 'agent-state', agentId: 'mallory', data: { status: 'away', breakReason: 'coffee' } } as never,
          { at: at('09:45:00'), type: 'agent-state', agentId: 'mallory', data: { status: 'available' } } as never,
          { at: at('11:00:00'), type: 'agent-logout', agentId: 'mallory' } as never,
        );
        log.sort((a, b) => a.at - b.at);
        for (const e of log) await store.eventLog.append(e);
      },
    });
    supportId = (await server.store.queues.findBySlug('support'))!.id;
    supervisor = await signIn(server, BEN);
    agent = await signIn(server, ANA);
  });
  after(() => server.close());

  const get = (path: string, cookie = supervisor) => server.app.request(path, { headers: { Cookie: cookie } });

  it('reports KPIs per queue and hour exactly as defined', async () => {
    const res = await get('/api/reports?from=2026-11-23&to=2026-11-24&groupBy=queue&interval=hour');
    assert.equal(res.status, 200);
    const rows = (await res.json()) as { bucket: string; label: string; offered: number; answered: number; abandoned: number; serviceLevel: number; asaSeconds: number; ahtSeconds: number }[];
    assert.deepEqual(
      rows.map((r) => [r.bucket, r.label, r.offered, r.answered, r.abandoned, r.serviceLevel, r.asaSeconds, r.ahtSeconds]),
      [
        ['2026-11-23 09:00', 'Support', 3, 2, 1, 1 / 3, 35, 240],
        ['2026-11-23 10:00', 'Support', 1, 1, 0, 1, 5, 240],
      ],
    );
  });

  it('exports CSV that spreadsheets open safely', async () => {
    const res = await get('/api/reports?from=2026-11-23&to=2026-11-24&groupBy=agent&format=csv');
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition')!, /attachment; filename="switchboard-agent-2026-11-23.csv"/);
    const [header, row, end] = (await res.text()).split('\r\n');
    assert.equal(header, 'bucket,key,label,offered,answered,abandoned,shortAbandoned,transfers,escalations,serviceLevel,serviceLevel2,abandonmentRate,asaSeconds,ahtSeconds,csat,occupancy');
    assert.ok(row!.startsWith(`,mallory,"'=HYPERLINK(""http://evil"")",3,3,0,0,0,`), row);
    assert.equal(end, '');
  });

  it('says how many agents each hour needs for 80% in 20 s (Erlang C on the measured traffic)', async () => {
    const res = await get(`/api/reports/staffing?queueId=${supportId}&date=2026-11-23`);
    const rows = (await res.json()) as { hour: string; offered: number; ahtSeconds: number | null; agentsNeeded: number | null }[];
    assert.equal(rows.length, 24);
    const nine = rows.find((r) => r.hour === '2026-11-23 09:00')!;
    // 3 contacts in the hour × 240 s = 0.2 erlangs: one agent answers 80% within 20 s.
    assert.deepEqual([nine.offered, nine.ahtSeconds, nine.agentsNeeded], [3, 240, 1]);
    assert.equal(rows.find((r) => r.hour === '2026-11-23 03:00')!.agentsNeeded, null);
  });

  it('refuses agents and bad periods', async () => {
    assert.equal((await get('/api/reports?from=2026-11-23&to=2026-11-24', agent)).status, 403);
    const bad = await get('/api/reports?from=2026-11-24&to=2026-11-23');
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path, 'to');
  });

  it('serves Prometheus metrics to a scraper with the token or to a supervisor, and nobody else', async () => {
    assert.equal((await server.app.request('/metrics')).status, 401);
    assert.equal((await server.app.request('/metrics', { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status, 401);
    // A signed-in plain agent is known, and not allowed: 403, as on every other staff-only route.
    assert.equal((await get('/metrics', agent)).status, 403);
    const scraped = await server.app.request('/metrics', { headers: { Authorization: 'Bearer scraper-token-0123456789' } });
    assert.equal(scraped.status, 200);
    const text = await scraped.text();
    assert.match(text, /# TYPE switchboard_queue_waiting gauge\n/);
    assert.match(text, /^switchboard_queue_waiting\{queue="support"\} 0$/m);
    assert.match(text, /^switchboard_queue_agents_available\{queue="billing"\} 0$/m);
    assert.match(text, /switchboard_websocket_connections 0/);
    assert.equal((await get('/metrics')).status, 200);
  });

  it('reports each agent’s day from the event log, as JSON and as CSV', async () => {
    const res = await get('/api/reports/agent-activity?from=2026-11-23&to=2026-11-24');
    assert.equal(res.status, 200);
    const rows = (await res.json()) as { day: string; agent: string; signedInSeconds: number; onContactSeconds: number; breakSeconds: Record<string, number>; firstSignInAt: number; lastSignOutAt: number; contacts: Record<string, number> }[];
    const mallory = rows.find((r) => r.agent === '=HYPERLINK("http://evil")')!;
    assert.equal(mallory.day, '2026-11-23');
    assert.equal(mallory.signedInSeconds, 2.5 * 3600);
    assert.equal(mallory.onContactSeconds, 5 * 60 + 3 * 60 + 4 * 60);
    assert.deepEqual(mallory.breakSeconds, { coffee: 15 * 60 });
    assert.equal(mallory.firstSignInAt, at('08:30:00'));
    assert.equal(mallory.lastSignOutAt, at('11:00:00'));
    assert.deepEqual(mallory.contacts, { chat: 3 });
    const csv = await (await get('/api/reports/agent-activity?from=2026-11-23&to=2026-11-24&format=csv')).text();
    const [header, line] = csv.split('\r\n');
    assert.equal(header, 'day,agentId,agent,signedInSeconds,availableSeconds,onContactSeconds,wrapUpSeconds,break:coffee,awayAfterMissedSeconds,offlineSeconds,firstSignIn,lastSignOut,contacts:chat,missedOffers');
    assert.ok(line!.includes(`"'=HYPERLINK(""http://evil"")"`), 'a name that looks like a formula is defused');
    assert.ok(line!.includes('2026-11-23T08:30:00.000Z'));
  });

  it('refuses a bad activity period with a clear error, and agents altogether', async () => {
    for (const query of ['from=2026-11-24&to=2026-11-23', 'from=2026-01-01&to=2026-06-01', 'from=yesterday&to=2026-11-24', 'from=2026-11-23']) {
      const res = await get(`/api/reports/agent-activity?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(((await res.json()) as { error: { reason: string } }).error.reason, 'invalid-input', query);
    }
    assert.equal((await get('/api/reports/agent-activity?from=2026-11-23&to=2026-11-24', agent)).status, 403);
  });
});
