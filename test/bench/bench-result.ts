/**
 * The one line each benchmark prints per figure, for `npm run bench` (test/bench/run-all.ts) to
 * collect: `BENCH {"figure":…,"ours":…,"peer":…}`. Humans read the bench's own table above it.
 */

/** One measured figure beside its peer or floor measured in the same run. */
export interface BenchFigure {
  /** What was measured, with its unit, e.g. "chat visitor → agent p99 (ms)". */
  figure: string;
  ours: number;
  /** The peer's or floor's figure from the same run; absent when there is none. */
  peer?: number;
  /** Who the peer or floor is, e.g. "durable ws + SQLite floor". */
  peerLabel?: string;
  /** The target, as printed, e.g. "< 20". */
  target?: string;
  /** Whether `ours` meets the target (absent when there is no target). */
  met?: boolean;
}

export const BENCH_PREFIX = 'BENCH ';

/** Prints the figure as a machine-readable line. */
export function reportBench(figure: BenchFigure): void {
  console.log(`${BENCH_PREFIX}${JSON.stringify(figure)}`);
}

/** Reads every BENCH line out of a benchmark's output. */
export function parseBenchLines(output: string): BenchFigure[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(BENCH_PREFIX))
    .map((line) => JSON.parse(line.slice(BENCH_PREFIX.length)) as BenchFigure);
}

/** True when the run is asked to be short (`BENCH_QUICK=1`): a check that everything runs, not figures to quote. */
export const quick = process.env.BENCH_QUICK === '1';

/** The q-quantile of ascending values (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
