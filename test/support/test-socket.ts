/** A protocol client for server tests: sends frames, and awaits the frames it expects (never sleeps). */
import WebSocket from 'ws';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';

type Waiter = { match: (f: ServerFrame) => boolean; take: boolean; resolve: (f: ServerFrame) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class TestSocket {
  readonly frames: ServerFrame[] = [];
  readonly closed: Promise<number>;
  private readonly waiters = new Set<Waiter>();
  /** Frames already returned by `next`, so each is taken once. */
  private readonly taken = new Set<ServerFrame>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      for (const w of this.waiters) {
        if (!this.taken.has(frame) && w.match(frame)) {
          if (w.take) this.taken.add(frame);
          this.waiters.delete(w);
          clearTimeout(w.timer);
          w.resolve(frame);
        }
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const socket = new TestSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The earliest frame not yet taken that matches, waiting for it if needed. */
  next<T extends ServerFrame['type']>(type: T, match: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true, timeoutMs = 5000): Promise<Extract<ServerFrame, { type: T }>> {
    return this.await(type, match, timeoutMs, true);
  }

  /** The server's answer to the frame with client id `id`: its ack or its error. */
  answer(id: string, timeoutMs = 5000): Promise<Extract<ServerFrame, { type: 'ack' | 'error' }>> {
    const test = (f: ServerFrame) => (f.type === 'ack' || f.type === 'error') && f.id === id;
    const found = this.frames.find((f) => !this.taken.has(f) && test(f));
    if (found) {
      this.taken.add(found);
      return Promise.resolve(found as Extract<ServerFrame, { type: 'ack' | 'error' }>);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: test,
        take: true,
        resolve: (f) => resolve(f as Extract<ServerFrame, { type: 'ack' | 'error' }>),
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`no answer to ${id} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Like `next`, but leaves the frame for a later `next` (for racing several sockets). */
  peek<T extends ServerFrame['type']>(type: T, match: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true, timeoutMs = 5000): Promise<Extract<ServerFrame, { type: T }>> {
    return this.await(type, match, timeoutMs, false);
  }

  private await<T extends ServerFrame['type']>(type: T, match: (f: Extract<ServerFrame, { type: T }>) => boolean, timeoutMs: number, take: boolean): Promise<Extract<ServerFrame, { type: T }>> {
    const test = (f: ServerFrame) => f.type === type && match(f as Extract<ServerFrame, { type: T }>);
    const found = this.frames.find((f) => !this.taken.has(f) && test(f));
    if (found) {
      if (take) this.taken.add(found);
      return Promise.resolve(found as Extract<ServerFrame, { type: T }>);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: test,
        take,
        resolve: (f) => resolve(f as Extract<ServerFrame, { type: T }>),
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`no ${type} frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.filter((f) => !this.taken.has(f))).slice(0, 800)}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.ws.close();
  }
}
