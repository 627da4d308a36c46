/**
 * A co-browse room's WebSocket: admits the session's two parties by their room token, then
 * passes binary y-websocket messages to the room. A broken rule closes the socket.
 */
import { randomUUID } from 'node:crypto';
import type { WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { secondsSince } from '../kernel/metrics.js';
import { RoomViolation } from '../cobrowse/cobrowse-room.js';
import type { CobrowseRooms } from '../cobrowse/cobrowse-rooms.js';
import type { CobrowseService } from '../cobrowse/cobrowse-service.js';
import { failSocket } from './socket-guard.js';
import { SocketSession, type SocketTelemetry } from './socket-session.js';

/** y-websocket's message types by their first byte (a varint below 128), to label frame timings. */
const YJS_MESSAGE_TYPES = ['sync', 'awareness', 'auth', 'query-awareness'];

export function cobrowseSocket(service: CobrowseService, rooms: CobrowseRooms, sessionId: string, token: string | undefined, telemetry: SocketTelemetry): WSEvents<WebSocket> {
  const connId = randomUUID();
  let joined = false;
  let session: SocketSession | undefined;
  return {
    onOpen(_event, ws) {
      const opened = (session = new SocketSession('cobrowse', telemetry.requestId));
      const party = token ? service.admit(sessionId, token) : undefined;
      // Close codes 4000-4999 are ours: 4403 says "not yours, or over"; y-websocket will retry, and be refused again.
      if (!party) return ws.close(4403, 'not a party of an active co-browse session');
      const raw = ws.raw!;
      rooms.join(sessionId, {
        id: connId,
        kind: party.kind,
        send: (message) => {
          if (raw.readyState !== raw.OPEN) return;
          opened.framesOut++;
          raw.send(message);
        },
        close: () => raw.close(4000, 'co-browse session ended'),
      });
      joined = true;
      raw.on('message', (data: Buffer, isBinary: boolean) => {
        const started = performance.now();
        opened.framesIn++;
        try {
          if (!isBinary) throw new RoomViolation(1003, 'binary y-websocket messages only');
          rooms.receive(sessionId, connId, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        } catch (error) {
          // A broken rule closes with its own code; anything else is our fault, and still only this socket's end.
          if (error instanceof RoomViolation) raw.close(error.code, error.message.slice(0, 120));
          else failSocket('cobrowse', telemetry.metrics, raw, 'frame', error);
        } finally {
          telemetry.metrics.frameDuration.observe({ endpoint: 'cobrowse', type: (isBinary && YJS_MESSAGE_TYPES[data[0]!]) || 'other' }, secondsSince(started));
        }
      });
    },
    onClose(event) {
      if (joined) rooms.leave(sessionId, connId);
      session?.closed(event.code, event.reason);
    },
  };
}
