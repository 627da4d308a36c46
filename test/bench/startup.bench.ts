/**
 * Start-up benchmark (not a test): from spawn to ready, our production build beside the stock
 * PeerJS server (`peer` from npm), and our TypeScript sources under tsx (what `npm start` runs).
 * Each start gets a fresh data directory (so it runs the migrations and creates the admin and
 * demo accounts) and an environment with nothing but PORT=0 and DATABASE_URL. Ours counts as
 * up when /readyz answers 200, PeerJS when its first HTTP request does. The programs take turns
 * in a rotating order, so none always gets the warmer machine. Target: ours under 1.5 s.
 *
 *   npm run build && npx tsx test/bench/startup.bench.ts [--runs 10] [--no-tsx]
 */
import { peerServer, productionServer, startTimed, tsxServer, type ServerProgram } from './child-server.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 10);
const programs: (() => ServerProgram)[] = [productionServer, peerServer, ...(process.argv.includes('--no-tsx') ? [] : [tsxServer])];

const times = new Map<string, number[]>();
for (let round = 0; round < runs; round++) {
  for (let k = 0; k < programs.length; k++) {
    const program = programs[(round + k) % programs.length]!();
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
  console.log(`  ${label.padEnd(42)} median ${quantile(sorted, 0.5).toFixed(0).padStart(5)}   p90 ${quantile(sorted, 0.9).toFixed(0).padStart(5)}   min ${sorted[0]!.toFixed(0).padStart(5)}`);
}
const [ours, peer, tsx] = [productionServer, peerServer, tsxServer].map((p) => {
  const program = p();
  program.cleanUp?.();
  return medians.get(program.label);
});
if (ours && peer) console.log(`  ratio, ours ÷ PeerJS (medians): ${(ours / peer).toFixed(2)}`);
if (ours && tsx) console.log(`  ratio, tsx ÷ production build (medians): ${(tsx / ours).toFixed(2)}`);
