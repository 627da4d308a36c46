import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Metrics } from '../kernel/metrics.js';
import { LogType, type LogEntry } from '../kpi/log-types.js';
import { ContactMetrics } from './contact-metrics.js';

/** A counter's samples as `queue/channel[/reason] value` lines, sorted. */
async function samples(counter: Metrics['contactsOffered'] | Metrics['contactsRefused']): Promise<string[]> {
  const { values } = await counter.get();
  return values.map((v) => `${Object.values(v.labels).join('/')} ${v.value}`).sort();
}

describe('ContactMetrics', () => {
  const slugs: Record<string, string> = { q1: 'support', q2: 'billing' };
  const feed = (entries: LogEntry[]) => {
    const metrics = new Metrics();
    const counter = new ContactMetrics(metrics, (id) => slugs[id]);
    for (const e of entries) counter.apply(e);
    return metrics;
  };

  it('counts a contact answered once, even when it goes back to the queue and is taken again', async () => {
    const metrics = feed([
      { at: 1, type: LogType.contactQueued, conversationId: 'c1', queueId: 'q1', data: { channel: 'voice' } },
      { at: 2, type: LogType.offerAccepted, conversationId: 'c1', agentId: 'a', queueId: 'q1' },
      { at: 3, type: LogType.contactReturned, conversationId: 'c1', agentId: 'a', queueId: 'q1' },
      { at: 4, type: LogType.offerAccepted, conversationId: 'c1', agentId: 'b', queueId: 'q1' },
    ]);
    assert.deepEqual(await samples(metrics.contactsOffered), ['support/voice 1']);
    assert.deepEqual(await samples(metrics.contactsAnswered), ['support/voice 1']);
  });

  it('counts abandons and refusals in the queue that lost them, with the channel it arrived on', async () => {
    const metrics = feed([
      { at: 1, type: LogType.contactQueued, conversationId: 'c1', queueId: 'q1', data: { channel: 'chat' } },
      { at: 2, type: LogType.contactOverflowed, conversationId: 'c1', queueId: 'q1', data: { to: { type: 'queue', queueId: 'q2' } } },
      { at: 3, type: LogType.contactEnded, conversationId: 'c1', queueId: 'q2' },
      { at: 3, type: LogType.contactAbandoned, conversationId: 'c1', queueId: 'q2' },
      { at: 4, type: LogType.contactQueued, conversationId: 'c2', queueId: 'q1', data: { channel: 'email' } },
      { at: 4, type: LogType.contactRefused, conversationId: 'c2', queueId: 'q1', data: { reason: 'closed' } },
      // A queue removed since: still counted, under "unknown".
      { at: 5, type: LogType.contactQueued, conversationId: 'c3', queueId: 'gone', data: { channel: 'chat' } },
    ]);
    assert.deepEqual(await samples(metrics.contactsOffered), ['support/chat 1', 'support/email 1', 'unknown/chat 1']);
    assert.deepEqual(await samples(metrics.contactsAbandoned), ['billing/chat 1']);
    assert.deepEqual(await samples(metrics.contactsRefused), ['support/email/closed 1']);
    assert.deepEqual(await samples(metrics.contactsAnswered), []);
  });
});
