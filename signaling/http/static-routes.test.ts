import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';

/** A GET with the raw bytes on the wire (fetch would decompress them). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string | undefined>, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static files: precompressed variants and caching', () => {
  let server: TestServer;
  let dist: string;
  // Repetitive enough to compress well, as real bundles do.
  const script = `export const greeting = ${JSON.stringify('hello, visitor. '.repeat(200))};\n`;
  const files: Record<string, string> = {
    'widget.js': `(function(){${script}})();`,
    'widget/chat.js': `import './assets/lit-abc123.js';\n${script}`,
    'assets/agent-Ab12Cd34.js': script,
    'agent-pwa/index.html': `<!doctype html><title>Agent</title><script type="module" src="/assets/agent-Ab12Cd34.js"></script>${'<!-- padding -->'.repeat(100)}`,
    'widget/demo/index.html': `<!doctype html><title>Demo</title>${'<p>demo</p>'.repeat(200)}`,
    'agent-pwa/manifest.webmanifest': JSON.stringify({ name: 'Switchboard Agent', start_url: '/agent/', scope: '/agent/' }),
    'agent-pwa/sw.js': `self.addEventListener('fetch', () => {});\n`,
    'agent-pwa/icons/icon-192.png': 'not really a PNG',
  };
  const br = { 'accept-encoding': 'gzip, deflate, br' };

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sb-static-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    // The build's own step, on this directory.
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '../../.scripts/precompress.mjs'), dist], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    server = await startTestServer({ staticDir: dist });
  });
  after(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends brotli to a browser that takes it, and the body decompresses to the file', async () => {
    const res = await get(`${server.url}/widget.js`, br);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.ok(res.body.length < files['widget.js']!.length / 4, `${res.body.length} bytes`);
    assert.equal(brotliDecompressSync(res.body).toString(), files['widget.js']);
  });

  it('sends gzip when brotli is not accepted (or refused with q=0), and the file as is when nothing is', async () => {
    for (const header of ['gzip', 'br;q=0, gzip;q=0.5']) {
      const res = await get(`${server.url}/assets/agent-Ab12Cd34.js`, { 'accept-encoding': header });
      assert.equal(res.headers['content-encoding'], 'gzip', header);
      assert.equal(gunzipSync(res.body).toString(), script);
    }
    const plain = await get(`${server.url}/assets/agent-Ab12Cd34.js`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), script);
    assert.equal(plain.headers.vary, 'Accept-Encoding');
  });

  it('caches hashed assets for a year, the loader for five minutes, pages and the chat chunk not at all without asking', async () => {
    const cacheOf = async (path: string) => (await get(`${server.url}${path}`, br)).headers['cache-control'];
    assert.equal(await cacheOf('/assets/agent-Ab12Cd34.js'), 'public, max-age=31536000, immutable');
    assert.equal(await cacheOf('/widget.js'), 'public, max-age=300');
    assert.equal(await cacheOf('/widget/chat.js'), 'no-cache');
    assert.equal(await cacheOf('/'), 'no-cache');
    assert.equal(await cacheOf('/agent/queues'), 'no-cache');
  });

  it('answers 304 without a body when the ETag still matches, and the new file when it does not', async () => {
    for (const path of ['/widget.js', '/widget/chat.js', '/agent/', '/']) {
      const first = await get(`${server.url}${path}`, br);
      assert.match(first.headers.etag ?? '', /^"[\w-]+"$/, path);
      const again = await get(`${server.url}${path}`, { ...br, 'if-none-match': `W/${first.headers.etag}` });
      assert.equal(again.status, 304, path);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, first.headers.etag);
      const other = await get(`${server.url}${path}`, { ...br, 'if-none-match': '"something-else"' });
      assert.equal(other.status, 200, path);
    }
    // Each coding is its own representation, with its own ETag.
    const gz = await get(`${server.url}/widget.js`, { 'accept-encoding': 'gzip' });
    const brotli = await get(`${server.url}/widget.js`, br);
    assert.notEqual(gz.headers.etag, brotli.headers.etag);
  });

  it('lets other sites load the widget and its chunks, and nothing else', async () => {
    for (const path of ['/widget.js', '/widget/chat.js', '/assets/agent-Ab12Cd34.js']) {
      const res = await get(`${server.url}${path}`, br);
      assert.equal(res.headers['access-control-allow-origin'], '*', path);
    }
    assert.equal((await get(`${server.url}/agent/`, br)).headers['access-control-allow-origin'], undefined);
  });

  it('never serves a compressed copy older than its file: a rebuild without recompressing sends the new file', async () => {
    const rebuilt = `${files['widget/chat.js']}\n// rebuilt by the watcher\n`;
    writeFileSync(join(dist, 'widget/chat.js'), rebuilt);
    const res = await get(`${server.url}/widget/chat.js`, br);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.body.toString(), rebuilt);
  });

  it('serves the agent app’s manifest, service worker and icons as themselves, and its page for every other path', async () => {
    const manifest = await get(`${server.url}/agent/manifest.webmanifest`);
    assert.equal(manifest.headers['content-type'], 'application/manifest+json');
    assert.equal(JSON.parse(manifest.body.toString()).scope, '/agent/');
    const worker = await get(`${server.url}/agent/sw.js`);
    assert.equal(worker.headers['content-type'], 'text/javascript; charset=utf-8');
    // Asked again on every visit, so a deploy reaches agents at their next navigation.
    assert.equal(worker.headers['cache-control'], 'no-cache');
    assert.equal((await get(`${server.url}/agent/icons/icon-192.png`)).headers['content-type'], 'image/png');
    assert.equal((await get(`${server.url}/agent/icons/missing.png`)).status, 404);
    assert.match((await get(`${server.url}/agent/wallboard`)).headers['content-type'] ?? '', /^text\/html/);
  });

  it('answers 404 for missing files and for paths that climb out of the build', async () => {
    assert.equal((await get(`${server.url}/assets/missing-123.js`, br)).status, 404);
    assert.equal((await get(`${server.url}/assets/..%2f..%2fpackage.json`, br)).status, 404);
    assert.equal((await get(`${server.url}/assets/%2e%2e/widget.js.br`, br)).status, 404);
  });
});
