import { expect } from '@open-wc/testing';
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
    expect(runs.get(1)).to.deep.equal({ first: true, last: false });
    expect(runs.get(2)).to.deep.equal({ first: false, last: true });
    expect(runs.get(3)).to.deep.equal({ first: true, last: true });
    expect(runs.get(4), 'another agent starts a run').to.deep.equal({ first: true, last: true });
    expect(runs.get(6), 'an event between them ends the run').to.deep.equal({ first: true, last: true });
    expect(runs.get(7), 'a long pause starts a run').to.deep.equal({ first: true, last: true });
  });

  it('finds the first message not yet read from the other side', () => {
    const events = [msg(1, 'visitor', 0), msg(2, 'agent', 1, 'ana'), msg(3, 'visitor', 2), msg(4, 'visitor', 3)];
    expect(firstUnreadSeq(events, 2, 'visitor')).to.equal(3);
    expect(firstUnreadSeq(events, 4, 'visitor')).to.equal(undefined);
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last names, whole characters, in upper case', () => {
    expect(initials('Maria Gomez')).to.equal('MG');
    expect(initials('ana maria de la cruz')).to.equal('AC');
    expect(initials('Émile')).to.equal('É');
    expect(initials('ليلى حسن')).to.equal('لح');
    expect(initials('王小明')).to.equal('王');
    expect(initials('  ')).to.equal('?');
    expect(initials('istanbul', 'tr')).to.equal('İ');
  });
});
