/**
 * The client end of the protocol, shared by the widget and the agent app: one socket that
 * says hello, reconnects with back-off, matches acks to requests by client id, and re-sends
 * unacknowledged requests after a reconnect (the server treats a repeated id as the same
 * request, so nothing is stored twice). Depends only on a minimal WebSocket shape.
 */
import type { ErrorReason } from './errors.js';
import type { ServerFrame } from './server-frames.js';

/** The part of the browser WebSocket this client uses, so tests or other runtimes can supply one. */
export interface MinimalSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export const ConnectionStatus = {
  /** First connection attempt, not yet welcomed. */
  connecting: 'connecting',
  /** Welcomed: frames flow. */
  open: 'open',
  /** Lost the connection; retrying with back-off. */
  reconnecting: 'reconnecting',
  /** Stopped for good: closed by the app, or refused (bad version, not authenticated). */
  closed: 'closed',
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

/** A request the server refused; `reason` is for the UI's catalogue. */
export class ProtocolError extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

type Ack = Extract<ServerFrame, { type: 'ack' }>;
type Welcome = Extract<ServerFrame, { type: 'welcome' }>;

interface Pending {
  frame: { id: string };
  resolve(ack: Ack): void;
  reject(error: ProtocolError): void;
}

export interface ProtocolClientOptions {
  /** The socket URL, asked again before each attempt. */
  url: () => string | Promise<string>;
  /** The hello frame to send first on every connection. */
  hello: () => { type: 'hello'; protocol: number; token?: string };
  createSocket?: (url: string) => MinimalSocket;
  /** Back-off bounds in ms; each failure doubles the delay, with jitter. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** Reasons after which retrying cannot help. */
const FATAL: ReadonlySet<string> = new Set(['unsupported-version', 'not-authenticated', 'origin-not-allowed']);

/**
 * @example
 * const client = new ProtocolClient({ url: () => 'wss://host/ws/visitor', hello: () => ({ type: 'hello', protocol: 1, token }) });
 * client.onFrame((frame) => render(frame));
 * client.connect();
 * const ack = await client.request({ type: 'message.send', id: crypto.randomUUID(), conversationId, text: 'Hi' });
 */
export class ProtocolClient<Out extends { type: string }> {
  status: ConnectionStatus = ConnectionStatus.connecting;
  /** The reason the client closed for good, when it did. */
  fatalReason: ErrorReason | undefined;
  private socket: MinimalSocket | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly options: ProtocolClientOptions) {}

  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  connect(): void {
    this.stopped = false;
    void this.open();
  }

  /** Reconnects now (for example when the page comes back online), skipping the back-off wait. */
  reconnectNow(): void {
    if (this.stopped || this.status === ConnectionStatus.open) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.open();
  }

  /**
   * Replaces the connection now, open or not: after the device slept, the socket may look open
   * while the server gave it up long ago (its heartbeat went unanswered), and nothing would say
   * so until a write failed. Requests without an ack go out again after the next welcome.
   */
  renew(): void {
    if (this.stopped) return;
    const stale = this.socket;
    if (!stale) return this.reconnectNow();
    this.socket = undefined;
    try {
      stale.close(4000, 'renewed after sleep');
    } catch {
      // Already closing.
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.setStatus(ConnectionStatus.reconnecting);
    void this.open();
  }

  /**
   * Sends a frame that carries an `id` and resolves with its ack. When the connection drops
   * first, the frame is sent again after the next welcome; it rejects only when the server
   * refuses it, or the client is closed.
   */
  request(frame: Out & { id: string }): Promise<Ack> {
    return new Promise((resolve, reject) => {
      this.pending.set(frame.id, { frame, resolve, reject });
      if (this.status === ConnectionStatus.open) this.write(frame);
    });
  }

  /** Sends a frame without an ack (typing, read); dropped while disconnected, by design. */
  notify(frame: Out): void {
    if (this.status === ConnectionStatus.open) this.write(frame);
  }

  close(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'closed by client');
    this.socket = undefined;
    this.setStatus(ConnectionStatus.closed);
    for (const p of this.pending.values()) p.reject(new ProtocolError('internal', 'connection closed'));
    this.pending.clear();
  }

  private async open(): Promise<void> {
    let url: string;
    try {
      url = await this.options.url();
    } catch {
      return this.scheduleRetry();
    }
    if (this.stopped) return;
    const socket = (this.options.createSocket ?? ((u: string) => new WebSocket(u) as unknown as MinimalSocket))(url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify(this.options.hello()));
    socket.onmessage = (ev) => this.receive(socket, ev.data);
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (!this.stopped) this.scheduleRetry();
    };
  }

  private receive(socket: MinimalSocket, data: unknown): void {
    if (socket !== this.socket || typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'welcome') this.welcomed(frame);
    else if (frame.type === 'ack') this.settle(frame.id, (p) => p.resolve(frame));
    else if (frame.type === 'error') {
      if (frame.id && this.pending.has(frame.id)) this.settle(frame.id, (p) => p.reject(new ProtocolError(frame.reason, frame.message)));
      else if (FATAL.has(frame.reason)) {
        this.fatalReason = frame.reason;
        this.close();
      }
    } else if (frame.type === 'reconnect') {
      socket.close(1000, 'server asked to reconnect');
    }
    for (const listener of this.frameListeners) listener(frame);
  }

  private welcomed(_welcome: Welcome): void {
    this.attempts = 0;
    this.setStatus(ConnectionStatus.open);
    // Listeners see the welcome first (and may sync); then unacked requests go out again.
    queueMicrotask(() => {
      for (const p of this.pending.values()) this.write(p.frame);
    });
  }

  private settle(id: string, act: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    act(p);
  }

  private write(frame: object): void {
    try {
      this.socket?.send(JSON.stringify(frame));
    } catch {
      // The socket is closing; the frame is re-sent after the next welcome if it needs an ack.
    }
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.setStatus(ConnectionStatus.reconnecting);
    const min = this.options.minDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 10_000;
    const delay = Math.min(max, min * 2 ** this.attempts) * (0.5 + Math.random() / 2);
    this.attempts++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.open();
    }, delay);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
