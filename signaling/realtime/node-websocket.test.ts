import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import WebSocket from 'ws';
import { until } from '../../test/support/until.js';
import { createNodeWebSocket } from './node-websocket.js';

describe('WebSockets on the Hono app', () => {
  let server: Server;
  let base: string;
  const opened: string[] = [];
  const closed: number[] = [];

  before(async () => {
    const app = new Hono();
    const { upgradeWebSocket, injectWebSocket } = createNodeWebSocket({ app, maxPayload: 1024 });
    app.get(
      '/echo',
      async (c, next) => (c.req.query('token') === 'good' ? next() : c.json({ error: 'no' }, 401)),
      upgradeWebSocket((c) => {
        const who = c.req.query('who') ?? '?';
        return {
          onOpen: () => opened.push(who),
          onMessage: (event, ws) => ws.send(`${who}: ${String(event.data)}`),
          onClose: (event) => closed.push(event.code),
        };
      }),
    );
    server = createServer();
    injectWebSocket(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('refuses an upgrade a middleware refused, with its status, and opens nothing', async () => {
    const ws = new WebSocket(`${base}/echo?token=bad&who=mallory`);
    const [, response] = (await once(ws, 'unexpected-response')) as [unknown, { statusCode: number }];
    assert.equal(response.statusCode, 401);
    assert.ok(!opened.includes('mallory'));
  });

  it('answers 404 for a path without a socket route', async () => {
    const ws = new WebSocket(`${base}/nowhere`);
    const [, response] = (await once(ws, 'unexpected-response')) as [unknown, { statusCode: number }];
    assert.equal(response.statusCode, 404);
  });

  it('opens before the first frame, answers it, and reports the close code', async () => {
    const ws = new WebSocket(`${base}/echo?token=good&who=ana`);
    ws.on('open', () => ws.send('hello'));
    const [reply] = (await once(ws, 'message')) as [Buffer];
    assert.equal(String(reply), 'ana: hello');
    assert.ok(opened.includes('ana'));
    ws.close(4001);
    await once(ws, 'close');
    await until(() => closed.includes(4001), 'the server heard the close');
  });

  it('closes a socket that sends more than maxPayload (1009), and keeps serving others', async () => {
    const big = new WebSocket(`${base}/echo?token=good&who=big`);
    await once(big, 'open');
    big.send('x'.repeat(2048));
    const [code] = (await once(big, 'close')) as [number];
    assert.equal(code, 1009);
    const next = new WebSocket(`${base}/echo?token=good&who=ben`);
    next.on('open', () => next.send('still here'));
    const [reply] = (await once(next, 'message')) as [Buffer];
    assert.equal(String(reply), 'ben: still here');
    next.close();
  });
});
