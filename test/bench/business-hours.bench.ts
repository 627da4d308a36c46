/**
 * Business-hours benchmark (not a test): time per `nextOpening` and per `bookableSlots` call,
 * read from the schedule (signaling/acd/business-hours.ts), beside the minute-by-minute probing
 * it replaced (kept below as the floor to beat). Both run in this process on the same inputs and
 * must agree; the callback service calls them while a visitor books, on the event loop.
 *
 *   npx tsx test/bench/business-hours.bench.ts [--calls 2000]
 */
import { bookableSlots, isOpen, nextOpening, type BusinessHours } from '../../signaling/acd/business-hours.js';
import { CALLBACK_DAYS_AHEAD, CALLBACK_SLOT_MINUTES } from '../../signaling/protocol/contact-options.js';
import { quick, reportBench } from './bench-result.js';

const MINUTE = 60_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const weekdays = (zone: string, from: string, to: string): BusinessHours => ({ timeZone: zone, weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [[from, to]]])) });

/** The previous nextOpening: probe every minute until isOpen says yes. */
function nextOpeningByMinute(hours: BusinessHours | undefined, from: number, withinDays = 14): number | undefined {
  if (isOpen(hours, from)) return from;
  const start = Math.ceil(from / MINUTE) * MINUTE;
  for (let t = start; t <= from + withinDays * 1440 * MINUTE; t += MINUTE) if (isOpen(hours, t)) return t;
  return undefined;
}

/** The previous bookableSlots: probe every aligned slot with isOpen. */
function bookableSlotsBySlot(hours: BusinessHours | undefined, now: number, options: { stepMinutes: number; days: number; leadMinutes?: number }): number[] {
  const step = options.stepMinutes * MINUTE;
  const first = Math.ceil((now + (options.leadMinutes ?? 10) * MINUTE) / step) * step;
  const slots: number[] = [];
  for (let t = first; t <= now + options.days * 1440 * MINUTE; t += step) if (isOpen(hours, t)) slots.push(t);
  return slots;
}

const cases: { label: string; hours: BusinessHours; at: number }[] = [
  { label: 'Berlin Mon-Fri 09-17, asked Friday 17:01', hours: weekdays('Europe/Berlin', '09:00', '17:00'), at: utc('2026-11-27T16:01') },
  {
    label: 'Berlin, Christmas holidays, asked Wed 23 Dec 18:00',
    hours: { ...weekdays('Europe/Berlin', '08:00', '18:00'), holidays: ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'] },
    at: utc('2026-12-23T17:00'),
  },
  { label: 'New York Sundays 09-17, asked Sat 31 Oct (clocks go back)', hours: { timeZone: 'America/New_York', weekly: { sun: [['09:00', '17:00']] } }, at: utc('2026-10-31T16:00') },
  { label: 'a queue with no hours at all (14 days searched, none found)', hours: { timeZone: 'Europe/Berlin', weekly: {} }, at: utc('2026-11-23T08:00') },
];

/** Mean time per call in microseconds, over at least `calls` calls and 200 ms. */
function perCall(fn: () => unknown, calls: number): number {
  for (let i = 0; i < Math.min(calls, 20); i++) fn(); // warm up
  let done = 0;
  const start = performance.now();
  while (done < calls || performance.now() - start < 200) {
    fn();
    done++;
    if (performance.now() - start > 5_000) break; // bounded, however slow
  }
  return ((performance.now() - start) / done) * 1000;
}

const arg = process.argv.indexOf('--calls');
const calls = arg > 0 ? Number(process.argv[arg + 1]) : quick ? 200 : 2000;
const slotOptions = { stepMinutes: CALLBACK_SLOT_MINUTES, days: CALLBACK_DAYS_AHEAD };
const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(1)} ms` : `${us.toFixed(1)} µs`);

console.log(`node ${process.version}; time per call (mean), schedule read vs minute probing\n`);
console.log(['case', 'nextOpening new', 'old', 'ratio', 'bookableSlots new', 'old', 'ratio'].join(' | '));
for (const c of cases) {
  const expected = nextOpeningByMinute(c.hours, c.at);
  if (nextOpening(c.hours, c.at) !== expected) throw new Error(`${c.label}: nextOpening disagrees with the minute scan`);
  if (JSON.stringify(bookableSlots(c.hours, c.at, slotOptions)) !== JSON.stringify(bookableSlotsBySlot(c.hours, c.at, slotOptions))) throw new Error(`${c.label}: slots disagree`);
  const next = perCall(() => nextOpening(c.hours, c.at), calls);
  const nextOld = perCall(() => nextOpeningByMinute(c.hours, c.at), 3);
  const slots = perCall(() => bookableSlots(c.hours, c.at, slotOptions), calls);
  const slotsOld = perCall(() => bookableSlotsBySlot(c.hours, c.at, slotOptions), 20);
  // The old way (probing minute by minute) is the peer: its time over ours is the speed-up.
  if (c === cases[0]) reportBench({ figure: `business hours nextOpening (µs), ${c.label.slice(0, 30)}`, ours: next, peer: nextOld, peerLabel: 'minute probing' });
  console.log([c.label, fmt(next), fmt(nextOld), `${Math.round(nextOld / next)}x`, fmt(slots), fmt(slotsOld), `${Math.round(slotsOld / slots)}x`].join(' | '));
}
