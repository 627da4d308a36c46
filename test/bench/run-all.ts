/**
 * `npm run bench`: every benchmark in test/bench/, one after another, each with its peer or floor
 * measured in the same run, then one table of the figures they print as `BENCH {json}` lines.
 * Builds first when the production build is missing (start-up, transfer size and the browser
 * benches need it). `BENCH_QUICK=1` shortens every bench (a check that all of them run, in a few
 * minutes; not figures to quote). `BENCH_ONLY=chat-load,startup` runs some of them.
 *
 *   npm run bench            (under 15 minutes on a 2-core machine)
 *   BENCH_QUICK=1 npm run bench
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseBenchLines, quick, type BenchFigure } from './bench-result.js';

const repoRoot = join(import.meta.dirname, '..', '..');

interface Bench {
  name: string;
  /** Needs `npm run build` (the production server or the built widget and agent app). */
  build: boolean;
  /** Each bench is stopped after this long, so the whole run stays bounded. */
  limitS: number;
}

const BENCHES: Bench[] = [
  { name: 'acd-routing', build: false, limitS: 120 },
  { name: 'business-hours', build: false, limitS: 120 },
  { name: 'chat-load', build: false, limitS: 240 },
  { name: 'voice-signaling', build: false, limitS: 180 },
  { name: 'startup', build: true, limitS: 180 },
  { name: 'transfer-size', build: true, limitS: 60 },
  { name: 'cobrowse', build: true, limitS: 180 },
  { name: 'voice-call-setup', build: true, limitS: 240 },
  { name: 'loader-size', build: true, limitS: 60 },
  { name: 'idle-socket-memory', build: false, limitS: 180 },
  // Skips itself (and says so) when PostgreSQL or Redis does not answer.
  { name: 'cluster', build: false, limitS: 300 },
];

interface Ran {
  bench: string;
  figures: BenchFigure[];
  seconds: number;
  problem?: string;
}

function runBench(bench: Bench): Promise<Ran> {
  const started = performance.now();
  const file = join(import.meta.dirname, `${bench.name}.bench.ts`);
  // A process group of its own, so a bench stopped at its limit takes its servers and browsers with it.
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: repoRoot, env: process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let partial = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) console.log(`  [${bench.name}] ${line}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const limit = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), bench.limitS * 1000);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      // Whatever the bench left running (it was stopped, or it failed before its own clean-up).
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
      const seconds = (performance.now() - started) / 1000;
      const problem = signal ? `stopped after ${seconds.toFixed(0)} s (${signal})` : code !== 0 ? `exited with ${code}` : undefined;
      resolve({ bench: bench.name, figures: parseBenchLines(output), seconds, ...(problem ? { problem } : {}) });
    }),
  );
}

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const chosen = BENCHES.filter((b) => !only || only.includes(b.name));
const began = performance.now();
console.log(`Benchmarks${quick ? ' (BENCH_QUICK: shortened, for checking only)' : ''}: ${chosen.map((b) => b.name).join(', ')}; Node ${process.version}; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (chosen.some((b) => b.build) && !existsSync(join(repoRoot, 'dist/server/server.js'))) {
  console.log('dist/server/server.js is missing: npm run build');
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

const results: Ran[] = [];
for (const bench of chosen) {
  console.log(`\n== ${bench.name}`);
  results.push(await runBench(bench));
}

const number = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const rows = results.flatMap((r) =>
  r.figures.length === 0
    ? [[r.bench, `no figures${r.problem ? `: ${r.problem}` : ''}`, '', '', '', '']]
    : r.figures.map((f) => [f.figure, number(f.ours), f.peer === undefined ? '' : `${number(f.peer)} (${f.peerLabel ?? 'peer'})`, f.peer ? `${(f.ours / f.peer).toFixed(2)}×` : '', f.target ?? '', f.met === undefined ? '' : f.met ? 'yes' : 'NO']),
);
const header = ['figure', 'ours', 'peer / floor', 'ratio', 'target', 'met'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(`\n${results.length} benches in ${((performance.now() - began) / 1000).toFixed(0)} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const r of results) if (r.problem) console.log(`${r.bench}: ${r.problem}`);
process.exit(results.some((r) => r.problem) ? 1 : 0);
