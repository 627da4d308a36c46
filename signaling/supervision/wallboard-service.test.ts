import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer } from '../../test/support/in-process-server.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

describe('the live wallboard', () => {
  it('pushes a contact going from waiting to answered, agents’ states, and the visitor’s rating', async () => {
    const server = await startTestServer();
    try {
      const ben = await connectAgent(server, BEN); // a supervisor
      ben.socket.send({ type: 'presence.set', id: 'ben-lunch-1', status: 'away', reason: 'lunch' });
      const initial = await ben.socket.next('wallboard');
      assert.ok(initial.wallboard.queues.some((q) => q.name === 'Support'));
      // Ana has not signed in today: the board still lists her, logged out, rather than leaving her off the team.
      assert.deepEqual((({ state, contacts, handledToday, stateSince }) => [state, contacts, handledToday, stateSince])(initial.wallboard.agents.find((a) => a.name === 'Ana Lima')!), ['logged-out', 0, 0, undefined]);
      const ana = await connectAgent(server, ANA);
      assert.ok(!ana.socket.frames.some((f) => f.type === 'wallboard'), 'plain agents do not get the wallboard');
      ana.socket.send({ type: 'presence.set', id: 'ana-away-01', status: 'away', reason: 'meeting' });
      await ana.socket.next('ack', (a) => a.id === 'ana-away-01');

      const visitor = await connectVisitor(server);
      visitor.socket.send({ type: 'conversation.start', id: 'board-start', locale: 'de-DE' });
      const { conversationId } = await visitor.socket.next('ack', (a) => a.id === 'board-start');
      const waiting = await ben.socket.next('wallboard', (f) => f.wallboard.queues.find((q) => q.name === 'Support')!.waiting === 1);
      const support = waiting.wallboard.queues.find((q) => q.name === 'Support')!;
      assert.deepEqual([support.offered, support.answered, support.agentsAvailable], [1, 0, 0]);
      const anaRow = waiting.wallboard.agents.find((a) => a.name === 'Ana Lima')!;
      assert.deepEqual([anaRow.state, anaRow.breakReason], ['away', 'meeting']);

      ana.socket.send({ type: 'presence.set', id: 'ana-back-01', status: 'available' });
      await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);
      ana.socket.send({ type: 'offer.accept', id: 'board-accept', conversationId });
      const answered = await ben.socket.next('wallboard', (f) => f.wallboard.queues.find((q) => q.name === 'Support')!.answered === 1);
      assert.equal(answered.wallboard.queues.find((q) => q.name === 'Support')!.waiting, 0);
      assert.deepEqual(
        (({ state, contacts }) => [state, contacts])(answered.wallboard.agents.find((a) => a.name === 'Ana Lima')!),
        ['on-contact', 1],
      );
      assert.equal(answered.wallboard.queues.find((q) => q.name === 'Support')!.serviceLevel, 1);
      // Language is a routing attribute: the German chat counts in its own row.
      const german = answered.wallboard.languages?.find((l) => l.language === 'de');
      assert.deepEqual(german && [german.offered, german.answered, german.serviceLevel], [1, 1, 1]);

      visitor.socket.send({ type: 'conversation.rate', id: 'rate-early', conversationId, rating: 5 });
      assert.equal((await visitor.socket.next('error', (e) => e.id === 'rate-early')).reason, 'invalid-input', 'not before the end');
      visitor.socket.send({ type: 'conversation.end', id: 'board-end-1', conversationId });
      await visitor.socket.next('ack', (a) => a.id === 'board-end-1');
      visitor.socket.send({ type: 'conversation.rate', id: 'rate-ok-01', conversationId, rating: 4 });
      await visitor.socket.next('ack', (a) => a.id === 'rate-ok-01');
      visitor.socket.send({ type: 'conversation.rate', id: 'rate-again', conversationId, rating: 1 });
      assert.equal((await visitor.socket.next('error', (e) => e.id === 'rate-again')).reason, 'invalid-input', 'only once');
      const rated = await ben.socket.next('wallboard', (f) => f.wallboard.queues.find((q) => q.name === 'Support')!.csat !== null);
      assert.equal(rated.wallboard.queues.find((q) => q.name === 'Support')!.csat, 4);
      await server.services.log.flushed();
      const queued = (await server.store.eventLog.list({ conversationId })).find((e) => e.type === 'contact-queued');
      assert.equal(queued?.data?.language, 'de');
      for (const s of [ana.socket, ben.socket, visitor.socket]) s.close();
    } finally {
      await server.close();
    }
  });
});

describe('supervisors forcing an agent’s state', () => {
  it('logs out an agent who walked away: their app is told, routing stops, agents may not do it', async () => {
    const server = await startTestServer();
    try {
      const ana = await connectAgent(server, ANA);
      const ben = await connectAgent(server, BEN);
      const anaId = ana.welcome.type === 'welcome' && ana.welcome.role === 'agent' ? ana.welcome.agent.id : '';
      const put = (cookie: string, body: unknown) =>
        server.app.request(`/api/supervisor/agents/${anaId}/presence`, { method: 'PUT', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal((await put(ana.cookie, { status: 'offline' })).status, 403, 'an agent cannot force anyone');
      assert.equal((await put(ben.cookie, { status: 'asleep' })).status, 400);
      assert.equal((await put(ben.cookie, { status: 'offline' })).status, 204);
      assert.equal((await ana.socket.next('presence')).status, 'offline');
      const visitor = await connectVisitor(server);
      visitor.socket.send({ type: 'conversation.start', id: 'forced-start' });
      const { conversationId } = await visitor.socket.next('ack', (a) => a.id === 'forced-start');
      assert.equal((await visitor.socket.next('queue')).agentsAvailable, 1, 'only Ben is left to answer');
      await ben.socket.next('offer', (o) => o.offer.conversationId === conversationId);
      ana.socket.send({ type: 'presence.set', id: 'ana-sync-01', status: 'offline' });
      await ana.socket.next('ack', (a) => a.id === 'ana-sync-01');
      assert.ok(!ana.socket.frames.some((f) => f.type === 'offer'), 'the forced agent gets no offers');
      await server.services.log.flushed();
      const forced = (await server.store.eventLog.listSince(0)).find((e) => e.type === 'agent-state' && e.agentId === anaId);
      assert.ok(forced?.data?.forcedBy, 'the log says who forced it');
      for (const s of [ana.socket, ben.socket, visitor.socket]) s.close();
    } finally {
      await server.close();
    }
  });
});
