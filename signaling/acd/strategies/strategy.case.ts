/**
 * The conformance suite every strategy passes, plus what makes each one itself. Each
 * strategy's test file calls `runStrategySuite(strategy, expectations)`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Candidate, RoutingStrategy, SelectionContext } from './strategy.js';

export const candidate = (agentId: string, patch: Partial<Candidate> = {}): Candidate => ({
  agentId,
  load: 0,
  idleSince: 0,
  handledToday: 0,
  tier: 1,
  position: 0,
  skillScore: 0,
  ...patch,
});

const context = (patch: Partial<SelectionContext> = {}): SelectionContext => ({ lastPosition: undefined, random: () => 0.5, ...patch });

const arbitraryCandidates = fc.uniqueArray(
  fc.record({
    agentId: fc.stringMatching(/^[a-z]{1,6}$/),
    load: fc.nat(5),
    idleSince: fc.nat(1000),
    handledToday: fc.nat(50),
    tier: fc.integer({ min: 1, max: 3 }),
    position: fc.nat(20),
    skillScore: fc.nat(10),
  }),
  { selector: (c) => c.agentId, maxLength: 12 },
);

export function runStrategySuite(strategy: RoutingStrategy, own: { name: string; candidates: Candidate[]; context?: Partial<SelectionContext>; expected: string }[]): void {
  describe(`strategy ${strategy.name}`, () => {
    it('chooses nobody from no candidates', () => {
      assert.equal(strategy.select([], context()), undefined);
    });

    it('always chooses one of the candidates when there are some', () => {
      fc.assert(
        fc.property(arbitraryCandidates, fc.double({ min: 0, max: 0.999, noNaN: true }), fc.option(fc.nat(20), { nil: undefined }), (cands, r, last) => {
          const chosen = strategy.select(cands, context({ random: () => r, lastPosition: last }));
          return cands.length === 0 ? chosen === undefined : cands.includes(chosen!);
        }),
      );
    });

    it('is deterministic and does not depend on the order candidates come in', () => {
      fc.assert(
        fc.property(arbitraryCandidates, (cands) => {
          const a = strategy.select(cands, context())?.agentId;
          const b = strategy.select([...cands].reverse(), context())?.agentId;
          return a === b;
        }),
      );
    });

    for (const example of own) {
      it(example.name, () => {
        assert.equal(strategy.select(example.candidates, context(example.context))?.agentId, example.expected);
      });
    }
  });
}
