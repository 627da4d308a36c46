/**
 * Notices that the device woke up (a repeating timer fired much later than asked: the machine
 * slept) or that the network came back, so the agent's connection is renewed at once: their
 * presence, offers and contacts come back in the next welcome, with the session cookie they have.
 */

export interface WakeWatchOptions {
  /** How often the timer asks, ms. */
  everyMs?: number;
  /** A gap this much longer than asked means the device slept, ms. */
  sleptAfterMs?: number;
  now?: () => number;
  /** Where `online` is heard (the window). */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  every?: (ms: number, run: () => void) => () => void;
}

const repeat = (ms: number, run: () => void): (() => void) => {
  const timer = setInterval(run, ms);
  return () => clearInterval(timer);
};

/**
 * @example
 * const stop = watchWakeUps(() => client.renew());
 * stop(); // when the session ends
 */
export function watchWakeUps(onWake: () => void, options: WakeWatchOptions = {}): () => void {
  const everyMs = options.everyMs ?? 5_000;
  const sleptAfterMs = options.sleptAfterMs ?? 10_000;
  const now = options.now ?? Date.now;
  const target = options.target ?? globalThis;
  let last = now();
  const stopTimer = (options.every ?? repeat)(everyMs, () => {
    const at = now();
    const slept = at - last > everyMs + sleptAfterMs;
    last = at;
    if (slept) onWake();
  });
  const online = () => onWake();
  target.addEventListener('online', online);
  return () => {
    stopTimer();
    target.removeEventListener('online', online);
  };
}
