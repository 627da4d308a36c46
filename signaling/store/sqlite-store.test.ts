import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store.js';
import { runStoreSuite } from './store.case.js';

runStoreSuite('SQLite', {
  async openEmpty() {
    const dir = mkdtempSync(join(tmpdir(), 'sb-store-'));
    const store = await openStore(`sqlite:${join(dir, 'test.db')}`);
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
