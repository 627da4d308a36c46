/** Calling a visitor back on the web, over the real sockets and routes: ringing, answers, refusals, the visitor's opt-out. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgentWithCookie, connectVisitor, signIn } from '../../test/support/connect.js';
import { ask, finish, startChat, take, visitorIdOf, type Agent, type Visitor } from '../../test/support/conversation-steps.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { hashPassword } from '../auth/password.js';
import type { ServerFrame } from '../protocol/server-frames.js';

const RING_MS = 400;
let server: TestServer;
let anaCookie: string;
let ana: Agent;

const route = (id: string, method: 'GET' | 'POST', cookie = anaCookie) =>
  fetch(`${server.url}/api/conversations/${encodeURIComponent(id)}/web-call`, { method, headers: { cookie, origin: server.origin } });
const json = async (r: Response) => (await r.json()) as { available?: boolean; reason?: string; expiresAt?: number; error?: { reason: string } };

/** A visitor in a chat Ana has taken. */
async function chatWithAna(label: string): Promise<{ visitor: Visitor; id: string }> {
  const visitor = await connectVisitor(server);
  const id = await startChat(visitor, `start-${label}`);
  await take(ana, id);
  return { visitor, id };
}

const webCallEvents = async (id: string) => (await server.store.conversations.eventsAfter(id, 0)).filter((e) => e.type === 'web-call');

describe('Web calls: an agent calls the visitor in the browser', () => {
  before(async () => {
    server = await startTestServer({
      webCallRingMs: RING_MS,
      seed: async (store) => {
        await store.agents.insert({ id: 'cleo', email: 'cleo@test.local', name: 'Cleo', role: 'agent', passwordHash: await hashPassword('cleo-password-1'), status: 'offline', createdAt: 1 });
      },
    });
    anaCookie = await signIn(server, 'ana@demo.switchboard');
    ana = await connectAgentWithCookie(server, anaCookie);
  });
  after(() => server.close());

  it('rings the widget; accepted, the chat gets an ordinary call both sides can hold and hang up, and the chat goes on', async () => {
    const { visitor, id } = await chatWithAna('accept');
    assert.deepEqual(await json(await route(id, 'GET')), { available: true });
    const placed = await route(id, 'POST');
    assert.equal(placed.status, 202);
    const ring = await visitor.socket.next('web-call.ring', (f) => f.conversationId === id);
    assert.equal(ring.agentName, 'Ana Lima', 'the widget names who calls');
    assert.deepEqual(await json(await route(id, 'GET')), { available: false, reason: 'in-call' });
    assert.equal((await json(await route(id, 'POST'))).error?.reason, 'call-in-progress', 'a second call while one rings is refused');

    assert.equal((await ask(visitor, { type: 'web-call.answer', id: 'answer-yes', conversationId: id, accept: true })).type, 'ack');
    assert.equal((await ana.socket.next('web-call.ring-ended', (f) => f.conversationId === id)).reason, 'answered');
    const anaCall = (await ana.socket.next('call', (f) => f.call.conversationId === id && f.call.phase === 'active')).call;
    const visitorCall = (await visitor.socket.next('call', (f) => f.call.conversationId === id && f.call.phase === 'active')).call;
    assert.equal(anaCall.remotePeerId, visitorCall.peer!.id, 'each side gets the other’s peer');
    assert.equal(visitorCall.remotePeerId, anaCall.peer!.id);
    assert.equal(visitorCall.agent?.name, 'Ana Lima');

    // An ordinary call: hold and consent to recording work although the conversation is a chat.
    assert.equal((await ask(ana, { type: 'call.hold', id: 'hold-web', conversationId: id, held: true })).type, 'ack');
    assert.equal((await ask(visitor, { type: 'call.consent', id: 'consent-web', conversationId: id, recording: true })).type, 'ack');

    assert.equal((await ask(visitor, { type: 'call.hangup', id: 'hangup-web', conversationId: id })).type, 'ack');
    await ana.socket.next('call', (f) => f.call.conversationId === id && f.call.phase === 'ended');
    await visitor.socket.next('call', (f) => f.call.conversationId === id && f.call.phase === 'ended');
    assert.equal((await server.store.conversations.findById(id))?.status, 'active', 'the chat goes on after the call');
    assert.deepEqual(await webCallEvents(id), [], 'an answered call is the call itself, not a missed one');
    const again = await ask(visitor, { type: 'call.hangup', id: 'hangup-twice', conversationId: id });
    assert.equal(again.type === 'error' && again.reason, 'invalid-input', 'no call left to hang up');
    await finish(ana, id);
    visitor.socket.close();
  });

  it('rings once when the call is placed twice at once: the second press is refused, and one ring ends as unanswered', async () => {
    const { visitor, id } = await chatWithAna('twice');
    // Straight to the service, so both presses are past their first await before either rings.
    const agent = (await server.store.agents.findByEmail('ana@demo.switchboard'))!;
    const presses = await Promise.allSettled([server.services.webCalls.place({ kind: 'agent', agent }, id), server.services.webCalls.place({ kind: 'agent', agent }, id)]);
    assert.deepEqual(presses.map((p) => p.status).sort(), ['fulfilled', 'rejected']);
    const refused = presses.find((p) => p.status === 'rejected') as PromiseRejectedResult;
    assert.equal((refused.reason as { reason?: string }).reason, 'call-in-progress');
    await visitor.socket.next('web-call.ring', (f) => f.conversationId === id);
    await visitor.socket.next('web-call.ring-ended', (f) => f.conversationId === id);
    assert.deepEqual((await webCallEvents(id)).map((e) => e.type === 'web-call' && e.outcome), ['unanswered'], 'one ring, one record');
    await finish(ana, id);
    visitor.socket.close();
  });

  it('records a declined call and an unanswered one in the timeline, which the agent sees', async () => {
    const { visitor, id } = await chatWithAna('decline');
    assert.equal((await route(id, 'POST')).status, 202);
    await visitor.socket.next('web-call.ring', (f) => f.conversationId === id);
    assert.equal((await ask(visitor, { type: 'web-call.answer', id: 'answer-no', conversationId: id, accept: false })).type, 'ack');
    await visitor.socket.next('web-call.ring-ended', (f) => f.conversationId === id && f.reason === 'declined');
    assert.equal((await ana.socket.next('web-call.ring-ended', (f) => f.conversationId === id)).reason, 'declined');
    const declined = await ana.socket.next('events', (f) => f.conversationId === id && f.events.some((e) => e.type === 'web-call'));
    assert.deepEqual(declined.events.map((e) => e.type === 'web-call' && [e.outcome, e.agent.name]), [['declined', 'Ana Lima']]);

    assert.equal((await route(id, 'POST')).status, 202, 'the agent may try again');
    await visitor.socket.next('web-call.ring', (f) => f.conversationId === id);
    assert.equal((await visitor.socket.next('web-call.ring-ended', (f) => f.conversationId === id, RING_MS + 2000)).reason, 'unanswered', 'nobody answered');
    await ana.socket.next('events', (f) => f.conversationId === id && f.events.some((e) => e.type === 'web-call' && e.outcome === 'unanswered'));
    assert.deepEqual((await webCallEvents(id)).map((e) => e.type === 'web-call' && e.outcome), ['declined', 'unanswered']);
    const late = await ask(visitor, { type: 'web-call.answer', id: 'answer-late', conversationId: id, accept: true });
    assert.equal(late.type === 'error' && late.reason, 'not-found', 'an answer after the ring stopped finds nothing');
    await finish(ana, id);
    visitor.socket.close();
  });

  it('lets the caller stop the ring (recorded as unanswered), a supervisor included', async () => {
    const { visitor, id } = await chatWithAna('cancel');
    assert.equal((await route(id, 'POST')).status, 202);
    await visitor.socket.next('web-call.ring', (f) => f.conversationId === id);
    assert.equal((await ask(ana, { type: 'call.hangup', id: 'stop-ring', conversationId: id })).type, 'ack');
    assert.equal((await visitor.socket.next('web-call.ring-ended', (f) => f.conversationId === id)).reason, 'cancelled', 'the widget stops ringing');

    const benCookie = await signIn(server, 'ben@demo.switchboard');
    const ben = await connectAgentWithCookie(server, benCookie);
    // Away, so that the ACD keeps offering the next tests' chats to Ana.
    assert.equal((await ask(ben, { type: 'presence.set', id: 'ben-away', status: 'away', reason: 'meeting' })).type, 'ack');
    assert.equal((await route(id, 'POST', benCookie)).status, 202, 'a supervisor may call a visitor they do not serve');
    assert.equal((await visitor.socket.next('web-call.ring', (f) => f.conversationId === id && f.agentName === 'Ben Okafor')).agentName, 'Ben Okafor');
    assert.equal((await ask(ben, { type: 'call.hangup', id: 'stop-ring-ben', conversationId: id })).type, 'ack');
    await visitor.socket.next('web-call.ring-ended', (f) => f.conversationId === id && f.reason === 'cancelled');
    assert.deepEqual((await webCallEvents(id)).map((e) => e.type === 'web-call' && [e.outcome, e.agent.name]), [['unanswered', 'Ana Lima'], ['unanswered', 'Ben Okafor']]);
    await finish(ana, id);
    visitor.socket.close();
    ben.socket.close();
  });

  it('lets the visitor turn calls off (kept for them): the route answers 409 and nothing rings', async () => {
    const { visitor, id } = await chatWithAna('off');
    assert.equal((visitor.welcome as Extract<ServerFrame, { type: 'welcome'; role: 'visitor' }>).webCallsOff, false);
    assert.equal((await ask(visitor, { type: 'web-call.settings', id: 'calls-off', off: true })).type, 'ack');
    assert.deepEqual(await json(await route(id, 'GET')), { available: false, reason: 'calls-off' });
    const refused = await route(id, 'POST');
    assert.equal(refused.status, 409);
    assert.equal((await json(refused)).error?.reason, 'web-calls-off');
    assert.equal(visitor.socket.frames.some((f) => f.type === 'web-call.ring'), false, 'nothing rang');
    assert.deepEqual(await webCallEvents(id), [], 'a refused call changes nothing');

    const back = await connectVisitor(server, visitor.token);
    assert.equal((back.welcome as Extract<ServerFrame, { type: 'welcome'; role: 'visitor' }>).webCallsOff, true, 'the choice is kept for the visitor');
    assert.equal((await ask(back, { type: 'web-call.settings', id: 'calls-on', off: false })).type, 'ack');
    assert.equal((await server.store.visitors.findById(visitorIdOf(visitor)))?.webCallsOff, false);
    await finish(ana, id);
    visitor.socket.close();
    back.socket.close();
  });

  it('refuses a visitor who is not connected, outsiders (as if the conversation did not exist) and bad input; supervisors may call', async () => {
    const { visitor, id } = await chatWithAna('refusals');
    visitor.socket.close();
    await visitor.socket.closed;
    // The socket's close reaches the server a moment after the client's: ask until it has.
    let availability = await json(await route(id, 'GET'));
    for (let i = 0; i < 50 && availability.available; i++) availability = await json(await route(id, 'GET'));
    assert.deepEqual(availability, { available: false, reason: 'not-connected' });
    const notConnected = await route(id, 'POST');
    assert.equal(notConnected.status, 409);
    assert.equal((await json(notConnected)).error?.reason, 'visitor-not-connected');

    const cleo = await signIn(server, 'cleo@test.local', 'cleo-password-1');
    const outsider = await route(id, 'POST', cleo);
    const missing = await route('no-such-conversation', 'POST', cleo);
    assert.equal(outsider.status, 404);
    assert.deepEqual(await json(outsider), await json(missing), 'an outsider learns nothing about the conversation');
    assert.equal((await route(id, 'GET', cleo)).status, 404);

    const ben = await signIn(server, 'ben@demo.switchboard');
    assert.deepEqual(await json(await route(id, 'GET', ben)), { available: false, reason: 'not-connected' }, 'a supervisor may call any visitor');
    assert.equal((await route('x'.repeat(65), 'GET')).status, 400, 'an id too long is refused before any lookup');
    const visitorCookieless = await fetch(`${server.url}/api/conversations/${id}/web-call`, { method: 'POST', headers: { origin: server.origin } });
    assert.equal(visitorCookieless.status, 401);

    const stranger = await connectVisitor(server);
    const bad = await ask(stranger, { type: 'web-call.answer', id: 'answer-bad', conversationId: id, accept: 'yes' });
    assert.equal(bad.type === 'error' && bad.reason, 'malformed-frame');
    const notTheirs = await ask(stranger, { type: 'call.hangup', id: 'hangup-stranger', conversationId: id });
    assert.equal(notTheirs.type === 'error' && notTheirs.reason, 'not-found');
    stranger.socket.close();
  });
});
