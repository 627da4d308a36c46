#!/usr/bin/env node
// Runs every suite (server logic, components in Chromium, end to end in Chromium) and ends
// with one plain line: "N passed, N failed, N skipped". Usage: node .scripts/test-all.mjs [server|components|e2e]...
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, '.test-output');
const wanted = new Set(process.argv.slice(2));
const runs = (name) => wanted.size === 0 || wanted.has(name);

function walk(dir, match, found = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, match, found);
    else if (match(path)) found.push(relative(root, path));
  }
  return found.sort();
}

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

/**
 * Runs node's test runner on files, `concurrency` files at a time; reads pass/fail/skip from its
 * TAP file. Server files two at a time on a 2-core machine: most of their time is waiting (a
 * child server starting, fsyncs), and each has its own ports, databases and schemas. End-to-end
 * files two at a time (E2E_CONCURRENCY), those that measure time or media last, alone (E2E_ALONE).
 */
function nodeSuite(name, files, concurrency = Number(process.env.TEST_CONCURRENCY ?? 2)) {
  const tap = join(out, `${name}.tap`);
  const status = run(process.execPath, [
    '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const read = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const totals = { passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped') };
  if (status !== 0 && totals.failed === 0) totals.failed = 1; // crashed before reporting
  return totals;
}

/**
 * End-to-end files that measure time or carry media run one at a time after the others: a WebRTC
 * call's audio (voice replies' levels, web calls too), heartbeats and presence grace, ringing alerts,
 * nodes failing over, calls from the topic menu. Two browsers at once made voice calls miss their
 * waits; every other file waits for events, not for time.
 */
const E2E_ALONE = ['voice-call', 'voice-replies', 'web-callback', 'presence', 'offer-alerts', 'cluster', 'topic-calls'];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const results = [];

if (runs('server')) {
  const files = walk(join(root, 'signaling'), (p) => p.endsWith('.test.ts')).concat(
    // test/browser/ runs in Chromium with the component tests.
    walk(join(root, 'test'), (p) => p.endsWith('.test.ts') && !p.endsWith('.e2e.test.ts') && !p.startsWith(join(root, 'test/browser/'))),
  );
  results.push(['server', nodeSuite('server', files)]);
}

if (runs('components')) {
  const status = run(process.execPath, [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', '.config/web-test-runner.config.mjs']);
  const file = join(out, 'components.json');
  const totals = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
  if (status !== 0 && totals.failed === 0) totals.failed = 1;
  results.push(['components', totals]);
}

if (runs('e2e')) {
  // End-to-end tests run the built front ends.
  const built = run('npm', ['run', '-s', 'build']);
  if (built !== 0) results.push(['e2e', { passed: 0, failed: 1, skipped: 0 }]);
  else {
    const files = walk(join(root, 'test'), (p) => p.endsWith('.e2e.test.ts'));
    const alone = files.filter((f) => E2E_ALONE.some((name) => f.endsWith(`/${name}.e2e.test.ts`)));
    // Two at a time saves about 3.5 minutes. (A server's graceful stop once hung past its 10 s
    // limit at two at a time: a connection a page kept busy; the stop now cuts it after 2 s.)
    const together = nodeSuite('e2e', files.filter((f) => !alone.includes(f)), Number(process.env.E2E_CONCURRENCY ?? 2));
    const apart = nodeSuite('e2e-alone', alone, 1);
    results.push(['e2e', { passed: together.passed + apart.passed, failed: together.failed + apart.failed, skipped: together.skipped + apart.skipped }]);
  }
}

const sum = { passed: 0, failed: 0, skipped: 0 };
console.log('\nSummary');
for (const [name, t] of results) {
  console.log(`  ${name.padEnd(11)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  for (const k of Object.keys(sum)) sum[k] += t[k];
}
console.log(`${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(sum.failed > 0 ? 1 : 0);
