/**
 * One protocol socket of a soak party: frames in to a listener, requests answered by their
 * `ack` or `error` (or rejected when the socket goes, so the caller keeps the frame to re-send),
 * and at most a few frames a second so no party trips the server's per-socket rate limit.
 */
import WebSocket from 'ws';
import type { ClientFrame } from '../../signaling/protocol/client-frames.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';

export type Answer = Extract<ServerFrame, { type: 'ack' | 'error' }>;

/** Raised for a request whose socket closed before the answer came. */
export class Disconnected extends Error {}

const REQUEST_TIMEOUT_MS = 20_000;
/** Well under the server's 40 frames a second per socket. */
const MAX_FRAMES_PER_SECOND = 20;

export class SoakSocket {
  private readonly pending = new Map<string, { resolve: (a: Answer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private sentThisSecond = 0;
  private secondStart = 0;
  readonly closed: Promise<void>;

  private constructor(
    private readonly ws: WebSocket,
    onFrame: (frame: ServerFrame) => void,
  ) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if ((frame.type === 'ack' || frame.type === 'error') && frame.id) {
        const waiter = this.pending.get(frame.id);
        if (waiter) {
          this.pending.delete(frame.id);
          clearTimeout(waiter.timer);
          waiter.resolve(frame);
        }
      }
      onFrame(frame);
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', () => {
        for (const [id, waiter] of this.pending) {
          clearTimeout(waiter.timer);
          waiter.reject(new Disconnected(`socket closed before the answer to ${id}`));
        }
        this.pending.clear();
        resolve();
      }),
    );
    // A socket error is followed by close, which settles everything.
    ws.on('error', () => {});
  }

  /** Opens the socket; rejects when the server refuses the upgrade or is not there. */
  static open(url: string, headers: Record<string, string>, onFrame: (frame: ServerFrame) => void): Promise<SoakSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers, handshakeTimeout: 10_000 });
      const socket = new SoakSocket(ws, onFrame);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`HTTP ${res.statusCode}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a frame without waiting (typing, read, hello). */
  async notify(frame: ClientFrame): Promise<void> {
    await this.pace();
    if (!this.open) throw new Disconnected('socket closed');
    this.ws.send(JSON.stringify(frame));
  }

  /** Sends a frame with an `id` and resolves with the server's answer to it. */
  async request(frame: Extract<ClientFrame, { id: string }>): Promise<Answer> {
    await this.pace();
    if (!this.open) throw new Disconnected('socket closed');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(frame.id);
        reject(new Error(`no answer to ${frame.type} ${frame.id} within ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(frame.id, { resolve, reject, timer });
      this.ws.send(JSON.stringify(frame));
    });
  }

  /** Drops the connection without a closing handshake, as a lost network does. */
  terminate(): void {
    this.ws.terminate();
  }

  close(): void {
    this.ws.close();
  }

  private async pace(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const now = Date.now();
      if (now - this.secondStart >= 1000) {
        this.secondStart = now;
        this.sentThisSecond = 0;
      }
      if (this.sentThisSecond < MAX_FRAMES_PER_SECOND) {
        this.sentThisSecond++;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 - (now - this.secondStart) + 1));
    }
  }
}
