import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { connectVisitor } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';

/** A request with the raw bytes on the wire (fetch would decompress them). */
function send(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string | undefined>, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('API answers compressed on the fly', () => {
  let server: TestServer;
  let document: string;

  before(async () => {
    server = await startTestServer();
    document = (await send(`${server.url}/api/openapi.json`)).body.toString();
  });
  after(() => server.close());

  it('sends larger JSON with brotli, or gzip, decompressing to the same document', async () => {
    assert.ok(document.length > 10_000, 'the OpenAPI document is a large JSON answer');
    const br = await send(`${server.url}/api/openapi.json`, { 'accept-encoding': 'gzip, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-length'], String(br.body.length));
    assert.ok(br.body.length < document.length / 4, `${br.body.length} of ${document.length} bytes`);
    assert.equal(brotliDecompressSync(br.body).toString(), document);
    const gz = await send(`${server.url}/api/openapi.json`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), document);
  });

  it('sends JSON as it is to a client that asks for no coding, saying that the answer varies', async () => {
    const plain = await send(`${server.url}/api/openapi.json`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.headers.vary ?? '', /Accept-Encoding/);
    assert.equal(plain.body.toString(), document);
  });

  it('leaves small answers alone: compressing them would only cost time', async () => {
    const res = await send(`${server.url}/api/auth/me`, { 'accept-encoding': 'br, gzip' });
    assert.equal(res.status, 401);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal((JSON.parse(res.body.toString()) as { error: { reason: string } }).error.reason, 'not-authenticated');
  });

  it('sends no body for HEAD and keeps the WebSocket upgrades untouched', async () => {
    const head = await send(`${server.url}/api/openapi.json`, { 'accept-encoding': 'br' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers['content-encoding'], undefined);
    const { socket, welcome } = await connectVisitor(server);
    assert.equal(welcome.type, 'welcome');
    socket.ws.close();
  });
});
