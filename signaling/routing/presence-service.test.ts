/**
 * One presence per agent however many windows, and the grace after the last one goes: back in
 * time, nothing changed; too late, an available agent is away (`disconnected`) and routing hears
 * of it; their next window makes them available again. Time is turned by hand, never slept.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { InProcessBus } from '../bus/in-process-bus.js';
import { topics } from '../bus/bus.js';
import { EventLogWriter } from '../kernel/event-log-writer.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import { bootstrap } from '../setup/bootstrap.js';
import type { AgentRecord } from '../store/agents-repo.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { PresenceListeners, PresenceService } from './presence-service.js';

const GRACE_MS = 20_000;

describe('PresenceService', () => {
  let store: Store;
  let bus: InProcessBus;
  let log: EventLogWriter;
  let presence: PresenceService;
  let ana: AgentRecord;
  /** Agents routing was told to reload, in order. */
  let changed: string[];
  /** The graces running: when each ends, and what it then does. */
  let timers: { at: number; run: () => void; cancelled: boolean }[];
  let now: number;
  let frames: ServerFrame[];

  /** Moves the clock on and ends the graces that are due, as the timers would. */
  async function advance(ms: number): Promise<void> {
    now += ms;
    for (const timer of timers.filter((t) => !t.cancelled && t.at <= now)) {
      timer.cancelled = true;
      timer.run();
    }
    // The grace's end reads and writes the store: let it finish.
    await new Promise((resolve) => setImmediate(resolve));
    await log.flushed();
    await new Promise((resolve) => setImmediate(resolve));
  }

  const stored = async () => (await store.agents.findById(ana.id))!;
  const logged = async () => (await store.eventLog.list()).filter((e) => e.agentId === ana.id).map((e) => e.type);

  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    await bootstrap(store, { demo: true });
    ana = (await store.agents.findByEmail('ana@demo.switchboard'))!;
    await store.agents.setStatus(ana.id, 'available');
    bus = new InProcessBus();
    log = new EventLogWriter(store);
    changed = [];
    timers = [];
    frames = [];
    now = 1_000_000;
    const events = new PresenceListeners();
    events.add({ changed: async (agentId) => void changed.push(agentId) });
    presence = new PresenceService({
      store,
      bus,
      log,
      events,
      clock: () => now,
      graceMs: GRACE_MS,
      after: (ms, run) => {
        const timer = { at: now + ms, run, cancelled: false };
        timers.push(timer);
        return () => void (timer.cancelled = true);
      },
    });
    bus.subscribe(topics.agent(ana.id), (f) => void frames.push(f));
  });

  afterEach(async () => {
    presence.destroy();
    await log.flushed();
    await store.close();
  });

  it('keeps an agent with two windows present when one closes, and starts no grace', async () => {
    await presence.agentConnected(ana);
    await presence.agentConnected(ana);
    await presence.agentDisconnected(ana.id);
    assert.equal(presence.isConnected(ana.id), true);
    assert.equal(presence.hasOpenSocket(ana.id), true);
    assert.equal(timers.length, 0);
    await advance(GRACE_MS * 3);
    assert.equal((await stored()).status, 'available');
    assert.deepEqual(await logged(), ['agent-login'], 'one login for both windows, no logout');
  });

  it('changes nothing when the agent is back within the grace', async () => {
    await presence.agentConnected(ana);
    await presence.agentDisconnected(ana.id);
    assert.equal(presence.isConnected(ana.id), true, 'still routable during the grace');
    assert.equal(presence.hasOpenSocket(ana.id), false);
    await advance(GRACE_MS - 1);
    changed.length = 0;
    await presence.agentConnected(ana);
    await advance(GRACE_MS * 2);
    assert.equal((await stored()).status, 'available');
    assert.deepEqual(await logged(), ['agent-login']);
    assert.deepEqual(changed, []);
    assert.equal(frames.length, 0, 'the app was told nothing');
  });

  it('makes an available agent away once the grace is over, and available again when they come back', async () => {
    await presence.agentConnected(ana);
    await presence.agentDisconnected(ana.id);
    changed.length = 0;
    await advance(GRACE_MS);
    assert.equal(presence.isConnected(ana.id), false);
    const away = await stored();
    assert.equal(away.status, 'away');
    assert.equal(away.breakReason, 'disconnected');
    assert.deepEqual(changed, [ana.id], 'routing reloads them (and withdraws their offers)');
    assert.deepEqual(await logged(), ['agent-login', 'agent-logout', 'agent-state']);

    // The laptop wakes: its app reconnects with the session it had.
    changed.length = 0;
    await presence.agentConnected(ana);
    await log.flushed();
    assert.equal((await stored()).status, 'available');
    assert.deepEqual(frames.at(-1), { type: 'presence', status: 'available' });
    assert.deepEqual(changed, [ana.id]);
    assert.deepEqual((await logged()).slice(3), ['agent-login', 'agent-state']);
  });

  it('leaves a chosen break or offline as it is when the connection goes', async () => {
    await presence.setStatus(ana.id, 'away', 'lunch');
    await presence.agentConnected(ana);
    await presence.agentDisconnected(ana.id);
    await advance(GRACE_MS);
    const after = await stored();
    assert.equal(after.status, 'away');
    assert.equal(after.breakReason, 'lunch');
    await presence.agentConnected(ana);
    assert.equal((await stored()).breakReason, 'lunch', 'back from a lost connection, still at lunch');
  });

  it('ends the grace at once when asked (the app died mid-call: nothing to come back to)', async () => {
    await presence.agentConnected(ana);
    await presence.agentDisconnected(ana.id);
    await presence.endGrace(ana.id);
    assert.equal(presence.isConnected(ana.id), false);
    assert.equal((await stored()).breakReason, 'disconnected');
    assert.ok(timers.every((t) => t.cancelled));
  });

  it('ends no grace after shutdown', async () => {
    await presence.agentConnected(ana);
    await presence.agentDisconnected(ana.id);
    presence.destroy();
    assert.ok(timers.every((t) => t.cancelled));
    await advance(GRACE_MS);
    assert.equal((await stored()).status, 'available');
  });
});
