/** KPI arithmetic against hand-computed event logs. Times are seconds from a fixed start, for readability. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KpiLedger } from './kpi-ledger.js';
import { LogType, type LogEntry } from './log-types.js';

const T0 = Date.parse('2026-11-23T14:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;
const log = (at: number, type: string, fields: Partial<LogEntry> = {}): LogEntry => ({ at: s(at), type, ...fields });

/**
 * c1 answered in 10 s by a, talk 60 s, wrap-up 30 s → handle 90 s, within T.
 * c2 answered in 30 s by a, talk 60 s, no wrap-up → handle 60 s, outside T.
 * c3 abandoned after 3 s (a short abandon). c4 abandoned after 50 s.
 * c5 refused at the door (closed): never offered.
 * c6 overflowed from q to q2 and answered there 10 s after queueing, still in wrap-up: not handled yet.
 */
const golden: LogEntry[] = [
  log(0, LogType.agentLogin, { agentId: 'a', data: { status: 'available' } }),
  log(0, LogType.contactQueued, { conversationId: 'c1', queueId: 'q', data: { channel: 'chat', language: 'en' } }),
  log(0, LogType.contactQueued, { conversationId: 'c2', queueId: 'q', data: { channel: 'chat', language: 'de' } }),
  log(5, LogType.contactQueued, { conversationId: 'c3', queueId: 'q', data: { channel: 'chat' } }),
  log(8, LogType.contactAbandoned, { conversationId: 'c3', queueId: 'q' }),
  log(10, LogType.offerAccepted, { conversationId: 'c1', agentId: 'a', queueId: 'q' }),
  log(10, LogType.contactQueued, { conversationId: 'c4', queueId: 'q', data: { channel: 'chat' } }),
  log(20, LogType.contactQueued, { conversationId: 'c5', queueId: 'q', data: { channel: 'chat' } }),
  log(20, LogType.contactRefused, { conversationId: 'c5', queueId: 'q', data: { reason: 'closed' } }),
  log(30, LogType.offerAccepted, { conversationId: 'c2', agentId: 'a', queueId: 'q' }),
  log(30, LogType.contactQueued, { conversationId: 'c6', queueId: 'q', data: { channel: 'chat' } }),
  log(35, LogType.contactOverflowed, { conversationId: 'c6', queueId: 'q', data: { to: { type: 'queue', queueId: 'q2' }, reason: 'max-wait' } }),
  log(40, LogType.offerAccepted, { conversationId: 'c6', agentId: 'b', queueId: 'q2' }),
  log(60, LogType.contactAbandoned, { conversationId: 'c4', queueId: 'q' }),
  log(70, LogType.contactEnded, { conversationId: 'c1', agentId: 'a', queueId: 'q' }),
  log(70, LogType.wrapUpStarted, { conversationId: 'c1', agentId: 'a' }),
  log(90, LogType.contactEnded, { conversationId: 'c2', agentId: 'a', queueId: 'q' }),
  log(95, LogType.contactRated, { conversationId: 'c2', data: { rating: 4 } }),
  log(100, LogType.wrapUpEnded, { conversationId: 'c1', agentId: 'a' }),
  log(100, LogType.contactEnded, { conversationId: 'c6', agentId: 'b', queueId: 'q2' }),
  log(100, LogType.wrapUpStarted, { conversationId: 'c6', agentId: 'b' }),
  log(100, LogType.contactRated, { conversationId: 'c1', data: { rating: 5 } }),
];

function ledgerOf(entries: LogEntry[]) {
  const ledger = new KpiLedger();
  for (const e of entries) ledger.apply(e);
  return ledger;
}

describe('KPI ledger', () => {
  it('computes the totals exactly as defined', () => {
    const [total] = ledgerOf(golden).rows({ kpi: { serviceLevelMs: 20_000, shortAbandonMs: 5_000 } });
    const k = total!.kpis;
    assert.deepEqual(
      { offered: k.offered, answered: k.answered, abandoned: k.abandoned, short: k.shortAbandoned, handled: k.handled, transfers: k.transfers, withinT: k.answeredWithinT },
      { offered: 5, answered: 3, abandoned: 2, short: 1, handled: 2, transfers: 1, withinT: 2 },
    );
    assert.equal(k.serviceLevel, 2 / 5);
    assert.equal(k.serviceLevel2, 2 / 4, 'the 3 s abandon leaves the denominator');
    assert.equal(k.abandonmentRate, 2 / 5);
    assert.equal(k.asaMs, (10_000 + 30_000 + 10_000) / 3);
    assert.equal(k.ahtMs, (90_000 + 60_000) / 2, 'talk + wrap-up, over handled contacts only');
    assert.equal(k.csat, 4.5);
  });

  it('moves the short-abandon line: a 5 s threshold counts a 3 s abandon, a 2 s one does not', () => {
    const [strict] = ledgerOf(golden).rows({ kpi: { serviceLevelMs: 20_000, shortAbandonMs: 2_000 } });
    assert.equal(strict!.kpis.shortAbandoned, 0);
    assert.equal(strict!.kpis.serviceLevel2, 2 / 5);
  });

  it('attributes contacts to the queue that answered or lost them, and groups by language and agent', () => {
    const ledger = ledgerOf(golden);
    const byQueue = Object.fromEntries(ledger.rows({ groupBy: 'queue' }).map((r) => [r.key, [r.kpis.offered, r.kpis.answered]]));
    assert.deepEqual(byQueue, { q: [4, 2], q2: [1, 1] });
    const byLanguage = Object.fromEntries(ledger.rows({ groupBy: 'language' }).map((r) => [r.key, r.kpis.offered]));
    assert.deepEqual(byLanguage, { de: 1, en: 1, unknown: 3 });
    const byAgent = Object.fromEntries(ledger.rows({ groupBy: 'agent' }).map((r) => [r.key, r.kpis.answered]));
    assert.deepEqual(byAgent, { a: 2, b: 1 });
  });

  it('counts a contact in the interval it queued in, with a wrap-up that ran into the next one', () => {
    const ledger = ledgerOf([
      log(-30, LogType.contactQueued, { conversationId: 'late', queueId: 'q', data: { channel: 'chat' } }), // 13:59:30
      log(-20, LogType.offerAccepted, { conversationId: 'late', agentId: 'a', queueId: 'q' }),
      log(600, LogType.contactEnded, { conversationId: 'late', agentId: 'a' }), // 14:10
      log(600, LogType.wrapUpStarted, { conversationId: 'late', agentId: 'a' }),
      log(1200, LogType.wrapUpEnded, { conversationId: 'late', agentId: 'a' }), // 14:20
      log(900, LogType.contactQueued, { conversationId: 'next', queueId: 'q', data: { channel: 'chat' } }), // 14:15
    ]);
    const rows = ledger.rows({ interval: '15m', timeZone: 'UTC' });
    assert.deepEqual(rows.map((r) => [r.bucket, r.kpis.offered, r.kpis.handled, r.kpis.ahtMs]), [
      ['2026-11-23 13:45', 1, 1, 620_000 + 600_000],
      ['2026-11-23 14:15', 1, 0, null],
    ]);
    assert.deepEqual(ledger.rows({ interval: 'hour', timeZone: 'Europe/Berlin' }).map((r) => r.bucket), ['2026-11-23 14:00', '2026-11-23 15:00']);
  });

  it('keeps each agent’s time: logged in, busy with contacts and wrap-up, on a break', () => {
    const ledger = ledgerOf([
      ...golden,
      log(120, LogType.agentState, { agentId: 'a', data: { status: 'away', breakReason: 'lunch' } }),
      log(180, LogType.agentState, { agentId: 'a', data: { status: 'available' } }),
      log(200, LogType.agentLogout, { agentId: 'a' }),
    ]);
    const a = ledger.agents.snapshot(s(300)).find((x) => x.agentId === 'a')!;
    // Busy 10-100 s (two chats, then c1's wrap-up); available 0-120 and 180-200; away 120-180.
    assert.equal(a.busyMs, 90_000);
    assert.equal(a.availableMs, 140_000);
    assert.equal(a.breakMs, 60_000);
    assert.equal(a.handled, 2);
    assert.equal(a.state, 'logged-out');
    const fresh = KpiLedger.replay(golden, { countAgentsFrom: s(50) });
    const fromFifty = fresh.agents.snapshot(s(100)).find((x) => x.agentId === 'a')!;
    assert.deepEqual([fromFifty.busyMs, fromFifty.availableMs, fromFifty.handled], [50_000, 50_000, 0], 'only time after the start counts; state carries over');
    const b = ledger.agents.snapshot(s(130)).find((x) => x.agentId === 'b')!;
    assert.deepEqual([b.state, b.contacts], ['logged-out', 0], 'b never logged in: no time is counted');
  });
});

describe('agents’ contacts through transfers and returns', () => {
  it('moves a transferred contact to the colleague, and off the agent who let go of one sent to a queue or returned', () => {
    const ledger = new KpiLedger();
    const row = (id: string) => ledger.agents.snapshot(s(200)).find((a) => a.agentId === id)!;
    for (const e of [
      log(0, LogType.agentLogin, { agentId: 'a', data: { status: 'available' } }),
      log(0, LogType.agentLogin, { agentId: 'b', data: { status: 'available' } }),
      log(0, LogType.contactQueued, { conversationId: 'c1', queueId: 'q', data: { channel: 'chat' } }),
      log(0, LogType.contactQueued, { conversationId: 'c2', queueId: 'q', data: { channel: 'chat' } }),
      log(10, LogType.offerAccepted, { conversationId: 'c1', agentId: 'a', queueId: 'q' }),
      log(10, LogType.offerAccepted, { conversationId: 'c2', agentId: 'a', queueId: 'q' }),
      log(20, LogType.contactTransferred, { conversationId: 'c1', agentId: 'a', queueId: 'q', data: { toAgentId: 'b' } }),
      log(30, LogType.contactTransferred, { conversationId: 'c2', agentId: 'a', queueId: 'q', data: { toQueueId: 'q2' } }),
    ]) ledger.apply(e);
    assert.deepEqual([row('a').state, row('a').openContacts], ['available', []], 'no ghost contacts');
    assert.deepEqual([row('b').state, row('b').openContacts], ['on-contact', ['c1']]);
    // b was busy from the transfer on; a from the first accept to the second transfer.
    assert.equal(row('b').busyMs, 180_000);
    assert.equal(row('a').busyMs, 20_000);
    ledger.apply(log(40, LogType.offerAccepted, { conversationId: 'c2', agentId: 'b', queueId: 'q2' }));
    ledger.apply(log(50, LogType.contactReturned, { conversationId: 'c2', agentId: 'b', queueId: 'q2' }));
    // The log entry of an end may name whoever held the contact when it was read: the fold knows better.
    ledger.apply(log(60, LogType.contactEnded, { conversationId: 'c1', agentId: 'a', queueId: 'q' }));
    assert.deepEqual([row('b').state, row('b').contacts, row('a').contacts], ['available', 0, 0]);
  });
});
