import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { AuthService } from './auth-service.js';
import { hashPassword, verifyPassword } from './password.js';

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
      passwordHash: await hashPassword('correct horse'),
      status: 'offline',
            createdAt: 1,
    });
  });
  after(() => store.close());

  it('hashes with a per-password salt and verifies only the right password', async () => {
    const a = await hashPassword('secret');
    const b = await hashPassword('secret');
    assert.notEqual(a, b);
    assert.ok(a.startsWith('scrypt$32768$8$1$'));
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

  it('locks an account after five wrong passwords, even with the right one, until the window passes', async () => {
    const auth = new AuthService(store, () => now);
    for (let i = 0; i < 5; i++) await assert.rejects(auth.login('ana@example.com', 'nope', `10.1.0.${i}`), { reason: 'invalid-credentials' });
    await assert.rejects(auth.login('ana@example.com', 'correct horse', '10.1.0.9'), { reason: 'rate-limited' });
    now += 15 * 60_000;
    assert.equal((await auth.login('ana@example.com', 'correct horse', '10.1.0.9')).agent.id, 'a1');
  });

  it('expires sessions after their lifetime', async () => {
    const auth = new AuthService(store, () => now);
    const { sessionId } = await auth.login('ana@example.com', 'correct horse', '10.2.0.1');
    now += 8 * 24 * 3600 * 1000;
    assert.equal(await auth.agentForSession(sessionId), undefined);
  });
});
