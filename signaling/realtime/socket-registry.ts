/** Every open client socket on this node, so shutdown can tell them all to reconnect. */
import type { ServerFrame } from '../protocol/server-frames.js';

/** What the registry needs of a socket. */
export interface RegisteredSocket {
  send(frame: ServerFrame): void;
  close(code: number, reason: string): void;
}

export class SocketRegistry {
  private readonly channels = new Set<RegisteredSocket>();

  add(channel: RegisteredSocket): () => void {
    this.channels.add(channel);
    return () => this.channels.delete(channel);
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
  }
}
