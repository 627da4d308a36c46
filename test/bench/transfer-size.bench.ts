/**
 * Transfer-size benchmark (not a test): the bytes a browser receives from the production build for
 * the widget's loader, the chat (its chunk and the chunks it imports statically) and the agent
 * app's first load (the page's scripts, their static imports and the preloaded chunks), with
 * brotli, with gzip, and uncompressed. Chunks loaded only on use (calls, co-browsing, reports)
 * are not counted.
 *
 *   npm run build && npx tsx test/bench/transfer-size.bench.ts
 */
import { request } from 'node:http';
import { productionServer, startTimed } from './child-server.js';
import { reportBench } from './bench-result.js';

const CODINGS = { brotli: 'br, gzip', gzip: 'gzip', none: '' } as const;
type Coding = keyof typeof CODINGS;

const server = await startTimed(productionServer());

function get(path: string, acceptEncoding: string): Promise<{ status: number; encoding: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: server.port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** The file and every module it imports statically, as a browser follows them (URL paths). */
async function withStaticImports(entry: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  if (!entry.endsWith('.js')) return seen;
  const text = (await get(entry, '')).bytes.toString();
  // Static imports only (`import "./x.js"`, `from "./x.js"`); the bundler writes dynamic ones as import(`…`).
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)) await withStaticImports(new URL(match[1]!, `http://x${entry}`).pathname, seen);
  return seen;
}

/** Everything a page loads before it runs: scripts, preloads and styles, with their static imports. */
async function pageLoad(page: string): Promise<Set<string>> {
  const html = (await get(page, '')).bytes.toString();
  const files = new Set<string>([page]);
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="(\/assets\/[^"]+)"/g)) await withStaticImports(match[1]!, files);
  return files;
}

async function measure(label: string, paths: Iterable<string>) {
  const row: Record<Coding, number> = { brotli: 0, gzip: 0, none: 0 };
  for (const path of paths) {
    for (const coding of Object.keys(CODINGS) as Coding[]) {
      const res = await get(path, CODINGS[coding]);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      if (coding !== 'none' && res.bytes.length > 1024 && !res.encoding) throw new Error(`${path} was not compressed for ${coding}`);
      row[coding] += res.bytes.length;
    }
  }
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
  reportBench({ figure: `${label}, brotli (KiB)`, ours: row.brotli / 1024 });
  console.log(`  ${label.padEnd(44)} ${kib(row.brotli)} ${kib(row.gzip)} ${kib(row.none)}`);
}

try {
  const chat = await withStaticImports('/widget/chat.js');
  const agent = await pageLoad('/agent/');
  const agentScripts = [...agent].filter((p) => p.endsWith('.js'));
  const demo = await pageLoad('/');
  console.log(`  ${'what the browser downloads'.padEnd(44)} ${'brotli'.padStart(10)} ${'gzip'.padStart(10)} ${'none'.padStart(10)}`);
  await measure('widget loader (/widget.js)', ['/widget.js']);
  await measure(`chat, on opening (${chat.size} files)`, chat);
  await measure(`agent app JavaScript, first load (${agentScripts.length} files)`, agentScripts);
  await measure(`agent app page and JavaScript (${agent.size} files)`, agent);
  await measure(`demo page without the widget (${demo.size} files)`, demo);
  await measure('API description (/api/openapi.json)', ['/api/openapi.json']);
} finally {
  await server.stop();
}
