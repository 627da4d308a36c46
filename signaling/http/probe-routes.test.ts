import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Readiness } from '../kernel/readiness.js';
import { freePort } from '../../test/support/server-process.js';
import { startTestServer } from '../../test/support/in-process-server.js';
import { whileStarting } from './probe-routes.js';

describe('/livez and /readyz', () => {
  it('while starting: live, not ready, and every other request asked to retry', async () => {
    const app = whileStarting(new Readiness());
    assert.equal((await app.request('/livez')).status, 200);
    const ready = await app.request('/readyz');
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'starting' });
    const api = await app.request('/api/conversations');
    assert.equal(api.status, 503);
    assert.equal(api.headers.get('retry-after'), '1');
  });

  it('ready with the store once the services run; draining (and staying so) once shutdown begins', async () => {
    const server = await startTestServer();
    try {
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready', store: 'sqlite' });
      assert.equal(ready.headers.get('cache-control'), 'no-store');
      server.readiness.markDraining();
      server.readiness.markReady('sqlite');
      const draining = await fetch(`${server.url}/readyz`);
      assert.equal(draining.status, 503);
      assert.deepEqual(await draining.json(), { status: 'draining' });
      assert.equal((await fetch(`${server.url}/livez`)).status, 200);
      // /healthz keeps its meaning: the store answers.
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    } finally {
      await server.close();
    }
  });

  describe('the real server process', () => {
    const stops: (() => void)[] = [];
    after(() => stops.forEach((stop) => stop()));

    it('listens before its database answers: live, not ready, until the store opens', async () => {
      // A "PostgreSQL" that accepts connections and never says a word: the server stays in its start.
      const held: Socket[] = [];
      const silent = createServer((socket) => held.push(socket));
      silent.listen(0, '127.0.0.1');
      await once(silent, 'listening');
      const connected = once(silent, 'connection');
      stops.push(() => {
        held.forEach((s) => s.destroy());
        silent.close();
      });
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'signaling/server.ts'], {
        cwd: join(import.meta.dirname, '..', '..'),
        env: { PATH: process.env.PATH, PORT: String(port), DATABASE_URL: `postgres://nobody@127.0.0.1:${(silent.address() as { port: number }).port}/none` },
        stdio: 'ignore',
      });
      stops.push(() => child.kill('SIGKILL'));
      // The server opens the store after it listens: once the database is called, HTTP answers.
      await connected;
      const base = `http://127.0.0.1:${port}`;
      assert.equal((await fetch(`${base}/livez`)).status, 200);
      const ready = await fetch(`${base}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(await ready.json(), { status: 'starting' });
      assert.equal((await fetch(`${base}/`)).status, 503);
    });
  });
});
