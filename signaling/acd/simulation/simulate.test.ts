import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from './simulate.js';
import type { Scenario } from './scenario.js';

/** Erlang C: probability that a contact waits, and the mean wait, for c agents and A erlangs of traffic. */
function erlangC(agents: number, erlangs: number, ahtSeconds: number) {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < agents; k++) {
    if (k > 0) term *= erlangs / k;
    sum += term;
  }
  const top = ((term * erlangs) / agents) * (agents / (agents - erlangs));
  const pWait = top / (sum + top);
  return { pWait, asaSeconds: (pWait * ahtSeconds) / (agents - erlangs) };
}

const base = (agents: number, perHour: number): Scenario => ({
  name: 'M/M/c',
  durationMinutes: 60 * 200,
  seed: 7,
  queues: [{ id: 'q', offerTimeoutSeconds: 60 }],
  agents: [{ id: 'agent', count: agents, queues: { q: 1 }, capacity: { chat: 1 }, answerSeconds: 0 }],
  arrivals: [{ queue: 'q', perHour, handleSeconds: 240 }],
});

describe('routing simulator', () => {
  it('matches Erlang C for a plain queue (Poisson arrivals, exponential handling, instant answers)', () => {
    // 50 contacts an hour × 4 minutes = 3.33 erlangs on 5 agents.
    const report = simulate(base(5, 50));
    const expected = erlangC(5, (50 * 240) / 3600, 240);
    const q = report.queues[0]!;
    assert.ok(Math.abs(q.asaSeconds - expected.asaSeconds) / expected.asaSeconds < 0.15, `ASA ${q.asaSeconds.toFixed(1)} s vs Erlang C ${expected.asaSeconds.toFixed(1)} s`);
    const occupancy = report.agents.reduce((s, a) => s + a.occupancy, 0) / report.agents.length;
    assert.ok(Math.abs(occupancy - 3.333 / 5) < 0.05, `occupancy ${occupancy.toFixed(3)} vs ${(3.333 / 5).toFixed(3)}`);
  });

  it('gives the same figures for the same seed, and better service with more agents', () => {
    const short = (agents: number): Scenario => ({ ...base(agents, 50), durationMinutes: 600 });
    assert.deepEqual(simulate(short(5)), simulate(short(5)));
    assert.ok(simulate(short(6)).queues[0]!.asaSeconds < simulate(short(4)).queues[0]!.asaSeconds);
  });

  it('counts abandons, short abandons (SL2) and overflow', () => {
    const report = simulate({
      name: 'overloaded',
      durationMinutes: 600,
      seed: 3,
      shortAbandonSeconds: 5,
      queues: [{ id: 'front', maxWaitSeconds: 120, overflowTo: 'back' }, { id: 'back' }],
      agents: [{ id: 'a', count: 2, queues: { front: 1, back: 1 }, capacity: { chat: 1 } }],
      arrivals: [{ queue: 'front', perHour: 60, handleSeconds: 180, patienceSeconds: 300 }],
    });
    const [front, back] = report.queues;
    assert.ok(front!.abandoned > 0 && front!.overflowed > 0 && back!.offered === front!.overflowed);
    assert.ok(front!.serviceLevel2 >= front!.serviceLevel, 'leaving out short abandons can only raise the service level');
    assert.equal(front!.offered >= front!.answered + front!.abandoned + front!.overflowed - 1, true);
  });

  it('replays a recorded log exactly', () => {
    const report = simulate({
      name: 'log',
      durationMinutes: 10,
      queues: [{ id: 'q' }],
      agents: [{ id: 'solo', queues: { q: 1 }, capacity: { chat: 1 }, answerSeconds: 2 }],
      log: [
        { atSeconds: 0, queue: 'q', handleSeconds: 60 },
        { atSeconds: 10, queue: 'q', handleSeconds: 60 },
      ],
    });
    // The second contact waits for the first to finish: 2 s to answer, 60 s handling, 2 s to answer again.
    assert.equal(report.queues[0]!.answered, 2);
    assert.equal(report.queues[0]!.longestWaitSeconds, 54);
    assert.equal(report.queues[0]!.asaSeconds, 28);
  });
});
