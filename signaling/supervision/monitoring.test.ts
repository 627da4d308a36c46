import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer } from '../../test/support/in-process-server.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

describe('supervisor monitoring: watch, whisper, barge in', () => {
  it('lets a supervisor watch a live chat, whisper only to the agent, then join visibly', async () => {
    const server = await startTestServer();
    try {
      const ben = await connectAgent(server, BEN); // supervisor
      ben.socket.send({ type: 'presence.set', id: 'ben-away-mon', status: 'away', reason: 'meeting' });
      await ben.socket.next('ack', (a) => a.id === 'ben-away-mon');
      const ana = await connectAgent(server, ANA);
      const visitor = await connectVisitor(server);
      visitor.socket.send({ type: 'conversation.start', id: 'mon-start-1' });
      const { conversationId } = await visitor.socket.next('ack', (a) => a.id === 'mon-start-1');
      await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);
      ana.socket.send({ type: 'offer.accept', id: 'mon-accept', conversationId });
      await ana.socket.next('ack', (a) => a.id === 'mon-accept');

      // A plain agent may not monitor, whisper or barge.
      ana.socket.send({ type: 'monitor.start', id: 'ana-monitor', conversationId });
      assert.equal((await ana.socket.next('error', (e) => e.id === 'ana-monitor')).reason, 'forbidden');

      ben.socket.send({ type: 'monitor.start', id: 'ben-monitor', conversationId });
      await ben.socket.next('ack', (a) => a.id === 'ben-monitor');
      visitor.socket.send({ type: 'message.send', id: 'mon-visitor-1', conversationId, text: 'My card was declined.' });
      await ben.socket.next('events', (e) => e.events.some((x) => x.type === 'message' && x.text === 'My card was declined.'));

      ben.socket.send({ type: 'whisper', id: 'ben-whisper', conversationId, text: 'Offer the bank transfer option.' });
      await ben.socket.next('ack', (a) => a.id === 'ben-whisper');
      const note = await ana.socket.next('note');
      assert.deepEqual([note.note.text, note.note.author.name], ['Offer the bank transfer option.', 'Ben Okafor']);
      // The visitor's socket never carries it; a round trip proves nothing is in flight.
      visitor.socket.send({ type: 'sync', id: 'mon-v-sync', conversationId, afterSeq: 0 });
      await visitor.socket.next('ack', (a) => a.id === 'mon-v-sync');
      assert.ok(!JSON.stringify(visitor.socket.frames).includes('bank transfer'));
      // Ana's app gets the whisper again after a reload, with the timeline.
      ana.socket.send({ type: 'sync', id: 'mon-a-sync', conversationId, afterSeq: 0 });
      assert.equal((await ana.socket.next('notes', (n) => n.conversationId === conversationId)).notes[0]?.text, 'Offer the bank transfer option.');

      ben.socket.send({ type: 'barge', id: 'ben-barge1', conversationId });
      await ben.socket.next('ack', (a) => a.id === 'ben-barge1');
      const joined = await visitor.socket.next('events', (e) => e.events.some((x) => x.type === 'agent-joined' && x.agent.name === 'Ben Okafor'));
      assert.ok(joined);
      ben.socket.send({ type: 'message.send', id: 'ben-says-1', conversationId, text: 'I am the supervisor; a transfer works too.' });
      await ben.socket.next('ack', (a) => a.id === 'ben-says-1');
      await visitor.socket.next('events', (e) => e.events.some((x) => x.type === 'message' && x.author.name === 'Ben Okafor'));
      await ana.socket.next('events', (e) => e.events.some((x) => x.type === 'message' && x.author.name === 'Ben Okafor'));

      ben.socket.send({ type: 'monitor.stop', id: 'ben-unmon', conversationId });
      await ben.socket.next('ack', (a) => a.id === 'ben-unmon');
      for (const s of [ana.socket, ben.socket, visitor.socket]) s.close();
    } finally {
      await server.close();
    }
  });
});
