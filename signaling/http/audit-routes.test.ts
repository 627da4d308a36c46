/**
 * The audit log records configuration changes and forced states through the real API: queues,
 * members, agents' routing, channels, webhooks, mail rules, callback policy, and a supervisor
 * setting an agent's presence; who did it, to what, and never a secret.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import type { AuditEntry } from '../store/audit-repo.js';

describe('audit log of configuration changes', () => {
  let server: TestServer;
  let admin: string;
  before(async () => {
    server = await startTestServer({ retention: { disabled: true } });
    admin = await signIn(server, TEST_ADMIN.email);
  });
  after(() => server.close());

  const call = async <T>(method: string, path: string, body?: unknown, cookie = admin): Promise<T> => {
    const r = await fetch(`${server.url}/api/${path}`, { method, headers: { cookie, origin: server.origin, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    assert.ok(r.ok, `${method} ${path}: ${r.status} ${await r.clone().text()}`);
    return (r.status === 204 ? undefined : await r.json()) as T;
  };

  it('names the admin, the target and the change for each setting, and the supervisor who forced a state', async () => {
    const ana = (await server.store.agents.findByEmail('ana@demo.switchboard'))!;
    const queue = await call<{ id: string }>('POST', 'admin/queues', { slug: 'returns', name: 'Returns' });
    await call('PATCH', `admin/queues/${queue.id}`, { name: 'Returns and refunds', wrapUpMs: 30_000 });
    await call('PUT', `admin/queues/${queue.id}/members`, [{ agentId: ana.id, tier: 1, position: 0 }]);
    await call('PATCH', `admin/agents/${ana.id}/routing`, { skills: { returns: 4 } });
    const channel = await call<{ id: string; secret: string }>('POST', 'integrations/channels', { name: 'SMS', queue: 'returns' });
    await call('DELETE', `integrations/channels/${channel.id}`);
    const webhook = await call<{ id: string; secret: string }>('POST', 'integrations/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['conversation.ended'] });
    await call('DELETE', `integrations/webhooks/${webhook.id}`);
    await call('PUT', 'integrations/mail-rules', [{ keywords: ['refund'], in: 'subject', queue: 'returns' }]);
    await call('PUT', `integrations/queues/${queue.id}/contact-options`, { callbackRetryMs: 600_000, callbackMaxAttempts: 2, offerAlternativesAfterMs: 120_000 });
    await call('PUT', `supervisor/agents/${ana.id}/presence`, { status: 'away', reason: 'meeting' }, await signIn(server, 'ben@demo.switchboard'));

    const entries = (await call<AuditEntry[]>('GET', 'audit')).reverse();
    const summary = entries.map((e) => [e.actor.name, e.action, e.target.type, e.target.id]);
    assert.deepEqual(summary, [
      ['Administrator', 'queue.created', 'queue', queue.id],
      ['Administrator', 'queue.updated', 'queue', queue.id],
      ['Administrator', 'queue.members-changed', 'queue', queue.id],
      ['Administrator', 'agent.routing-changed', 'agent', ana.id],
      ['Administrator', 'channel.created', 'channel', channel.id],
      ['Administrator', 'channel.removed', 'channel', channel.id],
      ['Administrator', 'webhook.created', 'webhook', webhook.id],
      ['Administrator', 'webhook.removed', 'webhook', webhook.id],
      ['Administrator', 'mail-rules.changed', 'settings', 'mail-routing-rules'],
      ['Administrator', 'callback-policy.changed', 'queue', queue.id],
      ['Ben Okafor', 'presence.forced', 'agent', ana.id],
    ]);
    const detail = (action: string) => entries.find((e) => e.action === action)!.detail;
    assert.deepEqual(detail('queue.updated'), { change: { name: 'Returns and refunds', wrapUpMs: 30_000 }, before: { name: 'Returns', wrapUpMs: 0 } });
    assert.deepEqual(detail('agent.routing-changed'), { change: { skills: { returns: 4 } }, before: { skills: { billing: 3 } } });
    assert.deepEqual(detail('presence.forced'), { from: 'available', to: 'away', reason: 'meeting' });
    assert.deepEqual((detail('callback-policy.changed').to as Record<string, number>).callbackMaxAttempts, 2);
    const everything = JSON.stringify(entries);
    assert.ok(!everything.includes(channel.secret) && !everything.includes(webhook.secret), 'no signing secret is written to the audit log');

    const csv = await fetch(`${server.url}/api/audit/export.csv`, { headers: { cookie: admin } });
    assert.match(await csv.text(), /Ben Okafor,[^,]+,presence\.forced,agent,/);
  });
});
