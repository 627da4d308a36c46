/**
 * WebSockets for the Hono app on Node: what @hono/node-ws does, without what it kept alive. Its
 * per-socket listeners were closures in the same scope as the upgrade's Hono Context, so every
 * open socket held the whole upgrade request, its Headers, URLs and two Responses for its life
 * (about 8 KiB an idle visitor). Here the Context is read during the upgrade and dropped: what an
 * open socket keeps is the `ws` socket, its events and one small context object.
 *
 * The upgrade goes through the app like any request (so middleware can refuse it with a status);
 * the route's `upgradeWebSocket` handler leaves an acceptor in the request's env, and only then is
 * the connection upgraded.
 */
import type { Hono } from 'hono';
import { defineWebSocketHelper, WSContext, type WSEvents } from 'hono/ws';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

const ACCEPT = Symbol('accept the upgrade');

/** The env an upgrade request carries through the app (`c.env`). */
interface UpgradeEnv {
  incoming: IncomingMessage;
  outgoing: undefined;
  [ACCEPT]?: (ws: WebSocket, socket: Duplex) => void;
}

type ErrorHandler = (error: unknown) => void;

/** What emits Node's `upgrade` event: an http.Server, or the server @hono/node-server returns. */
type UpgradeSource = { on(event: 'upgrade', listener: (request: IncomingMessage, socket: Duplex, head: Buffer) => void): unknown };

export interface NodeWebSocketOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app, whatever its env
  app: Hono<any>;
  /** Largest frame a client may send; `ws` closes the socket (1009) above it. */
  maxPayload?: number;
}

export function createNodeWebSocket({ app, maxPayload }: NodeWebSocketOptions) {
  const wss = new WebSocketServer({ noServer: true, ...(maxPayload ? { maxPayload } : {}) });

  const upgradeWebSocket = defineWebSocketHelper<WebSocket>(async (c, events, options) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return;
    const onError: ErrorHandler = options?.onError ?? console.error;
    // A module-level function, so the listeners it makes cannot reach this scope's `c`.
    (c.env as UpgradeEnv)[ACCEPT] = (ws, socket) => attach(ws, socket, events, onError);
    return new Response();
  });

  function injectWebSocket(server: UpgradeSource): void {
    server.on('upgrade', (request, socket, head) => {
      void upgrade(request, socket, head).catch(() => socket.destroy());
    });
  }

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const headers = new Headers();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value) headers.append(key, Array.isArray(value) ? value[0]! : value);
    }
    const env: UpgradeEnv = { incoming: request, outgoing: undefined };
    const response = await app.request(new URL(request.url ?? '/', 'http://localhost'), { headers }, env);
    const accept = env[ACCEPT];
    if (!accept) {
      socket.end(`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
      accept(ws, socket);
    });
  }

  return { wss, upgradeWebSocket, injectWebSocket };
}

/** Connects an upgraded socket to the route's events; called synchronously, so no frame arrives before `onOpen`. */
function attach(ws: WebSocket, socket: Duplex, events: WSEvents<WebSocket>, onError: ErrorHandler): void {
  // No `url` (it would be one more URL object per socket): nothing here reads it.
  const ctx = new WSContext<WebSocket>({
    raw: ws,
    send: (data, options) => {
      holdWritesForThisTick(socket);
      ws.send(data, { compress: options.compress });
    },
    close: (code, reason) => ws.close(code, reason),
    get readyState() {
      return ws.readyState as 0 | 1 | 2 | 3;
    },
  });
  const safely = (run: () => void) => {
    try {
      run();
    } catch (error) {
      onError(error);
    }
  };
  safely(() => events.onOpen?.(new Event('open'), ctx));
  ws.on('message', (data: RawData, isBinary: boolean) => {
    for (const part of Array.isArray(data) ? data : [data]) {
      safely(() => events.onMessage?.(new MessageEvent('message', { data: isBinary ? toArrayBuffer(part) : part.toString('utf-8') }), ctx));
    }
  });
  ws.on('close', (code: number, reason: Buffer) => safely(() => events.onClose?.(closeEvent(code, reason.toString()), ctx)));
  ws.on('error', (error: Error) => safely(() => events.onError?.(Object.assign(new Event('error'), { error }), ctx)));
}

/**
 * Frames sent to one socket in the same turn (a message's echo and its ack, several messages of
 * one group commit to an agent) leave in one write: each `ws.send` would otherwise be a syscall
 * of its own. `ws` corks around each frame too; writes flush when the outermost cork is lifted.
 */
function holdWritesForThisTick(socket: Duplex): void {
  if (socket.writableCorked > 0) return;
  socket.cork();
  process.nextTick(() => socket.uncork());
}

function toArrayBuffer(data: Buffer | ArrayBuffer): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/** Node 20 has no global CloseEvent; an Event carrying the same fields. */
function closeEvent(code: number, reason: string): CloseEvent {
  if (typeof globalThis.CloseEvent === 'function') return new CloseEvent('close', { code, reason, wasClean: code !== 1006 });
  return Object.assign(new Event('close'), { code, reason, wasClean: code !== 1006 }) as CloseEvent;
}
