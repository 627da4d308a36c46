import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConversationEvent } from './conversation.js';
import { contiguousPrefix, mergeTimeline } from './timeline.js';

const ev = (seq: number): ConversationEvent => ({ type: 'message', author: { kind: 'visitor', id: 'v' }, text: `m${seq}`, conversationId: 'c', seq, at: seq });

describe('mergeTimeline', () => {
  it('adds new events in seq order and drops ones already held', () => {
    const merged = mergeTimeline([ev(1), ev(2)], [ev(4), ev(2), ev(3), ev(3)]);
    assert.deepEqual(merged.events.map((e) => e.seq), [1, 2, 3, 4]);
    assert.deepEqual(merged.fresh.map((e) => e.seq), [3, 4]);
    assert.equal(merged.hasGap, false);
  });

  it('resumes after the last contiguous event when a live event arrives ahead of the history', () => {
    const merged = mergeTimeline([], [ev(2)]);
    assert.equal(merged.contiguousSeq, 0);
    assert.equal(merged.hasGap, true);
    assert.equal(contiguousPrefix([ev(1), ev(2), ev(5)]), 2);
  });
});
