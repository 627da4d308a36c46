#!/usr/bin/env node
// CI's proof of the production path (what the Dockerfile does): copy the built tree (dist/,
// package.json, package-lock.json) to an empty directory, install production dependencies only,
// start `node dist/server/server.js` with an almost empty environment, check readiness,
// compression and caching as a browser sees them, then SIGTERM and expect exit code 0.
// Run after `npm run build`. Usage: node .scripts/check-production.mjs [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';

const root = join(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const failures = [];
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

for (const built of ['dist/server/server.js', 'dist/app/widget.js']) {
  if (!existsSync(join(root, built))) {
    console.error(`check-production: ${built} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sb-production-'));
for (const item of ['dist', 'package.json', 'package-lock.json', 'signaling/cli/bin.mjs']) cpSync(join(root, item), join(dir, item), { recursive: true });
console.log(`Production check in ${dir}`);

let started = performance.now();
const install = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
const installMs = performance.now() - started;
if (install.status !== 0) {
  console.error(install.stdout, install.stderr);
  console.error('check-production: npm install --omit=dev failed');
  process.exit(1);
}
console.log(`  installed production dependencies in ${(installMs / 1000).toFixed(1)} s`);
check(!existsSync(join(dir, 'node_modules/vite')) && !existsSync(join(dir, 'node_modules/typescript')), 'no build tools installed (vite, typescript)');
// The operator's command line runs from the built tree too (npx switchboard).
const cli = spawnSync(process.execPath, ['signaling/cli/bin.mjs', 'migrate', '--status'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${join(dir, 'data/cli-check.db')}` } });
check(cli.status === 0 && /pending {2}001-initial/.test(cli.stdout), `switchboard migrate --status runs the built command line${cli.status === 0 ? '' : `: ${cli.stderr}`}`);

// Voice replies speak through eSpeak NG in a program of its own beside the bundle (GPL-3.0, never
// bundled): it must run from the production install.
const speech = spawnSync(process.execPath, ['dist/server/espeak-wav.mjs', 'en'], { cwd: dir, input: 'Our fax number is 555 0100.', maxBuffer: 16 * 1024 * 1024 });
check(speech.status === 0 && speech.stdout.subarray(0, 4).toString('latin1') === 'RIFF' && speech.stdout.length > 10_000, `the built speech program speaks (${speech.stdout?.length ?? 0} bytes of WAV)${speech.status === 0 ? '' : `: ${speech.stderr}`}`);

started = performance.now();
const env = { NODE_ENV: 'production', PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'data/switchboard.db')}` };
const server = spawn(process.execPath, ['--enable-source-maps', 'dist/server/server.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no LISTENING line within 30 s:\n${output}`)), 30_000);
  const read = (chunk) => {
    output += chunk;
    const match = /^LISTENING (\d+)$/m.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(Number(match[1]));
    }
  };
  server.stdout.on('data', read);
  server.stderr.on('data', read);
  void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
const readyMs = performance.now() - started;

/** One GET as a browser sends it, with the raw (still compressed) body. */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const br = { 'accept-encoding': 'gzip, deflate, br' };
const sizes = [];
try {
  const ready = await get('/readyz');
  check(ready.status === 200 && JSON.parse(ready.bytes).status === 'ready', `/readyz 200 ${ready.bytes} (${Math.round(readyMs)} ms after spawn)`);
  check((await get('/livez')).status === 200, '/livez 200');

  for (const [path, cache] of [['/', 'no-cache'], ['/agent/', 'no-cache'], ['/widget.js', 'public, max-age=300'], ['/widget/chat.js', 'no-cache'], ['/agent/sw.js', 'no-cache'], ['/agent/manifest.webmanifest', 'no-cache']]) {
    const res = await get(path, br);
    check(res.status === 200 && res.headers['content-encoding'] === 'br' && res.headers.vary === 'Accept-Encoding', `${path} brotli (${res.bytes.length} B)`);
    check(res.headers['cache-control'] === cache && Boolean(res.headers.etag), `${path} Cache-Control: ${res.headers['cache-control']}, ETag ${res.headers.etag}`);
    const again = await get(path, { ...br, 'if-none-match': res.headers.etag });
    check(again.status === 304 && again.bytes.length === 0, `${path} revalidates with 304`);
    sizes.push([path, res.bytes.length]);
  }

  const manifest = await get('/agent/manifest.webmanifest');
  check(manifest.headers['content-type'] === 'application/manifest+json' && JSON.parse(manifest.bytes).scope === '/agent/', `/agent/manifest.webmanifest is the app's manifest (${manifest.headers['content-type']})`);
  const icon = await get('/agent/icons/maskable-512.png');
  check(icon.status === 200 && icon.headers['content-type'] === 'image/png', `/agent/icons/maskable-512.png (${icon.bytes.length} B)`);

  const page = (await get('/agent/', br)).bytes;
  const html = (await get('/agent/', {})).bytes.toString();
  check(page.length < Buffer.byteLength(html), '/agent/ compressed is smaller than the page');
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  check(assets.length > 0, `/agent/ references ${assets.length} hashed assets`);
  for (const asset of assets) {
    const res = await get(asset, br);
    check(res.status === 200 && res.headers['content-encoding'] === 'br' && res.headers['cache-control'] === 'public, max-age=31536000, immutable', `${asset} brotli, immutable (${res.bytes.length} B)`);
  }
  const gz = await get('/widget.js', { 'accept-encoding': 'gzip' });
  check(gz.headers['content-encoding'] === 'gzip', `/widget.js gzip for a client without brotli (${gz.bytes.length} B)`);
  const plain = await get('/widget.js');
  check(!plain.headers['content-encoding'], `/widget.js uncompressed when not asked (${plain.bytes.length} B)`);
  const api = await get('/api/openapi.json', br);
  check(api.status === 200 && api.headers['content-encoding'] === 'br', `/api/openapi.json compressed on the fly (${api.bytes.length} B)`);
} catch (error) {
  check(false, `requests: ${error.message}`);
}

server.kill('SIGTERM');
const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref())]);
check(code === 0, `SIGTERM: exit code ${code}`);
if (code === 'timeout') server.kill('SIGKILL');
if (failures.length > 0) console.log(output);
if (!keep) rmSync(dir, { recursive: true, force: true });

console.log(`Production path: install ${(installMs / 1000).toFixed(1)} s, ready ${Math.round(readyMs)} ms; ${failures.length ? `${failures.length} check(s) failed` : 'all checks passed'}`);
process.exit(failures.length ? 1 : 0);
