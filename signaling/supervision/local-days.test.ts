/** The wallboard's "today" and the reports' dates on the days clocks change, in the center's time zone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn } from '../../test/support/connect.js';
import { startTestServer } from '../../test/support/in-process-server.js';
import type { Store } from '../store/store.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const HOUR = 3_600_000;

/** Queues one contact in Support at each instant. */
const queueContacts = (instants: number[], prefix = 'c') => async (store: Store) => {
  const support = (await store.queues.findBySlug('support'))!.id;
  for (const [i, at] of instants.entries()) await store.eventLog.append({ at, type: 'contact-queued', conversationId: `${prefix}-${i}`, queueId: support, data: { channel: 'chat' } });
};

describe('the wallboard’s today', () => {
  // Two contacts half an hour either side of local midnight: only the second one is today's.
  const cases = [
    { zone: 'Europe/Berlin', now: utc('2026-03-29T10:00'), midnight: utc('2026-03-28T23:00'), nextMidnight: utc('2026-03-29T22:00') },
    { zone: 'America/New_York', now: utc('2026-11-01T12:00'), midnight: utc('2026-11-01T04:00'), nextMidnight: utc('2026-11-02T05:00') },
  ];
  for (const c of cases) {
    it(`starts at local midnight in ${c.zone} on the switch day and rolls over at the next one`, async () => {
      let now = c.now;
      const server = await startTestServer({ timeZone: c.zone, clock: () => now, seed: queueContacts([c.midnight - HOUR / 2, c.midnight + HOUR / 2]) });
      try {
        const today = await server.services.wallboard.snapshot();
        assert.equal(today.since, c.midnight);
        assert.equal(today.queues.find((q) => q.name === 'Support')!.offered, 1, 'yesterday’s late contact is not today’s');
        now = c.nextMidnight + HOUR;
        await queueContacts([c.nextMidnight + HOUR / 2], 'next-day')(server.store);
        const tomorrow = await server.services.wallboard.snapshot();
        assert.equal(tomorrow.since, c.nextMidnight);
        assert.equal(tomorrow.queues.find((q) => q.name === 'Support')!.offered, 1);
      } finally {
        await server.close();
      }
    });
  }
});

describe('reports on switch days', () => {
  const springDay = Array.from({ length: 23 }, (_, h) => utc('2026-03-28T23:10') + h * HOUR);
  const autumnDay = Array.from({ length: 25 }, (_, h) => utc('2026-10-24T22:10') + h * HOUR);

  it('has one hourly row per hour the day really had, and staffing for each of them', async () => {
    const server = await startTestServer({ timeZone: 'Europe/Berlin', seed: queueContacts([...springDay, ...autumnDay]) });
    try {
      const supervisor = await signIn(server, 'ben@demo.switchboard');
      const get = async <T>(path: string) => (await (await server.app.request(path, { headers: { Cookie: supervisor } })).json()) as T;
      const supportId = (await server.store.queues.findBySlug('support'))!.id;
      for (const [date, next, hours] of [['2026-03-29', '2026-03-30', 23], ['2026-10-25', '2026-10-26', 25]] as const) {
        const rows = await get<{ bucket: string; offered: number }[]>(`/api/reports?from=${date}&to=${next}&groupBy=total&interval=hour`);
        assert.equal(rows.length, hours, rows.map((r) => r.bucket).join(' '));
        assert.equal(new Set(rows.map((r) => r.bucket)).size, hours, 'no label twice');
        assert.ok(rows.every((r) => r.offered === 1 && r.bucket.startsWith(date)), 'each hour holds its own contact, none from the days around');
        const staffing = await get<{ hour: string; offered: number }[]>(`/api/reports/staffing?queueId=${supportId}&date=${date}`);
        assert.deepEqual(staffing.map((s) => [s.hour, s.offered]), rows.map((r) => [r.bucket, 1]));
      }
      const daily = await get<{ bucket: string; offered: number }[]>('/api/reports?from=2026-10-24&to=2026-10-27&groupBy=total&interval=day');
      assert.deepEqual(daily.map((r) => [r.bucket, r.offered]), [['2026-10-25', 25]]);
    } finally {
      await server.close();
    }
  });
});
