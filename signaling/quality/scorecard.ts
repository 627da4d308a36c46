/**
 * A review's score from its answers: each criterion earns its weight times how well it was met
 * (yes 1, no 0; on the 1–5 scale, 1 is 0 and 5 is 1), over the sum of the weights, as 0–100.
 * A "no" on an auto-fail criterion (a compliance breach: no identity check, a rude word) makes
 * the score 0 whatever else went well, as contact centers' QA forms do.
 */
import type { Answer, Criterion } from '../protocol/quality.js';

export interface ScoredReview {
  score: number;
  autoFailed: boolean;
}

/** Why `answers` do not fit `criteria` (one per criterion, of its kind), or undefined when they do. */
export function answersProblem(criteria: readonly Criterion[], answers: readonly Answer[]): string | undefined {
  if (answers.length !== criteria.length) return `expected ${criteria.length} answers, one per criterion, got ${answers.length}`;
  for (const [i, c] of criteria.entries()) {
    const a = answers[i];
    if (c.kind === 'yes-no' && typeof a !== 'boolean') return `answer ${i + 1} (“${c.label}”) must be yes or no`;
    if (c.kind === 'scale' && typeof a !== 'number') return `answer ${i + 1} (“${c.label}”) must be from 1 to 5`;
  }
  return undefined;
}

/** The score of answers that fit their criteria (check with `answersProblem` first). */
export function scoreReview(criteria: readonly Criterion[], answers: readonly Answer[]): ScoredReview {
  const autoFailed = criteria.some((c, i) => c.autoFail && answers[i] === false);
  if (autoFailed) return { score: 0, autoFailed };
  let earned = 0;
  let possible = 0;
  for (const [i, c] of criteria.entries()) {
    const a = answers[i]!;
    const met = typeof a === 'boolean' ? (a ? 1 : 0) : (a - 1) / 4;
    earned += c.weight * met;
    possible += c.weight;
  }
  // One decimal: enough to tell reviews apart, without a false precision.
  return { score: possible === 0 ? 0 : Math.round((earned / possible) * 1000) / 10, autoFailed };
}
