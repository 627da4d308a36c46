/** The agent activity fold over a hand-written event log, and its agreement with the wallboard's agent time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agentActivity } from './agent-activity.js';
import { KpiLedger } from './kpi-ledger.js';
import { LogType, type LogEntry } from './log-types.js';

const MIN = 60_000;
const DAY0 = Date.parse('2026-11-23T00:00:00Z');
const at = (hh: number, mm = 0) => DAY0 + hh * 60 * MIN + mm * MIN;

/** Ana's Monday: signs in at 08:00, a chat, wrap-up, lunch, a missed offer that pauses her, a call, signs out at 17:00. */
const monday: LogEntry[] = [
  { at: at(8), type: LogType.agentLogin, agentId: 'ana', data: { status: 'available' } },
  { at: at(8, 10), type: LogType.contactQueued, conversationId: 'c1', queueId: 'q', data: { channel: 'chat' } },
  { at: at(8, 10), type: LogType.contactOffered, conversationId: 'c1', agentId: 'ana', queueId: 'q' },
  { at: at(8, 11), type: LogType.offerAccepted, conversationId: 'c1', agentId: 'ana', queueId: 'q' },
  { at: at(8, 31), type: LogType.contactEnded, conversationId: 'c1', agentId: 'ana', queueId: 'q' },
  { at: at(8, 31), type: LogType.wrapUpStarted, conversationId: 'c1', agentId: 'ana' },
  { at: at(8, 36), type: LogType.wrapUpEnded, conversationId: 'c1', agentId: 'ana' },
  { at: at(12), type: LogType.agentState, agentId: 'ana', data: { status: 'away', breakReason: 'lunch' } },
  { at: at(12, 45), type: LogType.agentState, agentId: 'ana', data: { status: 'away', breakReason: 'meeting' } },
  { at: at(13), type: LogType.agentState, agentId: 'ana', data: { status: 'available' } },
  { at: at(14), type: LogType.contactQueued, conversationId: 'c2', queueId: 'q', data: { channel: 'voice' } },
  { at: at(14), type: LogType.contactOffered, conversationId: 'c2', agentId: 'ana', queueId: 'q' },
  { at: at(14, 0.5), type: LogType.offerTimedOut, conversationId: 'c2', agentId: 'ana' },
  { at: at(14, 1), type: LogType.agentPaused, agentId: 'ana', data: { reason: 'no-answer', missed: 1 } },
  { at: at(14, 11), type: LogType.agentState, agentId: 'ana', data: { status: 'available' } },
  { at: at(14, 12), type: LogType.offerAccepted, conversationId: 'c2', agentId: 'ana', queueId: 'q' },
  { at: at(14, 42), type: LogType.contactEnded, conversationId: 'c2', agentId: 'ana', queueId: 'q' },
  { at: at(17), type: LogType.agentLogout, agentId: 'ana' },
];

describe('agent activity', () => {
  it('folds a day of events into time per state, breaks by reason, sign-in times, contacts by channel and missed offers', () => {
    const [ana, ...others] = agentActivity(monday, { from: DAY0, to: DAY0 + 86_400_000, timeZone: 'UTC' });
    assert.equal(others.length, 0);
    assert.equal(ana!.day, '2026-11-23');
    assert.equal(ana!.signedInMs, 9 * 60 * MIN);
    assert.equal(ana!.onContactMs, 20 * MIN + 30 * MIN);
    assert.equal(ana!.wrapUpMs, 5 * MIN);
    assert.deepEqual(ana!.breakMs, { lunch: 45 * MIN, meeting: 15 * MIN });
    assert.equal(ana!.awayAfterMissedMs, 10 * MIN);
    assert.equal(ana!.availableMs, 9 * 60 * MIN - 50 * MIN - 5 * MIN - 60 * MIN - 10 * MIN);
    assert.equal(ana!.firstSignInAt, at(8));
    assert.equal(ana!.lastSignOutAt, at(17));
    assert.deepEqual(ana!.contacts, { chat: 1, voice: 1 });
    assert.equal(ana!.missedOffers, 1);
  });

  it('agrees with the wallboard’s agent time over the same log', () => {
    const [ana] = agentActivity(monday, { from: DAY0, to: DAY0 + 86_400_000, timeZone: 'UTC' });
    const wallboard = KpiLedger.replay(monday, { countAgentsFrom: DAY0 }).agents.snapshot(at(17)).find((a) => a.agentId === 'ana')!;
    const breaks = Object.values(ana!.breakMs).reduce((sum, ms) => sum + ms, 0) + ana!.awayAfterMissedMs;
    assert.equal(wallboard.breakMs, breaks);
    assert.equal(wallboard.availableMs, ana!.availableMs + ana!.onContactMs + ana!.wrapUpMs);
    assert.equal(wallboard.busyMs, ana!.onContactMs + ana!.wrapUpMs);
  });

  it('splits a shift across local midnight into two days, and counts nothing outside the period', () => {
    const night: LogEntry[] = [
      { at: at(22), type: LogType.agentLogin, agentId: 'ben', data: { status: 'available' } },
      { at: at(26), type: LogType.agentLogout, agentId: 'ben' },
    ];
    const rows = agentActivity(night, { from: DAY0, to: DAY0 + 2 * 86_400_000, timeZone: 'UTC' });
    assert.deepEqual(rows.map((r) => [r.day, r.signedInMs / MIN]), [['2026-11-23', 120], ['2026-11-24', 120]]);
    assert.equal(rows[0]!.firstSignInAt, at(22));
    assert.equal(rows[1]!.lastSignOutAt, at(26));
    const firstDayOnly = agentActivity(night, { from: DAY0, to: DAY0 + 86_400_000, timeZone: 'UTC' });
    assert.deepEqual(firstDayOnly.map((r) => [r.day, r.signedInMs / MIN]), [['2026-11-23', 120]]);
  });
});
