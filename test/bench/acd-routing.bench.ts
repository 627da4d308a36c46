/**
 * ACD routing benchmark (not a test): per-event decision latency and throughput with
 * 10,000 waiting contacts, 1,000 agents and 20 queues, in steady state (agents full, the
 * queues deep). The same workload at a tenth of the scale runs beside it, to show the cost
 * of a decision does not grow with the number waiting. Target: p99 under 100 µs.
 *
 *   npx tsx test/bench/acd-routing.bench.ts [--events 50000]
 */
import { AcdEngine, DEFAULT_QUEUE } from '../../signaling/acd/acd-engine.js';
import { seededRandom } from '../../signaling/acd/routing-state.js';
import { STRATEGY_NAMES } from '../../signaling/acd/strategies/strategy.js';
import type { AcdDecision, AcdEvent } from '../../signaling/acd/types.js';
import { quick, reportBench } from './bench-result.js';

interface Scale {
  label: string;
  queues: number;
  agents: number;
  waiting: number;
}

function run(scale: Scale, measuredEvents: number) {
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const engine = new AcdEngine({ seed: 42, maxNoAnswer: 0 });
  let now = Date.parse('2026-11-23T09:00:00Z');
  const queueIds = Array.from({ length: scale.queues }, (_, i) => `q${i}`);
  const skills = ['billing', 'tech', 'spanish', 'german', 'vip'];

  for (const [i, id] of queueIds.entries()) {
    engine.handle({
      type: 'queue-configured',
      at: now,
      queue: { ...DEFAULT_QUEUE, id, strategy: STRATEGY_NAMES[i % STRATEGY_NAMES.length]!, requiredSkills: i % 4 === 0 ? { [skills[i % skills.length]!]: 1 } : {}, tierWaitMs: i % 3 === 0 ? 60_000 : 0, wrapUpMs: i % 5 === 0 ? 5_000 : 0 },
    });
  }

  const handled = new Map<string, string>(); // contact → agent
  const handledIds: string[] = [];
  const waitingIds = new Set<string>();
  const liveOffers = new Map<string, string>(); // contact → agent (first agent for ring-all)
  let nextContact = 0;

  const observe = (ds: AcdDecision[]) => {
    for (const d of ds) {
      if (d.type === 'offer') liveOffers.set(d.contactId, d.agentId);
      else if (d.type === 'offer-withdrawn') liveOffers.delete(d.contactId);
      else if (d.type === 'assigned') {
        liveOffers.delete(d.contactId);
        waitingIds.delete(d.contactId);
        handled.set(d.contactId, d.agentId);
        handledIds.push(d.contactId);
      }
    }
  };
  const send = (e: AcdEvent) => {
    const out = engine.handle(e);
    observe(out);
    return out;
  };
  const arrive = () => {
    const id = `c${nextContact++}`;
    waitingIds.add(id);
    send({ type: 'contact-arrived', at: now, contactId: id, queueId: pick(queueIds), channel: 'chat', priority: random() < 0.1 ? 1 : 0 });
  };

  for (let a = 0; a < scale.agents; a++) {
    const memberOf = new Set([pick(queueIds), pick(queueIds), pick(queueIds)]);
    send({
      type: 'agent-updated',
      at: now,
      agentId: `a${a}`,
      available: true,
      queues: Object.fromEntries([...memberOf].map((q, i) => [q, { tier: random() < 0.8 ? 1 : 2, position: a * 3 + i }])),
      skills: Object.fromEntries(skills.filter(() => random() < 0.5).map((s) => [s, 1 + Math.floor(random() * 5)])),
      capacity: { chat: 3 },
    });
  }

  // Fill every agent to capacity, then build the waiting line.
  for (let round = 0; round < scale.agents * 4 && liveOffers.size + waitingIds.size < scale.agents * 6; round++) {
    arrive();
    for (const [contactId, agentId] of [...liveOffers]) send({ type: 'offer-accepted', at: now, contactId, agentId });
  }
  while (waitingIds.size < scale.waiting) arrive();

  // Steady state: what a busy center's server feeds the engine. Time moves as on the server:
  // the routing service's timer ticks at each deadline the engine names, not in big jumps.
  const latencies: number[] = [];
  const byType = new Map<string, number[]>();
  let decisions = 0;
  const measure = (event: AcdEvent) => {
    const t0 = process.hrtime.bigint();
    const out = engine.handle(event);
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    latencies.push(us);
    let list = byType.get(event.type);
    if (!list) byType.set(event.type, (list = []));
    list.push(us);
    decisions += out.length;
    observe(out);
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (let due = engine.nextDeadline(); due !== undefined && due <= until; due = engine.nextDeadline()) {
      now = Math.max(now, due);
      measure({ type: 'tick', at: now });
    }
    now = until;
  };
  const started = process.hrtime.bigint();
  for (let i = 0; i < measuredEvents; i++) {
    advance(20);
    const r = random();
    if (r < 0.3 && handledIds.length) {
      const idx = Math.floor(random() * handledIds.length);
      const contactId = handledIds[idx]!;
      handledIds[idx] = handledIds[handledIds.length - 1]!;
      handledIds.pop();
      handled.delete(contactId);
      measure({ type: 'contact-ended', at: now, contactId });
    } else if (r < 0.6 && liveOffers.size) {
      const [contactId, agentId] = liveOffers.entries().next().value as [string, string];
      measure(random() < 0.9 ? { type: 'offer-accepted', at: now, contactId, agentId } : { type: 'offer-declined', at: now, contactId, agentId });
    } else if (r < 0.92 && waitingIds.size < scale.waiting) {
      const id = `c${nextContact++}`;
      waitingIds.add(id);
      measure({ type: 'contact-arrived', at: now, contactId: id, queueId: pick(queueIds), channel: 'chat', priority: random() < 0.1 ? 1 : 0 });
    } else if (waitingIds.size) {
      // The customer gives up.
      const contactId = [...waitingIds][Math.floor(random() * Math.min(waitingIds.size, 50))]!;
      waitingIds.delete(contactId);
      liveOffers.delete(contactId);
      measure({ type: 'contact-ended', at: now, contactId });
    }
  }
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  const at = (xs: Float64Array, p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  const all = sorted(latencies);
  const pct = (p: number) => at(all, p);
  return {
    label: scale.label,
    waitingAtEnd: waitingIds.size,
    handlingAtEnd: handled.size,
    events: latencies.length,
    byType: [...byType].map(([type, xs]) => {
      const s = sorted(xs);
      return { type, count: xs.length, p50: at(s, 50), p99: at(s, 99) };
    }),
    decisions,
    eventsPerS: latencies.length / elapsedS,
    decisionsPerS: decisions / elapsedS,
    p50: pct(50),
    p99: pct(99),
    p999: pct(99.9),
    max: all[all.length - 1]!,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

const eventsArg = process.argv.indexOf('--events');
const measured = eventsArg > 0 ? Number(process.argv[eventsArg + 1]) : quick ? 5_000 : 50_000;
const scales: Scale[] = [
  { label: 'target: 20 queues, 1,000 agents, 10,000 waiting', queues: 20, agents: 1000, waiting: 10_000 },
  { label: 'tenth:  20 queues,   100 agents,  1,000 waiting', queues: 20, agents: 100, waiting: 1_000 },
];
run(scales[1]!, 5_000); // warm up the JIT so the first measured run is not penalised
console.log(`ACD routing benchmark, ${measured.toLocaleString('en')} events per run, Node ${process.version}\n`);
console.log('workload                                          waiting   events/s decisions/s  p50 µs  p99 µs p99.9 µs  max µs  heap MiB');
let detail: { type: string; count: number; p50: number; p99: number }[] = [];
for (const scale of scales) {
  const r = run(scale, measured);
  if (scale === scales[0]) {
    detail = r.byType;
    reportBench({ figure: 'ACD decision p99 (µs), 10,000 waiting, 1,000 agents', ours: r.p99, target: '< 100', met: r.p99 < 100 });
  }
  console.log(
    `${r.label.padEnd(50)}${String(r.waitingAtEnd).padStart(7)}${Math.round(r.eventsPerS).toLocaleString('en').padStart(11)}${Math.round(r.decisionsPerS).toLocaleString('en').padStart(12)}${r.p50.toFixed(1).padStart(8)}${r.p99.toFixed(1).padStart(8)}${r.p999.toFixed(1).padStart(9)}${r.max.toFixed(0).padStart(8)}${r.heapMiB.toFixed(0).padStart(10)}`,
  );
}
console.log('\nTarget: p99 under 100 µs per decision at the target scale.');
console.log(`By event at the target scale: ${detail.map((d) => `${d.type} ×${d.count} p50 ${d.p50.toFixed(1)} µs p99 ${d.p99.toFixed(1)} µs`).join('; ')}`);
