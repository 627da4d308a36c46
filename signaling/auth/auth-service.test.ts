import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { AuthService } from './auth-service.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';

describe('AuthService', () => {
  let store: Store;
  let now = 1_000;
  before(async () => {
    store = await openStore('sqlite::memory:');
    await store.agents.insert({
      id: 'a1',
      email: 'ana@example.com',
      name: 'Ana',
      role: 'agent',
      // A cheap hash, so that hundreds of failed attempts stay fast; the first success re-makes it at full cost.
      passwordHash: await hashPassword('correct horse', { N: 2 ** 10, r: 8, p: 1 }),
      status: 'offline',
            createdAt: 1,
    });
  });
  after(() => store.close());

  it('hashes with a per-password salt and verifies only the right password', async () => {
    const a = await hashPassword('secret');
    const b = await hashPassword('secret');
    assert.notEqual(a, b);
    // OWASP's cost for scrypt (N=2^17, r=8, p=1).
    assert.ok(a.startsWith('scrypt$131072$8$1$'));
    assert.equal(await verifyPassword('secret', a), true);
    assert.equal(await verifyPassword('Secret', a), false);
    assert.equal(await verifyPassword('secret', 'garbage'), false);
  });

  it('opens a session that resolves to the agent, and logout closes it', async () => {
    const auth = new AuthService(store, () => now);
    const { sessionId, agent } = await auth.login('ANA@example.com', 'correct horse', '10.0.0.1');
    assert.equal(agent.id, 'a1');
    assert.equal((await auth.agentForSession(sessionId))?.name, 'Ana');
    await auth.logout(sessionId);
    assert.equal(await auth.agentForSession(sessionId), undefined);
  });

  it('refuses a wrong password and an unknown account with the same reason', async () => {
    const auth = new AuthService(store, () => now);
    await assert.rejects(auth.login('ana@example.com', 'wrong', '10.0.0.2'), { reason: 'invalid-credentials' });
    await assert.rejects(auth.login('nobody@example.com', 'wrong', '10.0.0.2'), { reason: 'invalid-credentials' });
  });

  it('blocks an account and address pair after five wrong passwords; the right one from another address still works', async () => {
    const auth = new AuthService(store, () => now);
    for (let i = 0; i < 5; i++) await assert.rejects(auth.login('ana@example.com', 'nope', '10.1.0.1'), { reason: 'invalid-credentials' });
    await assert.rejects(auth.login('ana@example.com', 'correct horse', '10.1.0.1'), { reason: 'rate-limited' });
    assert.equal((await auth.login('ana@example.com', 'correct horse', '10.1.0.9')).agent.id, 'a1');
    now += 15 * 60_000;
    assert.equal((await auth.login('ana@example.com', 'correct horse', '10.1.0.1')).agent.id, 'a1');
  });

  it('expires sessions after their lifetime', async () => {
    const auth = new AuthService(store, () => now);
    const { sessionId } = await auth.login('ana@example.com', 'correct horse', '10.2.0.1');
    now += 8 * 24 * 3600 * 1000;
    assert.equal(await auth.agentForSession(sessionId), undefined);
  });
  it('cannot be turned against the user: 200 wrong passwords from one machine only slow her down elsewhere, and admins see the limits', async () => {
    const waits: number[] = [];
    const auth = new AuthService(store, () => now, { wait: async (ms) => void waits.push(ms) });
    // Earlier sign-ins re-made the hash at full cost: cheap again, so that 230 wrong guesses take a second, not a minute.
    const cheap = await hashPassword('correct horse', { N: 2 ** 10, r: 8, p: 1 });
    await store.agents.setPassword('a1', cheap, false);
    for (let i = 0; i < 200; i++) await assert.rejects(auth.login('ana@example.com', 'guess-' + i, '203.0.113.7'), { reason: i < 5 ? 'invalid-credentials' : 'rate-limited' });
    const fromHome = await auth.login('ana@example.com', 'correct horse', '198.51.100.4');
    assert.equal(fromHome.agent.id, 'a1');
    const limits = auth.loginLimits();
    assert.ok(limits.some((l) => l.kind === 'pair' && l.address === '203.0.113.7' && l.email === 'ana@example.com' && l.blockedUntil !== undefined));
    assert.equal(auth.clearLoginLimits({ email: 'ana@example.com', address: '203.0.113.7' }), 1);
    assert.equal((await auth.login('ana@example.com', 'correct horse', '203.0.113.7')).agent.id, 'a1');
    // A distributed guesser (many addresses) is slowed down, never refused: the account's owner still gets in.
    await store.agents.setPassword('a1', cheap, false);
    for (let i = 0; i < 30; i++) await assert.rejects(auth.login('ana@example.com', 'spray', `192.0.2.${i}`), { reason: 'invalid-credentials' });
    assert.equal((await auth.login('ana@example.com', 'correct horse', '192.0.2.200')).agent.id, 'a1');
    assert.ok(waits.length > 0 && Math.max(...waits) <= 5_000, 'attempts past the per-account ceiling waited, at most 5 s');
    now += 15 * 60_000;
  });

  it('counts only failures, so a whole office behind one address signs in at shift start', async () => {
    const auth = new AuthService(store, () => now);
    // The 31st success from one address used to be refused.
    for (let i = 0; i < 31; i++) await auth.login('ana@example.com', 'correct horse', '10.9.9.9');
  });

  it('re-makes a hash stored at a lower cost on the next sign-in', async () => {
    const auth = new AuthService(store, () => now);
    await store.agents.setPassword('a1', await hashPassword('correct horse', { N: 2 ** 10, r: 8, p: 1 }), false);
    await auth.login('ana@example.com', 'correct horse', '10.3.0.1');
    const stored = (await store.agents.findById('a1'))!.passwordHash;
    assert.ok(stored.startsWith('scrypt$131072$8$1$'), stored.slice(0, 20));
    assert.equal(needsRehash(stored), false);
    await store.agents.setPassword('a1', await hashPassword('correct horse', { N: 2 ** 10, r: 8, p: 1 }), false);
  });

  it('lists your sessions, ends another one, and ends a session left idle', async () => {
    const auth = new AuthService(store, () => now, { idleTimeoutMs: 60 * 60_000 });
    const laptop = await auth.login('ana@example.com', 'correct horse', { address: '10.4.0.1', userAgent: 'Firefox' });
    const phone = await auth.login('ana@example.com', 'correct horse', { address: '10.4.0.2', userAgent: 'Safari' });
    const sessions = await auth.sessions('a1', laptop.sessionId);
    const mine = sessions.filter((s) => s.address?.startsWith('10.4.0.'));
    assert.equal(mine.length, 2);
    assert.equal(mine.find((s) => s.current)?.userAgent, 'Firefox');
    await auth.endSession('a1', mine.find((s) => !s.current)!.id);
    assert.equal(await auth.agentForSession(phone.sessionId), undefined);
    await assert.rejects(auth.endSession('a2', mine.find((s) => s.current)!.id), { reason: 'not-found' });
    assert.equal((await auth.agentForSession(laptop.sessionId))?.id, 'a1');
    now += 61 * 60_000;
    assert.equal(await auth.agentForSession(laptop.sessionId), undefined, 'an hour unused ends it');
  });
});
