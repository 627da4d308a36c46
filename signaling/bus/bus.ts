/**
 * Fan-out between connected clients. Every delivery to a socket goes through a Bus, so
 * that several server nodes can later share one over Redis without touching the services.
 */
import type { PeerMessage } from '../protocol/peer-messages.js';
import type { ServerFrame } from '../protocol/server-frames.js';

/** A topic name that also says what travels on it, so a publisher cannot send the wrong kind. */
export type Topic<F> = string & { readonly __frame?: F };

/**
 * A y-websocket message for one co-browse room, from one connection (or `server`), in base64
 * so that it stays JSON-safe. Yjs and awareness updates are idempotent, so every node holding
 * the room applies each one to its replica and forwards it to its own connections.
 */
export interface RoomMessage {
  type: 'room';
  from: string;
  kind: 'update' | 'awareness';
  data: string;
}

/** Every kind of frame the bus carries; all JSON-safe. */
export type BusFrame = ServerFrame | PeerMessage | RoomMessage;

const topic = <F>(name: string): Topic<F> => name;

/** Topics are party-scoped: a socket subscribes only to the topic of who it authenticated as. */
export const topics = {
  visitor: (visitorId: string) => topic<ServerFrame>(`visitor:${visitorId}`),
  agent: (agentId: string) => topic<ServerFrame>(`agent:${agentId}`),
  /** Supervisors monitoring one conversation. */
  monitor: (conversationId: string) => topic<ServerFrame>(`monitor:${conversationId}`),
  /** Supervisors and admins: the wallboard. */
  supervisors: () => topic<ServerFrame>('supervisors'),
  /** One PeerJS peer's socket: the voice signaling relayed to it. */
  peer: (peerId: string) => topic<PeerMessage>(`peer:${peerId}`),
  /** One co-browse session's Yjs room. */
  cobrowse: (sessionId: string) => topic<RoomMessage>(`cobrowse:${sessionId}`),
} as const;

export type Unsubscribe = () => void;

export interface Bus {
  /** Delivers `frame` to every current subscriber of `topic`, on any node. Frames must be JSON-safe. */
  publish<F extends BusFrame>(topic: Topic<F>, frame: F): void;
  subscribe<F extends BusFrame>(topic: Topic<F>, deliver: (frame: F) => void): Unsubscribe;
  /** How many local subscribers a topic has (presence of a party on this node). */
  localSubscribers(topic: string): number;
  close(): Promise<void>;
}
