/**
 * A co-browse room's WebSocket: admits the session's two parties by their room token, then
 * passes binary y-websocket messages to the room. A broken rule closes the socket.
 */
import { randomUUID } from 'node:crypto';
import type { WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { RoomViolation } from '../cobrowse/cobrowse-room.js';
import type { CobrowseRooms } from '../cobrowse/cobrowse-rooms.js';
import type { CobrowseService } from '../cobrowse/cobrowse-service.js';

export function cobrowseSocket(service: CobrowseService, rooms: CobrowseRooms, sessionId: string, token: string | undefined): WSEvents<WebSocket> {
  const connId = randomUUID();
  let joined = false;
  return {
    onOpen(_event, ws) {
      const party = token ? service.admit(sessionId, token) : undefined;
      // Close codes 4000-4999 are ours: 4403 says "not yours, or over"; y-websocket will retry, and be refused again.
      if (!party) return ws.close(4403, 'not a party of an active co-browse session');
      const raw = ws.raw!;
      rooms.join(sessionId, {
        id: connId,
        kind: party.kind,
        send: (message) => {
          if (raw.readyState === raw.OPEN) raw.send(message);
        },
        close: () => raw.close(4000, 'co-browse session ended'),
      });
      joined = true;
      raw.on('message', (data: Buffer, isBinary: boolean) => {
        try {
          if (!isBinary) throw new RoomViolation(1003, 'binary y-websocket messages only');
          rooms.receive(sessionId, connId, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        } catch (error) {
          if (!(error instanceof RoomViolation)) throw error;
          raw.close(error.code, error.message.slice(0, 120));
        }
      });
    },
    onClose() {
      if (joined) rooms.leave(sessionId, connId);
    },
  };
}
