/**
 * Co-browse sessions at the protocol level: consent frames on the chat sockets, and the Yjs
 * room through the real y-websocket client over real sockets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { until } from '../../test/support/until.js';
import { COBROWSE_DOC, COBROWSE_PATH, type CobrowseView } from '../protocol/cobrowse.js';
import type { ConversationEvent } from '../protocol/conversation.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';
type Socket = Awaited<ReturnType<typeof connectVisitor>>['socket'];

/** A chat Ana has accepted, with both parties' sockets. */
async function chatWithAna(server: TestServer, clientId: string) {
  const ana = await connectAgent(server, ANA);
  const visitor = await connectVisitor(server);
  visitor.socket.send({ type: 'conversation.start', id: clientId });
  const id = (await visitor.socket.next('ack', (a) => a.id === clientId)).conversationId!;
  await ana.socket.next('offer', (o) => o.offer.conversationId === id);
  ana.socket.send({ type: 'offer.accept', id: `accept-${clientId}`, conversationId: id });
  await visitor.socket.next('events', (f) => f.events.some((e) => e.type === 'agent-joined'));
  return { ana, visitor, id };
}

const sessionFrame = async (socket: Socket, conversationId: string, match: (s: CobrowseView) => boolean) =>
  (await socket.next('cobrowse', (f) => f.session.conversationId === conversationId && match(f.session))).session;

async function ask(socket: Socket, frame: Record<string, unknown> & { id: string }) {
  socket.send(frame);
  return socket.answer(frame.id);
}

const timelineEvent = (socket: Socket, match: (e: ConversationEvent) => boolean) => socket.next('events', (f) => f.events.some(match)).then((f) => f.events.find(match)!);

/** Joins a room with the real y-websocket client, resolving once synced. */
function joinRoom(server: TestServer, view: Pick<CobrowseView, 'sessionId'>, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}${COBROWSE_PATH.slice(0, -1)}`, view.sessionId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 100,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', (s: boolean) => s && resolve()));
  return { provider, doc, synced };
}

/** Asks the room for everyone's presence on a provider's socket: once answered (or closed), the room has handled all it sent before. */
function roomRoundTrip(provider: WebsocketProvider): Promise<void> {
  const ws = provider.ws as unknown as WebSocket;
  return new Promise((resolve) => {
    // y-websocket sets binaryType 'arraybuffer'.
    const answered = (data: ArrayBuffer) => new Uint8Array(data)[0] === 1 && done();
    const done = () => {
      ws.off('message', answered);
      ws.off('close', done);
      resolve();
    };
    ws.on('message', answered);
    ws.on('close', done);
    ws.send(Uint8Array.of(3));
  });
}

/** An awareness update of one client, as y-protocols encodes it: (count, client, clock, JSON state). */
function awarenessEntry(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

/** An awareness update as y-websocket sends it: message type 1, then the update. */
function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The close code of a raw socket to a room. */
function rawRoomClose(server: TestServer, sessionId: string, token: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}${COBROWSE_PATH}${sessionId}?token=${encodeURIComponent(token)}`);
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {});
  });
}

describe('Co-browsing', () => {
  it('shares the page only after the visitor accepts, lets only the two parties into the room, and keeps the agent read-only', async () => {
    const server = await startTestServer();
    const providers: WebsocketProvider[] = [];
    try {
      const { ana, visitor, id } = await chatWithAna(server, 'cb-chat-1');
      assert.equal((await ask(ana.socket, { type: 'cobrowse.request', id: 'cb-request-1', conversationId: id })).type, 'ack');
      const asked = await sessionFrame(visitor.socket, id, (s) => s.phase === 'requested');
      assert.equal(asked.agent.name, 'Ana Lima');
      assert.equal(asked.room, undefined, 'no way into the room before consent');
      assert.equal((await timelineEvent(visitor.socket, (e) => e.type === 'cobrowse' && e.action === 'requested')).type, 'cobrowse');

      await ask(visitor.socket, { type: 'cobrowse.accept', id: 'cb-accept-1', conversationId: id });
      const visitorView = await sessionFrame(visitor.socket, id, (s) => s.phase === 'active');
      const agentView = await sessionFrame(ana.socket, id, (s) => s.phase === 'active');
      assert.ok(visitorView.room && agentView.room && visitorView.room.token !== agentView.room.token);

      // The visitor's page reaches the agent through the room.
      const page = joinRoom(server, visitorView, visitorView.room.token);
      providers.push(page.provider);
      await page.synced;
      page.doc.getArray<Uint8Array>(COBROWSE_DOC.frames).push([new Uint8Array([1, 2, 3])]);
      const viewer = joinRoom(server, agentView, agentView.room.token);
      providers.push(viewer.provider);
      await viewer.synced;
      const frames = viewer.doc.getArray<Uint8Array>(COBROWSE_DOC.frames);
      if (frames.length === 0) await new Promise<void>((resolve) => frames.observe(() => resolve()));
      assert.deepEqual([...frames.get(0)], [1, 2, 3]);
      const live = new Promise<void>((resolve) => frames.observe(() => frames.length === 2 && resolve()));
      page.doc.getMap(COBROWSE_DOC.page).set('title', 'x');
      page.doc.getArray<Uint8Array>(COBROWSE_DOC.frames).push([new Uint8Array([4])]);
      await live;

      // Presence travels both ways; nobody may speak in the other party's role.
      const spoof = new Promise<number>((resolve) => page.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)));
      page.provider.awareness.setLocalState({ role: 'agent', name: 'Not Ana', actions: [{ seq: 1, kind: 'click', id: 1 }] });
      assert.equal(await spoof, 1008);
      page.provider.awareness.setLocalState({ role: 'visitor', visible: true });
      viewer.provider.awareness.setLocalState({ role: 'agent', name: 'Ana Lima', pointer: { x: 10, y: 20 }, actions: [] });
      await new Promise<void>((resolve) => {
        const seen = () => [...page.provider.awareness.getStates().values()].some((s) => (s as { pointer?: { x: number } }).pointer?.x === 10) && resolve();
        page.provider.awareness.on('change', seen);
        seen();
      });

      // Outsiders are refused: another visitor's token, a token for another session, no token, the visitor's token for the agent's party.
      const { id: otherId, visitor: other, ana: ana2 } = await chatWithAna(server, 'cb-chat-2');
      await ask(ana2.socket, { type: 'cobrowse.request', id: 'cb-request-2', conversationId: otherId });
      await ask(other.socket, { type: 'cobrowse.accept', id: 'cb-accept-2', conversationId: otherId });
      const otherView = await sessionFrame(other.socket, otherId, (s) => s.phase === 'active');
      assert.equal(await rawRoomClose(server, visitorView.sessionId, otherView.room!.token), 4403);
      assert.equal(await rawRoomClose(server, visitorView.sessionId, 'forged.token'), 4403);
      assert.equal(await rawRoomClose(server, visitorView.sessionId, ''), 4403);
      // Nor can anyone ask about, accept or stop a conversation that is not theirs.
      assert.equal((await ask(other.socket, { type: 'cobrowse.stop', id: 'cb-stop-x', conversationId: id })).type, 'error');
      assert.equal((await ask(ana2.socket, { type: 'cobrowse.request', id: 'cb-request-x', conversationId: otherId + 'x' })).type, 'error');

      // The agent cannot write the page: a document update with content closes their socket, and the page is unchanged.
      const closed = new Promise<number>((resolve) => viewer.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)));
      viewer.doc.getArray<Uint8Array>(COBROWSE_DOC.frames).push([new Uint8Array([9, 9, 9])]);
      assert.equal(await closed, 1008);
      const serverDoc = server.services.cobrowseRooms.docOf(visitorView.sessionId)!;
      assert.deepEqual(serverDoc.getArray<Uint8Array>(COBROWSE_DOC.frames).toArray().map((f) => [...f]), [[1, 2, 3], [4]]);

      // Stopping ends it for both, with the reason in the timeline, and closes the room.
      const pageClosed = new Promise<number>((resolve) => page.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)));
      await ask(visitor.socket, { type: 'cobrowse.stop', id: 'cb-stop-1', conversationId: id });
      assert.equal((await sessionFrame(ana.socket, id, (s) => s.phase === 'ended')).reason, 'stopped');
      assert.equal(await pageClosed, 4000);
      const ended = await timelineEvent(ana.socket, (e) => e.type === 'cobrowse' && e.action === 'ended');
      assert.equal(ended.type === 'cobrowse' && ended.by.kind, 'visitor');
      assert.equal(await rawRoomClose(server, visitorView.sessionId, visitorView.room.token), 4403, 'a stopped session admits nobody');
    } finally {
      for (const p of providers) {
        p.destroy();
        p.doc.destroy(); // its awareness keeps a timer until the document goes
      }
      await server.close({ dispose: true });
    }
  });

  it('follows the visitor to another page: the new page replaces the old one for the agent, even when everyone was briefly out of the room', async () => {
    const server = await startTestServer();
    const providers: WebsocketProvider[] = [];
    const track = <T extends { provider: WebsocketProvider }>(party: T) => (providers.push(party.provider), party);
    try {
      const { ana, visitor, id } = await chatWithAna(server, 'cb-chat-nav');
      await ask(ana.socket, { type: 'cobrowse.request', id: 'cb-request-nav', conversationId: id });
      await ask(visitor.socket, { type: 'cobrowse.accept', id: 'cb-accept-nav', conversationId: id });
      const visitorView = await sessionFrame(visitor.socket, id, (s) => s.phase === 'active');
      const agentView = await sessionFrame(ana.socket, id, (s) => s.phase === 'active');
      const share = (doc: Y.Doc, frame: number, url: string) =>
        doc.transact(() => {
          const frames = doc.getArray<Uint8Array>(COBROWSE_DOC.frames);
          frames.delete(0, frames.length); // as the widget's snapshot does: it replaces everything it knows of
          frames.push([new Uint8Array([frame])]);
          doc.getMap(COBROWSE_DOC.page).set('url', url);
        });
      const shows = (doc: Y.Doc, url: string) =>
        new Promise<void>((resolve) => {
          const check = () => doc.getMap(COBROWSE_DOC.page).get('url') === url && resolve();
          doc.on('update', check);
          check();
        });

      const first = track(joinRoom(server, visitorView, visitorView.room!.token));
      await first.synced;
      first.provider.awareness.setLocalState({ role: 'visitor', visible: true });
      share(first.doc, 1, '/account');
      const viewer = track(joinRoom(server, agentView, agentView.room!.token));
      await viewer.synced;
      await shows(viewer.doc, '/account');
      const agentCloses: number[] = [];
      // The server's closes carry an event; the test's own disconnect below does not.
      viewer.provider.on('connection-close', (event: { code: number } | null) => event && agentCloses.push(event.code));

      // The page unloads: it says it is hidden and goes at once. The agent's client echoes that
      // presence back after the page has left; the echo is not the agent speaking as the visitor.
      const hidden = new Promise<void>((resolve) => viewer.provider.awareness.on('change', () => [...viewer.provider.awareness.getStates().values()].some((s) => (s as { visible?: boolean }).visible === false) && resolve()));
      first.provider.awareness.setLocalState({ role: 'visitor', visible: false });
      first.provider.destroy();
      await hidden;
      // y-websocket echoes as it hears; replay that echo once the page has surely left, as it does under load.
      const echo = awarenessEntry(first.doc.clientID, 99, { role: 'visitor', visible: false });
      await until(() => server.services.cobrowseRooms.connectionsIn(visitorView.sessionId) === 1, 'the server counts the visitor’s connection');
      (viewer.provider.ws as unknown as WebSocket).send(awarenessMessage(echo));
      await roomRoundTrip(viewer.provider);
      assert.deepEqual(agentCloses, [], 'the room closed the agent over an echo');
      // The agent drops out too for a moment (a flaky network): nobody is in the room.
      viewer.provider.disconnect();
      await until(() => server.services.cobrowseRooms.connectionsIn(visitorView.sessionId) === 0, 'the server sees the visitor’s connection go');

      // The next page is a new document; it learns what the agent shows, so its snapshot replaces it.
      const next = track(joinRoom(server, visitorView, visitorView.room!.token));
      await next.synced;
      assert.equal(next.doc.getMap(COBROWSE_DOC.page).get('url'), '/account', 'the room kept the page while empty');
      share(next.doc, 2, '/shipping');
      const resynced = new Promise<void>((resolve) => viewer.provider.once('sync', (s: boolean) => s && resolve()));
      viewer.provider.connect();
      await resynced;
      await shows(viewer.doc, '/shipping');
      assert.deepEqual(viewer.doc.getArray<Uint8Array>(COBROWSE_DOC.frames).toArray().map((f) => [...f]), [[2]], 'only the new page, not both');
    } finally {
      for (const p of providers) {
        p.destroy();
        p.doc.destroy();
      }
      await server.close({ dispose: true });
    }
  });

  it('lets the visitor offer their page, asks a second consent for control, and ends on transfer or when the page is gone', async () => {
    const server = await startTestServer({ cobrowseVisitorGraceMs: 300 });
    try {
      const { ana, visitor, id } = await chatWithAna(server, 'cb-chat-3');
      // Control cannot be granted unasked, nor asked for before the page is shared.
      assert.equal((await ask(ana.socket, { type: 'cobrowse.control-request', id: 'cb-ctl-0', conversationId: id })).type, 'error');
      await ask(visitor.socket, { type: 'cobrowse.accept', id: 'cb-offer-3', conversationId: id });
      const view = await sessionFrame(ana.socket, id, (s) => s.phase === 'active');
      assert.equal(view.control, 'off');
      const unasked = await ask(visitor.socket, { type: 'cobrowse.control', id: 'cb-ctl-1', conversationId: id, allowed: true });
      assert.equal(unasked.type === 'error' && unasked.reason, 'invalid-input');
      await ask(ana.socket, { type: 'cobrowse.control-request', id: 'cb-ctl-2', conversationId: id });
      await sessionFrame(visitor.socket, id, (s) => s.control === 'requested');
      await ask(visitor.socket, { type: 'cobrowse.control', id: 'cb-ctl-3', conversationId: id, allowed: true });
      await sessionFrame(ana.socket, id, (s) => s.control === 'granted');
      await ask(visitor.socket, { type: 'cobrowse.control', id: 'cb-ctl-4', conversationId: id, allowed: false });
      await timelineEvent(ana.socket, (e) => e.type === 'cobrowse' && e.action === 'control-revoked');
      assert.equal(server.services.cobrowse.viewsForAgent(view.agent.id)[0]?.control, 'off', 'taken back at once');

      // The visitor's page never joined the room: after the grace period the session ends.
      assert.equal((await sessionFrame(visitor.socket, id, (s) => s.phase === 'ended')).reason, 'visitor-left');

      // A transfer ends a session: the next agent asks again.
      const ben = await connectAgent(server, BEN);
      await ask(visitor.socket, { type: 'cobrowse.accept', id: 'cb-offer-4', conversationId: id });
      await sessionFrame(ana.socket, id, (s) => s.phase === 'active');
      const bens = (await server.store.agents.findByEmail(BEN))!;
      await ask(ana.socket, { type: 'conversation.transfer', id: 'cb-transfer', conversationId: id, to: { agentId: bens.id } });
      assert.equal((await sessionFrame(visitor.socket, id, (s) => s.phase === 'ended' && s.reason === 'transferred')).reason, 'transferred');

      // Ben asks again; the visitor shares; ending the conversation ends the session, on the record.
      await ben.socket.next('conversation', (f) => f.conversation.id === id && f.conversation.agent?.name === 'Ben Okafor');
      assert.equal((await ask(ben.socket, { type: 'cobrowse.request', id: 'cb-request-6', conversationId: id })).type, 'ack');
      await ask(visitor.socket, { type: 'cobrowse.accept', id: 'cb-accept-6', conversationId: id });
      await sessionFrame(ben.socket, id, (s) => s.phase === 'active');
      await ask(visitor.socket, { type: 'conversation.end', id: 'cb-end-6x', conversationId: id });
      assert.equal((await sessionFrame(ben.socket, id, (s) => s.phase === 'ended')).reason, 'conversation-ended');
      const last = await timelineEvent(ben.socket, (e) => e.type === 'cobrowse' && e.action === 'ended' && e.reason === 'conversation-ended');
      assert.equal(last.type === 'cobrowse' && last.by.kind, 'system');
    } finally {
      await server.close({ dispose: true });
    }
  });

  it('refuses sharing before an agent has joined and after the conversation ended', async () => {
    const server = await startTestServer();
    try {
      const visitor = await connectVisitor(server);
      visitor.socket.send({ type: 'conversation.start', id: 'cb-chat-5' });
      const id = (await visitor.socket.next('ack', (a) => a.id === 'cb-chat-5')).conversationId!;
      const early = await ask(visitor.socket, { type: 'cobrowse.accept', id: 'cb-early', conversationId: id });
      assert.equal(early.type === 'error' && early.reason, 'invalid-input');
      await ask(visitor.socket, { type: 'conversation.end', id: 'cb-end-5', conversationId: id });
      const late = await ask(visitor.socket, { type: 'cobrowse.accept', id: 'cb-late-1', conversationId: id });
      assert.equal(late.type === 'error' && late.reason, 'conversation-ended');
      const visitorId = visitor.welcome.role === 'visitor' ? visitor.welcome.visitor.id : '';
      assert.equal(server.services.cobrowse.viewsForVisitor(visitorId).length, 0, 'nothing was opened');
    } finally {
      await server.close({ dispose: true });
    }
  });
});
