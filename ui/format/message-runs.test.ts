import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConversationEvent } from '../../signaling/protocol/conversation.js';
import { firstUnreadSeq, initials, messageRuns, RUN_GAP_MS } from './message-runs.js';

const base = { conversationId: 'c1' };
const msg = (seq: number, kind: 'visitor' | 'agent', at: number, id: string = kind): ConversationEvent => ({ ...base, seq, at, type: 'message', author: { kind, id }, text: `m${seq}` });

describe('message runs', () => {
  it('groups consecutive messages from one person, and starts again after another person, an event or a long gap', () => {
    const events: ConversationEvent[] = [
      msg(1, 'visitor', 0),
      msg(2, 'visitor', 1000),
      msg(3, 'agent', 2000, 'ana'),
      msg(4, 'agent', 3000, 'ben'),
      { ...base, seq: 5, at: 4000, type: 'agent-joined', agent: { kind: 'agent', id: 'ben' } },
      msg(6, 'agent', 5000, 'ben'),
      msg(7, 'agent', 5000 + RUN_GAP_MS + 1, 'ben'),
    ];
    const runs = messageRuns(events);
    assert.deepEqual(runs.get(1), { first: true, last: false });
    assert.deepEqual(runs.get(2), { first: false, last: true });
    assert.deepEqual(runs.get(3), { first: true, last: true });
    assert.deepEqual(runs.get(4), { first: true, last: true }, 'another agent starts a run');
    assert.deepEqual(runs.get(6), { first: true, last: true }, 'an event between them ends the run');
    assert.deepEqual(runs.get(7), { first: true, last: true }, 'a long pause starts a run');
  });

  it('finds the first message not yet read from the other side', () => {
    const events = [msg(1, 'visitor', 0), msg(2, 'agent', 1, 'ana'), msg(3, 'visitor', 2), msg(4, 'visitor', 3)];
    assert.equal(firstUnreadSeq(events, 2, 'visitor'), 3);
    assert.equal(firstUnreadSeq(events, 4, 'visitor'), undefined);
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last names, whole characters, in upper case', () => {
    assert.equal(initials('Maria Gomez'), 'MG');
    assert.equal(initials('ana maria de la cruz'), 'AC');
    assert.equal(initials('Émile'), 'É');
    assert.equal(initials('ليلى حسن'), 'لح');
    assert.equal(initials('王小明'), '王');
    assert.equal(initials('  '), '?');
    assert.equal(initials('istanbul', 'tr'), 'İ');
  });
});
