/**
 * The world the access matrix runs in: two visitors, agents who are and are not a party, a
 * supervisor and an admin, and objects that belong to someone: a chat with a note and a co-browse
 * session, a recorded call with its peer ids, a callback being dialled, a stranger's conversation
 * and customer, a personal canned reply, and factories for objects a request would use up.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connectAgentWithCookie, connectVisitor } from '../support/connect.js';
import { ask, startChat, take, visitorIdOf, type Agent, type Visitor } from '../support/conversation-steps.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';
import { wav } from '../support/sample-files.js';
import { hashPassword } from '../../signaling/auth/password.js';
import { SESSION_COOKIE } from '../../signaling/http/require-agent.js';
import type { CallView } from '../../signaling/protocol/call.js';
import type { CobrowseView } from '../../signaling/protocol/cobrowse.js';
import type { AgentRecord } from '../../signaling/store/agents-repo.js';

/** A real 1×1 PNG, for the routes that take or serve files. */
export const MATRIX_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Everyone who may try a route: owners, strangers and staff of every rank. */
export const ROLES = ['nobody', 'visitor', 'otherVisitor', 'party', 'outsider', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const EMAILS = { party: 'ana@demo.switchboard', outsider: 'cleo@matrix.test', supervisor: 'ben@demo.switchboard', admin: 'admin@test.local', dev: 'dev@matrix.test' } as const;
export const INBOUND_MAIL_SECRET = 'matrix-inbound-mail-secret-0123456789';

/** How a role authenticates: an agent's session cookie, or a visitor's token. */
export interface Credentials {
  cookie?: string;
  visitorToken?: string;
}

export interface World {
  server: TestServer & { dir: string };
  creds: Record<Role, Credentials>;
  /** Sockets kept open: the outsiders try frames on theirs. */
  sockets: { ana: Agent; dev: Agent; outsider: Agent; owner: Visitor; stranger: Visitor; caller: Visitor };
  agents: { ana: AgentRecord; cleo: AgentRecord; dev: AgentRecord };
  /** Ana's chat with the visitor (a note, a co-browse session), her call with the caller (a recording), the visitor's callback she is dialling, and Dev's chat with the stranger. */
  chat: string;
  call: string;
  callbackCall: string;
  strangerChat: string;
  chatCustomer: string;
  strangerCustomer: string;
  recording: string;
  /** A picture the visitor sent in the chat, and a valid signed link to it. */
  file: string;
  fileLink: { e: string; s: string };
  article: string;
  anaReply: string;
  /** A voice reply (a short WAV recording), played in Ana's call. */
  voiceClip: string;
  channel: string;
  quietQueue: string;
  teamMember: string;
  /** The caller's and Ana's peer credentials for the call; the co-browse session's room tokens. */
  peers: { caller: { id: string; token: string }; ana: { id: string; token: string } };
  cobrowse: { sessionId: string; visitorToken: string; agentToken: string };
  fresh: Fresh;
  close(): Promise<void>;
}

/** Objects made anew for each try of a route that uses them up (a merge, a removal, a cancellation). */
export interface Fresh {
  /** A customer of a conversation only Dev served: a stranger to Ana. */
  strangerCustomer(): Promise<string>;
  /** A possible match on the chat's customer. */
  match(): Promise<string>;
  /** Another visitor of the chat's customer, to split off. */
  chatVisitor(): Promise<string>;
  /** A callback the visitor booked for later. */
  callback(): Promise<string>;
  article(): Promise<string>;
  anaReply(): Promise<string>;
  /** A voice reply without a shortcut slot (a short WAV recording). */
  voiceClip(): Promise<string>;
  /** An active quality scorecard with one yes/no criterion. */
  scorecard(): Promise<string>;
  /** A finished chat Ana handled, to be scored. */
  endedAnaChat(): Promise<string>;
  channel(): Promise<string>;
  webhook(): Promise<string>;
  /** A new chat Ana is handling in the support queue, whose second tier is Tess: one to escalate. */
  anaChat(): Promise<string>;
  /** A person in the team; deactivated when asked. */
  member(deactivated?: boolean): Promise<string>;
  /** Another session of Ana's, by its public id. */
  anaSession(): Promise<string>;
  /** A new session for an agent role (for routes that end the session they are sent with). */
  cookieFor(role: Role): Promise<string>;
  /** An account whose password is hashed at a tiny cost, so that a wrong one is refused in a millisecond (five failures block an account and address). */
  signInAccount(): Promise<string>;
  /** An e-mail reply of Ana's held for review in a conversation of hers; returned to her with a comment when asked. */
  heldReply(returned?: boolean): Promise<string>;
}

const callFrame = async (party: Agent | Visitor, conversationId: string, match: (c: CallView) => boolean) => (await party.socket.next('call', (f) => f.call.conversationId === conversationId && match(f.call))).call;
const cobrowseFrame = async (party: Agent | Visitor, conversationId: string) => (await party.socket.next('cobrowse', (f) => f.session.conversationId === conversationId && f.session.phase === 'active' && f.session.room !== undefined)).session as CobrowseView & { room: { token: string } };

/** Starts a server and builds the world in it; a failure on the way closes the server again. */
export async function buildWorld(): Promise<World> {
  const server = await startWorldServer();
  try {
    return await populate(server);
  } catch (error) {
    await server.close();
    throw error;
  }
}

function startWorldServer() {
  return startTestServer({
    inboundMailSecret: INBOUND_MAIL_SECRET,
    // The visitor's page never joins the room during the test: the session must not end meanwhile.
    cobrowseVisitorGraceMs: 600_000,
    seed: async (store) => {
      // Nobody here signs in with a password (the world opens sessions directly): no hashing to wait for.
      const hash = 'not-a-password-hash';
      const support = (await store.queues.findBySlug('support'))!.id;
      // Cleo, a plain agent in no queue: never offered anything. Dev serves the stranger.
      await store.agents.insert({ id: randomUUID(), email: EMAILS.outsider, name: 'Cleo Park', role: 'agent', passwordHash: hash, status: 'available', createdAt: Date.now() });
      const dev = randomUUID();
      await store.agents.insert({ id: dev, email: EMAILS.dev, name: 'Dev Rao', role: 'agent', passwordHash: hash, status: 'available', createdAt: Date.now() });
      await store.queues.addMember(support, dev, { tier: 1, position: 9 });
      const tess = randomUUID();
      await store.agents.insert({ id: tess, email: 'tess@matrix.test', name: 'Tess Tester', role: 'agent', passwordHash: hash, status: 'offline', createdAt: Date.now() });
      // Tess is the support queue's second tier (offline: never offered anything), so Ana's chats can be escalated.
      await store.queues.addMember(support, tess, { tier: 2, position: 0 });
      // Ana takes a call and dials a callback at the same time.
      const ana = (await store.agents.findByEmail(EMAILS.party))!;
      await store.agents.updateRouting(ana.id, { capacity: { ...ana.capacity, voice: 2 } });
    },
  });
}

async function populate(server: TestServer & { dir: string }): Promise<World> {
  const { store, services } = server;
  const agentRecord = async (email: string) => (await store.agents.findByEmail(email))!;
  // A session as signing in would open; the sign-in route itself is in the matrix (and its own tests).
  const cookieOf = async (email: string) => `${SESSION_COOKIE}=${await services.auth.openSession((await agentRecord(email)).id, { address: '127.0.0.1', userAgent: 'access-matrix' })}`;
  const connectAgent = async (_server: unknown, email: string) => connectAgentWithCookie(server, await cookieOf(email));
  const quiet = await services.admin.createQueue({ kind: 'agent', agent: await agentRecord(EMAILS.admin) }, { slug: 'quiet', name: 'Quiet' });

  // Dev serves the stranger, who shares their e-mail; Dev notes something, then takes a break.
  const dev = await connectAgent(server, EMAILS.dev);
  const stranger = await connectVisitor(server);
  await ask(stranger, { type: 'visitor.identify', id: 'ident-stranger', name: 'Stella Stranger', email: 'stella@private.test' });
  const strangerChat = await startChat(stranger, 'start-stranger');
  await take(dev, strangerChat);
  await ask(dev, { type: 'note.add', id: 'note-stranger', conversationId: strangerChat, text: 'Disputed charge: do not refund.' });
  assert.equal((await ask(dev, { type: 'presence.set', id: 'away-dev-1', status: 'away', reason: 'lunch' })).type, 'ack');

  // Ana serves the visitor: a chat with a note, and a co-browse session on it.
  const ana = await connectAgent(server, EMAILS.party);
  const owner = await connectVisitor(server);
  await ask(owner, { type: 'visitor.identify', id: 'ident-owner', name: 'Vera Lind', email: 'vera@example.test' });
  const chat = await startChat(owner, 'start-owner-chat');
  await take(ana, chat);
  await ask(owner, { type: 'message.send', id: 'msg-owner-1', conversationId: chat, text: 'Where is my shipping confirmation?' });
  const picture = await server.services.attachments.upload({ kind: 'visitor', visitorId: visitorIdOf(owner) }, 'receipt.png', MATRIX_PNG);
  await ask(owner, { type: 'message.send', id: 'msg-owner-file', conversationId: chat, text: '', attachments: [picture.id] });
  const fileLink = Object.fromEntries(new URL(server.services.attachments.link(picture.id, 3600_000).url, server.url).searchParams) as { e: string; s: string };
  await ask(ana, { type: 'note.add', id: 'note-owner-1', conversationId: chat, text: 'Sent it again.' });
  await ask(ana, { type: 'cobrowse.request', id: 'cobrowse-req-1', conversationId: chat });
  await ask(owner, { type: 'cobrowse.accept', id: 'cobrowse-acc-1', conversationId: chat });
  const [visitorRoom, agentRoom] = await Promise.all([cobrowseFrame(owner, chat), cobrowseFrame(ana, chat)]);

  // Ana's call with the caller, who allows recording; Ana stores one.
  const caller = await connectVisitor(server);
  const call = await startChat(caller, 'start-caller-call', 'call.start');
  await take(ana, call);
  const anaView = await callFrame(ana, call, (c) => c.phase === 'active');
  const callerView = await callFrame(caller, call, (c) => c.phase === 'active');
  await ask(caller, { type: 'call.consent', id: 'consent-caller-1', conversationId: call, recording: true });
  await callFrame(ana, call, (c) => c.recordingAllowed === true);
  const recorded = await fetch(`${server.url}/api/conversations/${call}/recordings?durationMs=1000`, { method: 'POST', headers: { 'content-type': 'audio/webm', cookie: ana.cookie, origin: server.origin }, body: new Uint8Array([26, 69, 223, 163]) });
  assert.equal(recorded.status, 201);
  const recording = ((await recorded.json()) as { id: string }).id;

  // The visitor's callback, as soon as possible: Ana is dialling it.
  const booked = await fetch(`${server.url}/api/visitors/callbacks`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` }, body: JSON.stringify({ id: 'callback-owner-1', phone: '+1 202 555 0101', when: 'asap' }) });
  assert.equal(booked.status, 200);
  const offer = await ana.socket.peek('offer', (o) => o.offer.channel === 'voice' && o.offer.conversationId !== call);
  const callbackCall = offer.offer.conversationId;
  await take(ana, callbackCall);

  const outsider = await connectAgent(server, EMAILS.outsider);
  const [supervisorCookie, adminCookie] = [await cookieOf(EMAILS.supervisor), await cookieOf(EMAILS.admin)];
  const anaRecord = await agentRecord(EMAILS.party);
  const staff = { kind: 'agent' as const, agent: anaRecord };
  const adminActor = { kind: 'agent' as const, agent: await agentRecord(EMAILS.admin) };
  const devRecord = await agentRecord(EMAILS.dev);
  const chatCustomer = (await store.customers.customerOf(visitorIdOf(owner)))!;
  // A link or merge may leave the chat with another customer: the factories follow it.
  const currentChatCustomer = async () => (await store.customers.customerOf(visitorIdOf(owner)))!;
  const slot = async () => (await services.callbacks.queueStatus('quiet')).callbackSlots[0]!;

  const fresh: Fresh = {
    async strangerCustomer() {
      const [visitorId, customerId, now] = [randomUUID(), randomUUID(), Date.now()];
      await store.visitors.insert(visitorId, now);
      await store.customers.insert({ id: customerId, name: 'Another Stranger', attributes: {}, createdAt: now, updatedAt: now });
      await store.customers.link(visitorId, customerId);
      await store.conversations.insert({ id: randomUUID(), visitorId, queueId: quiet.id, agentId: devRecord.id, status: 'ended', createdAt: now });
      return customerId;
    },
    async match() {
      const [other, id, now] = [randomUUID(), randomUUID(), Date.now()];
      await store.customers.insert({ id: other, name: 'Someone Else', email: 'vera@example.test', attributes: {}, createdAt: now, updatedAt: now });
      await store.customerIdentity.suggest({ id, customerId: await currentChatCustomer(), matchId: other, kind: 'email', value: 'vera@example.test', createdAt: now });
      return id;
    },
    async chatVisitor() {
      const visitorId = randomUUID();
      await store.visitors.insert(visitorId, Date.now());
      await store.customers.link(visitorId, await currentChatCustomer());
      return visitorId;
    },
    async callback() {
      return (await services.callbacks.request(visitorIdOf(owner), { id: `callback-${randomUUID().slice(0, 8)}`, phone: '+1 202 555 0102', when: await slot(), queue: 'quiet' })).id;
    },
    article: async () => (await services.knowledge.saveArticle(adminActor, undefined, { title: 'Returns', body: 'Send it back within 30 days.', language: 'en' })).id,
    anaReply: async () => (await services.knowledge.saveReply(staff, undefined, { shortcut: `mine-${randomUUID().slice(0, 6)}`, title: 'Mine', body: 'My own words.', personal: true })).id,
    voiceClip: async () => (await services.voiceClips.create(adminActor, { title: `Fax ${randomUUID().slice(0, 6)}`, language: 'en' }, new Uint8Array(wav(0.2)))).id,
    channel: async () => (await services.channels.create(adminActor, { name: 'SMS', queue: 'quiet' })).id,
    webhook: async () => (await services.webhooks.subscribe(adminActor, 'http://127.0.0.1:9/hook', ['callback.due'])).id,
    async anaChat() {
      // Ana is on a call, which keeps chats from being offered to her: the chat is stored as hers directly.
      const [visitorId, chatId, now] = [randomUUID(), randomUUID(), Date.now()];
      await store.visitors.insert(visitorId, now);
      await store.conversations.insert({ id: chatId, visitorId, queueId: (await store.queues.findBySlug('support'))!.id, agentId: anaRecord.id, status: 'active', createdAt: now });
      return chatId;
    },
    scorecard: async () => (await services.quality.createScorecard(adminActor.agent, { name: 'Basics', criteria: [{ label: 'Greeted the customer', kind: 'yes-no', weight: 1, autoFail: false }], active: true })).id,
    async endedAnaChat() {
      const [visitorId, chatId, now] = [randomUUID(), randomUUID(), Date.now()];
      await store.visitors.insert(visitorId, now);
      await store.conversations.insert({ id: chatId, visitorId, queueId: (await store.queues.findBySlug('support'))!.id, agentId: anaRecord.id, status: 'ended', createdAt: now, endedAt: now });
      return chatId;
    },
    async member(deactivated = false) {
      const id = randomUUID();
      await store.agents.insert({ id, email: `member-${id.slice(0, 8)}@matrix.test`, name: 'Temp Member', role: 'agent', passwordHash: 'unusable', status: 'offline', createdAt: Date.now() });
      if (deactivated) await services.team.deactivate(adminActor, id);
      return id;
    },
    async anaSession() {
      const sessionId = await services.auth.openSession(anaRecord.id, { address: '127.0.0.1', userAgent: 'matrix' });
      return (await services.auth.sessions(anaRecord.id, sessionId)).find((s) => s.current)!.id;
    },
    cookieFor: (role) => cookieOf(EMAILS[role as keyof typeof EMAILS]),
    async heldReply(returned = false) {
      const [visitorId, conversationId, now] = [randomUUID(), randomUUID(), Date.now()];
      await store.visitors.insert(visitorId, now);
      await store.conversations.insert({ id: conversationId, visitorId, queueId: (await store.queues.findBySlug('quiet'))!.id, agentId: anaRecord.id, status: 'active', channel: 'email', source: 'email', createdAt: now });
      const reply = await store.heldReplies.hold({ id: randomUUID(), conversationId, agent: { id: anaRecord.id, name: anaRecord.name }, text: 'Held words.', attachments: [], clientId: randomUUID(), createdAt: now });
      if (returned) await store.heldReplies.decide(reply.id, 'pending', { status: 'returned', at: now, comment: 'Rework it.' });
      return reply.id;
    },
    async signInAccount() {
      const email = `signin-${randomUUID().slice(0, 8)}@matrix.test`;
      await store.agents.insert({ id: randomUUID(), email, name: 'Sign In', role: 'agent', passwordHash: await hashPassword('the-right-password', { N: 16, r: 8, p: 1 }), status: 'offline', createdAt: Date.now() });
      return email;
    },
  };

  return {
    server,
    creds: {
      nobody: {},
      visitor: { visitorToken: owner.token },
      otherVisitor: { visitorToken: stranger.token },
      party: { cookie: ana.cookie },
      outsider: { cookie: outsider.cookie },
      supervisor: { cookie: supervisorCookie },
      admin: { cookie: adminCookie },
    },
    sockets: { ana, dev, outsider, owner, stranger, caller },
    agents: { ana: anaRecord, cleo: await agentRecord(EMAILS.outsider), dev: devRecord },
    chat,
    call,
    callbackCall,
    strangerChat,
    chatCustomer,
    strangerCustomer: (await store.customers.customerOf(visitorIdOf(stranger)))!,
    recording,
    file: picture.id,
    fileLink,
    article: await fresh.article(),
    anaReply: await fresh.anaReply(),
    voiceClip: await fresh.voiceClip(),
    channel: await fresh.channel(),
    quietQueue: quiet.id,
    teamMember: (await agentRecord('tess@matrix.test')).id,
    peers: { caller: callerView.peer!, ana: anaView.peer! },
    cobrowse: { sessionId: visitorRoom.sessionId, visitorToken: visitorRoom.room.token, agentToken: agentRoom.room.token },
    fresh,
    async close() {
      for (const s of [ana, dev, outsider, owner, stranger, caller]) s.socket.close();
      await server.close();
    },
  };
}
