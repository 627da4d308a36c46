/** When a queue opens next and which callback times it offers, on ordinary and daylight-saving days. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bookableSlots, isOpen, nextOpening, type BusinessHours, type Weekday } from './business-hours.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().slice(0, 16));
const MINUTE = 60_000;
const sundays = (zone: string, weekly: BusinessHours['weekly'] = { sun: [['09:00', '17:00']] }): BusinessHours => ({ timeZone: zone, weekly });

describe('next opening on the days clocks change', () => {
  // A queue open on Sundays 09:00-17:00, asked on the Saturday at noon UTC: 09:00 local on the switch day.
  const cases = [
    { zone: 'Europe/Berlin', saturday: '2026-03-28T12:00', opens: '2026-03-29T07:00', why: 'spring forward: 09:00 is summer time, UTC+2' },
    { zone: 'Europe/Berlin', saturday: '2026-10-24T12:00', opens: '2026-10-25T08:00', why: 'fall back: 09:00 is winter time again, UTC+1' },
    { zone: 'America/New_York', saturday: '2026-03-07T12:00', opens: '2026-03-08T13:00', why: 'spring forward: 09:00 EDT, UTC-4' },
    { zone: 'America/New_York', saturday: '2026-10-31T12:00', opens: '2026-11-01T14:00', why: 'fall back: 09:00 EST, UTC-5' },
  ];
  for (const c of cases) {
    it(`opens at 09:00 local in ${c.zone} on ${c.opens.slice(0, 10)} (${c.why})`, () => {
      assert.equal(iso(nextOpening(sundays(c.zone), utc(c.saturday))), c.opens);
    });
  }

  it('opens when the clocks jump into a period that starts in the skipped hour', () => {
    // Berlin skips 02:00-03:00 on 2026-03-29: a queue from 02:30 is first open at 03:00 CEST (01:00 UTC).
    assert.equal(iso(nextOpening(sundays('Europe/Berlin', { sun: [['02:30', '04:00']] }), utc('2026-03-28T12:00'))), '2026-03-29T01:00');
  });

  it('opens a second time when the clocks go back into a period that had just ended', () => {
    // 02:00-02:30 happens twice on 2026-10-25 in Berlin: at 00:00 UTC (summer time) and at 01:00 UTC (winter time).
    const hours = sundays('Europe/Berlin', { sun: [['02:00', '02:30']] });
    assert.equal(iso(nextOpening(hours, utc('2026-10-24T12:00'))), '2026-10-25T00:00');
    assert.equal(iso(nextOpening(hours, utc('2026-10-25T00:45'))), '2026-10-25T01:00');
  });

  it('offers a slot for every hour of a 25-hour and a 23-hour day, none that does not exist', () => {
    const allSunday = sundays('Europe/Berlin', { sun: [['00:00', '24:00']] });
    assert.equal(bookableSlots(allSunday, utc('2026-10-24T12:00'), { stepMinutes: 60, days: 2 }).length, 25);
    assert.equal(bookableSlots(allSunday, utc('2026-03-28T12:00'), { stepMinutes: 60, days: 2 }).length, 23);
  });

  it('answers "now" when open, and nothing when never open within the window', () => {
    const now = utc('2026-03-29T08:17') + 123;
    assert.equal(nextOpening(sundays('Europe/Berlin'), now), now);
    assert.equal(nextOpening(sundays('Europe/Berlin', { mon: [['09:00', '10:00']] }), now, 0.5), undefined);
    assert.equal(nextOpening(undefined, now), now, 'no hours: always open');
  });
});

describe('next opening and callback slots agree with isOpen minute by minute', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  // Instants near this year's switches in those zones, and an ordinary week.
  const anchors = ['2026-03-29T01:00', '2026-10-25T01:00', '2026-03-08T07:00', '2026-11-01T06:00', '2026-09-06T04:00', '2026-04-05T02:00', '2026-04-04T15:00', '2026-10-03T15:30', '2026-11-23T08:00'].map(utc);
  const weekday = fc.constantFrom<Weekday>('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
  const halfHour = fc.integer({ min: 0, max: 48 });
  const period = fc.tuple(halfHour, halfHour).filter(([a, b]) => a < b).map(([a, b]) => [hhmm(a * 30), hhmm(b * 30)] as [string, string]);
  const schedule = fc.record({
    timeZone: fc.constantFrom(...zones),
    weekly: fc.dictionary(weekday, fc.array(period, { minLength: 1, maxLength: 3 }), { maxKeys: 4 }),
    holidays: fc.array(fc.constantFrom('2026-03-29', '2026-10-25', '2026-11-01', '2026-11-24'), { maxLength: 2 }),
  });
  const instant = fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -2 * 1440, max: 2 * 1440 }), fc.integer({ min: 0, max: 59_999 })).map(([a, m, ms]) => a + m * MINUTE + ms);

  it('nextOpening is the first open minute (or `from` itself when open)', () => {
    fc.assert(
      fc.property(schedule, instant, (hours, from) => {
        assert.equal(nextOpening(hours, from, 2), scanForOpening(hours, from, 2));
      }),
      { numRuns: Number(process.env.RUNS ?? 60) },
    );
  });

  it('bookableSlots are exactly the aligned times isOpen accepts', () => {
    fc.assert(
      fc.property(schedule, instant, fc.constantFrom(15, 30, 60), (hours, now, stepMinutes) => {
        const step = stepMinutes * MINUTE;
        const expected: number[] = [];
        for (let t = Math.ceil((now + 10 * MINUTE) / step) * step; t <= now + 3 * 1440 * MINUTE; t += step) if (isOpen(hours, t)) expected.push(t);
        assert.deepEqual(bookableSlots(hours, now, { stepMinutes, days: 3 }), expected);
      }),
      { numRuns: Number(process.env.RUNS ?? 60) },
    );
  });
});

/** The definition: probe every minute (what nextOpening did before it read the schedule). */
function scanForOpening(hours: BusinessHours, from: number, withinDays: number): number | undefined {
  if (isOpen(hours, from)) return from;
  for (let t = Math.ceil(from / MINUTE) * MINUTE; t <= from + withinDays * 1440 * MINUTE; t += MINUTE) if (isOpen(hours, t)) return t;
  return undefined;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
