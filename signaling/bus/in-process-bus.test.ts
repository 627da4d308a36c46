import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerFrame } from '../protocol/server-frames.js';
import { InProcessBus } from './in-process-bus.js';

const frame: ServerFrame = { type: 'presence', status: 'available' };

describe('InProcessBus', () => {
  it('delivers only to subscribers of the topic, until they unsubscribe', () => {
    const bus = new InProcessBus();
    const got: string[] = [];
    const stopA = bus.subscribe('agent:a', () => got.push('a'));
    bus.subscribe('agent:b', () => got.push('b'));
    bus.publish('agent:a', frame);
    stopA();
    bus.publish('agent:a', frame);
    assert.deepEqual(got, ['a']);
    assert.equal(bus.localSubscribers('agent:a'), 0);
    assert.equal(bus.localSubscribers('agent:b'), 1);
  });

  it('keeps delivering to others when one subscriber throws or unsubscribes mid-delivery', () => {
    const failures: string[] = [];
    const bus = new InProcessBus((topic, error) => failures.push(`${topic}: ${(error as Error).message}`));
    const got: string[] = [];
    const stop = bus.subscribe('t', () => {
      stop();
      throw new Error('socket gone');
    });
    bus.subscribe('t', () => got.push('second'));
    bus.publish('t', frame);
    assert.deepEqual(got, ['second']);
    assert.deepEqual(failures, ['t: socket gone'], 'the failure is reported, not swallowed');
  });
});
