import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Criterion } from '../protocol/quality.js';
import { answersProblem, scoreReview } from './scorecard.js';
import { weeklySample, type Candidate } from './weekly-sample.js';

const form: Criterion[] = [
  { label: 'Greeted the customer', kind: 'yes-no', weight: 1, autoFail: false },
  { label: 'Checked the identity', kind: 'yes-no', weight: 2, autoFail: true },
  { label: 'Tone', kind: 'scale', weight: 3, autoFail: false },
];

describe('scoring a review', () => {
  it('weighs each criterion: all met is 100, the scale from 1 (nothing) to 5 (all)', () => {
    assert.deepEqual(scoreReview(form, [true, true, 5]), { score: 100, autoFailed: false });
    // 0 + 2 + 3 × 0.5 = 3.5 of 6
    assert.deepEqual(scoreReview(form, [false, true, 3]), { score: 58.3, autoFailed: false });
  });

  it('scores 0 when an auto-fail criterion is not met, whatever else went well', () => {
    assert.deepEqual(scoreReview(form, [true, false, 5]), { score: 0, autoFailed: true });
  });

  it('says what is wrong with answers that do not fit the form', () => {
    assert.match(answersProblem(form, [true, true])!, /expected 3 answers/);
    assert.match(answersProblem(form, [true, 4, 5])!, /answer 2 .*yes or no/);
    assert.match(answersProblem(form, [true, true, false])!, /answer 3 .*1 to 5/);
    assert.equal(answersProblem(form, [true, true, 1]), undefined);
  });
});

describe('the weekly sample', () => {
  const candidates: Candidate[] = Array.from({ length: 30 }, (_, i) => ({ conversationId: `c${i}`, agentId: i % 3 === 0 ? 'ana' : 'ben', endedAt: i }));

  it('proposes up to n per agent, the same all week, and another set the next week', () => {
    const week48 = weeklySample(candidates, new Set(), '2026-W48', 2);
    assert.equal(week48.filter((c) => c.agentId === 'ana').length, 2);
    assert.equal(week48.filter((c) => c.agentId === 'ben').length, 2);
    assert.deepEqual(weeklySample([...candidates].reverse(), new Set(), '2026-W48', 2), week48, 'the order of the input does not matter');
    assert.notDeepEqual(weeklySample(candidates, new Set(), '2026-W49', 2), week48);
  });

  it('replaces a reviewed conversation with another of the same agent', () => {
    const first = weeklySample(candidates, new Set(), '2026-W48', 2);
    const reviewed = new Set([first[0]!.conversationId]);
    const next = weeklySample(candidates, reviewed, '2026-W48', 2);
    assert.ok(!next.some((c) => reviewed.has(c.conversationId)));
    assert.equal(next.filter((c) => c.agentId === first[0]!.agentId).length, 2);
    assert.equal(next.find((c) => c.agentId === first[0]!.agentId && c.conversationId !== first[0]!.conversationId)?.conversationId, first[1]!.conversationId);
  });
});
