/**
 * Quality control over the real API and sockets: an admin defines a scorecard; Ana handles and
 * finishes a chat; Ben (supervisor) finds it in the week's sample, scores it; Ana reads the score
 * and the comment, and no one else's; the quality report shows it beside Ana's handle time.
 * Bad input is refused and stores nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { finish, startChat, take } from '../../test/support/conversation-steps.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import type { QualityRow, ReviewView, SampleItem, ScorecardView } from '../protocol/quality.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

describe('quality reviews', () => {
  let server: TestServer;
  const cookies: Record<string, string> = {};
  let conversationId = '';
  let scorecard: ScorecardView;

  // The JSON is read as the route's documented shape by each assertion (`as ReviewView[]`…).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function api(who: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`${server.url}/api${path}`, { method, headers: { 'Content-Type': 'application/json', Origin: server.origin, Cookie: cookies[who]! }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }

  before(async () => {
    server = await startTestServer();
    for (const email of [ANA, BEN, TEST_ADMIN.email]) cookies[email] = await signIn(server, email);
    const ana = await connectAgent(server, ANA);
    const visitor = await connectVisitor(server);
    conversationId = await startChat(visitor, 'quality-chat-1');
    await take(ana, conversationId);
    await finish(ana, conversationId);
    ana.socket.close();
    visitor.socket.close();
  });
  after(() => server.close());

  it('lets only an admin define a scorecard, and refuses a malformed one with the field named', async () => {
    const form = {
      name: 'Chat basics',
      criteria: [
        { label: 'Greeted the customer by name', kind: 'yes-no', weight: 1 },
        { label: 'Checked the identity before account details', kind: 'yes-no', weight: 2, autoFail: true },
        { label: 'Tone', kind: 'scale', weight: 3 },
      ],
    };
    assert.equal((await api(BEN, 'POST', '/quality/scorecards', form)).status, 403);
    const bad = await api(TEST_ADMIN.email, 'POST', '/quality/scorecards', { name: 'x', criteria: [{ label: 'Tone', kind: 'scale', autoFail: true }] });
    assert.equal(bad.status, 400);
    assert.ok(bad.json.error.issues.some((i: { path: string }) => i.path.includes('autoFail')));
    assert.equal((await api(TEST_ADMIN.email, 'POST', '/quality/scorecards', { name: 'x', criteria: Array.from({ length: 21 }, () => ({ label: 'a', kind: 'yes-no' })) })).status, 400);
    assert.equal((await api(TEST_ADMIN.email, 'POST', '/quality/scorecards', { name: 'x', criteria: [{ label: 'a'.repeat(201), kind: 'yes-no' }] })).status, 400);
    assert.equal((await api(BEN, 'GET', '/quality/scorecards')).json.length, 0, 'the refused ones were not stored');

    const made = await api(TEST_ADMIN.email, 'POST', '/quality/scorecards', form);
    assert.equal(made.status, 200);
    scorecard = made.json;
    assert.deepEqual(scorecard.criteria.map((c) => c.autoFail), [false, true, false]);
  });

  it('proposes the finished chat in the week’s sample, scores it once, and refuses answers that do not fit', async () => {
    const sample = (await api(BEN, 'GET', '/quality/sample')).json as SampleItem[];
    assert.deepEqual(sample.map((s) => [s.conversationId, s.agentName]), [[conversationId, 'Ana Lima']]);
    assert.equal((await api(ANA, 'GET', '/quality/sample')).status, 403, 'agents do not see what is proposed');

    const wrong = await api(BEN, 'POST', '/quality/reviews', { conversationId, scorecardId: scorecard.id, answers: [true, true] });
    assert.equal(wrong.status, 400);
    assert.match(wrong.json.error.message, /expected 3 answers/);
    assert.equal((await api(BEN, 'POST', '/quality/reviews', { conversationId, scorecardId: scorecard.id, answers: [true, 3, 3] })).status, 400);
    assert.equal((await api(ANA, 'POST', '/quality/reviews', { conversationId, scorecardId: scorecard.id, answers: [true, true, 5] })).status, 403, 'an agent cannot score, least of all herself');
    assert.equal((await api(BEN, 'POST', '/quality/reviews', { conversationId: 'no-such-conversation', scorecardId: scorecard.id, answers: [true, true, 5] })).status, 404);

    // Twice at once: one review is stored, the other is told it was scored already.
    const review = { conversationId, scorecardId: scorecard.id, answers: [false, true, 4], comment: 'Use the customer’s name when you greet them.' };
    const both = await Promise.all([api(BEN, 'POST', '/quality/reviews', review), api(TEST_ADMIN.email, 'POST', '/quality/reviews', review)]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 400]);
    const stored = both.find((r) => r.status === 200)!.json as ReviewView;
    // 0 × 1 + 1 × 2 + 0.75 × 3 = 4.25 of 6
    assert.equal(stored.score, 70.8);
    assert.equal(stored.agentName, 'Ana Lima');
    assert.deepEqual((await api(BEN, 'GET', '/quality/sample')).json, [], 'a scored conversation is no longer proposed');
  });

  it('shows Ana her own reviews with the comment, and nobody else’s', async () => {
    const mine = (await api(ANA, 'GET', '/quality/reviews')).json as ReviewView[];
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.comment, 'Use the customer’s name when you greet them.');
    assert.equal(mine[0]!.criteria[0]!.label, 'Greeted the customer by name');
    const benId = (await server.store.agents.findByEmail(BEN))!.id;
    assert.equal((await api(ANA, 'GET', `/quality/reviews?agentId=${benId}`)).status, 403);
    assert.equal(((await api(BEN, 'GET', `/quality/reviews?agentId=${benId}`)).json as ReviewView[]).length, 0);
  });

  it('keeps past scores when the scorecard changes, and scores an auto-fail as 0', async () => {
    const changed = await api(TEST_ADMIN.email, 'PUT', `/quality/scorecards/${scorecard.id}`, { name: 'Chat basics v2', criteria: [{ label: 'Only one', kind: 'yes-no', autoFail: true }] });
    assert.equal(changed.status, 200);
    const [review] = (await api(BEN, 'GET', '/quality/reviews')).json as ReviewView[];
    assert.equal(review!.criteria.length, 3, 'the review keeps the criteria it answered');
    assert.equal(review!.scorecardName, 'Chat basics');
    assert.equal((await api(TEST_ADMIN.email, 'PUT', '/quality/scorecards/no-such-card', { name: 'x', criteria: [{ label: 'a', kind: 'yes-no' }] })).status, 404);
  });

  it('reports the week’s quality score beside the same week’s handle time, per agent', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const rows = (await api(BEN, 'GET', `/reports/quality?from=${today}&to=${tomorrow}&groupBy=agent`)).json as QualityRow[];
    const ana = rows.find((r) => r.label === 'Ana Lima')!;
    assert.match(ana.week, /^\d{4}-W\d{2}$/);
    assert.equal(ana.reviews, 1);
    assert.equal(ana.score, 70.8);
    assert.equal(typeof ana.ahtSeconds, 'number', 'the handle time of the chat she finished');
    assert.equal((await api(ANA, 'GET', `/reports/quality?from=${today}&to=${tomorrow}`)).status, 403);
    assert.equal((await api(BEN, 'GET', `/reports/quality?from=${tomorrow}&to=${today}`)).status, 400);
  });
});
