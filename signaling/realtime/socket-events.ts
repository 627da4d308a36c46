/** The Hono WebSocket events every client socket shares: a FrameChannel, registered for shutdown, logged at open and close, released on close. */
import type { WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import { FrameChannel } from './frame-channel.js';
import type { SocketRegistry } from './socket-registry.js';
import { SocketSession, type SocketEndpoint, type SocketTelemetry } from './socket-session.js';

export interface SocketEventsOptions<F extends { type: string }> {
  endpoint: SocketEndpoint;
  telemetry: SocketTelemetry;
  schema: z.ZodType<F>;
  registry: SocketRegistry;
  /** Handles one validated frame; frames arrive one at a time, in order. */
  handle(frame: F): Promise<void>;
  /** Receives the channel once the socket is open (to send frames on it). */
  opened(channel: FrameChannel<F>): void;
  /** Releases what the socket subscribed to; the channel itself is released already. */
  closed(): void;
}

export function socketEvents<F extends { type: string }>(options: SocketEventsOptions<F>): WSEvents<WebSocket> {
  let channel: FrameChannel<F> | undefined;
  let session: SocketSession | undefined;
  let unregister = () => {};
  return {
    onOpen(_event, ws) {
      session = new SocketSession(options.endpoint, options.telemetry.requestId);
      channel = new FrameChannel(ws, options.schema, options.handle, session, options.telemetry.metrics);
      unregister = options.registry.add(channel, ws.raw);
      options.opened(channel);
    },
    onMessage(event, ws) {
      options.registry.heardFrom(ws.raw);
      channel?.receive(event.data);
    },
    onClose(event) {
      channel?.dispose();
      unregister();
      options.closed();
      session?.closed(event.code, event.reason);
    },
  };
}
