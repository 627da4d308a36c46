import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agentsNeeded, averageSpeedOfAnswer, probabilityOfWaiting, serviceLevel } from './erlang-c.js';

describe('Erlang C', () => {
  it('agrees with the formula worked by hand: 100 contacts an hour, 180 s handle time (5 erlangs)', () => {
    // 7 agents: Σ_{k<7} 5^k/k! = 113.118; 5^7/7! × 7/(7−5) = 54.254; P(wait) = 54.254 / 167.372 = 0.3241.
    // ASA = 0.3241 × 180 / 2 = 29.17 s; SL(20 s) = 1 − 0.3241 × e^(−2×20/180) = 0.7405.
    assert.ok(Math.abs(probabilityOfWaiting(7, 5) - 0.3241) < 0.0005);
    assert.ok(Math.abs(averageSpeedOfAnswer(7, 100, 180) - 29.17) < 0.05);
    assert.ok(Math.abs(serviceLevel(7, 100, 180, 20) - 0.7405) < 0.0005);
    // 8 agents: P(wait) = 0.1673, SL(20 s) = 1 − 0.1673 × e^(−3×20/180) = 0.8801.
    assert.ok(Math.abs(serviceLevel(8, 100, 180, 20) - 0.8801) < 0.0005);
  });

  it('answers how many agents reach 80% within 20 seconds', () => {
    const answer = agentsNeeded(100, 180, 0.8, 20);
    assert.equal(answer.agents, 8, '7 agents reach only 74%');
    assert.equal(answer.occupancy, 5 / 8);
  });

  it('says everyone waits when there are not more agents than erlangs, and stays finite for big centers', () => {
    assert.equal(probabilityOfWaiting(5, 5), 1);
    assert.equal(serviceLevel(5, 100, 180, 20), 0);
    const big = agentsNeeded(6000, 300, 0.8, 20); // 500 erlangs
    assert.ok(big.agents > 500 && big.agents < 540 && Number.isFinite(big.asaS));
  });
});
