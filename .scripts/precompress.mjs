#!/usr/bin/env node
// `npm run build` (last step): writes a .br and a .gz beside every text file of the built front
// ends, at the highest settings (brotli 11, gzip 9), so the server sends them without spending CPU
// per request. node:zlib does both; zopfli would shave ~5% more off gzip for a native dependency,
// and nearly every browser takes brotli anyway. Usage: node .scripts/precompress.mjs [dir]
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.txt', '.xml']);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Compresses every text file under `dir`; returns the totals. A variant that saves nothing is not written. */
export async function precompress(dir) {
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 };
  const all = [];
  for await (const path of files(dir)) all.push(path);
  // Variants left from an earlier build go first; those still wanted are written again below.
  await Promise.all(all.filter((p) => p.endsWith('.br') || p.endsWith('.gz')).map((p) => rm(p)));
  const work = [];
  for (const path of all) {
    if (!TEXT.has(extname(path))) continue;
    work.push(
      (async () => {
        const body = await readFile(path);
        const [br, gz] = await Promise.all([
          brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
          gzipAsync(body, { level: 9 }),
        ]);
        totals.files++;
        totals.bytes += body.length;
        totals.br += Math.min(br.length, body.length);
        totals.gzip += Math.min(gz.length, body.length);
        if (br.length < body.length) await writeFile(`${path}.br`, br);
        if (gz.length < body.length) await writeFile(`${path}.gz`, gz);
      })(),
    );
  }
  await Promise.all(work);
  return totals;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '..', 'dist/app');
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    console.error(`precompress: ${dir} is not a directory (build the front ends first)`);
    process.exit(1);
  }
  const started = performance.now();
  const t = await precompress(dir);
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`precompressed ${t.files} files in ${Math.round(performance.now() - started)} ms: ${kb(t.bytes)} → brotli ${kb(t.br)}, gzip ${kb(t.gzip)}`);
}
