/** One log line when a client socket opens and one when it closes: endpoint, close code and reason, duration, frames each way. */
import { componentLogger } from '../kernel/logger.js';
import type { Metrics } from '../kernel/metrics.js';

const log = componentLogger('socket');

/** The four WebSocket endpoints: the widget's, the agent app's, PeerJS signaling and co-browse rooms. */
export type SocketEndpoint = 'visitor' | 'agent' | 'peer' | 'cobrowse';

/** What a socket needs to be seen: the upgrade request's id for its log lines, and the metrics it feeds. */
export interface SocketTelemetry {
  requestId: string | undefined;
  metrics: Metrics;
}

export class SocketSession {
  /** Frames (messages) received from the client and sent to it. */
  framesIn = 0;
  framesOut = 0;
  private readonly openedAt = performance.now();
  private ended = false;

  /** @param reqId the upgrade request's id, so the HTTP line, the open line and the close line share it. */
  constructor(
    readonly endpoint: SocketEndpoint,
    private readonly reqId: string | undefined,
  ) {
    log.info({ reqId, endpoint }, 'socket opened');
  }

  /** Logs the close once; `reason` is the close frame's reason (ours or the client's). */
  closed(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    const durationMs = Math.round(performance.now() - this.openedAt);
    log.info({ reqId: this.reqId, endpoint: this.endpoint, code, reason: reason.slice(0, 123), durationMs, framesIn: this.framesIn, framesOut: this.framesOut }, 'socket closed');
  }
}
