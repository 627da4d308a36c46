/**
 * The rooms of the active co-browse sessions on this node: opened when a party joins, closed
 * (with every socket in them) when the session ends, and not before, even when empty. Tells the service when the visitor's page
 * comes and goes, which is how a session outlives a page load but not a visitor who left.
 */
import type { Bus } from '../bus/bus.js';
import { CobrowseRoom, type RoomConnection } from './cobrowse-room.js';
import type { CobrowseService } from './cobrowse-service.js';

export class CobrowseRooms {
  private readonly rooms = new Map<string, CobrowseRoom>();

  constructor(
    private readonly service: CobrowseService,
    private readonly bus: Bus,
  ) {
    service.onEnded((sessionId) => this.close(sessionId));
  }

  join(sessionId: string, conn: RoomConnection): void {
    let room = this.rooms.get(sessionId);
    if (!room) this.rooms.set(sessionId, (room = new CobrowseRoom(sessionId, this.bus)));
    room.join(conn);
    if (conn.kind === 'visitor') this.service.visitorPresence(sessionId, true);
  }

  /** @throws RoomViolation from the room. */
  receive(sessionId: string, connId: string, message: Uint8Array): void {
    this.rooms.get(sessionId)?.receive(connId, message);
  }

  leave(sessionId: string, connId: string): void {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    room.leave(connId);
    if (room.count('visitor') === 0) this.service.visitorPresence(sessionId, false);
    // An empty room keeps its page until the session ends (at the latest a grace period after the
    // visitor's page left). The next page is a new document: it must learn what the agent still
    // shows, so that its snapshot replaces that page instead of racing it.
  }

  /** How many sockets are in a session's room on this node, for tests and diagnostics. */
  connectionsIn(sessionId: string): number {
    return this.rooms.get(sessionId)?.size ?? 0;
  }

  /** The live document of a room, for tests and diagnostics. */
  docOf(sessionId: string) {
    return this.rooms.get(sessionId)?.doc;
  }

  closeAll(): void {
    for (const id of [...this.rooms.keys()]) this.close(id);
  }

  /** The session ended: the room closes with every socket in it. */
  private close(sessionId: string): void {
    this.rooms.get(sessionId)?.close();
    this.rooms.delete(sessionId);
  }
}
