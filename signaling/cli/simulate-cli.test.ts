import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'signaling/cli/simulate.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run simulate', () => {
  for (const example of ['support-desk', 'tiered-escalation']) {
    it(`runs the shipped ${example} scenario and prints figures per queue and agent`, () => {
      const result = run(`signaling/cli/scenarios/${example}.json`, '--json');
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { queues: { offered: number; answered: number }[]; agents: { occupancy: number }[] };
      assert.ok(report.queues.length >= 2);
      assert.ok(report.queues[0]!.answered > 0 && report.queues[0]!.answered <= report.queues[0]!.offered);
      assert.ok(report.agents.every((a) => a.occupancy >= 0 && a.occupancy <= 1));
    });
  }

  it('refuses a bad scenario with every problem named, and exit code 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-sim-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'x', durationMinutes: 60, queues: [{ id: 'q', strategy: 'fastest' }], agents: [{ id: 'a', queues: { other: 1 } }], arrivals: [{ queue: 'q', perHour: 0, handleSeconds: 60 }] }));
    const result = run(file);
    assert.equal(result.status, 2);
    for (const path of ['queues.0.strategy', 'agents.0.queues.other', 'arrivals.0.perHour']) assert.match(result.stderr, new RegExp(path.replace(/\./g, '\\.')));
  });
});
