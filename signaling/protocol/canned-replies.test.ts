import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CannedReply } from './api.js';
import { fillReply, repliesFor } from './canned-replies.js';

describe('canned replies', () => {
  it('fills variables, with fallbacks, and leaves unknown ones visible', () => {
    const vars = { customer: { name: 'Rosa Diaz', email: 'rosa@example.test' }, agent: { name: 'Ana Lima' } };
    assert.equal(fillReply('Hi {{customer.first_name}}, this is {{ agent.first_name }}. We will write to {{customer.email}}.', vars), 'Hi Rosa, this is Ana. We will write to rosa@example.test.');
    assert.equal(fillReply('Hi {{customer.first_name | there}}!', { customer: {}, agent: { name: 'Ana' } }), 'Hi there!');
    assert.equal(fillReply('Dear {{customer.nmae}}', vars), 'Dear {{customer.nmae}}');
  });

  it('picks the variant in the conversation’s language, then its base language, then the default; personal before team', () => {
    const r = (id: string, shortcut: string, language?: string, ownerId?: string): CannedReply => ({ id, shortcut, title: id, body: id, ...(language ? { language } : {}), ...(ownerId ? { ownerId } : {}) });
    const all = [r('hello-en', 'hello'), r('hello-de', 'hello', 'de'), r('hello-pt', 'hello', 'pt'), r('hello-ptbr', 'hello', 'pt-BR'), r('bye-team', 'bye'), r('bye-mine', 'bye', undefined, 'a1'), r('only-fr', 'merci', 'fr')];
    const pick = (lang?: string) => repliesFor(all, lang).map((x) => x.id);
    assert.deepEqual(pick('de-AT'), ['bye-mine', 'hello-de']);
    assert.deepEqual(pick('pt-BR'), ['bye-mine', 'hello-ptbr']);
    assert.deepEqual(pick('pt-PT'), ['bye-mine', 'hello-pt']);
    assert.deepEqual(pick('fr'), ['bye-mine', 'hello-en', 'only-fr']);
    assert.deepEqual(pick(undefined), ['bye-mine', 'hello-en']);
  });
});
