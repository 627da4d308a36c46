/** Language as a routing skill: a queue that asks for the customer's language offers each chat only to an agent who serves it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer } from '../../test/support/in-process-server.js';
import { DEFAULT_QUEUE } from '../acd/acd-engine.js';
import type { Store } from '../store/store.js';
import { contactLanguageSkills, engineQueueSkills, languageSkill, withLanguageSkills } from './language-skills.js';

const ANA = 'ana@demo.switchboard';
const BEN = 'ben@demo.switchboard';

/** "International": any chat goes to an agent who speaks its customer's language. Ana serves Spanish, Ben English. */
async function seedInternationalQueue(store: Store): Promise<void> {
  await store.queues.insert({ id: 'intl', slug: 'intl', name: 'International', isDefault: false, createdAt: 1, ...DEFAULT_QUEUE, requiredSkills: { lang: 1 } });
  const ana = (await store.agents.findByEmail(ANA))!;
  const ben = (await store.agents.findByEmail(BEN))!;
  await store.agents.updateMember(ana.id, { languages: ['es'] });
  await store.agents.updateMember(ben.id, { languages: ['en'] });
  for (const a of [ana, ben]) await store.queues.addMember('intl', a.id);
}

describe('language routing', () => {
  it('turns languages into skills the engine understands', () => {
    assert.equal(languageSkill('es-MX'), 'lang-es');
    assert.deepEqual(withLanguageSkills({ billing: 2, 'lang-fr': 3 }, ['fr', 'da']), { 'lang-fr': 3, 'lang-da': 1, billing: 2 });
    assert.deepEqual(engineQueueSkills({ lang: 2, billing: 1 }), { billing: 1 });
    assert.deepEqual(contactLanguageSkills({ lang: 2 }, 'zh-CN'), { 'lang-zh': 2 });
    assert.equal(contactLanguageSkills({}, 'zh-CN'), undefined);
    assert.equal(contactLanguageSkills({ lang: 1 }, undefined), undefined);
  });

  it('offers a Spanish chat to the agent who serves Spanish and an English one to the one who serves English', async () => {
    const server = await startTestServer({ seed: seedInternationalQueue });
    try {
      const ana = await connectAgent(server, ANA);
      const ben = await connectAgent(server, BEN);
      const offeredTo = async (locale: string, clientId: string) => {
        const visitor = await connectVisitor(server);
        visitor.socket.send({ type: 'conversation.start', id: clientId, queue: 'intl', locale });
        const { conversationId } = await visitor.socket.next('ack', (a) => a.id === clientId);
        const who = await Promise.any([
          ana.socket.peek('offer', (o) => o.offer.conversationId === conversationId).then(() => 'ana'),
          ben.socket.peek('offer', (o) => o.offer.conversationId === conversationId).then(() => 'ben'),
        ]);
        return { who, conversationId, visitor };
      };
      // Ana connected first, so she is the longest idle: without language routing the English chat would be hers.
      const english = await offeredTo('en-GB', 'lang-en-1');
      const spanish = await offeredTo('es-MX', 'lang-es-1');
      assert.deepEqual([english.who, spanish.who], ['ben', 'ana']);
      const log = await server.store.eventLog.list({ conversationId: spanish.conversationId });
      assert.equal(log.find((e) => e.type === 'contact-queued')?.data?.language, 'es');
      for (const s of [ana.socket, ben.socket, english.visitor.socket, spanish.visitor.socket]) s.close();
    } finally {
      await server.close();
    }
  });
});
