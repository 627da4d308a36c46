import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { openStore } from './open-store.js';
import { runStoreSuite } from './store.case.js';

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

if (await postgresAnswers()) {
  runStoreSuite('PostgreSQL', {
    async openEmpty() {
      // Each case gets its own schema, dropped afterwards, so runs never see each other's rows.
      const schema = `sb_test_${randomBytes(6).toString('hex')}`;
      const store = await openStore(POSTGRES_URL, { schema });
      return {
        store,
        async dispose() {
          await store.close();
          const admin = new pg.Client({ connectionString: POSTGRES_URL });
          await admin.connect();
          await admin.query(`drop schema ${schema} cascade`);
          await admin.end();
        },
      };
    },
  });
} else {
  describe('store conformance: PostgreSQL', () => {
    it('skipped: PostgreSQL does not answer on 127.0.0.1:5432', (t) => {
      t.skip(`PostgreSQL not reachable at ${POSTGRES_URL}`);
    });
  });
}
