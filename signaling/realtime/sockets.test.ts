import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, newVisitorToken, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_LOG_LEVEL, type TestServer } from '../../test/support/in-process-server.js';
import { configureLogging } from '../kernel/logger.js';
import { TestSocket } from '../../test/support/test-socket.js';
import { MAX_FRAME_BYTES } from '../protocol/version.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';
const id = (n: number | string) => `frame-id-${n}`.padEnd(12, '0');

describe('the visitor socket', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('refuses a hello without a genuine token, and closes', async () => {
    const socket = await TestSocket.open(`${server.url.replace('http', 'ws')}/ws/visitor`, { Origin: server.origin });
    socket.send({ type: 'hello', protocol: 1, token: 'v1.someone-else.forged' });
    const error = await socket.next('error');
    assert.equal(error.reason, 'not-authenticated');
    assert.equal(await socket.closed, 4401);
  });

  it('refuses another protocol version with a reason the widget can show', async () => {
    const socket = await TestSocket.open(`${server.url.replace('http', 'ws')}/ws/visitor`, { Origin: server.origin });
    socket.send({ type: 'hello', protocol: 99, token: await newVisitorToken(server) });
    assert.equal((await socket.next('error')).reason, 'unsupported-version');
  });

  it('refuses pages whose origin is not allowed to embed the widget', async () => {
    await assert.rejects(TestSocket.open(`${server.url.replace('http', 'ws')}/ws/visitor`, { Origin: 'https://evil.example' }), /HTTP 403/);
  });

  it('answers malformed, oversized and unknown frames with typed errors, and keeps the connection', async () => {
    const { socket } = await connectVisitor(server);
    socket.send('{not json');
    assert.equal((await socket.next('error')).reason, 'malformed-frame');
    socket.send({ type: 'conversation.hijack', id: id('x') });
    assert.equal((await socket.next('error')).reason, 'malformed-frame');
    socket.send({ type: 'message.send', id: id('big'), conversationId: 'c', text: 'x'.repeat(MAX_FRAME_BYTES) });
    assert.equal((await socket.next('error')).reason, 'frame-too-large');
    socket.send({ type: 'message.send', id: id('empty'), conversationId: 'c', text: '   ' });
    const empty = await socket.next('error');
    assert.equal(empty.reason, 'malformed-frame');
    assert.equal(empty.id, id('empty'), 'the error names the frame it refuses');
    socket.send({ type: 'conversation.start', id: id('start') });
    assert.ok((await socket.next('ack', (a) => a.id === id('start'))).conversationId, 'still usable afterwards');
    socket.close();
  });

  it('refuses frames over the rate with the id of each refused frame, so the client can send it again', async () => {
    const { socket } = await connectVisitor(server);
    // 60 at once: well over the 40 a second a socket may send.
    for (let n = 0; n < 60; n++) socket.send({ type: 'sync', id: id(`burst-${n}`), conversationId: 'no-such-conversation', afterSeq: 0 });
    const last = await socket.answer(id('burst-59'));
    assert.equal(last.type === 'error' && last.reason, 'rate-limited');
    const refused = socket.frames.filter((f) => f.type === 'error' && f.reason === 'rate-limited');
    assert.ok(refused.length >= 20, `${refused.length} refused`);
    assert.ok(refused.every((f) => f.type === 'error' && f.id?.startsWith(id('burst-'))), 'every refusal names its frame');
    socket.close();
  });

  it('stores a retried message once and acknowledges it with the same seq', async () => {
    const { socket } = await connectVisitor(server);
    socket.send({ type: 'conversation.start', id: id('s2') });
    const { conversationId } = await socket.next('ack', (a) => a.id === id('s2'));
    const frame = { type: 'message.send', id: id('m1'), conversationId, text: 'Where is my parcel?' };
    socket.send(frame);
    socket.send(frame);
    const first = await socket.next('ack', (a) => a.id === id('m1'));
    const second = await socket.next('ack', (a) => a.id === id('m1'));
    assert.equal(first.seq, 1);
    assert.equal(second.seq, 1);
    const events = await server.store.conversations.eventsAfter(conversationId!, 0);
    assert.equal(events.filter((e) => e.type === 'message').length, 1);
    socket.close();
  });

  it('never lets a visitor read or write another visitor’s conversation', async () => {
    const alice = await connectVisitor(server);
    alice.socket.send({ type: 'conversation.start', id: id('a-start') });
    const { conversationId } = await alice.socket.next('ack', (a) => a.id === id('a-start'));
    alice.socket.send({ type: 'message.send', id: id('a-msg'), conversationId, text: 'my address is 1 Main St' });
    await alice.socket.next('ack', (a) => a.id === id('a-msg'));

    const mallory = await connectVisitor(server);
    mallory.socket.send({ type: 'sync', id: id('m-sync'), conversationId, afterSeq: 0 });
    assert.equal((await mallory.socket.next('error', (e) => e.id === id('m-sync'))).reason, 'not-found');
    mallory.socket.send({ type: 'message.send', id: id('m-post'), conversationId, text: 'injected' });
    assert.equal((await mallory.socket.next('error', (e) => e.id === id('m-post'))).reason, 'not-found');
    mallory.socket.send({ type: 'conversation.end', id: id('m-end'), conversationId });
    assert.equal((await mallory.socket.next('error', (e) => e.id === id('m-end'))).reason, 'not-found');
    assert.ok(!mallory.socket.frames.some((f) => JSON.stringify(f).includes('1 Main St')));
    const stored = await server.store.conversations.findById(conversationId!);
    assert.equal(stored?.status, 'queued');
    assert.equal(stored?.lastSeq, 1);
    alice.socket.close();
    mallory.socket.close();
  });

  it('puts a chat from a page naming an unknown queue in the default queue instead of losing it', async () => {
    const { socket } = await connectVisitor(server);
    // The server warns about the page's stale queue name; the test expects it and keeps quiet.
    configureLogging({ level: 'error' });
    try {
      socket.send({ type: 'conversation.start', id: id('unknown-q'), queue: 'no-such-queue' });
      const { conversationId } = await socket.next('ack', (a) => a.id === id('unknown-q'));
      const stored = await server.store.conversations.findById(conversationId!);
      assert.equal(stored?.queueId, (await server.store.queues.findDefault())!.id);
    } finally {
      configureLogging({ level: TEST_LOG_LEVEL });
      socket.close();
    }
  });

  it('resumes the same visitor and conversation with the same token after a reconnect', async () => {
    const first = await connectVisitor(server);
    first.socket.send({ type: 'conversation.start', id: id('r-start') });
    const { conversationId } = await first.socket.next('ack', (a) => a.id === id('r-start'));
    first.socket.send({ type: 'message.send', id: id('r-1'), conversationId, text: 'one' });
    await first.socket.next('ack', (a) => a.id === id('r-1'));
    first.socket.close();
    const again = await connectVisitor(server, first.token);
    assert.equal(again.welcome.type === 'welcome' && again.welcome.conversations[0]?.id, conversationId);
    again.socket.send({ type: 'sync', id: id('r-sync'), conversationId, afterSeq: 0 });
    const events = await again.socket.next('events', (e) => e.conversationId === conversationId);
    assert.deepEqual(events.events.map((e) => e.type === 'message' && e.text), ['one']);
    again.socket.close();
  });
});

describe('the agent socket', () => {
  let server: TestServer;
  // No grace: an agent whose test closed their socket is gone before the next test counts who is available.
  before(async () => (server = await startTestServer({ presenceGraceMs: 0 })));
  after(() => server.close());

  it('needs a session cookie and our own origin', async () => {
    const ws = `${server.url.replace('http', 'ws')}/ws/agent`;
    await assert.rejects(TestSocket.open(ws, { Origin: server.origin }), /HTTP 401/);
    const cookie = await signIn(server, ANA);
    await assert.rejects(TestSocket.open(ws, { Origin: 'https://evil.example', Cookie: cookie }), /HTTP 403/);
  });

  it('offers a new chat to an available agent, who accepts and talks with the visitor', async () => {
    const agent = await connectAgent(server, ANA);
    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: id('c-start') });
    const { conversationId } = await visitor.socket.next('ack', (a) => a.id === id('c-start'));
    visitor.socket.send({ type: 'message.send', id: id('c-hi'), conversationId, text: 'Hi, is anyone there?' });

    const offer = await agent.socket.next('offer', (o) => o.offer.conversationId === conversationId && o.offer.preview === 'Hi, is anyone there?');
    assert.equal(offer.offer.queueName, 'Support');
    agent.socket.send({ type: 'offer.accept', id: id('c-accept'), conversationId });
    await agent.socket.next('ack', (a) => a.id === id('c-accept'));
    const joined = await visitor.socket.next('events', (e) => e.events.some((x) => x.type === 'agent-joined'));
    assert.equal(joined.events[0]?.type === 'agent-joined' && joined.events[0].agent.name, 'Ana Lima');

    agent.socket.send({ type: 'typing', conversationId, isTyping: true });
    assert.equal((await visitor.socket.next('typing')).name, 'Ana Lima');
    agent.socket.send({ type: 'message.send', id: id('c-reply'), conversationId, text: 'Yes! How can I help?' });
    const reply = await visitor.socket.next('events', (e) => e.events.some((x) => x.type === 'message' && x.author.kind === 'agent'));
    assert.equal(reply.events[0]?.seq, 3);
    visitor.socket.send({ type: 'read', conversationId, seq: 3 });
    assert.equal((await agent.socket.next('read', (r) => r.party === 'visitor')).seq, 3);

    // Another agent cannot take over or read it.
    const ben = await connectAgent(server, BEN);
    ben.socket.send({ type: 'offer.accept', id: id('b-accept'), conversationId });
    assert.equal((await ben.socket.next('error', (e) => e.id === id('b-accept'))).reason, 'offer-unavailable');
    ben.socket.send({ type: 'message.send', id: id('b-post'), conversationId, text: 'hijack' });
    assert.equal((await ben.socket.next('error', (e) => e.id === id('b-post'))).reason, 'not-found');
    for (const s of [agent.socket, visitor.socket, ben.socket]) s.close();
  });

  it('withholds offers from an agent who is away, and offers again once available', async () => {
    const agent = await connectAgent(server, ANA);
    agent.socket.send({ type: 'presence.set', id: id('p-away'), status: 'away' });
    await agent.socket.next('ack', (a) => a.id === id('p-away'));
    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: id('p-start') });
    const { conversationId } = await visitor.socket.next('ack', (a) => a.id === id('p-start'));
    const queue = await visitor.socket.next('queue', (q) => q.conversationId === conversationId);
    assert.deepEqual([queue.position, queue.agentsAvailable], [1, 0], 'the widget can say nobody is available');
    const framesWhileAway = agent.socket.frames.length;
    agent.socket.send({ type: 'presence.set', id: id('p-back'), status: 'available' });
    await agent.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    const offeredWhileAway = agent.socket.frames.slice(0, framesWhileAway).some((f) => f.type === 'offer' && f.offer.conversationId === conversationId);
    assert.equal(offeredWhileAway, false);
    agent.socket.close();
    visitor.socket.close();
  });
});

describe('signing out of the agent app', () => {
  let server: TestServer;
  // A long grace, as in production: a reload must not cost the agent their place.
  before(async () => (server = await startTestServer({ presenceGraceMs: 60_000 })));
  after(() => server.close());

  it('holds nothing for an agent who signed out: they are away at once, where a closed window would keep them the grace', async () => {
    const ben = await connectAgent(server, BEN);
    const anaState = (wallboard: { agents: { name: string; state: string }[] }) => wallboard.agents.find((a) => a.name === 'Ana Lima')?.state;
    const ana = await connectAgent(server, ANA);
    ana.socket.send({ type: 'presence.set', id: id('so-avail'), status: 'available' });
    await ben.socket.next('wallboard', (w) => anaState(w.wallboard) === 'available');

    const signedOutAt = Date.now();
    const out = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { Origin: server.origin, Cookie: ana.cookie } });
    assert.equal(out.status, 204);
    ana.socket.close();
    // Frames that did not match stay buffered, and the board listed her logged out before she
    // first signed in: wait for a board drawn after the sign-out that shows her gone.
    await ben.socket.next('wallboard', (w) => w.wallboard.at >= signedOutAt && anaState(w.wallboard) === 'logged-out');
    const stored = await server.store.agents.findByEmail(ANA);
    assert.equal(stored?.status, 'away');
    assert.equal(stored?.breakReason, 'disconnected');

    // Signing in again, they are available as before, without choosing it.
    const back = await connectAgent(server, ANA);
    assert.equal(back.welcome.type === 'welcome' && back.welcome.role === 'agent' && back.welcome.status, 'available');
    for (const s of [back.socket, ben.socket]) s.close();
  });
});
