/** Local days and report buckets on the days clocks change, in Europe and America. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketOf, hoursOfDay, startOfDate, startOfDay, startOfNextDay } from './intervals.js';
import { KpiLedger } from './kpi-ledger.js';
import { LogType } from './log-types.js';

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);

// Each switch day: the zone, where the day begins and ends in UTC, and the hours it lasts.
const switchDays = [
  { date: '2026-03-29', zone: 'Europe/Berlin', start: utc('2026-03-28T23:00'), end: utc('2026-03-29T22:00'), hours: 23 },
  { date: '2026-10-25', zone: 'Europe/Berlin', start: utc('2026-10-24T22:00'), end: utc('2026-10-25T23:00'), hours: 25 },
  { date: '2026-03-08', zone: 'America/New_York', start: utc('2026-03-08T05:00'), end: utc('2026-03-09T04:00'), hours: 23 },
  { date: '2026-11-01', zone: 'America/New_York', start: utc('2026-11-01T04:00'), end: utc('2026-11-02T05:00'), hours: 25 },
];

describe('local days', () => {
  for (const day of switchDays) {
    it(`${day.date} in ${day.zone} begins at ${new Date(day.start).toISOString()} and lasts ${day.hours} h`, () => {
      assert.equal(startOfDate(day.date, day.zone), day.start);
      // Any instant of the day, its first and last minute included, belongs to that day.
      for (const at of [day.start, day.start + 1, day.start + 12 * HOUR, day.end - 60_000, day.end - 1]) {
        assert.equal(startOfDay(at, day.zone), day.start, new Date(at).toISOString());
        assert.equal(startOfNextDay(at, day.zone), day.end);
      }
      assert.equal(startOfDay(day.end, day.zone), day.end, 'the next day begins at its own midnight');
      assert.equal(startOfDay(day.start - 1, day.zone), startOfDate(previousDate(day.date), day.zone));
      assert.equal(hoursOfDay(day.start, day.zone).length, day.hours);
    });
  }

  it('begins a day whose midnight is skipped (Chile springs forward at 24:00) at 01:00', () => {
    assert.equal(startOfDate('2026-09-06', 'America/Santiago'), utc('2026-09-06T04:00'));
    assert.equal(bucketOf(utc('2026-09-06T04:00'), 'hour', 'America/Santiago'), '2026-09-06 01:00');
  });

  it('is UTC midnight in UTC', () => {
    assert.equal(startOfDay(utc('2026-11-23T17:45'), 'UTC'), utc('2026-11-23T00:00'));
  });
});

describe('hourly buckets on switch days', () => {
  for (const day of switchDays) {
    it(`${day.date} in ${day.zone} has ${day.hours} distinct hour labels in order, none from another day`, () => {
      const labels = hoursOfDay(day.start, day.zone).map((t) => bucketOf(t, 'hour', day.zone));
      assert.equal(new Set(labels).size, day.hours, labels.join(' '));
      assert.ok(labels.every((l) => l.startsWith(`${day.date} `)), labels.join(' '));
      assert.equal(labels[0], `${day.date} 00:00`);
      assert.equal(labels.at(-1), `${day.date} 23:00`);
    });
  }

  it('skips the hour that does not exist and marks the one that happens twice with its offset', () => {
    const spring = hoursOfDay(startOfDate('2026-03-29', 'Europe/Berlin'), 'Europe/Berlin').map((t) => bucketOf(t, 'hour', 'Europe/Berlin').slice(11));
    assert.deepEqual(spring.slice(0, 4), ['00:00', '01:00', '03:00', '04:00']);
    const autumn = hoursOfDay(startOfDate('2026-11-01', 'America/New_York'), 'America/New_York').map((t) => bucketOf(t, 'hour', 'America/New_York').slice(11));
    assert.deepEqual(autumn.slice(0, 4), ['00:00', '01:00-04:00', '01:00-05:00', '02:00']);
  });

  it('gives the 25-hour day 25 report rows, in time order, one contact queued in each hour', () => {
    const day = switchDays[1]!;
    const ledger = new KpiLedger();
    hoursOfDay(day.start, day.zone).forEach((t, i) => ledger.apply({ at: t + 10 * 60_000, type: LogType.contactQueued, conversationId: `c${i}`, queueId: 'q', data: { channel: 'chat' } }));
    const rows = ledger.rows({ interval: 'hour', timeZone: day.zone });
    assert.equal(rows.length, 25);
    assert.ok(rows.every((r) => r.kpis.offered === 1));
    assert.deepEqual(rows.slice(1, 5).map((r) => r.bucket), ['2026-10-25 01:00', '2026-10-25 02:00+02:00', '2026-10-25 02:00+01:00', '2026-10-25 03:00']);
    const quarter = ledger.rows({ interval: '15m', timeZone: day.zone }).map((r) => r.bucket!.slice(11));
    assert.deepEqual(quarter.slice(2, 4), ['02:00+02:00', '02:00+01:00'], 'a repeated quarter hour sorts by time, not by label');
  });
});

function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
