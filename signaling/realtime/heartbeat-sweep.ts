/**
 * One heartbeat for every client socket on this node: a table of when each was last heard
 * from and one timer that sweeps it, pinging the quiet ones and terminating those silent past
 * the limit. A socket whose peer vanished without a close frame (a frozen process, a laptop
 * lid shut, a cable pulled) is noticed within `intervalMs + deadAfterMs`. One timer for all
 * instead of one per socket: idle sockets cost a map entry each, not a timer and its closure.
 */

/** What the sweep needs of a socket: the `ws` library's WebSocket has both. */
export interface HeartbeatTarget {
  /** Sends a WebSocket ping; browsers answer it with a pong by themselves. */
  ping(): void;
  /** Drops the connection at once, without a closing handshake (its peer is not answering). */
  terminate(): void;
}

export interface HeartbeatOptions {
  /** How often the sweep runs, ms; a socket quiet for half of it is pinged. Default 2,500. */
  intervalMs?: number;
  /** A socket silent this long is terminated, ms. Default 7,000: dead sockets go within 9.5 s. */
  deadAfterMs?: number;
  clock?: () => number;
  /** Starts the repeating sweep (tests pass one that never fires and call `sweep()` themselves). */
  every?: (ms: number, run: () => void) => () => void;
}

/** The defaults: a connection that stops answering is noticed within 10 s. */
export const HEARTBEAT_INTERVAL_MS = 2_500;
export const HEARTBEAT_DEAD_AFTER_MS = 7_000;

const unrefInterval = (ms: number, run: () => void): (() => void) => {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * @example
 * const heartbeat = new HeartbeatSweep();
 * const stop = heartbeat.watch(ws.raw);     // on open
 * ws.raw.on('message', () => heartbeat.seen(ws.raw));
 * stop();                                    // on close
 */
export class HeartbeatSweep {
  private readonly lastSeen = new Map<HeartbeatTarget, number>();
  private readonly intervalMs: number;
  private readonly deadAfterMs: number;
  private readonly clock: () => number;
  private readonly every: NonNullable<HeartbeatOptions['every']>;
  private stopTimer: (() => void) | undefined;

  constructor(options: HeartbeatOptions = {}) {
    this.intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
    this.deadAfterMs = options.deadAfterMs ?? HEARTBEAT_DEAD_AFTER_MS;
    if (!(this.intervalMs > 0) || !(this.deadAfterMs > this.intervalMs)) throw new RangeError('the heartbeat needs 0 < intervalMs < deadAfterMs');
    this.clock = options.clock ?? Date.now;
    this.every = options.every ?? unrefInterval;
  }

  /** Starts watching a socket (heard from now); returns the function that stops it. The timer runs while any socket is watched. */
  watch(socket: HeartbeatTarget): () => void {
    this.lastSeen.set(socket, this.clock());
    this.stopTimer ??= this.every(this.intervalMs, () => this.sweep());
    return () => this.forget(socket);
  }

  /** The socket said something (a frame or a pong): it is alive. */
  seen(socket: HeartbeatTarget): void {
    if (this.lastSeen.has(socket)) this.lastSeen.set(socket, this.clock());
  }

  /** How many sockets are watched. */
  get size(): number {
    return this.lastSeen.size;
  }

  /** One pass: terminates the sockets silent past the limit and pings the quiet ones. */
  sweep(): void {
    const now = this.clock();
    for (const [socket, seenAt] of this.lastSeen) {
      const silentMs = now - seenAt;
      if (silentMs >= this.deadAfterMs) {
        this.forget(socket);
        socket.terminate();
      } else if (silentMs >= this.intervalMs / 2) {
        try {
          socket.ping();
        } catch {
          // Closing already: its close event releases it.
        }
      }
    }
  }

  /** Stops the timer and forgets every socket (at shutdown, after they were closed). */
  destroy(): void {
    this.lastSeen.clear();
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  private forget(socket: HeartbeatTarget): void {
    this.lastSeen.delete(socket);
    if (this.lastSeen.size === 0) {
      this.stopTimer?.();
      this.stopTimer = undefined;
    }
  }
}
