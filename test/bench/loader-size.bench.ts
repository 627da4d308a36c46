/**
 * Loader-size benchmark (not a test): the bytes of /widget.js as a browser receives it from the
 * production build, with gzip and brotli, beside the target (2.0 KB gzip, issue 19) and Intercom's
 * loader. It reads the precompressed files the server sends (.scripts/precompress.mjs: gzip -9,
 * brotli 11), so the figures are the served ones.
 *
 * The peer figure is a constant: Intercom's launcher script (https://widget.intercom.io/widget/<app id>)
 * is about 1.9 KB gzip, the figure issue 19 quotes from the network panel of a page using it. It is not
 * fetched here: benchmarks run offline.
 *
 *   npm run build && npx tsx test/bench/loader-size.bench.ts
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { reportBench } from './bench-result.js';

const INTERCOM_GZIP_BYTES = 1900;
const TARGET_GZIP_BYTES = 2000;

const dist = resolve(import.meta.dirname, '../../dist/app');
const [raw, gzip, brotli] = await Promise.all(['widget.js', 'widget.js.gz', 'widget.js.br'].map((f) => readFile(resolve(dist, f)).then((b) => b.length)));
const kb = (n: number) => `${(n / 1000).toFixed(2)} KB`.padStart(9);
console.log(`  ${'widget loader (/widget.js)'.padEnd(36)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)} ${'none'.padStart(9)}`);
console.log(`  ${'Switchboard'.padEnd(36)} ${kb(gzip!)} ${kb(brotli!)} ${kb(raw!)}`);
console.log(`  ${'target (issue 19)'.padEnd(36)} ${kb(TARGET_GZIP_BYTES)}`);
console.log(`  ${'Intercom launcher (documented)'.padEnd(36)} ${kb(INTERCOM_GZIP_BYTES)}`);
console.log(`  ${gzip! <= TARGET_GZIP_BYTES ? 'within' : 'OVER'} the target by ${Math.abs(TARGET_GZIP_BYTES - gzip!)} bytes gzip`);
reportBench({ figure: 'widget loader, gzip (bytes)', ours: gzip!, peer: INTERCOM_GZIP_BYTES, peerLabel: 'Intercom launcher, documented', target: `≤ ${TARGET_GZIP_BYTES}`, met: gzip! <= TARGET_GZIP_BYTES });
if (gzip! > TARGET_GZIP_BYTES) process.exitCode = 1;
