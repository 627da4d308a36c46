/**
 * Start-up benchmark (not a test): from spawn to ready, our production build beside the stock
 * PeerJS server (`peer` from npm), and our TypeScript sources under tsx (what `npm start` runs).
 * A first start gets a fresh data directory (so it runs the migrations and creates the admin and
 * demo accounts); a restart reuses one that is already set up (a deploy). The environment holds
 * nothing but PORT=0 and DATABASE_URL. Ours counts as up when /readyz answers 200, PeerJS when
 * its first HTTP request does. The programs take turns in a rotating order, so none always gets
 * the warmer machine. Target: ours under 1.5 s.
 *
 *   npm run build && npx tsx test/bench/startup.bench.ts [--runs 10] [--no-tsx]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peerServer, productionServer, startTimed, tsxServer, type ServerProgram } from './child-server.js';
import { quick, reportBench } from './bench-result.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', quick ? 1 : 10);
// A data directory set up by one unmeasured first start, for the restarts.
const kept = mkdtempSync(join(tmpdir(), 'sb-bench-kept-'));
await (await startTimed(productionServer(kept))).stop();
const firstStart = () => productionServer();
const restart = () => productionServer(kept);
const programs: (() => ServerProgram)[] = [firstStart, restart, peerServer, ...(process.argv.includes('--no-tsx') || quick ? [] : [tsxServer])];

const times = new Map<string, number[]>();
const labelOf = new Map<() => ServerProgram, string>();
for (let round = 0; round < runs; round++) {
  for (let k = 0; k < programs.length; k++) {
    const make = programs[(round + k) % programs.length]!;
    const program = make();
    labelOf.set(make, program.label);
    const server = await startTimed(program);
    await server.stop();
    times.set(program.label, [...(times.get(program.label) ?? []), server.readyMs]);
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const medians = new Map<string, number>();
console.log(`Start-up, spawn to ready, ${runs} runs each (ms):`);
for (const [label, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  medians.set(label, quantile(sorted, 0.5));
  console.log(`  ${label.padEnd(44)} median ${quantile(sorted, 0.5).toFixed(0).padStart(5)}   p90 ${quantile(sorted, 0.9).toFixed(0).padStart(5)}   min ${sorted[0]!.toFixed(0).padStart(5)}`);
}
const [ours, again, peer, tsx] = [firstStart, restart, peerServer, tsxServer].map((make) => medians.get(labelOf.get(make) ?? ''));
if (ours && peer) reportBench({ figure: 'server ready after start, production build (ms)', ours, peer, peerLabel: 'PeerJS server', target: '< 1500', met: ours < 1500 });
if (again && peer) reportBench({ figure: 'server ready after restart, production build (ms)', ours: again, peer, peerLabel: 'PeerJS server', target: '< 1500', met: again < 1500 });
if (ours && peer) console.log(`  ratio of medians, first start ÷ PeerJS: ${(ours / peer).toFixed(2)}; restart ÷ PeerJS: ${(again! / peer).toFixed(2)}`);
if (ours && tsx) console.log(`  ratio of medians, tsx sources ÷ production build (first starts): ${(tsx / ours).toFixed(2)}`);
rmSync(kept, { recursive: true, force: true });
