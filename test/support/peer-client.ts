/** A raw PeerJS-protocol client for server tests and benchmarks: opens the peer socket and awaits messages. */
import WebSocket from 'ws';
import type { PeerMessage } from '../../signaling/protocol/peer-messages.js';

export class RawPeer {
  readonly messages: PeerMessage[] = [];
  readonly closed: Promise<void>;
  private readonly waiters = new Set<{ match: (m: PeerMessage) => boolean; resolve: (m: PeerMessage) => void }>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as PeerMessage;
      this.messages.push(message);
      for (const w of this.waiters) {
        if (w.match(message)) {
          this.waiters.delete(w);
          w.resolve(message);
        }
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', () => resolve()));
  }

  /** Opens `{base}/peerjs?key=&id=&token=` as the peerjs client does; resolves once the socket is open. */
  static open(base: string, params: { key: string; id: string; token: string }): Promise<RawPeer> {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}peerjs?key=${params.key}&id=${params.id}&token=${params.token}&version=1.5.5`);
    const peer = new RawPeer(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(peer));
      ws.once('error', reject);
    });
  }

  send(message: PeerMessage): void {
    this.ws.send(JSON.stringify(message));
  }

  /** The first message (already received or still to come) that matches. */
  next(match: (m: PeerMessage) => boolean, timeoutMs = 5000): Promise<PeerMessage> {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (m: PeerMessage) => (clearTimeout(timer), resolve(m)) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching peer message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.ws.close();
  }
}
