/**
 * The knowledge base and canned replies over REST and the sockets: who may change what, the
 * bot's search, a hand-off that keeps the bot's exchange, and suggestions for the agent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import type { CannedReply } from '../protocol/api.js';
import type { ArticleHit, Suggestions } from '../protocol/articles.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

describe('knowledge base, canned replies and the bot', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const send = async (cookie: string, method: string, path: string, body?: unknown) => {
    const r = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie, origin: server.origin }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: r.status, body: r.status === 204 ? undefined : ((await r.json()) as Record<string, unknown> & { error?: { reason: string; message: string } }) };
  };

  it('lets an agent keep personal replies, and only supervisors change the team’s; shortcuts are unique per scope and language', async () => {
    const ana = await signIn(server, ANA);
    const ben = await signIn(server, BEN);
    const mine = await send(ana, 'POST', '/api/canned-replies', { shortcut: 'sig', title: 'My sign-off', body: 'Best, {{agent.first_name}}' });
    assert.equal(mine.status, 200);
    assert.ok(mine.body!.ownerId, 'a plain agent’s reply is personal');
    assert.equal((await send(ana, 'POST', '/api/canned-replies', { shortcut: 'team-one', title: 'T', body: 'B', personal: false })).status, 403);
    const clash = await send(ana, 'POST', '/api/canned-replies', { shortcut: 'sig', title: 'Again', body: 'x' });
    assert.equal(clash.status, 400);
    assert.match(clash.body!.error!.message, /\/sig already exists/);
    assert.equal((await send(ana, 'POST', '/api/canned-replies', { shortcut: 'Bad Shortcut!', title: 'x', body: 'x' })).status, 400);
    assert.equal((await send(ben, 'POST', '/api/canned-replies', { shortcut: 'hello', title: 'Hola', body: 'Hola {{customer.first_name}}', language: 'es', personal: false })).status, 200, 'a variant in another language is not a clash');

    const benList = (await (await fetch(`${server.url}/api/canned-replies`, { headers: { cookie: ben } })).json()) as CannedReply[];
    assert.equal(benList.some((r) => r.shortcut === 'sig'), false, 'nobody else sees Ana’s personal replies');
    assert.equal((await send(ben, 'DELETE', `/api/canned-replies/${mine.body!.id as string}`)).status, 404);
    assert.equal((await send(ana, 'DELETE', `/api/canned-replies/${mine.body!.id as string}`)).status, 204);
  });

  it('finds articles for a visitor’s question, and only supervisors and admins edit the knowledge base', async () => {
    const search = async (q: string) => (await (await fetch(`${server.url}/api/visitors/articles?q=${encodeURIComponent(q)}&locale=en-GB`)).json()) as ArticleHit[];
    const hits = await search('How long does shipping to Portugal take?');
    assert.equal(hits[0]?.title, 'Shipping times and costs');
    assert.ok(hits[0]!.excerpt.length <= 181);
    assert.deepEqual(await search('zzqx wvvb'), [], 'nothing is made up for a question nothing answers');
    assert.equal((await fetch(`${server.url}/api/visitors/articles?q=a`)).status, 400);

    const ana = await signIn(server, ANA);
    const ben = await signIn(server, BEN);
    assert.equal((await send(ana, 'POST', '/api/articles', { title: 'Gift cards', body: 'Gift cards never expire.' })).status, 403);
    const created = await send(ben, 'POST', '/api/articles', { title: 'Gift cards', body: 'Gift cards never expire and work online and in stores.' });
    assert.equal(created.status, 200);
    assert.equal((await search('do gift cards expire'))[0]?.title, 'Gift cards', 'a new article is found at once');
  });

  it('hands a visitor from the bot to a person with the question and the articles in the timeline, and suggests replies to the agent', async () => {
    const ana = await connectAgent(server, ANA);
    const visitor = await connectVisitor(server);
    const question = 'Can I return the tent if it is too small?';
    const offered = (await (await fetch(`${server.url}/api/visitors/articles?q=${encodeURIComponent(question)}`)).json()) as ArticleHit[];
    visitor.socket.send({ type: 'conversation.start', id: 'start-handoff-1', locale: 'en-GB', handoff: { question, articles: offered.map(({ id, title }) => ({ id, title })) } });
    const ack = await visitor.socket.answer('start-handoff-1');
    assert.equal(ack.type, 'ack');
    const conversationId = (ack as { conversationId: string }).conversationId;
    const offer = await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    assert.equal(offer.offer.preview, question, 'the agent sees the question in the offer');
    const events = await server.store.conversations.eventsAfter(conversationId, 0);
    assert.deepEqual(events.map((e) => e.type), ['message', 'bot']);
    const bot = events[1]!;
    assert.ok(bot.type === 'bot' && bot.handedOff && bot.articles.some((a) => a.title === 'Returns and refunds'));

    const suggestions = (await (await fetch(`${server.url}/api/conversations/${conversationId}/suggestions`, { headers: { cookie: ana.cookie } })).json()) as Suggestions;
    assert.equal(suggestions.replies[0]?.shortcut, 'returns', 'the canned reply about returns comes first');
    assert.ok(suggestions.articles.some((a) => a.title === 'Returns and refunds'));
    const outsider = await signIn(server, 'admin@test.local');
    assert.equal((await fetch(`${server.url}/api/conversations/${conversationId}/suggestions`, { headers: { cookie: outsider } })).status, 200, 'admins may look');
    ana.socket.close();
    visitor.socket.close();
  });
});
