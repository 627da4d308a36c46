/** The instants a queue is open over a stretch of time, computed from its weekly hours rather than probed minute by minute. */
import { Temporal } from 'temporal-polyfill';
import type { BusinessHours, Weekday } from './business-hours.js';

/** An open period: [start, end) in epoch milliseconds. */
export type Period = [number, number];

const MINUTE = 60_000;
const DAY = 86_400_000;
// 1970-01-01, epoch day 0, was a Thursday.
const WEEKDAY_OF_EPOCH_DAY: readonly Weekday[] = ['thu', 'fri', 'sat', 'sun', 'mon', 'tue', 'wed'];

/** "09:30" → 570; "24:00" → 1440. */
export const minuteOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/**
 * Every instant in [from, until) when `hours` say the queue is open, as sorted, merged periods.
 *
 * Temporal splits the stretch where the zone changes its offset (daylight saving, at most a few
 * times a year). Inside each piece the offset is fixed, so local wall time is the instant plus
 * that offset: the queue's local hours map onto instants exactly, and the hour skipped in spring
 * or repeated in autumn falls out without a special case. This is what `isOpen` answers for a
 * single instant, for a whole range at once.
 */
export function openPeriods(hours: BusinessHours, from: number, until: number): Period[] {
  const periods: Period[] = [];
  let start = from;
  let here = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(hours.timeZone);
  while (start < until) {
    const transition = here.getTimeZoneTransition('next');
    const end = Math.min(transition?.epochMilliseconds ?? Infinity, until);
    addPeriods(periods, hours, start, end, here.offsetNanoseconds / 1e6);
    if (!transition) break;
    start = end;
    here = transition;
  }
  return merge(periods);
}

/** The open periods in [from, to), where the zone's offset is `offset` throughout. */
function addPeriods(periods: Period[], hours: BusinessHours, from: number, to: number, offset: number): void {
  const wallFrom = from + offset;
  const wallTo = to + offset;
  for (let day = Math.floor(wallFrom / DAY); day * DAY < wallTo; day++) {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    if (hours.holidays?.includes(date)) continue;
    const weekday = WEEKDAY_OF_EPOCH_DAY[((day % 7) + 7) % 7]!;
    for (const [open, close] of hours.weekly[weekday] ?? []) {
      const start = Math.max(day * DAY + minuteOfDay(open) * MINUTE, wallFrom);
      const end = Math.min(day * DAY + minuteOfDay(close) * MINUTE, wallTo);
      if (start < end) periods.push([start - offset, end - offset]);
    }
  }
}

/** Sorts periods and joins the ones that touch or overlap (a day open until 24:00 and the next from 00:00). */
function merge(periods: Period[]): Period[] {
  periods.sort((a, b) => a[0] - b[0]);
  const merged: Period[] = [];
  for (const p of periods) {
    const last = merged.at(-1);
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else merged.push([p[0], p[1]]);
  }
  return merged;
}
