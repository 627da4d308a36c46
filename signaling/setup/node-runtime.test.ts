/**
 * Stopping the HTTP listener: a client that keeps a request busy must not hold a graceful stop
 * past its limit (the stop would then be cut short with exit 1 and look like a crash).
 */
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { closeHttpServer } from './node-runtime.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('closeHttpServer', { timeout: 30_000 }, () => {
  it('cuts a request that never finishes once the grace is over, and the client sees its connection end', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = createServer(() => arrived()); // never answers
    const port = await listen(server);
    const clientSaw = new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/slow' }, () => resolve('an answer'));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      req.end();
    });
    await requestArrived;
    await closeHttpServer(server, 200);
    assert.equal(await clientSaw, 'ECONNRESET');
  });

  it('lets a request in flight finish within the grace, then closes its kept-alive connection at once', async () => {
    let answer!: () => void;
    const server = createServer((_req, res) => (answer = () => res.end('done')));
    server.keepAliveTimeout = 10 * 60_000;
    const port = await listen(server);
    const body = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    while (!answer) await new Promise((resolve) => setImmediate(resolve));
    const closed = closeHttpServer(server, 10 * 60_000);
    answer();
    assert.equal(await body, 'done');
    // Neither the grace (ten minutes) nor the keep-alive (ten minutes) is waited for: the
    // connection goes once it is idle, well inside this test's timeout.
    await closed;
  });
});
