/** Whether a queue is open at an instant, from weekly hours in its own time zone and its holidays; when it opens next. */
import { minuteOfDay as toMinute, openPeriods } from './open-periods.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface BusinessHours {
  /** An IANA time zone, for example Europe/Berlin. */
  timeZone: string;
  /** Open intervals per weekday as ["HH:MM", "HH:MM"] in local time; a missing day is closed. "24:00" ends at midnight. */
  weekly: Partial<Record<Weekday, [string, string][]>>;
  /** Local dates (YYYY-MM-DD) when the queue is closed all day. */
  holidays?: string[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date, weekday and minute of the day at `at` in `timeZone`. */
export function localTime(at: number, timeZone: string): { date: string; weekday: Weekday; minute: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: parts.weekday!.toLowerCase().slice(0, 3) as Weekday,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** True when `at` falls inside the hours and not on a holiday. No hours configured means always open. */
export function isOpen(hours: BusinessHours | undefined, at: number): boolean {
  if (!hours) return true;
  const { date, weekday, minute } = localTime(at, hours.timeZone);
  if (hours.holidays?.includes(date)) return false;
  return (hours.weekly[weekday] ?? []).some(([from, to]) => minute >= toMinute(from) && minute < toMinute(to));
}

/** Checks a configuration; returns a list of problems (empty when valid). */
export function validateBusinessHours(hours: BusinessHours): string[] {
  const problems: string[] = [];
  try {
    formatter(hours.timeZone);
  } catch {
    problems.push(`unknown time zone "${hours.timeZone}"`);
  }
  for (const [day, intervals] of Object.entries(hours.weekly)) {
    if (!WEEKDAYS.includes(day as Weekday)) problems.push(`unknown weekday "${day}"`);
    for (const [from, to] of intervals ?? []) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(from) || !/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(to)) problems.push(`${day}: times must be HH:MM`);
      else if (toMinute(from) >= toMinute(to)) problems.push(`${day}: ${from} is not before ${to}`);
    }
  }
  for (const d of hours.holidays ?? []) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) problems.push(`holiday "${d}" must be YYYY-MM-DD`);
  return problems;
}

const MINUTE = 60_000;

/**
 * The first instant at or after `from` when the queue is open (to the minute), searching `withinDays`.
 * Read off the schedule's open periods: a few microseconds, where probing every minute of two
 * closed weeks blocked the event loop for a fifth of a second (see test/bench/business-hours.bench.ts).
 */
export function nextOpening(hours: BusinessHours | undefined, from: number, withinDays = 14): number | undefined {
  if (!hours) return from;
  const last = from + withinDays * 1440 * MINUTE;
  const open = openPeriods(hours, from, last + 1).find(([, end]) => end > from);
  // Periods begin on a whole minute (local hours, offsets and transitions are all whole minutes) or at `from` itself.
  return open && open[0] <= last ? Math.max(open[0], from) : undefined;
}

/**
 * Start times a callback can be booked for: every `stepMinutes` (aligned to the clock) at least
 * `leadMinutes` from `now` and up to `days` ahead, when the queue is open.
 */
export function bookableSlots(hours: BusinessHours | undefined, now: number, options: { stepMinutes: number; days: number; leadMinutes?: number }): number[] {
  const step = options.stepMinutes * MINUTE;
  const first = Math.ceil((now + (options.leadMinutes ?? 10) * MINUTE) / step) * step;
  const last = now + options.days * 1440 * MINUTE;
  const periods: [number, number][] = hours ? openPeriods(hours, first, last + 1) : [[first, last + 1]];
  const slots: number[] = [];
  for (const [start, end] of periods) for (let t = Math.ceil(start / step) * step; t < end && t <= last; t += step) slots.push(t);
  return slots;
}

/** Whether `at` is one of the bookable slots (checked without listing them). */
export function isBookableSlot(hours: BusinessHours | undefined, now: number, at: number, options: { stepMinutes: number; days: number }): 'past' | 'too-far' | 'not-a-slot' | 'closed' | undefined {
  // Slots were listed when the page loaded; one that has not started yet is still fine.
  if (at <= now) return 'past';
  if (at > now + options.days * 1440 * MINUTE) return 'too-far';
  if (at % (options.stepMinutes * MINUTE) !== 0) return 'not-a-slot';
  return isOpen(hours, at) ? undefined : 'closed';
}
