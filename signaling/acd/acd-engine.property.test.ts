/**
 * Property tests: random sequences of arrivals, presence changes, answers, ends and time
 * must never break the ACD's promises. The model below is built only from what the engine
 * says, and checks each decision against what it knew at that moment.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AcdEngine } from './acd-engine.js';
import { agentEvent, queue } from './engine-fixture.js';
import type { StrategyName } from './strategies/strategy.js';
import type { AcdDecision, AcdEvent } from './types.js';

type Step =
  | { kind: 'arrive'; priority: number; queue: number }
  | { kind: 'presence'; agent: number; available: boolean; capacity: number }
  | { kind: 'accept'; pick: number }
  | { kind: 'decline'; pick: number }
  | { kind: 'end'; pick: number }
  | { kind: 'wrap-up-done'; agent: number }
  | { kind: 'wait'; ms: number };

const AGENTS = 4;
/** Agents 0-1 serve both queues at tier 1; 2-3 serve q0 at tier 2. */
const membershipsOf = (a: number): Record<string, { tier: number; position: number }> =>
  a < 2 ? { q0: { tier: 1, position: a }, q1: { tier: 1, position: a } } : { q0: { tier: 2, position: a } };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('arrive' as const), priority: fc.constantFrom(0, 0, 0, 1), queue: fc.nat(1) }),
  fc.record({ kind: fc.constant('presence' as const), agent: fc.nat(AGENTS - 1), available: fc.boolean(), capacity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('accept' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('accept' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('decline' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('end' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('wrap-up-done' as const), agent: fc.nat(AGENTS - 1) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 40_000 }) }),
);

interface Model {
  available: boolean[];
  capacity: number[];
  handling: Set<string>[];
  wrapUp: boolean[];
  offerOf: (string | undefined)[];
  assigned: Map<string, number>;
  waiting: Set<string>;
  arrivalOrder: string[];
}

/** Runs steps, checking every decision; returns the engine and the model for end-of-run checks. */
function run(steps: Step[], options: { strategy: StrategyName; wrapUpMs: number; tiers: boolean }) {
  const acd = new AcdEngine({ maxNoAnswer: 2 });
  const queues = ['q0', 'q1'].map((id) => queue(id, { strategy: options.strategy, offerTimeoutMs: 20_000, retryDelayMs: 5_000, wrapUpMs: options.wrapUpMs, tierWaitMs: options.tiers ? 30_000 : 0 }));
  const model: Model = {
    available: Array(AGENTS).fill(false),
    capacity: Array(AGENTS).fill(1),
    handling: Array.from({ length: AGENTS }, () => new Set()),
    wrapUp: Array(AGENTS).fill(false),
    offerOf: Array(AGENTS).fill(undefined),
    assigned: new Map(),
    waiting: new Set(),
    arrivalOrder: [],
  };
  let now = 0;
  let next = 0;
  const agentIndex = (id: string) => Number(id.slice(1));

  const apply = (event: AcdEvent) => {
    for (const d of acd.handle(event)) check(d);
  };
  const check = (d: AcdDecision) => {
    switch (d.type) {
      case 'offer': {
        const a = agentIndex(d.agentId);
        assert.ok(model.available[a], `offer to unavailable agent ${d.agentId}`);
        assert.ok(!model.wrapUp[a], `offer to ${d.agentId} in wrap-up`);
        assert.ok(model.handling[a]!.size < model.capacity[a]!, `offer to full agent ${d.agentId}`);
        assert.equal(model.offerOf[a], undefined, `${d.agentId} already holds an offer`);
        assert.ok(model.waiting.has(d.contactId), `offer of a contact that is not waiting`);
        model.offerOf[a] = d.contactId;
        break;
      }
      case 'offer-withdrawn':
        model.offerOf[agentIndex(d.agentId)] = undefined;
        break;
      case 'assigned': {
        assert.ok(!model.assigned.has(d.contactId), `${d.contactId} assigned twice`);
        const a = agentIndex(d.agentId);
        model.assigned.set(d.contactId, a);
        model.handling[a]!.add(d.contactId);
        model.waiting.delete(d.contactId);
        model.offerOf[a] = undefined;
        break;
      }
      case 'agent-paused':
        model.available[agentIndex(d.agentId)] = false;
        break;
      case 'wrap-up-started':
        model.wrapUp[agentIndex(d.agentId)] = true;
        break;
      case 'wrap-up-ended':
        model.wrapUp[agentIndex(d.agentId)] = false;
        break;
      case 'abandoned':
        model.waiting.delete(d.contactId);
        break;
      default:
        break;
    }
  };

  for (let a = 0; a < AGENTS; a++) {
    apply(agentEvent({ id: `a${a}`, available: false, queues: membershipsOf(a), capacity: { chat: 1 } }, now));
  }
  for (const q of queues) apply({ type: 'queue-configured', at: now, queue: q });

  const offers = () => model.offerOf.flatMap((c, a) => (c ? [[c, a] as const] : []));
  for (const s of steps) {
    switch (s.kind) {
      case 'arrive': {
        const id = `c${next++}`;
        model.waiting.add(id);
        model.arrivalOrder.push(id);
        apply({ type: 'contact-arrived', at: now, contactId: id, queueId: `q${s.queue}`, channel: 'chat', priority: s.priority });
        break;
      }
      case 'presence': {
        model.available[s.agent] = s.available;
        model.capacity[s.agent] = s.capacity;
        apply(agentEvent({ id: `a${s.agent}`, available: s.available, queues: membershipsOf(s.agent), capacity: { chat: s.capacity } }, now));
        break;
      }
      case 'accept':
      case 'decline': {
        const live = offers();
        if (live.length === 0) break;
        const [contactId, a] = live[s.pick % live.length]!;
        if (s.kind === 'decline') model.offerOf[a] = undefined;
        apply({ type: s.kind === 'accept' ? 'offer-accepted' : 'offer-declined', at: now, contactId, agentId: `a${a}` });
        break;
      }
      case 'end': {
        const open = [...model.waiting, ...model.assigned.keys()];
        if (open.length === 0) break;
        const contactId = open[s.pick % open.length]!;
        const a = model.assigned.get(contactId);
        if (a !== undefined) {
          model.handling[a]!.delete(contactId);
          model.assigned.delete(contactId);
        }
        apply({ type: 'contact-ended', at: now, contactId });
        break;
      }
      case 'wrap-up-done':
        apply({ type: 'wrap-up-done', at: now, agentId: `a${s.agent}` });
        break;
      case 'wait': {
        const until = now + s.ms;
        // Deliver every deadline on the way, as the server's timer would.
        for (let due = acd.nextDeadline(); due !== undefined && due <= until; due = acd.nextDeadline()) {
          now = Math.max(now, due);
          apply({ type: 'tick', at: now });
        }
        now = until;
        apply({ type: 'tick', at: now });
        break;
      }
    }
  }
  return { acd, model, now };
}

const strategiesToTry: StrategyName[] = ['longest-idle', 'round-robin', 'least-busy', 'fewest-today', 'ring-all', 'top-down', 'random', 'best-skill'];
const runs = { numRuns: 150 };

describe('AcdEngine properties', () => {
  for (const strategy of strategiesToTry) {
    it(`${strategy}: never offers to an unavailable, full or wrapping-up agent, nor assigns a contact twice`, () => {
      fc.assert(fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps, wrap) => void run(steps, { strategy, wrapUpMs: wrap ? 10_000 : 0, tiers: true })), runs);
    });
  }

  it('lets no contact wait while an agent who could take it is free (one tier, no delays)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { acd, model, now } = run(steps, { strategy: 'longest-idle', wrapUpMs: 0, tiers: false });
        for (const contactId of model.waiting) {
          if (acd.offersOf(contactId).length > 0) continue;
          const queueId = acd.waitingIn('q0').includes(contactId) ? 'q0' : 'q1';
          for (let a = 0; a < AGENTS; a++) {
            const serves = queueId === 'q0' || a < 2;
            const free = model.available[a] && model.offerOf[a] === undefined && model.handling[a]!.size < model.capacity[a]!;
            // A free agent may only be skipping this contact after declining or missing it.
            if (serves && free) assert.ok(acd.nextDeadline() !== undefined && acd.nextDeadline()! > now, `${contactId} waits while a${a} is free`);
          }
        }
      }),
      runs,
    );
  });

  it('offers contacts of equal priority first in, first out', () => {
    const simple = fc.array(fc.oneof(fc.constant('arrive' as const), fc.constant('free' as const)), { maxLength: 40 });
    fc.assert(
      fc.property(simple, (actions) => {
        const acd = new AcdEngine();
        acd.handle({ type: 'queue-configured', at: 0, queue: queue('q') });
        acd.handle(agentEvent({ id: 'a', capacity: { chat: 1 } }));
        const firstOffers: string[] = [];
        let n = 0;
        let t = 0;
        let current: string | undefined;
        const take = (ds: AcdDecision[]) => {
          for (const d of ds) if (d.type === 'offer') firstOffers.push((current = d.contactId));
        };
        for (const action of actions) {
          t += 10;
          if (action === 'arrive') take(acd.handle({ type: 'contact-arrived', at: t, contactId: `c${n++}`, queueId: 'q', channel: 'chat' }));
          else if (current) {
            const id = current;
            current = undefined;
            acd.handle({ type: 'offer-accepted', at: t, contactId: id, agentId: 'a' });
            take(acd.handle({ type: 'contact-ended', at: t + 1, contactId: id }));
          }
        }
        assert.deepEqual(firstOffers, firstOffers.map((_, i) => `c${i}`));
      }),
      runs,
    );
  });

  it('keeps every waiting contact, in the same order, across a restart', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { acd, now } = run(steps, { strategy: 'longest-idle', wrapUpMs: 0, tiers: true });
        const restarted = new AcdEngine();
        for (const id of ['q0', 'q1']) restarted.handle({ type: 'queue-configured', at: now, queue: queue(id, { tierWaitMs: 30_000 }) });
        for (const arrival of acd.exportWaiting()) restarted.handle({ ...arrival, at: now });
        for (const id of ['q0', 'q1']) assert.deepEqual(restarted.waitingIn(id), acd.waitingIn(id));
      }),
      runs,
    );
  });
});
