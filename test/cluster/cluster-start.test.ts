import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { clusterUnavailable, POSTGRES_URL, readyz, settledOwner, startNodes, testSchema, type ClusterNode } from './cluster-world.js';

const unavailable = await clusterUnavailable();
if (unavailable) console.log(`# cluster tests skipped: ${unavailable}`);

describe('a cluster starting on an empty database', { skip: unavailable ?? false }, () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let nodes: ClusterNode[] = [];

  before(async () => {
    schema = await testSchema();
    // Three nodes at the same moment, nothing configured but the database and Redis: each
    // migrates, seeds or finds the seed, and contests the ACD lease.
    nodes = await startNodes(3, schema.databaseUrl);
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.server.stop()));
    await schema?.drop();
  });

  it('creates one admin, crashes no node, and agrees on one ACD owner that the others forward to', async () => {
    const owner = await settledOwner(nodes);
    const banners = nodes.map((n) => n.server.output());
    assert.equal(banners.filter((b) => /Admin account created: +admin@localhost +password: \S+/.test(b)).length, 1, 'exactly one node printed the admin');
    assert.ok(banners.every((b) => !/duplicate key|failed to start/i.test(b)), banners.join('\n---\n'));

    const db = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema.name}` });
    await db.connect();
    try {
      const { rows } = await db.query<{ email: string }>(`select email from agents where role = 'admin'`);
      assert.deepEqual(rows.map((r) => r.email), ['admin@localhost']);
      const queues = await db.query(`select id from queues where slug = 'support'`);
      assert.equal(queues.rowCount, 1, 'one demo seed');
    } finally {
      await db.end();
    }

    const reports = await Promise.all(nodes.map(readyz));
    assert.deepEqual(reports.map((r) => r.body.role).sort(), ['acd-owner', 'standby', 'standby']);
    for (const r of reports) {
      assert.equal(r.code, 200);
      assert.equal(r.body.owner, owner.name, `${r.body.node} knows the owner`);
      assert.equal(r.body.redis, 'up');
      assert.equal(r.body.postgres, 'up');
    }

    // Every node answers the API (a standby by forwarding): the same queue list through each.
    const password = /password: (\S+)/.exec(banners.find((b) => /password: /.test(b))!)![1]!;
    for (const node of nodes) {
      const login = await fetch(`${node.server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: node.server.url }, body: JSON.stringify({ email: 'admin@localhost', password }) });
      assert.equal(login.status, 200, `sign-in through ${node.name}`);
    }
  });
});
