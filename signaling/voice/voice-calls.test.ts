/** Calls end to end at the protocol level: the ACD, the call frames and our PeerJS server, over real sockets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { RawPeer } from '../../test/support/peer-client.js';
import type { CallView } from '../protocol/call.js';
import { VOICE_KEY, VOICE_PATH } from '../protocol/peer-messages.js';
import { signIn } from '../../test/support/connect.js';
import { hashPassword } from '../auth/password.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';
type Party = { socket: Awaited<ReturnType<typeof connectVisitor>>['socket'] };

async function call(visitor: Party, clientId: string): Promise<string> {
  visitor.socket.send({ type: 'call.start', id: clientId });
  return (await visitor.socket.next('ack', (a) => a.id === clientId)).conversationId!;
}

const callFrame = async (party: Party, conversationId: string, match: (c: CallView) => boolean) => (await party.socket.next('call', (f) => f.call.conversationId === conversationId && match(f.call))).call;
/** A new visitor's call, waiting in the queue: the visitor, the conversation and the visitor's view of the call. */
async function waitingCall(server: TestServer, clientId: string) {
  const visitor = await connectVisitor(server);
  const id = await call(visitor, clientId);
  return { visitor, id, queued: await callFrame(visitor, id, (c) => c.phase === 'queued') };
}

/** A visitor's call that Ana has answered, with each party's view of it. */
async function answeredCall(server: TestServer, clientId: string) {
  const ana = await connectAgent(server, ANA);
  const { visitor, id } = await waitingCall(server, clientId);
  await ana.socket.next('offer', (o) => o.offer.conversationId === id);
  ana.socket.send({ type: 'offer.accept', id: `accept-${clientId}`, conversationId: id });
  const anaView = await callFrame(ana, id, (c) => c.phase === 'active');
  const visitorView = await callFrame(visitor, id, (c) => c.phase === 'active');
  return { ana, visitor, id, anaView, visitorView };
}

const openPeer = (server: TestServer, view: CallView) => RawPeer.open(`${server.url}${VOICE_PATH}`, { key: VOICE_KEY, id: view.peer!.id, token: view.peer!.token });

describe('Voice calls', () => {
  it('queues a call, connects the two peers the ACD chose, relays only between them, and ends for both', async () => {
    const server = await startTestServer();
    try {
      const ana = await connectAgent(server, ANA);
      const { visitor, id, queued } = await waitingCall(server, 'call-start-1');
      assert.ok(queued.peer?.token, 'the visitor gets peer credentials while waiting');

      const offer = await ana.socket.next('offer', (o) => o.offer.conversationId === id);
      assert.equal(offer.offer.channel, 'voice', 'the agent sees it is a call');
      ana.socket.send({ type: 'offer.accept', id: 'accept-call-1', conversationId: id });
      const agentView = await callFrame(ana, id, (c) => c.phase === 'active');
      const visitorView = await callFrame(visitor, id, (c) => c.phase === 'active');
      assert.equal(agentView.remotePeerId, visitorView.peer!.id);
      assert.equal(visitorView.remotePeerId, agentView.peer!.id);
      assert.equal(visitorView.agent?.name, 'Ana Lima');

      const visitorPeer = await openPeer(server, visitorView);
      const agentPeer = await openPeer(server, agentView);
      await visitorPeer.next((m) => m.type === 'OPEN');
      await agentPeer.next((m) => m.type === 'OPEN');
      agentPeer.send({ type: 'OFFER', dst: visitorView.peer!.id, payload: { sdp: { type: 'offer', sdp: 'v=0' }, type: 'media', connectionId: 'mc_1' } });
      const relayed = await visitorPeer.next((m) => m.type === 'OFFER');
      assert.equal(relayed.src, agentView.peer!.id, 'the server sets who it came from');
      visitorPeer.send({ type: 'ANSWER', dst: agentView.peer!.id, payload: { sdp: { type: 'answer', sdp: 'v=0' }, type: 'media', connectionId: 'mc_1' } });
      await agentPeer.next((m) => m.type === 'ANSWER' && m.src === visitorView.peer!.id);

      // An outsider with a call of their own (still queued) cannot signal either party.
      const { visitor: outsider, queued: otherView } = await waitingCall(server, 'call-start-2');
      const outsiderPeer = await openPeer(server, otherView);
      await outsiderPeer.next((m) => m.type === 'OPEN');
      outsiderPeer.send({ type: 'OFFER', dst: agentView.peer!.id, payload: { sdp: { type: 'offer', sdp: 'v=0 evil' }, type: 'media', connectionId: 'mc_x' } });
      const refused = await outsiderPeer.next((m) => m.type === 'EXPIRE');
      assert.match(String((refused.payload as { msg: string }).msg), /not in your call/);
      // Nor claim a peer id with someone else's token, nor use another key.
      const thief = await RawPeer.open(`${server.url}${VOICE_PATH}`, { key: VOICE_KEY, id: agentView.peer!.id, token: otherView.peer!.token });
      assert.equal((await thief.next((m) => m.type === 'ID-TAKEN')).type, 'ID-TAKEN');
      await thief.closed;
      const wrongKey = await RawPeer.open(`${server.url}${VOICE_PATH}`, { key: 'peerjs', id: otherView.peer!.id, token: otherView.peer!.token });
      assert.equal((await wrongKey.next((m) => m.type === 'ERROR')).type, 'ERROR');
      agentPeer.send({ type: 'CANDIDATE', dst: visitorView.peer!.id, payload: { candidate: { candidate: 'marker' } } });
      await visitorPeer.next((m) => m.type === 'CANDIDATE');
      assert.equal(visitorPeer.messages.filter((m) => m.type === 'OFFER').length, 1, 'the outsider’s offer never reached the visitor');
      assert.ok(!agentPeer.messages.some((m) => JSON.stringify(m).includes('evil')), 'nor the agent');

      // Hold: both sides see who holds, and the timeline records it.
      visitor.socket.send({ type: 'call.hold', id: 'hold-call-1', conversationId: id, held: true });
      await visitor.socket.next('ack', (a) => a.id === 'hold-call-1');
      assert.equal((await callFrame(ana, id, (c) => c.heldBy !== undefined)).heldBy, 'visitor');
      await callFrame(visitor, id, (c) => c.heldBy === 'visitor');
      visitor.socket.send({ type: 'call.hold', id: 'hold-call-2', conversationId: id, held: false });
      await callFrame(ana, id, (c) => c.phase === 'active' && c.heldBy === undefined);

      // The visitor hangs up: both hear the call ended, and its talk time is in the timeline.
      visitor.socket.send({ type: 'conversation.end', id: 'hangup-1', conversationId: id });
      await callFrame(ana, id, (c) => c.phase === 'ended');
      await callFrame(visitor, id, (c) => c.phase === 'ended');
      const timeline = await server.store.conversations.eventsAfter(id, 0);
      assert.deepEqual(timeline.map((e) => e.type), ['agent-joined', 'call-held', 'call-resumed', 'ended']);
      const ended = timeline.at(-1)!;
      assert.ok(ended.type === 'ended' && ended.by.kind === 'visitor' && typeof ended.talkMs === 'number');
      // The ended call's peers may no longer connect.
      const late = await openPeer(server, visitorView);
      await late.next((m) => m.type === 'ERROR');
      for (const s of [ana.socket, visitor.socket, outsider.socket]) s.close();
      for (const p of [visitorPeer, agentPeer, outsiderPeer]) p.close();
    } finally {
      await server.close();
    }
  });

  it('lets the agent offered a call connect its peer while it rings, which reaches the caller only once answered; after a decline it may not connect', async () => {
    const server = await startTestServer();
    try {
      const ana = await connectAgent(server, ANA);
      const { visitor, id, queued } = await waitingCall(server, 'call-prepared-1');
      const visitorPeer = await openPeer(server, queued);
      await visitorPeer.next((m) => m.type === 'OPEN');

      // The call rings for Ana; her offer carries her peer for it.
      const offered = (await ana.socket.next('offer', (o) => o.offer.conversationId === id)).offer;
      const ben = await connectAgent(server, BEN);
      assert.ok(offered.call?.peer.token, 'the offer carries the ringing agent’s peer');
      const declinedPeer = await RawPeer.open(`${server.url}${VOICE_PATH}`, { key: VOICE_KEY, id: offered.call!.peer.id, token: offered.call!.peer.token });
      await declinedPeer.next((m) => m.type === 'OPEN');
      // Ringing is not answering: what the prepared peer sends reaches nobody.
      declinedPeer.send({ type: 'OFFER', dst: queued.peer!.id, payload: { sdp: { type: 'offer', sdp: 'v=0 early' }, type: 'media', connectionId: 'mc_early' } });
      assert.match(String(((await declinedPeer.next((m) => m.type === 'EXPIRE')).payload as { msg: string }).msg), /not in your call/);

      // Declined: it rings for Ben, and the first one's credentials open nothing any more.
      ana.socket.send({ type: 'offer.decline', id: 'decline-prepared-1', conversationId: id });
      const second = (await ben.socket.next('offer', (o) => o.offer.conversationId === id)).offer;
      declinedPeer.close();
      const late = await RawPeer.open(`${server.url}${VOICE_PATH}`, { key: VOICE_KEY, id: offered.call!.peer.id, token: offered.call!.peer.token });
      assert.match(String(((await late.next((m) => m.type === 'ERROR')).payload as { msg: string }).msg), /no longer yours/);

      const prepared = await RawPeer.open(`${server.url}${VOICE_PATH}`, { key: VOICE_KEY, id: second.call!.peer.id, token: second.call!.peer.token });
      await prepared.next((m) => m.type === 'OPEN');
      ben.socket.send({ type: 'offer.accept', id: 'accept-prepared-1', conversationId: id });
      const answered = await callFrame(ben, id, (c) => c.phase === 'active');
      assert.equal(answered.peer!.id, second.call!.peer.id, 'the call knows the agent by the peer they prepared: nothing to reopen');
      assert.equal((await callFrame(visitor, id, (c) => c.phase === 'active')).remotePeerId, second.call!.peer.id);
      prepared.send({ type: 'OFFER', dst: queued.peer!.id, payload: { sdp: { type: 'offer', sdp: 'v=0 answered' }, type: 'media', connectionId: 'mc_1' } });
      const relayed = await visitorPeer.next((m) => m.type === 'OFFER');
      assert.equal(relayed.src, second.call!.peer.id);
      assert.ok(!visitorPeer.messages.some((m) => JSON.stringify(m).includes('early')), 'the early offer never reached the caller');
      for (const s of [ana.socket, ben.socket, visitor.socket]) s.close();
      for (const p of [visitorPeer, prepared]) p.close();
    } finally {
      await server.close();
    }
  });

  it('puts the caller back at the head of the queue when the agent’s app dies, and the next agent connects without a new call', async () => {
    const server = await startTestServer();
    try {
      const { ana, visitor, id, visitorView: first } = await answeredCall(server, 'call-start-3');

      ana.socket.ws.terminate(); // the tab dies
      const requeued = await callFrame(visitor, id, (c) => c.phase === 'queued' && c.peer !== undefined);
      assert.equal(requeued.peer!.id, first.peer!.id, 'the visitor keeps their peer: nothing to dial again');
      assert.equal((await server.store.conversations.findById(id))?.status, 'queued');

      const ben = await connectAgent(server, BEN);
      await ben.socket.next('offer', (o) => o.offer.conversationId === id);
      ben.socket.send({ type: 'offer.accept', id: 'accept-call-4', conversationId: id });
      const again = await callFrame(visitor, id, (c) => c.phase === 'active' && c.agent?.name === 'Ben Okafor');
      const benView = await callFrame(ben, id, (c) => c.phase === 'active');
      assert.equal(again.remotePeerId, benView.peer!.id);
      const log = (await server.store.eventLog.list({ conversationId: id })).map((e) => e.type);
      assert.ok(log.includes('contact-returned'), log.join());
      for (const s of [ben.socket, visitor.socket]) s.close();
    } finally {
      await server.close();
    }
  });

  it('transfers a call to another agent, who is told to connect; the first agent’s peer may no longer signal', async () => {
    const server = await startTestServer();
    try {
      const { ana, visitor, id, anaView } = await answeredCall(server, 'call-start-5');
      const anaPeer = await openPeer(server, anaView);
      await anaPeer.next((m) => m.type === 'OPEN');

      const ben = await connectAgent(server, BEN);
      const benId = ben.welcome.type === 'welcome' && ben.welcome.role === 'agent' ? ben.welcome.agent.id : '';
      ana.socket.send({ type: 'conversation.transfer', id: 'transfer-bad', conversationId: id, to: { agentId: 'nobody' } });
      assert.equal((await ana.socket.next('error', (e) => e.id === 'transfer-bad')).reason, 'not-found');
      ana.socket.send({ type: 'conversation.transfer', id: 'transfer-1', conversationId: id, to: { agentId: benId }, note: 'Wants a refund for order 1234' });
      await ana.socket.next('ack', (a) => a.id === 'transfer-1');
      await callFrame(ana, id, (c) => c.phase === 'ended');
      const benView = await callFrame(ben, id, (c) => c.phase === 'active');
      const visitorView = await callFrame(visitor, id, (c) => c.agent?.id === benId);
      assert.equal(benView.remotePeerId, visitorView.peer!.id);
      const transferred = (await server.store.conversations.eventsAfter(id, 0)).find((e) => e.type === 'transferred');
      assert.ok(transferred?.type === 'transferred' && transferred.to.name === 'Ben Okafor');
      assert.ok(!JSON.stringify(transferred).includes('refund'), 'the hand-over note is not in the visitor’s timeline');
      assert.equal((await server.store.notes.list(id))[0]?.text, 'Wants a refund for order 1234');

      anaPeer.send({ type: 'OFFER', dst: visitorView.peer!.id, payload: {} });
      await anaPeer.next((m) => m.type === 'EXPIRE');
      for (const s of [ana.socket, ben.socket, visitor.socket]) s.close();
      anaPeer.close();
    } finally {
      await server.close();
    }
  });

  it('stores a recording only while the caller consents, and plays it back only to staff of that call', async () => {
    const server = await startTestServer({
      seed: async (store) => {
        await store.agents.insert({ id: 'cleo', email: 'cleo@test.local', name: 'Cleo', role: 'agent', passwordHash: await hashPassword('cleo-password-1'), status: 'offline', createdAt: 1 });
      },
    });
    try {
      const { ana, visitor, id } = await answeredCall(server, 'call-start-7');
      const audio = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);
      const upload = (cookie: string) =>
        fetch(`${server.url}/api/conversations/${id}/recordings?durationMs=4000`, { method: 'POST', headers: { 'Content-Type': 'audio/webm', Origin: server.origin, Cookie: cookie }, body: audio });

      assert.equal((await upload(ana.cookie)).status, 403, 'no consent, no recording');
      visitor.socket.send({ type: 'call.consent', id: 'consent-call-7', conversationId: id, recording: true });
      assert.equal((await callFrame(ana, id, (c) => c.recordingAllowed === true)).recordingAllowed, true, 'the agent sees the consent');
      const stored = await upload(ana.cookie);
      assert.equal(stored.status, 201);
      const { id: recordingId } = (await stored.json()) as { id: string };
      const played = await fetch(`${server.url}/api/conversations/${id}/recordings/${recordingId}`, { headers: { Cookie: ana.cookie } });
      assert.equal(played.headers.get('content-type'), 'audio/webm');
      assert.deepEqual([...new Uint8Array(await played.arrayBuffer())], [...audio]);
      const cleo = await signIn(server, 'cleo@test.local', 'cleo-password-1');
      assert.equal((await fetch(`${server.url}/api/conversations/${id}/recordings/${recordingId}`, { headers: { Cookie: cleo } })).status, 404, 'another agent cannot play it');
      assert.equal((await upload(cleo)).status, 404);

      visitor.socket.send({ type: 'call.consent', id: 'consent-call-8', conversationId: id, recording: false });
      await callFrame(ana, id, (c) => c.recordingAllowed === undefined);
      assert.equal((await upload(ana.cookie)).status, 403, 'withdrawn consent refuses the next recording');
      const kinds = (await server.store.conversations.eventsAfter(id, 0)).map((e) => e.type);
      assert.deepEqual(kinds.filter((k) => k.startsWith('recording')), ['recording-consent', 'recording', 'recording-consent']);
      for (const s of [ana.socket, visitor.socket]) s.close();
    } finally {
      await server.close();
    }
  });

  it('drops a peer that stops sending heartbeats, so a dead party is noticed within seconds', async () => {
    const server = await startTestServer();
    try {
      const { visitor, queued: view } = await waitingCall(server, 'call-start-6');
      const peer = await openPeer(server, view);
      await peer.next((m) => m.type === 'OPEN');
      const opened = Date.now();
      // We send nothing, as a frozen tab would; a server that never drops it fails here instead of hanging.
      const gaveUp = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the silent peer was never dropped')), 10_000).unref());
      await Promise.race([peer.closed, gaveUp]);
      const silentFor = Date.now() - opened;
      assert.ok(silentFor >= 4000, `not dropped while still within its heartbeat allowance (${silentFor} ms)`);
      assert.ok(silentFor < 7000, `dropped within about 5 s of silence (${silentFor} ms)`);
      visitor.socket.close();
    } finally {
      await server.close();
    }
  });
});
