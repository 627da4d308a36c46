/**
 * The store conformance suite: every dialect must pass the same cases. Each store test
 * file calls `runStoreSuite` with a factory for a fresh, empty store.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from './store.js';
import { DEFAULT_QUEUE } from '../acd/acd-engine.js';

export interface StoreSuiteOptions {
  /** A fresh, migrated, empty store, and a function that disposes of it. */
  openEmpty(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

async function seedConversation(store: Store, id = 'c1') {
  await store.queues.insert({ id: 'q1', slug: 'support', name: 'Support', isDefault: true, createdAt: 1, ...DEFAULT_QUEUE });
  await store.visitors.insert('v1', 1);
  await store.conversations.insert({ id, visitorId: 'v1', queueId: 'q1', status: 'queued', createdAt: 10, startClientId: 'start-0001' });
}

export function runStoreSuite(name: string, options: StoreSuiteOptions): void {
  describe(`store conformance: ${name}`, () => {
    const withStore = (body: (store: Store) => Promise<void>) => async () => {
      const { store, dispose } = await options.openEmpty();
      try {
        await body(store);
      } finally {
        await dispose();
      }
    };

    it('keeps a visitor’s choice to turn calls from agents off', withStore(async (store) => {
      await store.visitors.insert('v1', 1);
      assert.equal((await store.visitors.findById('v1'))?.webCallsOff, false, 'calls are on until the visitor says otherwise');
      await store.visitors.setWebCallsOff('v1', true);
      assert.equal((await store.visitors.findById('v1'))?.webCallsOff, true);
      await store.visitors.setWebCallsOff('v1', false);
      assert.equal((await store.visitors.findById('v1'))?.webCallsOff, false);
    }));

    it('stores agents and finds them by e-mail, case-insensitively', withStore(async (store) => {
      await store.agents.insert({ id: 'a1', email: 'ana@example.com', name: 'Ana', role: 'agent', passwordHash: 'h', status: 'offline', createdAt: 1 });
      assert.equal((await store.agents.findByEmail('ANA@example.com'))?.name, 'Ana');
      assert.equal(await store.agents.count(), 1);
      await assert.rejects(
        store.agents.insert({ id: 'a2', email: 'ana@example.com', name: 'Dup', role: 'agent', passwordHash: 'h', status: 'offline', createdAt: 1 }),
        'a second account with the same e-mail is refused',
      );
    }));

    it('numbers timeline events 1, 2, 3 without gaps and reads them back after a seq', withStore(async (store) => {
      await seedConversation(store);
      for (const text of ['one', 'two', 'three']) {
        await store.transaction((tx) => tx.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text }, 20, `client-${text}`));
      }
      const after1 = await store.conversations.eventsAfter('c1', 1);
      assert.deepEqual(after1.map((e) => [e.seq, e.type === 'message' && e.text]), [[2, 'two'], [3, 'three']]);
      assert.equal((await store.conversations.findById('c1'))?.lastSeq, 3);
      assert.equal((await store.conversations.findEventByClientId('c1', 'client-two'))?.seq, 2);
    }));

    it('group-commits messages sent together: each gets its own seq, one that fails rolls back alone', withStore(async (store) => {
      await seedConversation(store);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          store.groupCommit(async (tx) => {
            const event = await tx.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text: `g${i}` }, 20, `group-${i}`);
            if (i === 4) throw new Error('refused by a listener');
            return event.seq;
          }),
        ),
      );
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 9);
      assert.match(String((outcomes[4] as PromiseRejectedResult).reason), /refused by a listener/);
      const stored = await store.conversations.eventsAfter('c1', 0);
      assert.deepEqual(stored.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7, 8, 9], 'gap-free: the failed one took no seq');
      assert.ok(!stored.some((e) => e.type === 'message' && e.text === 'g4'));
      assert.deepEqual(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<number>).value).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
      assert.equal((await store.conversations.findById('c1'))?.lastSeq, 9);
    }));

    it('reads a conversation as it is after each change, and not as a rolled-back change left it', withStore(async (store) => {
      await seedConversation(store);
      await store.agents.insert({ id: 'a1', email: 'ana@example.com', name: 'Ana', role: 'agent', passwordHash: 'h', status: 'offline', createdAt: 1 });
      assert.equal((await store.conversations.findById('c1'))?.status, 'queued');
      assert.equal(await store.conversations.assign('c1', 'a1', 30), true);
      assert.equal((await store.conversations.findById('c1'))?.agentId, 'a1');
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.conversations.end('c1', 40);
          await tx.conversations.appendEvent('c1', { type: 'ended', by: { kind: 'agent', id: 'a1' } }, 40);
          throw new Error('changed my mind');
        }),
      );
      const after = await store.conversations.findById('c1');
      assert.equal(after?.status, 'active', 'the rolled-back end is not seen');
      assert.equal(after?.lastSeq, 0);
      assert.deepEqual(await store.notes.participants('c1'), []);
      await store.notes.addParticipant('c1', 'a1', 50);
      assert.deepEqual(await store.notes.participants('c1'), ['a1']);
    }));

    it('keeps concurrent appends gap-free and refuses a duplicate client id', withStore(async (store) => {
      await seedConversation(store);
      const texts = Array.from({ length: 20 }, (_, i) => `m${i}`);
      await Promise.all(
        texts.map((text) => store.transaction((tx) => tx.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text }, 20, `cid-${text}`))),
      );
      const seqs = (await store.conversations.eventsAfter('c1', 0)).map((e) => e.seq);
      assert.deepEqual(seqs, Array.from({ length: 20 }, (_, i) => i + 1));
      await assert.rejects(
        store.transaction((tx) => tx.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text: 'again' }, 21, 'cid-m0')),
      );
      assert.equal((await store.conversations.findById('c1'))?.lastSeq, 20, 'the refused append left no trace');
    }));

    it('assigns a queued conversation once, and ends it once', withStore(async (store) => {
      await seedConversation(store);
      await store.agents.insert({ id: 'a1', email: 'a@x.io', name: 'Ana', role: 'agent', passwordHash: 'h', status: 'available', createdAt: 1 });
      await store.agents.insert({ id: 'a2', email: 'b@x.io', name: 'Ben', role: 'agent', passwordHash: 'h', status: 'available', createdAt: 1 });
      assert.equal(await store.conversations.assign('c1', 'a1', 30), true);
      assert.equal(await store.conversations.assign('c1', 'a2', 31), false);
      const summary = await store.conversations.summary('c1');
      assert.equal(summary?.status, 'active');
      assert.deepEqual(summary?.agent, { id: 'a1', name: 'Ana' });
      assert.equal(await store.conversations.end('c1', 40), true);
      assert.equal(await store.conversations.end('c1', 41), false);
      assert.equal((await store.conversations.findOpenForVisitor('v1')), undefined);
    }));

    it('raises read marks but never lowers them or passes the last event', withStore(async (store) => {
      await seedConversation(store);
      for (const text of ['a', 'b', 'c']) {
        await store.transaction((tx) => tx.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text }, 20));
      }
      assert.equal(await store.conversations.markRead('c1', 'agent', 2), 2);
      assert.equal(await store.conversations.markRead('c1', 'agent', 1), 2);
      assert.equal(await store.conversations.markRead('c1', 'agent', 99), 2);
      assert.equal((await store.conversations.summary('c1'))?.visitorReadSeq, 0);
    }));

    it('rolls back every write of a failed transaction', withStore(async (store) => {
      await seedConversation(store);
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text: 'lost' }, 20);
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.deepEqual(await store.conversations.eventsAfter('c1', 0), []);
      assert.equal((await store.conversations.findById('c1'))?.lastSeq, 0);
    }));

    it('gives each due mail and webhook delivery to one sender, even when two claim at once, until the claim runs out', withStore(async (store) => {
      for (let i = 0; i < 8; i++) {
        await store.webhooks.enqueue({ target: { kind: 'webhook', id: 'w1' }, event: 'message.created', payload: `{"n":${i}}` }, 100);
        await store.mail.enqueue({ to: 'a@example.test', subject: `n${i}`, body: 'hi', messageId: `<m${i}@example.test>`, references: [] }, 100);
      }
      for (const outbox of [store.webhooks, store.mail]) {
        // Two senders at the same moment (on PostgreSQL, two connections of the pool).
        const [first, second] = await Promise.all([outbox.claimDue(200, 60_000, 5), outbox.claimDue(200, 60_000, 5)]);
        const ids = [...first, ...second].map((d) => d.id);
        assert.equal(ids.length, 8, 'everything due was claimed');
        assert.equal(new Set(ids).size, 8, 'nothing was claimed twice');
        assert.deepEqual(await outbox.claimDue(60_000, 60_000, 5), [], 'claimed items are nobody else’s while the claim lasts');
        assert.equal((await outbox.claimDue(60_201, 60_000, 10)).length, 8, 'a sender that died leaves them to the next');
      }
    }));

    it('keeps the first value of a setting', withStore(async (store) => {
      assert.equal(await store.settings.getOrInsert('secret', 'first'), 'first');
      assert.equal(await store.settings.getOrInsert('secret', 'second'), 'first');
    }));

    it('appends to the event log in order, with its data', withStore(async (store) => {
      await store.eventLog.append({ at: 5, type: 'contact-queued', conversationId: 'c1', queueId: 'q1' });
      await store.eventLog.append({ at: 6, type: 'offer-accepted', conversationId: 'c1', agentId: 'a1', data: { waitedMs: 1 } });
      const events = await store.eventLog.list({ conversationId: 'c1' });
      assert.deepEqual(events.map((e) => e.type), ['contact-queued', 'offer-accepted']);
      assert.deepEqual(events[1]?.data, { waitedMs: 1 });
      assert.equal(typeof events[0]?.at, 'number');
    }));

    it('expires sessions', withStore(async (store) => {
      await store.agents.insert({ id: 'a1', email: 'a@x.io', name: 'Ana', role: 'agent', passwordHash: 'h', status: 'offline', createdAt: 1 });
      await store.sessions.insert({ idHash: 'h1', agentId: 'a1', createdAt: 1, expiresAt: 100 });
      assert.equal(await store.sessions.findLive('h1', 50), 'a1');
      assert.equal(await store.sessions.findLive('h1', 100), undefined);
    }));

    it('keeps a recording’s audio byte for byte, and finds it only under its own conversation', withStore(async (store) => {
      await seedConversation(store);
      const audio = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 255, 7]);
      await store.recordings.add({ id: 'r1', conversationId: 'c1', agentId: 'a1', mimeType: 'audio/webm', durationMs: 4200, createdAt: 20 }, audio);
      const found = await store.recordings.find('c1', 'r1');
      assert.deepEqual([...found!.audio], [...audio]);
      assert.equal(found!.durationMs, 4200);
      assert.equal(await store.recordings.find('c2', 'r1'), undefined);
    }));

    it('keeps voice clips: a recording’s bytes exactly, a text without audio, slots findable, a text turned recording', withStore(async (store) => {
      const audio = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 255, 7]);
      await store.voiceClips.insert({ id: 'v1', title: 'Fax', language: 'en', slot: 2, kind: 'recording', mimeType: 'audio/wav', updatedAt: 5 }, audio);
      await store.voiceClips.insert({ id: 'v2', title: 'Adresse', language: 'de', kind: 'speech', text: 'Hallo {{customer.first_name}}', updatedAt: 6 }, undefined);
      assert.deepEqual([...(await store.voiceClips.audio('v1'))!], [...audio]);
      assert.equal(await store.voiceClips.audio('v2'), undefined);
      assert.deepEqual((await store.voiceClips.list()).map((c) => [c.id, c.slot, c.kind]), [['v1', 2, 'recording'], ['v2', undefined, 'speech']]);
      assert.equal((await store.voiceClips.inSlot(2))?.id, 'v1');
      assert.equal(await store.voiceClips.inSlot(2, 'v1'), undefined);
      await store.voiceClips.update({ id: 'v2', title: 'Adresse', language: 'de', slot: 3, kind: 'recording', mimeType: 'audio/ogg', updatedAt: 7 }, new Uint8Array([1, 2]));
      assert.deepEqual(await store.voiceClips.findById('v2'), { id: 'v2', title: 'Adresse', language: 'de', slot: 3, kind: 'recording', mimeType: 'audio/ogg', updatedAt: 7 });
      assert.deepEqual([...(await store.voiceClips.audio('v2'))!], [1, 2]);
      assert.equal(await store.voiceClips.remove('v1'), true);
      assert.equal(await store.voiceClips.remove('v1'), false);
    }));

    it('finds ended conversations and recordings by age, and erases a conversation with everything stored with it', withStore(async (store) => {
      await seedConversation(store);
      await store.conversations.insert({ id: 'c2', visitorId: 'v1', queueId: 'q1', status: 'queued', createdAt: 30 });
      await store.transaction(async (tx) => {
        await tx.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text: 'hello' }, 11);
      });
      await store.notes.add({ conversationId: 'c1', kind: 'note', author: { id: 'a1', name: 'Ana' }, text: 'note', at: 12 }, 'note-1');
      await store.customers.setTags('c1', ['vip']);
      await store.recordings.add({ id: 'r1', conversationId: 'c1', agentId: 'a1', mimeType: 'audio/webm', durationMs: 1, createdAt: 20 }, new Uint8Array([1]));
      await store.conversations.end('c1', 40);
      assert.deepEqual(await store.privacy.endedBefore(41, 10), ['c1']);
      assert.deepEqual(await store.privacy.endedBefore(40, 10), [], 'ended exactly at the cutoff is not older');
      assert.deepEqual(await store.privacy.conversationIdsOf(['v1']), ['c1', 'c2']);
      assert.equal(await store.recordings.removeOlderThan(20, 10), 0);
      await store.transaction(async (tx) => {
        assert.equal(await tx.recordings.removeFor(['c1']), 1);
        assert.equal(await tx.privacy.eraseConversations(['c1']), 1);
      });
      assert.equal(await store.conversations.findById('c1'), undefined);
      assert.deepEqual([await store.conversations.eventsAfter('c1', 0), await store.notes.list('c1')], [[], []]);
      assert.equal((await store.customers.tagsOf(['c1'])).size, 0);
      assert.ok(await store.conversations.findById('c2'));
      const filed = await store.deletionRequests.insertOnce({ id: 'd1', conversationId: 'c2', visitorId: 'v1', status: 'pending', createdAt: 50 });
      assert.equal((await store.deletionRequests.insertOnce({ ...filed, id: 'd2' })).id, 'd1', 'one request per conversation');
      assert.equal(await store.deletionRequests.decide('d1', 'rejected', 'a1', 60), true);
      assert.equal(await store.deletionRequests.decide('d1', 'approved', 'a1', 61), false, 'decided once');
    }));

    it('holds a reply once per client id, decides it once, reads its context, flags agents and queues, and erases it with its conversation', withStore(async (store) => {
      await seedConversation(store);
      await store.agents.insert({ id: 'a1', email: 'ana@example.com', name: 'Ana', role: 'agent', passwordHash: 'h', status: 'offline', createdAt: 1 });
      await store.conversations.appendEvent('c1', { type: 'message', author: { kind: 'visitor', id: 'v1' }, text: 'Where is it?' }, 20);
      const reply = { id: 'h1', conversationId: 'c1', agent: { id: 'a1', name: 'Ana' }, text: 'Lost.', attachments: [], clientId: 'send-0001', createdAt: 30 };
      assert.equal((await store.heldReplies.hold(reply)).status, 'pending');
      assert.equal((await store.heldReplies.hold({ ...reply, id: 'h2' })).id, 'h1', 'a retried send is the same reply');
      const [item] = await store.heldReplies.pending();
      assert.equal(item?.conversation.lastCustomerMessage, 'Where is it?');
      assert.equal(item?.conversation.queueName, 'Support');
      const decided = await Promise.all([1, 2].map((n) => store.transaction((tx) => tx.heldReplies.decide('h1', 'pending', { status: 'approved', at: 40 + n, reviewer: { id: 'b1', name: 'Ben' } }))));
      assert.deepEqual(decided.sort(), [false, true], 'two reviewers at once: one decides');
      assert.equal(await store.heldReplies.decide('h1', 'approved', { status: 'approved', at: 50, seq: 7 }), true);
      const stored = (await store.heldReplies.findById('h1'))!;
      assert.deepEqual([stored.status, stored.reviewer?.name, stored.seq, stored.createdAt], ['approved', 'Ben', 7, 30]);
      assert.deepEqual(await store.heldReplies.pending(), []);

      assert.equal(await store.heldReplies.needsReview('a1', 'q1'), false);
      assert.equal(await store.heldReplies.setFlag('queue', 'q1', true), true);
      assert.equal(await store.heldReplies.needsReview('a1', 'q1'), true);
      assert.equal(await store.heldReplies.setFlag('agent', 'nobody', true), false);
      assert.deepEqual(await store.heldReplies.flagged(), { agents: [], queues: ['q1'] });

      assert.equal(await store.privacy.eraseConversations(['c1']), 1);
      assert.equal(await store.heldReplies.findById('h1'), undefined, 'erased with its conversation');
    }));
  });
}
