/** A fixed-window counter per key: at most `limit` hits per `windowMs`. In memory, per node. */

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit for `key`; false when the key is over its limit in the current window. */
  take(key: string, now: number): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, hits: 1 });
      this.prune(now);
      return true;
    }
    w.hits++;
    return w.hits <= this.limit;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  /** Drops expired windows now and then, so the map cannot grow without bound. */
  private prune(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
