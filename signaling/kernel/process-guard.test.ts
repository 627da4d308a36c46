import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

// In a process of its own: node's test runner fails any test during which an exception escapes.
const CHILD = `
import { configureLogging } from './signaling/kernel/logger.ts';
import { Metrics } from './signaling/kernel/metrics.ts';
import { installProcessGuard } from './signaling/kernel/process-guard.ts';
configureLogging({ level: 'fatal' });
const metrics = new Metrics();
installProcessGuard(metrics);
// Report once both have reached the guard (listeners run in order: the guard's first).
let seen = 0;
const report = async () => {
  if (++seen < 2) return;
  const counts = Object.fromEntries((await metrics.uncaughtErrors.get()).values.map((v) => [v.labels.kind, v.value]));
  console.log(JSON.stringify({ counts, stillServing: true }));
};
process.on('uncaughtException', report);
process.on('unhandledRejection', report);
setTimeout(() => { throw new Error('thrown past every handler'); });
void Promise.reject(new Error('nobody listened'));
`;

test('the process guard counts what escaped every handler, and the process keeps running', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], { cwd: new URL('../..', import.meta.url), encoding: 'utf8', timeout: 30_000 });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout.trim().split('\n').at(-1)!), { counts: { exception: 1, rejection: 1 }, stillServing: true });
});
