/**
 * The last line of defence on a client socket: whatever a frame or a socket event throws that the
 * protocol did not turn into a typed refusal closes that one socket (1011) and is logged and
 * counted. One client can never stop the server for everyone else.
 */
import type { WSContext, WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { componentLogger } from '../kernel/logger.js';
import type { Metrics } from '../kernel/metrics.js';
import type { SocketEndpoint } from './socket-session.js';

const log = componentLogger('socket');

/** What a guard needs to close the socket it protects. */
interface Closable {
  close(code?: number, reason?: string): void;
}

/** Logs and counts an unexpected failure on one socket, then closes that socket with 1011 (internal error). */
export function failSocket(endpoint: SocketEndpoint, metrics: Metrics, socket: Closable | undefined, where: string, error: unknown): void {
  metrics.socketErrors.inc({ endpoint });
  log.error({ endpoint, where, err: error }, 'a socket event failed; that socket is closed');
  try {
    socket?.close(1011, 'internal error');
  } catch {
    // The socket may already be gone; there is nothing left to close.
  }
}

/**
 * Runs `handle` for one event of one socket; an exception closes that socket instead of
 * reaching the process. Returns a function of the same shape.
 */
export function guarded<A extends unknown[]>(endpoint: SocketEndpoint, metrics: Metrics, socket: () => Closable | undefined, where: string, handle: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      handle(...args);
    } catch (error) {
      failSocket(endpoint, metrics, socket(), where, error);
    }
  };
}

type Handler<E> = ((event: E, ws: WSContext<WebSocket>) => void) | undefined;

/** Wraps every event of a Hono WebSocket handler in a guard (open, message, close, error). */
export function guardSocketEvents(endpoint: SocketEndpoint, metrics: Metrics, events: WSEvents<WebSocket>): WSEvents<WebSocket> {
  let socket: Closable | undefined;
  const wrap = <E>(where: string, handle: Handler<E>): Handler<E> =>
    handle &&
    ((event, ws) => {
      socket ??= ws;
      guarded(endpoint, metrics, () => socket, where, handle)(event, ws);
    });
  return {
    onOpen: wrap('open', events.onOpen),
    onMessage: wrap('message', events.onMessage),
    onClose: wrap('close', events.onClose),
    onError: wrap('error', events.onError),
  };
}
