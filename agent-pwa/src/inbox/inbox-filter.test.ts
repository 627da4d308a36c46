import { expect } from '@open-wc/testing';
import type { ConversationEvent, ConversationSummary } from '../../../signaling/protocol/conversation.js';
import { filterConversations, lastMessage, NO_FILTER, waitingSince } from './inbox-filter.js';

const summary = (id: string, patch: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id, status: 'active', channel: 'chat', queueId: 'support', visitor: { id: `v-${id}` }, lastSeq: 0, visitorReadSeq: 0, agentReadSeq: 0, createdAt: 0, ...patch,
});
const msg = (seq: number, kind: 'visitor' | 'agent', text: string, at = seq * 1000): ConversationEvent => ({ conversationId: 'c', seq, at, type: 'message', author: { kind, id: kind }, text });

describe('the inbox search and filters', () => {
  const conversations = [
    summary('a', { visitor: { id: 'v1', name: 'José Pérez', email: 'jose@example.test' }, agent: { id: 'ana', name: 'Ana' } }),
    summary('b', { channel: 'email', queueId: 'billing', subject: 'Invoice 2231', agent: { id: 'ben', name: 'Ben' } }),
    summary('c', { status: 'ended', channel: 'voice', agent: { id: 'ana', name: 'Ana' } }),
  ];
  const events = { a: [msg(1, 'visitor', 'My tent pole broke')], b: [], c: [] };
  const ids = (patch: Partial<typeof NO_FILTER>) => filterConversations(conversations, { ...NO_FILTER, ...patch }, { agentId: 'ana', events }).map((c) => c.id);

  it('finds a customer by name without accents, by e-mail, by subject and by what was written', () => {
    expect(ids({ query: 'jose' })).to.deep.equal(['a']);
    expect(ids({ query: 'EXAMPLE.test' })).to.deep.equal(['a']);
    expect(ids({ query: 'invoice' })).to.deep.equal(['b']);
    expect(ids({ query: 'tent pole' })).to.deep.equal(['a']);
    expect(ids({ query: 'nothing like this' })).to.deep.equal([]);
  });

  it('narrows by status, channel, queue and to the agent’s own', () => {
    expect(ids({ status: 'open' })).to.deep.equal(['a', 'b']);
    expect(ids({ status: 'ended' })).to.deep.equal(['c']);
    expect(ids({ channel: 'email' })).to.deep.equal(['b']);
    expect(ids({ queueId: 'billing' })).to.deep.equal(['b']);
    expect(ids({ mine: true })).to.deep.equal(['a', 'c']);
    expect(ids({ mine: true, status: 'open' })).to.deep.equal(['a']);
  });
});

describe('what a conversation line shows', () => {
  it('the last message, and how long the customer has waited since their first unanswered message', () => {
    const c = summary('a');
    const events = [msg(1, 'visitor', 'Hello'), msg(2, 'agent', 'Hi!'), msg(3, 'visitor', 'Where is it?'), msg(4, 'visitor', 'Still waiting')];
    expect(lastMessage(events)?.text).to.equal('Still waiting');
    expect(waitingSince(c, events)).to.equal(3000);
    expect(waitingSince(c, events.slice(0, 2)), 'the agent answered last').to.equal(undefined);
    expect(waitingSince(summary('a', { status: 'ended' }), events), 'nobody waits in an ended conversation').to.equal(undefined);
  });
});
