/**
 * The event log's writer: every event the routing engine reports is stored, in the order it was
 * reported, however many arrive at once (they are written in batches), and the live listeners
 * hear each one as it is appended.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LogType } from '../kpi/log-types.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { EventLogWriter } from './event-log-writer.js';

describe('EventLogWriter', () => {
  let store: Store;
  before(async () => {
    store = await openStore('sqlite::memory:');
  });
  after(async () => {
    await store.close();
  });

  it('stores 1,234 events appended in one go, once each and in order, and tells listeners at once', async () => {
    const writer = new EventLogWriter(store);
    const heard: number[] = [];
    writer.onAppend((e) => heard.push(e.at));
    for (let i = 0; i < 1234; i++) writer.append({ at: i, type: LogType.contactQueued, conversationId: `c${i}`, queueId: 'q1', ...(i % 2 ? { data: { n: i } } : {}) });
    assert.equal(heard.length, 1234, 'listeners hear each event before it is written');
    await writer.flushed();
    const stored = await store.eventLog.list();
    assert.deepEqual(
      stored.map((e) => e.at),
      Array.from({ length: 1234 }, (_, i) => i),
    );
    assert.deepEqual(stored[7], { at: 7, type: LogType.contactQueued, conversationId: 'c7', queueId: 'q1', data: { n: 7 } });
  });

  it('keeps writing after a batch fails, and the failed batch does not stop the ones after it', async () => {
    const writer = new EventLogWriter(store);
    const before = (await store.eventLog.list()).length;
    // A value SQLite cannot bind fails that batch's insert.
    writer.append({ at: Symbol('not a time') as unknown as number, type: LogType.contactQueued });
    await writer.flushed();
    writer.append({ at: 5000, type: LogType.contactQueued, conversationId: 'after-failure' });
    await writer.flushed();
    const stored = await store.eventLog.list();
    assert.equal(stored.length, before + 1);
    assert.equal(stored.at(-1)?.conversationId, 'after-failure');
  });
});
