/**
 * The PeerJS server's message handling, with one rule the stock PeerServer lacks: a peer may
 * signal only the other party of its own call. Every delivery goes through the Bus, so the
 * two peers of a call may later sit on different server nodes.
 */
import { topics, type Bus, type Unsubscribe } from '../bus/bus.js';
import { PeerMessageType, RELAYED_TYPES, VOICE_DEAD_AFTER_MS, type PeerMessage } from '../protocol/peer-messages.js';
import { RateLimiter } from '../kernel/rate-limiter.js';
import type { CallParty } from './peer-credentials.js';

/** What the relay needs to know about calls. */
export interface PeerDirectory {
  /** The one peer this peer may signal, or undefined while its call has no other party. */
  counterpartOf(peerId: string): string | undefined;
  mayConnect(party: CallParty): boolean;
  /** Whether this peer may only offer relayed (TURN) candidates. */
  relayOnly(peerId: string): boolean;
  peerConnected(party: CallParty): void;
  peerDisconnected(party: CallParty): void;
}

/** One open peer socket, as the relay sees it. */
export interface PeerLink {
  send(message: PeerMessage): void;
  close(): void;
}

interface Connected {
  party: CallParty;
  link: PeerLink;
  lastSeen: number;
  unsubscribe: Unsubscribe;
}

/** A message for a peer that has not connected yet is kept this long, then the sender hears EXPIRE. */
const PENDING_MS = 5000;
const PENDING_MAX = 64;
export const MAX_PEER_MESSAGE_BYTES = 64 * 1024;

export class PeerRelay {
  private readonly connected = new Map<string, Connected>();
  private readonly pending = new Map<string, { messages: PeerMessage[]; since: number }>();
  // Trickle ICE sends a burst of candidates; 100 a second per peer is far above it.
  private readonly limiter = new RateLimiter(100, 1000);
  private readonly sweeper: ReturnType<typeof setInterval>;
  /** Messages refused because their destination was not the sender's call partner. */
  refused = 0;

  constructor(
    private readonly bus: Bus,
    private readonly directory: PeerDirectory,
    private readonly clock: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 500);
    this.sweeper.unref();
  }

  get size(): number {
    return this.connected.size;
  }

  /** A peer's socket opened with valid credentials. A second socket for the same id (a reload) replaces the first. */
  attach(peerId: string, party: CallParty, link: PeerLink): void {
    const previous = this.connected.get(peerId);
    if (previous) {
      previous.unsubscribe();
      previous.link.close();
    }
    const unsubscribe = this.bus.subscribe(topics.peer(peerId), (message) => link.send(message));
    this.connected.set(peerId, { party, link, lastSeen: this.clock(), unsubscribe });
    link.send({ type: PeerMessageType.open });
    this.directory.peerConnected(party);
    const waiting = this.pending.get(peerId);
    this.pending.delete(peerId);
    for (const message of waiting?.messages ?? []) link.send(message);
  }

  /** The socket closed; only the current socket of a peer counts (not one replaced by a reload). */
  detach(peerId: string, link: PeerLink): void {
    const entry = this.connected.get(peerId);
    if (!entry || entry.link !== link) return;
    entry.unsubscribe();
    this.connected.delete(peerId);
    this.directory.peerDisconnected(entry.party);
  }

  receive(peerId: string, raw: string): void {
    const entry = this.connected.get(peerId);
    if (!entry) return;
    const now = this.clock();
    entry.lastSeen = now;
    if (raw.length > MAX_PEER_MESSAGE_BYTES) return this.fail(entry, 'message too large');
    if (!this.limiter.take(peerId, now)) return this.fail(entry, 'too many messages');
    let message: PeerMessage;
    try {
      message = JSON.parse(raw) as PeerMessage;
    } catch {
      return this.fail(entry, 'messages must be JSON');
    }
    if (message?.type === PeerMessageType.heartbeat) return;
    if (typeof message?.type !== 'string' || !RELAYED_TYPES.has(message.type)) return this.fail(entry, `unknown message type ${String(message?.type).slice(0, 20)}`);
    const dst = message.dst;
    if (typeof dst !== 'string' || dst !== this.directory.counterpartOf(peerId)) {
      // Not the other party of this peer's call (or no call yet): refused, and said so as PeerJS
      // understands it, an EXPIRE that the client reports as `peer-unavailable` without dropping its own calls.
      this.refused++;
      return entry.link.send({ type: PeerMessageType.expire, src: typeof dst === 'string' ? dst.slice(0, 64) : '', payload: { msg: 'refused: that peer is not in your call' } });
    }
    if (this.directory.relayOnly(peerId) && !onlyRelayed(message)) return;
    this.deliver({ type: message.type, src: peerId, dst, payload: message.payload });
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const [peerId, entry] of this.connected) {
      entry.unsubscribe();
      entry.link.close();
      this.connected.delete(peerId);
    }
  }

  private deliver(message: PeerMessage & { dst: string }): void {
    const topic = topics.peer(message.dst);
    if (this.bus.localSubscribers(topic) > 0) return this.bus.publish(topic, message);
    // The partner's peer is not connected yet (still opening, or reloading): hold it briefly.
    let waiting = this.pending.get(message.dst);
    if (!waiting) this.pending.set(message.dst, (waiting = { messages: [], since: this.clock() }));
    if (waiting.messages.length < PENDING_MAX) waiting.messages.push(message);
  }

  /** Drops peers that stopped sending heartbeats, and expires messages nobody came for. */
  private sweep(): void {
    const now = this.clock();
    for (const [peerId, entry] of this.connected) {
      if (now - entry.lastSeen <= VOICE_DEAD_AFTER_MS) continue;
      entry.link.close();
      this.detach(peerId, entry.link);
    }
    for (const [dst, waiting] of this.pending) {
      if (now - waiting.since < PENDING_MS) continue;
      this.pending.delete(dst);
      const senders = new Set(waiting.messages.map((m) => m.src!));
      for (const src of senders) this.bus.publish(topics.peer(src), { type: PeerMessageType.expire, src: dst });
    }
  }

  private fail(entry: Connected, msg: string): void {
    // PeerJS treats ERROR as fatal and drops the peer: right for a client that breaks the protocol.
    entry.link.send({ type: PeerMessageType.error, payload: { msg } });
    entry.link.close();
  }
}

/** In relay-only mode, only TURN-relayed candidates may pass (in CANDIDATE messages and inside SDP). */
function onlyRelayed(message: PeerMessage): boolean {
  const payload = message.payload as { candidate?: { candidate?: string }; sdp?: { sdp?: string } } | undefined;
  if (message.type === PeerMessageType.candidate) return / typ relay( |$)/.test(payload?.candidate?.candidate ?? '');
  if (payload?.sdp?.sdp) payload.sdp.sdp = payload.sdp.sdp.replace(/^a=candidate:(?!.* typ relay( |$)).*\r?\n/gm, '');
  return true;
}
