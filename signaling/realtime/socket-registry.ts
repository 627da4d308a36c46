/**
 * Every open client socket on this node: so shutdown can tell them all to reconnect, and so one
 * heartbeat sweep (heartbeat-sweep.ts) notices the ones whose peer stopped answering.
 */
import type { ServerFrame } from '../protocol/server-frames.js';
import { HeartbeatSweep, type HeartbeatOptions, type HeartbeatTarget } from './heartbeat-sweep.js';

/** What the registry needs of a socket. */
export interface RegisteredSocket {
  send(frame: ServerFrame): void;
  close(code: number, reason: string): void;
}

/** The underlying connection, when there is one (the `ws` library's socket): pinged, heard from, terminated. */
export interface HeartbeatConnection extends HeartbeatTarget {
  on(event: 'pong', listener: () => void): unknown;
  off(event: 'pong', listener: () => void): unknown;
}

export class SocketRegistry {
  private readonly channels = new Set<RegisteredSocket>();
  private readonly heartbeat: HeartbeatSweep;
  /** One listener for every socket's pongs (`this` is the socket that answered), rather than a closure each. */
  private readonly onPong: () => void;

  constructor(heartbeat: HeartbeatOptions = {}) {
    this.heartbeat = new HeartbeatSweep(heartbeat);
    const sweep = this.heartbeat;
    this.onPong = function (this: HeartbeatTarget) {
      sweep.seen(this);
    };
  }

  /** Registers a channel (and watches its connection's heartbeat); returns the function that releases both. */
  add(channel: RegisteredSocket, connection?: HeartbeatConnection): () => void {
    this.channels.add(channel);
    if (!connection) return () => void this.channels.delete(channel);
    connection.on('pong', this.onPong);
    const unwatch = this.heartbeat.watch(connection);
    return () => {
      this.channels.delete(channel);
      connection.off('pong', this.onPong);
      unwatch();
    };
  }

  /** The client sent a frame: as good as a pong. */
  heardFrom(connection: HeartbeatConnection | undefined): void {
    if (connection) this.heartbeat.seen(connection);
  }

  get size(): number {
    return this.channels.size;
  }

  /** Sends `reconnect` and closes with 1012 (service restart) so clients come back with back-off. */
  closeAll(): void {
    for (const channel of this.channels) {
      channel.send({ type: 'reconnect', reason: 'server-shutdown' });
      channel.close(1012, 'server restarting');
    }
    this.channels.clear();
    this.heartbeat.destroy();
  }
}
