/** When to try a failed delivery again: doubling delays from `baseMs`, capped, then give up. */
export interface Backoff {
  baseMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/** Mail and webhooks: 10 s, 20 s, 40 s … up to an hour apart, 12 attempts (about 6 hours in all). */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 10_000, maxDelayMs: 3_600_000, maxAttempts: 12 };

/** The time of the next attempt after `attempts` failed ones, or undefined to give up. */
export function nextAttemptAt(backoff: Backoff, attempts: number, now: number): number | undefined {
  if (attempts >= backoff.maxAttempts) return undefined;
  return now + Math.min(backoff.maxDelayMs, backoff.baseMs * 2 ** (attempts - 1));
}
