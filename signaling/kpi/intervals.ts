/** Report intervals: which 15-minute, hour or day bucket an instant falls in, in a time zone. */

export type Interval = '15m' | 'hour' | 'day';

const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(at: number, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** The bucket's label in local time: "2026-11-23", "2026-11-23 14:00" or "2026-11-23 14:15". */
export function bucketOf(at: number, interval: Interval, timeZone = 'UTC'): string {
  const p = parts(at, timeZone);
  const date = `${p.year}-${p.month}-${p.day}`;
  if (interval === 'day') return date;
  const minute = interval === 'hour' ? 0 : Math.floor(Number(p.minute) / 15) * 15;
  return `${date} ${p.hour}:${String(minute).padStart(2, '0')}`;
}

/** The instant local midnight began for the day containing `at`, in `timeZone`. */
export function startOfDay(at: number, timeZone = 'UTC'): number {
  const p = parts(at, timeZone);
  // The zone's offset at `at`: the local wall time read as if it were UTC, minus the instant.
  const wallAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const offset = wallAsUtc - (at - (at % 60_000));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) - offset;
}
