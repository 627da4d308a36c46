/**
 * One client's socket as the server sees it: validated frames in, typed frames out.
 * Frames are handled one at a time in arrival order, so a client's messages are stored
 * in the order it sent them. Oversized, malformed and over-rate frames get a typed error.
 * Its heartbeat is the SocketRegistry's one sweep, not a timer of its own.
 */
import type { WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { ErrorReason } from '../protocol/errors.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import { CLIENT_ID_MAX, CLIENT_ID_MIN, MAX_FRAME_BYTES } from '../protocol/version.js';
import { AppError } from '../kernel/app-error.js';
import { componentLogger } from '../kernel/logger.js';
import { secondsSince, type Metrics } from '../kernel/metrics.js';
import { RateLimiter } from '../kernel/rate-limiter.js';
import type { SocketSession } from './socket-session.js';

const log = componentLogger('socket');

/** A client id (see clientIdSchema) as the first `"id"` member of a frame's JSON. */
const CLIENT_ID_NEAR_START = new RegExp(`"id"\\s*:\\s*"([A-Za-z0-9_-]{${CLIENT_ID_MIN},${CLIENT_ID_MAX}})"`);

export class FrameChannel<F extends { type: string }> {
  private queue: Promise<void> = Promise.resolve();
  // 40 frames a second is far above what a person types, and bounds what one socket can cost.
  private readonly limiter = new RateLimiter(40, 1000);
  closed = false;

  constructor(
    private readonly ws: WSContext<WebSocket>,
    private readonly schema: z.ZodType<F>,
    private readonly handleFrame: (frame: F) => Promise<void>,
    /** Counts frames each way for the close line. */
    private readonly session: SocketSession,
    private readonly metrics: Metrics,
  ) {}

  send(frame: ServerFrame): void {
    if (this.closed) return;
    this.session.framesOut++;
    this.ws.send(JSON.stringify(frame));
  }

  sendError(reason: ErrorReason, message: string, id?: string): void {
    this.send({ type: 'error', ...(id ? { id } : {}), reason, message });
  }

  /** Validates a raw frame and queues it for handling. */
  receive(data: unknown): void {
    const receivedAt = performance.now();
    this.session.framesIn++;
    const text = typeof data === 'string' ? data : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? Buffer.from(data as ArrayBuffer).toString('utf8') : String(data);
    if (Buffer.byteLength(text) > MAX_FRAME_BYTES) return this.sendError('frame-too-large', `frames are limited to ${MAX_FRAME_BYTES} bytes`);
    // Refused unread, but with the frame's id when it shows near the start, so the client knows which frame to send again.
    if (!this.limiter.take('frames', Date.now())) return this.sendError('rate-limited', 'too many frames; slow down', CLIENT_ID_NEAR_START.exec(text.slice(0, 512))?.[1]);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.sendError('malformed-frame', 'a frame must be one JSON object');
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const id = typeof (json as { id?: unknown })?.id === 'string' ? ((json as { id: string }).id.slice(0, 64)) : undefined;
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ');
      return this.sendError('malformed-frame', detail, id);
    }
    const frame = parsed.data;
    this.queue = this.queue.then(() => this.run(frame, receivedAt));
  }

  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.dispose();
    this.ws.close(code, reason);
  }

  /** Marks the channel closed (no more frames out); called when the socket closes from either side. The registry's sweep keeps its heartbeat. */
  dispose(): void {
    this.closed = true;
  }

  private async run(frame: F, receivedAt: number): Promise<void> {
    if (this.closed) return;
    const started = performance.now();
    const { endpoint } = this.session;
    try {
      await this.handleFrame(frame);
      // The handler acknowledges a message last: its ack has just gone out.
      if (frame.type === 'message.send') this.metrics.ackLatency.observe({ endpoint }, secondsSince(receivedAt));
    } catch (error) {
      const id = 'id' in frame && typeof frame.id === 'string' ? frame.id : undefined;
      if (error instanceof AppError) return this.sendError(error.reason, error.message, id);
      log.error({ endpoint, frame: frame.type, err: error }, 'handling a frame failed');
      this.sendError('internal', 'internal error', id);
    } finally {
      this.metrics.frameDuration.observe({ endpoint, type: frame.type }, secondsSince(started));
    }
  }
}
