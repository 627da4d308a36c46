/** Durations as both apps show them: a running clock (m:ss) for timers, and words ("3 min 5 s") in sentences. */

/** A timer's clock: m:ss, or h:mm:ss from an hour. Digits only, so it reads the same in every language. */
export function formatDuration(ms: number | null | undefined): string | undefined {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return undefined;
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

type DurationFormatter = { format(duration: Record<string, number>): string };
type DurationFormatConstructor = new (locale: string, options: { style: 'short' | 'narrow' | 'long' }) => DurationFormatter;

/**
 * A duration in the language's own words and digits, as a sentence needs it ("3 min, 5 sec",
 * "3 Min., 5 Sek.", "3分钟5秒钟"): Intl.DurationFormat where the browser has it, else each unit
 * with Intl.NumberFormat, which every supported browser and Node 20 have.
 */
export function formatSpokenDuration(ms: number, locale: string): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts = { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
  const shown = Object.fromEntries(Object.entries(parts).filter(([unit, n], i, all) => n > 0 || (unit === 'seconds' && all.every(([, v]) => v === 0))));
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) return new DurationFormat(locale, { style: 'short' }).format(shown);
  return Object.entries(shown)
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: 'short' }).format(n))
    .join(' ');
}
