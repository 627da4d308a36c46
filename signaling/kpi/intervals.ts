/** Report intervals in the center's time zone: where a local day begins, and which bucket an instant falls in. */
import { Temporal } from 'temporal-polyfill';

export type Interval = '15m' | 'hour' | 'day' | 'week';

const zoned = (at: number, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);
const two = (n: number) => String(n).padStart(2, '0');

/**
 * The instant local midnight began for the day containing `at`, in `timeZone`. On a daylight-saving
 * day this is not "midnight at today's offset": on 2026-03-29 in Europe/Berlin the day began at
 * 23:00 UTC the day before (still winter time) and lasts 23 hours. Temporal also covers zones
 * whose clocks skip midnight itself, where the day begins at 01:00.
 */
export function startOfDay(at: number, timeZone = 'UTC'): number {
  return zoned(at, timeZone).startOfDay().epochMilliseconds;
}

/** The instant the local date `date` (YYYY-MM-DD) began in `timeZone`. @throws RangeError for a date that does not exist. */
export function startOfDate(date: string, timeZone = 'UTC'): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** The instant the local day after the one containing `at` began: 23, 24 or 25 hours after its start. */
export function startOfNextDay(at: number, timeZone = 'UTC'): number {
  return zoned(at, timeZone).startOfDay().add({ days: 1 }).startOfDay().epochMilliseconds;
}

/** The start of every hour of the local day containing `at`, in order: 23, 24 or 25 of them. */
export function hoursOfDay(at: number, timeZone = 'UTC'): number[] {
  const start = startOfDay(at, timeZone);
  const end = startOfNextDay(at, timeZone);
  const hours: number[] = [];
  for (let t = start; t < end; t += 3_600_000) hours.push(t);
  return hours;
}

// Labels are asked for once per contact when a report is built; every zone in use today changes
// its offset on a quarter hour, so all instants of one UTC quarter hour share a label.
const QUARTER = 900_000;
const labels = new Map<string, string>();

/**
 * The bucket's label in local time: "2026-W48", "2026-11-23", "2026-11-23 14:00" or "2026-11-23 14:15". A wall
 * time that happens twice (the hour the clocks go back) carries its UTC offset, so the two hours
 * stay two rows: "2026-10-25 02:00+02:00" then "2026-10-25 02:00+01:00".
 */
export function bucketOf(at: number, interval: Interval, timeZone = 'UTC'): string {
  const key = `${timeZone}\u0000${interval}\u0000${Math.floor(at / QUARTER)}`;
  let label = labels.get(key);
  if (label === undefined) {
    if (labels.size > 50_000) labels.clear();
    label = labelOf(at, interval, timeZone);
    labels.set(key, label);
  }
  return label;
}

function labelOf(at: number, interval: Interval, timeZone: string): string {
  const local = zoned(at, timeZone);
  const day = local.toPlainDate();
  // ISO 8601 weeks (Monday first; week 1 holds the year's first Thursday): "2026-W48".
  if (interval === 'week') return `${day.yearOfWeek}-W${two(day.weekOfYear!)}`;
  const date = day.toString();
  if (interval === 'day') return date;
  const minute = interval === 'hour' ? 0 : Math.floor(local.minute / 15) * 15;
  const wall = local.toPlainDateTime();
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' }).epochMilliseconds;
  const later = wall.toZonedDateTime(timeZone, { disambiguation: 'later' }).epochMilliseconds;
  // `wall` is a real local time (it is `at`'s), so two different instants mean it repeats.
  const offset = earlier !== later ? local.offset : '';
  return `${date} ${two(local.hour)}:${two(minute)}${offset}`;
}
