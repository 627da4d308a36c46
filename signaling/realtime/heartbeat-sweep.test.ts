/** The one heartbeat sweep: quiet sockets are pinged, silent ones terminated within 10 s, live ones kept; one timer for all. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEARTBEAT_DEAD_AFTER_MS, HEARTBEAT_INTERVAL_MS, HeartbeatSweep } from './heartbeat-sweep.js';

class FakeSocket {
  pings = 0;
  /** A ping not answered yet. */
  awaiting = false;
  terminated = false;
  ping(): void {
    this.pings++;
    this.awaiting = true;
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A sweep on a hand-turned clock whose timer only counts how often it was started and stopped. */
function harness() {
  let now = 1_000_000;
  const timers = { started: 0, stopped: 0 };
  const sweep = new HeartbeatSweep({
    clock: () => now,
    every: () => {
      timers.started++;
      return () => void timers.stopped++;
    },
  });
  /** Advances the clock one interval at a time, sweeping after each step, as the timer would. */
  const advance = (ms: number, between?: () => void) => {
    for (let t = 0; t < ms; t += HEARTBEAT_INTERVAL_MS) {
      now += HEARTBEAT_INTERVAL_MS;
      between?.();
      sweep.sweep();
    }
  };
  return { sweep, timers, advance };
}

describe('heartbeat sweep', () => {
  it('terminates a socket that stops answering within 10 s, and never one that answers', () => {
    const { sweep, advance } = harness();
    const frozen = new FakeSocket();
    const answering = new FakeSocket();
    sweep.watch(frozen);
    sweep.watch(answering);
    let elapsed = 0;
    while (!frozen.terminated) {
      // The live one answers every ping by the next sweep, as a browser does.
      advance(HEARTBEAT_INTERVAL_MS, () => {
        if (answering.awaiting) sweep.seen(answering);
        answering.awaiting = false;
      });
      elapsed += HEARTBEAT_INTERVAL_MS;
      assert.ok(elapsed <= 10_000, `still not noticed after ${elapsed} ms`);
    }
    assert.ok(frozen.pings >= 1, 'the silent socket was pinged before it was given up');
    assert.equal(answering.terminated, false);
    assert.ok(answering.pings >= 2);
    assert.equal(sweep.size, 1, 'the dead socket is forgotten');
    advance(60_000, () => {
      if (answering.awaiting) sweep.seen(answering);
      answering.awaiting = false;
    });
    assert.equal(answering.terminated, false);
  });

  it('counts any frame from the client as a sign of life', () => {
    const { sweep, advance } = harness();
    const chatty = new FakeSocket();
    sweep.watch(chatty);
    advance(HEARTBEAT_DEAD_AFTER_MS * 3, () => sweep.seen(chatty));
    assert.equal(chatty.terminated, false);
    assert.equal(chatty.pings, 0, 'a socket heard from since the last sweep needs no ping');
  });

  it('runs one timer for all sockets, only while there are any', () => {
    const { sweep, timers } = harness();
    const stops = Array.from({ length: 500 }, () => sweep.watch(new FakeSocket()));
    assert.equal(timers.started, 1);
    for (const stop of stops) stop();
    assert.equal(timers.stopped, 1);
    assert.equal(sweep.size, 0);
    sweep.watch(new FakeSocket());
    assert.equal(timers.started, 2);
    sweep.destroy();
    assert.equal(timers.stopped, 2);
  });

  it('ignores news of a socket it no longer watches', () => {
    const { sweep, advance } = harness();
    const gone = new FakeSocket();
    sweep.watch(gone)();
    sweep.seen(gone);
    advance(HEARTBEAT_DEAD_AFTER_MS * 2);
    assert.equal(sweep.size, 0);
    assert.equal(gone.pings, 0);
    assert.equal(gone.terminated, false);
  });

  it('refuses a limit that leaves no time to answer', () => {
    assert.throws(() => new HeartbeatSweep({ intervalMs: 5000, deadAfterMs: 5000 }), RangeError);
  });
});
