import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { bootstrap } from './bootstrap.js';

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Two first starts at once: one creates the admin (and the demo), the other finds them. */
async function assertOneFirstStart(stores: [Store, Store]): Promise<void> {
  const results = await Promise.all(stores.map((store) => bootstrap(store, { demo: true })));
  assert.equal(results.filter((r) => r.createdAdmin).length, 1, 'exactly one start created the admin');
  assert.equal(results[0]!.secret, results[1]!.secret, 'both sign visitor tokens with the same secret');
  assert.deepEqual(results.map((r) => r.demoLogins.length), [2, 2]);
  const agents = await stores[0].agents.list();
  assert.deepEqual(agents.map((a) => a.email).sort(), ['admin@localhost', 'ana@demo.switchboard', 'ben@demo.switchboard']);
  assert.equal((await stores[0].queues.list()).filter((q) => q.slug === 'support').length, 1);
}

describe('first start', () => {
  it('seeds an empty SQLite database once when two starts race', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-bootstrap-'));
    const store = await openStore(`sqlite:${join(dir, 'switchboard.db')}`);
    try {
      await assertOneFirstStart([store, store]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets two servers start together on one empty PostgreSQL database', async (t) => {
    if (!(await postgresAnswers())) return t.skip(`PostgreSQL not reachable at ${POSTGRES_URL}`);
    // A schema of the test's own stands for the empty database (made first: creating it is the test's part, not the servers').
    const schema = `sb_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      // Two pools, as two processes would have; both migrate and seed at the same moment.
      const stores = (await Promise.all([openStore(POSTGRES_URL, { schema }), openStore(POSTGRES_URL, { schema })])) as [Store, Store];
      try {
        await assertOneFirstStart(stores);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
});
