/**
 * The wallboard tells the truth: random sequences of what happens in a contact center (contacts
 * arriving, offers accepted, declined or ringing out, transfers to a colleague or a queue,
 * returns, ends, wrap-up, breaks, forced states, apps closing) are driven through the real
 * services on a manual clock, and after every step each agent's row on the wallboard (its fold
 * of the event log) must agree with the routing engine's own view of that agent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { seededRandom } from '../acd/routing-state.js';
import { AppError } from '../kernel/app-error.js';
import type { Actor } from '../kernel/actor.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Store } from '../store/store.js';
import type { WallboardAgent } from '../protocol/wallboard.js';

// WALLBOARD_SEEDS=first:count explores further (e.g. 7:50) without slowing the default run.
const [firstSeed, seedCount] = (process.env.WALLBOARD_SEEDS ?? '1:5').split(':').map(Number) as [number, number];
const SEEDS = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
const STEPS = 70;
const EMAILS = ['ana@demo.switchboard', 'ben@demo.switchboard', 'cy@test.local'];

/** Support rings 5 s and wraps up 10 s; Billing waits for a disposition. */
async function seedCenter(store: Store): Promise<void> {
  const support = (await store.queues.findBySlug('support'))!;
  await store.queues.update({ ...support, offerTimeoutMs: 5_000, retryDelayMs: 3_000, wrapUpMs: 10_000 });
  const billing = (await store.queues.findBySlug('billing'))!;
  await store.queues.update({ ...billing, offerTimeoutMs: 5_000, retryDelayMs: 3_000, dispositionRequired: true });
  const ana = (await store.agents.findByEmail(EMAILS[0]!))!;
  const cy = randomUUID();
  await store.agents.insert({ id: cy, email: EMAILS[2]!, name: 'Cy Test', role: 'agent', passwordHash: ana.passwordHash, status: 'available', skills: { billing: 2 }, createdAt: 1 });
  await store.queues.addMember(support.id, cy, { tier: 1, position: 2 });
  await store.queues.addMember(billing.id, cy, { tier: 1, position: 2 });
}

interface World {
  server: TestServer;
  agents: AgentRecord[];
  admin: AgentRecord;
  now: { at: number };
  random: () => number;
  /** Open conversations started here, with their visitor. */
  open: Map<string, string>;
}

const pick = <T>(w: World, list: readonly T[]): T | undefined => (list.length ? list[Math.floor(w.random() * list.length)] : undefined);
const agentActor = (agent: AgentRecord): Actor => ({ kind: 'agent', agent });

/** Lets listeners the services notify without awaiting (a pause sets the agent away) finish. */
async function settle(w: World): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await w.server.services.log.flushed();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The conversations each agent handles, as the store has them. */
async function handled(w: World): Promise<{ id: string; agentId: string; queueId: string }[]> {
  const rows = await w.server.store.conversations.listByStatus(['active']);
  return rows.filter((c) => c.agentId && w.open.has(c.id)).map((c) => ({ id: c.id, agentId: c.agentId!, queueId: c.queueId }));
}

type Step = (w: World) => Promise<string | undefined>;

const steps: Record<string, Step> = {
  async arrive(w) {
    const visitorId = randomUUID();
    await w.server.store.visitors.insert(visitorId, w.now.at);
    const summary = await w.server.services.placement.start(visitorId, randomUUID(), { queue: w.random() < 0.6 ? 'support' : 'billing' });
    w.open.set(summary.id, visitorId);
    return `arrive ${summary.id.slice(0, 4)}`;
  },
  async accept(w) {
    const offered = w.agents.flatMap((a) => w.server.services.routing.offersFor(a.id).map((o) => ({ a, o })));
    const chosen = pick(w, offered);
    if (!chosen) return undefined;
    await w.server.services.routing.accept(chosen.a, chosen.o.conversationId);
    return `${chosen.a.name} accepts ${chosen.o.conversationId.slice(0, 4)}`;
  },
  async decline(w) {
    const offered = w.agents.flatMap((a) => w.server.services.routing.offersFor(a.id).map((o) => ({ a, o })));
    const chosen = pick(w, offered);
    if (!chosen) return undefined;
    await w.server.services.routing.decline(chosen.a, chosen.o.conversationId);
    return `${chosen.a.name} declines`;
  },
  async time(w) {
    const ms = pick(w, [1_000, 5_001, 10_001, 30_000])!;
    w.now.at += ms;
    w.server.services.routing.tick();
    return `+${ms} ms`;
  },
  async transferToAgent(w) {
    const c = pick(w, await handled(w));
    const to = pick(w, w.agents.filter((a) => a.id !== c?.agentId));
    if (!c || !to) return undefined;
    const from = w.agents.find((a) => a.id === c.agentId)!;
    await w.server.services.placement.transfer(agentActor(from), c.id, { agentId: to.id }, undefined, randomUUID());
    return `${from.name} transfers ${c.id.slice(0, 4)} to ${to.name}`;
  },
  async transferToQueue(w) {
    const c = pick(w, await handled(w));
    if (!c) return undefined;
    const from = w.agents.find((a) => a.id === c.agentId)!;
    const queue = pick(w, ['support', 'billing'])!;
    const queueId = (await w.server.store.queues.findBySlug(queue))!.id;
    await w.server.services.placement.transfer(agentActor(from), c.id, { queueId }, undefined, randomUUID());
    return `${from.name} transfers ${c.id.slice(0, 4)} to ${queue}`;
  },
  async returnToQueue(w) {
    const c = pick(w, await handled(w));
    if (!c) return undefined;
    await w.server.services.placement.returnToQueue(c.id);
    return `${c.id.slice(0, 4)} returns to its queue`;
  },
  async agentEnds(w) {
    const c = pick(w, await handled(w));
    if (!c) return undefined;
    await w.server.services.conversations.end(agentActor(w.agents.find((a) => a.id === c.agentId)!), c.id);
    w.open.delete(c.id);
    return `agent ends ${c.id.slice(0, 4)}`;
  },
  async visitorLeaves(w) {
    const id = pick(w, [...w.open.keys()]);
    if (!id) return undefined;
    await w.server.services.conversations.end({ kind: 'visitor', visitorId: w.open.get(id)! }, id);
    w.open.delete(id);
    return `visitor leaves ${id.slice(0, 4)}`;
  },
  async wrapUpDone(w) {
    const a = pick(w, w.agents.filter((x) => w.server.services.routing.wrapUpOf(x.id)));
    if (!a) return undefined;
    await w.server.services.routing.wrapUpDone(a, 'resolved');
    return `${a.name} wrap-up done`;
  },
  async ownState(w) {
    const a = pick(w, w.agents)!;
    const status = pick(w, ['available', 'available', 'away', 'offline'] as const)!;
    await w.server.services.presence.setStatus(a.id, status, status === 'away' ? 'lunch' : undefined);
    return `${a.name} sets ${status}`;
  },
  async forcedState(w) {
    const a = pick(w, w.agents)!;
    const status = pick(w, ['available', 'away', 'offline'] as const)!;
    await w.server.services.supervision.forcePresence(agentActor(w.admin), a.id, status, status === 'away' ? 'meeting' : undefined);
    return `admin forces ${a.name} ${status}`;
  },
  async appCloses(w) {
    const a = pick(w, w.agents.filter((x) => w.server.services.presence.isConnected(x.id)));
    if (!a) return undefined;
    await w.server.services.presence.agentDisconnected(a.id);
    return `${a.name}'s app closes`;
  },
  async appOpens(w) {
    const a = pick(w, w.agents.filter((x) => !w.server.services.presence.isConnected(x.id)));
    if (!a) return undefined;
    await w.server.services.presence.agentConnected((await w.server.store.agents.findById(a.id))!);
    return `${a.name}'s app opens`;
  },
};

/** How often each step is drawn: the flow of contacts most, the rarer events less. */
const WEIGHTS: [keyof typeof steps, number][] = [
  ['arrive', 4], ['accept', 5], ['decline', 1], ['time', 3], ['transferToAgent', 3], ['transferToQueue', 2], ['returnToQueue', 1],
  ['agentEnds', 3], ['visitorLeaves', 1], ['wrapUpDone', 2], ['ownState', 1], ['forcedState', 1], ['appCloses', 1], ['appOpens', 2],
];

function drawStep(w: World): keyof typeof steps {
  const total = WEIGHTS.reduce((n, [, weight]) => n + weight, 0);
  let r = w.random() * total;
  for (const [name, weight] of WEIGHTS) if ((r -= weight) < 0) return name;
  return 'time';
}

/** What the wallboard must show of an agent, from the engine's view and the agent's connection. */
function expectedRow(w: World, agentId: string): Pick<WallboardAgent, 'state' | 'contacts'> | undefined {
  const view = w.server.services.routing.agentNow(agentId);
  if (!view) return undefined;
  if (!w.server.services.presence.isConnected(agentId)) return { state: 'logged-out', contacts: view.contacts };
  if (view.contacts > 0) return { state: 'on-contact', contacts: view.contacts };
  if (view.wrapUp) return { state: 'wrap-up', contacts: 0 };
  return { state: view.available ? 'available' : 'away-or-offline', contacts: 0 } as Pick<WallboardAgent, 'state' | 'contacts'>;
}

type Looked = Map<string, { state: string; occupancy: number | null }>;

async function checkBoard(w: World, history: string[], before: Looked): Promise<Looked> {
  const board = await w.server.services.wallboard.snapshot();
  const looked: Looked = new Map();
  for (const a of w.agents) {
    const row = board.agents.find((r) => r.agentId === a.id);
    const expected = expectedRow(w, a.id);
    const where = `${a.name} after:\n  ${history.slice(-8).join('\n  ')}`;
    if (!expected || !row) continue;
    const shown = { state: row.state === 'away' || row.state === 'offline' ? 'away-or-offline' : row.state, contacts: row.contacts };
    assert.deepEqual(shown, expected, where);
    assert.equal(row.conversationIds.length, row.contacts, where);
    assert.deepEqual(new Set(row.conversationIds), new Set(w.server.services.routing.agentNow(a.id) ? (await handled(w)).filter((c) => c.agentId === a.id).map((c) => c.id) : []), `ids: ${where}`);
    assert.ok(row.occupancy === null || (row.occupancy >= 0 && row.occupancy <= 1), `occupancy ${row.occupancy}: ${where}`);
    looked.set(a.id, { state: expected.state, occupancy: row.occupancy });
    // Idle and available since the last look: time passing must not raise occupancy (no ghost contacts).
    const last = before.get(a.id);
    if (expected.state === 'available' && last?.state === 'available' && row.occupancy !== null && last.occupancy !== null) {
      assert.ok(row.occupancy <= last.occupancy + 1e-9, `occupancy rose while idle: ${where}`);
    }
  }
  return looked;
}

describe('the wallboard agrees with the routing engine', () => {
  for (const seed of SEEDS) {
    it(`over ${STEPS} random steps (seed ${seed})`, async () => {
      const now = { at: Date.UTC(2026, 10, 27, 9) };
      const server = await startTestServer({ clock: () => now.at, seed: seedCenter });
      try {
        const agents = await Promise.all(EMAILS.map(async (e) => (await server.store.agents.findByEmail(e))!));
        const admin = (await server.store.agents.findByEmail('admin@test.local'))!;
        const w: World = { server, agents, admin, now, random: seededRandom(seed), open: new Map() };
        for (const a of agents) await server.services.presence.agentConnected(a);
        const history: string[] = [];
        let looked: Looked = new Map();
        for (let i = 0; i < STEPS; i++) {
          const name = drawStep(w);
          try {
            const said = await steps[name]!(w);
            if (said) history.push(said);
          } catch (error) {
            // Refusals are part of the game (a colleague on a break cannot take a transfer); nothing may change then.
            if (!(error instanceof AppError)) throw error;
            history.push(`${name} refused: ${error.reason}`);
          }
          now.at += 200;
          await settle(w);
          looked = await checkBoard(w, history, name === 'time' ? looked : new Map());
        }
      } finally {
        await server.close();
      }
    });
  }
});
