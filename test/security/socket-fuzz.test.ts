/**
 * Issue 16: nothing a client sends can stop the server. A seeded, bounded fuzz sends mutated
 * protocol frames and garbage to all four socket endpoints (visitor, agent, PeerJS, co-browse
 * rooms) while a visitor and an agent keep chatting; the server must answer typed errors where
 * the protocol has them, close only the offending socket where it has none, and keep serving.
 * Replay a failure with FUZZ_SEED=<seed> (printed at the end).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { COBROWSE_PATH } from '../../signaling/protocol/cobrowse.js';
import { agentFrameSchema, visitorFrameSchema } from '../../signaling/protocol/client-frames.js';
import { ErrorReason } from '../../signaling/protocol/errors.js';
import { VOICE_KEY, VOICE_PATH } from '../../signaling/protocol/peer-messages.js';
import { MAX_FRAME_BYTES } from '../../signaling/protocol/version.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import { connectAgentWithCookie, connectVisitor } from '../support/connect.js';
import { ask } from '../support/conversation-steps.js';
import type { TestSocket } from '../support/test-socket.js';
import { buildWorld, type World } from './access-world.js';
import { jsonFrame, peerFrame, Random, templates, yjsFrame } from './fuzz-frames.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
/** Frames per endpoint: about 3,000 in all, in 20-30 s on the 2-core machine. */
const FRAMES = { visitor: 900, agent: 900, peer: 300, cobrowse: 900 } as const;
/** Frames per socket before a fresh one: below the 40-a-second limit, so handlers, not the limiter, see them. */
const PER_SOCKET = 30;
/** Close codes a co-browse room may answer broken messages with: unsupported, malformed, policy, too big. */
const ROOM_REFUSALS = new Set([1003, 1007, 1008, 1009]);
const KNOWN_REASONS = new Set<string>(Object.values(ErrorReason));
const REFUSALS = new Set<string>([ErrorReason.malformedFrame, ErrorReason.frameTooLarge, ErrorReason.rateLimited]);

let w: World;
let r: Random;
let exchanges = 0;

before(async () => {
  w = await buildWorld();
  r = new Random(SEED);
});
after(async () => {
  console.log(`socket fuzz: seed ${SEED}, ${Object.values(FRAMES).reduce((a, b) => a + b, 0)} frames, ${exchanges} chat exchanges kept going`);
  await w?.close();
});

/** The well-behaved pair: the visitor asks, Ana answers, each sees the other's words. */
async function keepChatting(): Promise<void> {
  const n = ++exchanges;
  const { owner, ana } = w.sockets;
  const heard = (socket: TestSocket, text: string) => socket.next('events', (f) => f.conversationId === w.chat && f.events.some((e) => e.type === 'message' && e.text === text), 15_000);
  const question = `still there? ${n}`;
  const seen = heard(ana.socket, question);
  assert.equal((await ask(owner, { type: 'message.send', id: `keep-v-${n}`, conversationId: w.chat, text: question })).type, 'ack');
  await seen.catch((error: unknown) => assert.fail(`exchange ${n}: Ana did not see the visitor's message: ${String(error)}`));
  const reply = `yes, still here ${n}`;
  const answered = heard(owner.socket, reply);
  assert.equal((await ask(ana, { type: 'message.send', id: `keep-a-${n}`, conversationId: w.chat, text: reply })).type, 'ack');
  await answered.catch((error: unknown) => assert.fail(`exchange ${n}: the visitor did not see Ana's reply: ${String(error)}`));
}

const ids = () => [w.chat, w.call, w.strangerChat, w.callbackCall, w.agents.ana.id, w.agents.dev.id, w.quietQueue, '', 'x'.repeat(65), '00000000-0000-0000-0000-000000000000'];

/** Frames on one JSON endpoint: every frame the schema refuses gets a typed refusal, and the socket stays open. */
async function fuzzJsonEndpoint(open: () => Promise<TestSocket>, schema: typeof visitorFrameSchema | typeof agentFrameSchema, total: number): Promise<{ invalid: number; refusals: number }> {
  const shapes = templates({ conversations: [w.chat, w.strangerChat], agents: [w.agents.ana.id], queues: [w.quietQueue] });
  const types = schema.options.map((o) => o.shape.type.value);
  for (const type of types) assert.ok(type in shapes, `the fuzz has no template for the frame type "${type}"`);
  let invalid = 0;
  let refusals = 0;
  for (let sent = 0; sent < total; ) {
    const socket = await open();
    let closedByServer = false;
    socket.ws.once('close', () => (closedByServer = true));
    const batch = Math.min(PER_SOCKET, total - sent);
    for (let i = 0; i < batch; i++, sent++) {
      const frame = jsonFrame(r, shapes, types, ids());
      if (typeof frame === 'string') {
        let valid = false;
        try {
          valid = Buffer.byteLength(frame) <= MAX_FRAME_BYTES && schema.safeParse(JSON.parse(frame)).success;
        } catch {
          valid = false;
        }
        if (!valid) invalid++;
        socket.send(frame);
      } else {
        invalid++;
        socket.ws.send(frame);
      }
    }
    // A valid frame is handled in order after the batch: its answer means every frame before it was.
    const probe = `probe-${sent}`;
    socket.send({ type: 'sync', id: probe, conversationId: 'no-such-conversation', afterSeq: 0 });
    const answer = await socket.answer(probe, 10_000);
    assert.equal(answer.type, 'error');
    assert.equal(closedByServer, false, 'the server closed a socket over a bad frame instead of refusing it');
    const errors = socket.frames.filter((f): f is Extract<ServerFrame, { type: 'error' }> => f.type === 'error');
    for (const e of errors) assert.ok(KNOWN_REASONS.has(e.reason), `an error without a known reason: ${JSON.stringify(e)}`);
    refusals += errors.filter((e) => REFUSALS.has(e.reason)).length;
    socket.close();
    // Every fifth batch: the well-behaved pair talks at a person's pace, under the 40 frames a
    // second a socket may send (faster, their own frames would be refused as over the rate).
    if (sent % (PER_SOCKET * 5) === 0) await keepChatting();
  }
  await keepChatting();
  assert.ok(refusals >= invalid, `${invalid} frames broke the protocol, but only ${refusals} were refused`);
  return { invalid, refusals };
}

const wsBase = () => w.server.url.replace(/^http/, 'ws');

/** A raw socket and the first thing that happens on it after `send`: a message, or its close code. */
function openRaw(url: string): Promise<{ ws: WebSocket; next: () => Promise<{ data?: Buffer; code?: number }> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const inbox: { data?: Buffer; code?: number }[] = [];
    let wake: (() => void) | undefined;
    ws.on('message', (data: Buffer) => (inbox.push({ data }), wake?.()));
    ws.on('close', (code) => (inbox.push({ code }), wake?.()));
    const next = async () => {
      while (!inbox.length) await new Promise<void>((r) => (wake = r));
      return inbox.shift()!;
    };
    ws.once('open', () => resolve({ ws, next }));
    ws.once('error', reject);
  });
}

test('garbled and hostile visitor frames get typed errors, and the chat goes on', async () => {
  const { invalid, refusals } = await fuzzJsonEndpoint(async () => (await connectVisitor(w.server, w.creds.otherVisitor.visitorToken)).socket, visitorFrameSchema, FRAMES.visitor);
  console.log(`visitor: ${FRAMES.visitor} frames, ${invalid} broke the protocol, ${refusals} refusals`);
});

test('garbled and hostile agent frames get typed errors, and the chat goes on', async () => {
  const cookie = w.sockets.dev.cookie;
  const { invalid, refusals } = await fuzzJsonEndpoint(async () => (await connectAgentWithCookie(w.server, cookie)).socket, agentFrameSchema, FRAMES.agent);
  console.log(`agent: ${FRAMES.agent} frames, ${invalid} broke the protocol, ${refusals} refusals`);
});

test('garbled PeerJS messages are refused the PeerJS way (ERROR, then close), never by a crash', async () => {
  const { caller, ana } = w.peers;
  const url = `${wsBase()}${VOICE_PATH}peerjs?key=${VOICE_KEY}&id=${encodeURIComponent(caller.id)}&token=${encodeURIComponent(caller.token)}&version=1.5.5`;
  let closes = 0;
  for (let sent = 0; sent < FRAMES.peer; ) {
    const peer = await openRaw(url);
    assert.equal(JSON.parse(String((await peer.next()).data)).type, 'OPEN');
    let open = true;
    while (open && sent < FRAMES.peer) {
      peer.ws.send(peerFrame(r, ana.id));
      sent++;
      // A message to a stranger is always answered (EXPIRE): once it is, the frame before it was handled.
      peer.ws.send(JSON.stringify({ type: 'OFFER', dst: 'fuzz-probe-stranger', payload: {} }));
      for (;;) {
        const { data, code } = await peer.next();
        if (code !== undefined) {
          assert.notEqual(code, 1011, 'the PeerJS socket failed inside the server');
          closes++;
          open = false;
          break;
        }
        const type = (JSON.parse(String(data)) as { type: string }).type;
        assert.ok(['EXPIRE', 'ERROR'].includes(type), `unexpected PeerJS answer ${type}`);
        if (type === 'EXPIRE') break;
      }
    }
    peer.ws.close();
    if (sent % 60 === 0) await keepChatting();
  }
  console.log(`peer: ${FRAMES.peer} frames, ${closes} sockets closed by the server with ERROR`);
  await keepChatting();
});

test('broken y-websocket messages close only the room socket that sent them; the room admits its parties again', async () => {
  const { sessionId, visitorToken, agentToken } = w.cobrowse;
  const url = (token: string) => `${wsBase()}${COBROWSE_PATH}${sessionId}?token=${encodeURIComponent(token)}`;
  const closes = new Map<number, number>();
  for (let sent = 0; sent < FRAMES.cobrowse; ) {
    const room = await openRaw(url(sent % 2 ? agentToken : visitorToken));
    let open = true;
    while (open && sent < FRAMES.cobrowse) {
      const frame = yjsFrame(r);
      room.ws.send(frame);
      sent++;
      // Query-awareness is always answered with everyone's presence: the frame before it was handled.
      room.ws.send(Uint8Array.of(3));
      for (;;) {
        const { data, code } = await room.next();
        if (code !== undefined) {
          assert.ok(ROOM_REFUSALS.has(code), `a room socket closed with ${code} after ${Buffer.from(typeof frame === 'string' ? frame : frame).toString('hex').slice(0, 80)}`);
          closes.set(code, (closes.get(code) ?? 0) + 1);
          open = false;
          break;
        }
        if (data![0] === 1 && data!.length >= 2) break; // the awareness answer to the probe
      }
    }
    room.ws.close();
    if (sent % 150 === 0) await keepChatting();
  }
  console.log(`cobrowse: ${FRAMES.cobrowse} frames, room sockets closed by code: ${JSON.stringify(Object.fromEntries(closes))}`);
  await keepChatting();
});

test('after the fuzz the server is ready, nothing failed inside it, and a new visitor can chat', async () => {
  assert.equal((await fetch(`${w.server.url}/readyz`)).status, 200);
  const failures = (await w.server.services.metrics.socketErrors.get()).values.reduce((sum, v) => sum + v.value, 0);
  assert.equal(failures, 0, 'a frame made a socket fail inside the server (see switchboard_socket_errors_total in the log)');
  const newcomer = await connectVisitor(w.server);
  assert.equal((await ask(newcomer, { type: 'conversation.start', id: 'after-fuzz' })).type, 'ack');
  newcomer.socket.close();
  await keepChatting();
});
