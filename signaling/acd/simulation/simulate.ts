/**
 * A discrete-event simulation of a contact center running on the real ACD engine: arrivals
 * (Poisson or a recorded log), agents who answer, miss, handle, wrap up and take shifts, and
 * customers who abandon. Deterministic for a given seed. No I/O: the CLI reads and prints.
 */
import { AcdEngine, DEFAULT_QUEUE } from '../acd-engine.js';
import { DeadlineHeap } from '../deadline-heap.js';
import { seededRandom } from '../routing-state.js';
import type { AcdDecision, AcdEvent, Channel, Skills } from '../types.js';
import type { AgentFigures, QueueFigures, SimulationReport } from './report.js';
import type { Scenario, ScenarioAgent } from './scenario.js';
import { assertNever } from '../../protocol/assert-never.js';

type SimEvent =
  | { kind: 'arrival'; queue: string; channel: Channel; handleMs: number; patienceMs?: number; priority: number; requiredSkills?: Skills }
  | { kind: 'patience'; contactId: string }
  | { kind: 'answer'; contactId: string; agentId: string }
  | { kind: 'handled'; contactId: string }
  | { kind: 'shift'; agentId: string; on: boolean }
  | { kind: 'unpause'; agentId: string };

interface SimContact {
  arrivedAt: number;
  handleMs: number;
  agentId?: string;
  answered: boolean;
  gone: boolean;
}

interface SimAgent {
  spec: ScenarioAgent;
  onShift: boolean;
  paused: boolean;
  handling: number;
  wrapUp: boolean;
  handled: number;
  missed: number;
  loggedMs: number;
  busyMs: number;
  lastAt: number;
}

const SECOND = 1000;

/** Expands agents with `count` into individuals: support-1, support-2, ... */
function expandAgents(agents: ScenarioAgent[]): ScenarioAgent[] {
  return agents.flatMap((a) => (a.count && a.count > 1 ? Array.from({ length: a.count }, (_, i) => ({ ...a, id: `${a.id}-${i + 1}`, count: 1 })) : [a]));
}

export function simulate(scenario: Scenario): SimulationReport {
  const seed = scenario.seed ?? 1;
  const random = seededRandom(seed);
  const exponential = (mean: number) => -Math.log(1 - random()) * mean;
  const start = Date.parse(scenario.startsAt ?? '2026-01-05T09:00:00Z');
  const end = start + scenario.durationMinutes * 60 * SECOND;
  const slMs = (scenario.serviceLevelSeconds ?? 20) * SECOND;
  const shortAbandonMs = (scenario.shortAbandonSeconds ?? 5) * SECOND;
  const pauseMs = (scenario.pauseMinutes ?? 5) * 60 * SECOND;

  const engine = new AcdEngine({ seed, maxNoAnswer: 3 });
  const events = new DeadlineHeap<SimEvent>();
  const contacts = new Map<string, SimContact>();
  const agents = new Map<string, SimAgent>();
  const figures = new Map<string, QueueFigures & { waitSum: number }>();
  let decisions = 0;
  let nextContact = 0;

  const queueFigures = (queueId: string) => {
    let f = figures.get(queueId);
    if (!f) {
      f = { queueId, offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, overflowed: 0, refused: 0, asaSeconds: 0, longestWaitSeconds: 0, serviceLevel: 0, serviceLevel2: 0, abandonmentRate: 0, waitSum: 0 };
      figures.set(queueId, f);
    }
    return f;
  };

  for (const q of scenario.queues) {
    queueFigures(q.id);
    engine.handle({
      type: 'queue-configured',
      at: start,
      queue: {
        ...DEFAULT_QUEUE,
        id: q.id,
        ...(q.strategy ? { strategy: q.strategy } : {}),
        ...(q.offerTimeoutSeconds !== undefined ? { offerTimeoutMs: q.offerTimeoutSeconds * SECOND } : {}),
        ...(q.retryDelaySeconds !== undefined ? { retryDelayMs: q.retryDelaySeconds * SECOND } : {}),
        ...(q.wrapUpSeconds !== undefined ? { wrapUpMs: q.wrapUpSeconds * SECOND } : {}),
        ...(q.requiredSkills ? { requiredSkills: q.requiredSkills } : {}),
        ...(q.tierWaitSeconds !== undefined ? { tierWaitMs: q.tierWaitSeconds * SECOND } : {}),
        ...(q.priority !== undefined ? { priority: q.priority } : {}),
        ...(q.maxSize !== undefined ? { maxSize: q.maxSize } : {}),
        ...(q.maxWaitSeconds !== undefined ? { maxWaitMs: q.maxWaitSeconds * SECOND } : {}),
        ...(q.overflowTo ? { overflow: { type: 'queue' as const, queueId: q.overflowTo } } : {}),
        ...(q.hours ? { hours: q.hours } : {}),
      },
    });
  }

  for (const spec of expandAgents(scenario.agents)) {
    agents.set(spec.id, { spec, onShift: false, paused: false, handling: 0, wrapUp: false, handled: 0, missed: 0, loggedMs: 0, busyMs: 0, lastAt: start });
    const [from, to] = spec.shift ?? [0, scenario.durationMinutes];
    events.push(start + from * 60 * SECOND, { kind: 'shift', agentId: spec.id, on: true });
    if (to < scenario.durationMinutes) events.push(start + to * 60 * SECOND, { kind: 'shift', agentId: spec.id, on: false });
  }

  for (const a of scenario.arrivals ?? []) {
    const gapMs = (3600 / a.perHour) * SECOND;
    for (let t = start + exponential(gapMs); t < end; t += exponential(gapMs)) {
      events.push(Math.round(t), {
        kind: 'arrival',
        queue: a.queue,
        channel: a.channel ?? 'chat',
        handleMs: Math.max(SECOND, Math.round(exponential(a.handleSeconds * SECOND))),
        ...(a.patienceSeconds !== undefined ? { patienceMs: Math.round(exponential(a.patienceSeconds * SECOND)) } : {}),
        priority: a.priority ?? 0,
        ...(a.requiredSkills ? { requiredSkills: a.requiredSkills } : {}),
      });
    }
  }
  for (const l of scenario.log ?? []) {
    events.push(start + l.atSeconds * SECOND, {
      kind: 'arrival',
      queue: l.queue,
      channel: l.channel ?? 'chat',
      handleMs: l.handleSeconds * SECOND,
      ...(l.patienceSeconds !== undefined ? { patienceMs: l.patienceSeconds * SECOND } : {}),
      priority: l.priority ?? 0,
    });
  }

  /** Adds the time since the agent's last change to their logged-in and busy totals. */
  const account = (agent: SimAgent, now: number) => {
    const dt = now - agent.lastAt;
    if (agent.onShift && !agent.paused) {
      agent.loggedMs += dt;
      if (agent.handling > 0 || agent.wrapUp) agent.busyMs += dt;
    }
    agent.lastAt = now;
  };

  const routable = (agent: SimAgent, now: number): AcdEvent => ({
    type: 'agent-updated',
    at: now,
    agentId: agent.spec.id,
    available: agent.onShift && !agent.paused,
    queues: Object.fromEntries(Object.entries(agent.spec.queues).map(([q, tier], i) => [q, { tier, position: i }])),
    skills: agent.spec.skills ?? {},
    capacity: agent.spec.capacity ?? { chat: 1, voice: 1, email: 1, message: 1 },
  });

  const feed = (event: AcdEvent, now: number) => {
    const out = engine.handle(event);
    decisions += out.length;
    for (const d of out) react(d, now);
    return out;
  };

  const react = (d: AcdDecision, now: number) => {
    switch (d.type) {
      case 'offer': {
        const agent = agents.get(d.agentId)!;
        if (random() < (agent.spec.missRate ?? 0)) agent.missed++;
        else events.push(now + (agent.spec.answerSeconds ?? 3) * SECOND, { kind: 'answer', contactId: d.contactId, agentId: d.agentId });
        return;
      }
      case 'assigned': {
        const contact = contacts.get(d.contactId)!;
        const agent = agents.get(d.agentId)!;
        contact.answered = true;
        contact.agentId = d.agentId;
        const waited = now - contact.arrivedAt;
        const f = queueFigures(d.queueId);
        f.answered++;
        f.waitSum += waited;
        f.longestWaitSeconds = Math.max(f.longestWaitSeconds, waited / SECOND);
        if (waited <= slMs) f.serviceLevel++;
        account(agent, now);
        agent.handling++;
        agent.handled++;
        events.push(now + contact.handleMs, { kind: 'handled', contactId: d.contactId });
        return;
      }
      case 'abandoned': {
        const f = queueFigures(d.queueId);
        f.abandoned++;
        if (d.waitedMs <= shortAbandonMs) f.shortAbandoned++;
        return;
      }
      case 'overflowed':
        queueFigures(d.fromQueueId).overflowed++;
        if (d.to.type === 'queue') queueFigures(d.to.queueId).offered++;
        else contacts.get(d.contactId)!.gone = true;
        return;
      case 'refused':
        queueFigures(d.queueId).refused++;
        contacts.get(d.contactId)!.gone = true;
        return;
      case 'agent-paused': {
        const agent = agents.get(d.agentId)!;
        account(agent, now);
        agent.paused = true;
        events.push(now + pauseMs, { kind: 'unpause', agentId: d.agentId });
        return;
      }
      case 'wrap-up-started':
      case 'wrap-up-ended': {
        const agent = agents.get(d.agentId)!;
        account(agent, now);
        agent.wrapUp = d.type === 'wrap-up-started';
        return;
      }
      default:
        return;
    }
  };

  for (;;) {
    const nextSim = events.peek()?.at;
    const nextEngine = engine.nextDeadline();
    const t = Math.min(nextSim ?? Infinity, nextEngine ?? Infinity);
    if (!Number.isFinite(t) || t > end) break;
    if (nextEngine !== undefined && nextEngine <= (nextSim ?? Infinity)) {
      feed({ type: 'tick', at: nextEngine }, nextEngine);
      continue;
    }
    const { item } = events.pop()!;
    switch (item.kind) {
      case 'arrival': {
        const contactId = `c${nextContact++}`;
        contacts.set(contactId, { arrivedAt: t, handleMs: item.handleMs, answered: false, gone: false });
        const out = feed({ type: 'contact-arrived', at: t, contactId, queueId: item.queue, channel: item.channel, priority: item.priority, ...(item.requiredSkills ? { requiredSkills: item.requiredSkills } : {}) }, t);
        // Turned away at the door (closed or full) means it never entered this queue: not offered here.
        const turnedAway = out.some((d) => (d.type === 'refused' || d.type === 'overflowed') && d.contactId === contactId);
        if (!turnedAway) queueFigures(item.queue).offered++;
        if (item.patienceMs !== undefined) events.push(t + item.patienceMs, { kind: 'patience', contactId });
        break;
      }
      case 'patience': {
        const contact = contacts.get(item.contactId)!;
        if (!contact.answered && !contact.gone) {
          contact.gone = true;
          feed({ type: 'contact-ended', at: t, contactId: item.contactId }, t);
        }
        break;
      }
      case 'answer':
        feed({ type: 'offer-accepted', at: t, contactId: item.contactId, agentId: item.agentId }, t);
        break;
      case 'handled': {
        const contact = contacts.get(item.contactId)!;
        contact.gone = true;
        const owner = contact.agentId ? agents.get(contact.agentId) : undefined;
        if (owner) {
          account(owner, t);
          owner.handling--;
        }
        feed({ type: 'contact-ended', at: t, contactId: item.contactId }, t);
        break;
      }
      case 'shift':
      case 'unpause': {
        const agent = agents.get(item.agentId)!;
        account(agent, t);
        if (item.kind === 'shift') agent.onShift = item.on;
        else agent.paused = false;
        feed(routable(agent, t), t);
        break;
      }
      default:
        assertNever(item);
    }
  }

  for (const agent of agents.values()) account(agent, end);
  const queues: QueueFigures[] = [...figures.values()].map(({ waitSum, ...f }) => ({
    ...f,
    asaSeconds: f.answered ? waitSum / f.answered / SECOND : 0,
    serviceLevel2: f.offered - f.shortAbandoned > 0 ? f.serviceLevel / (f.offered - f.shortAbandoned) : 0,
    serviceLevel: f.offered ? f.serviceLevel / f.offered : 0,
    abandonmentRate: f.offered ? f.abandoned / f.offered : 0,
  }));
  const agentFigures: AgentFigures[] = [...agents.values()].map((a) => ({ agentId: a.spec.id, handled: a.handled, missed: a.missed, occupancy: a.loggedMs ? a.busyMs / a.loggedMs : 0 }));
  return { scenario: scenario.name, durationMinutes: scenario.durationMinutes, serviceLevelSeconds: slMs / SECOND, queues, agents: agentFigures, decisions };
}
