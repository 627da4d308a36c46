/**
 * Fan-out between connected clients. Every delivery to a socket goes through a Bus, so
 * that several server nodes can later share one over Redis without touching the services.
 */
import type { ServerFrame } from '../protocol/server-frames.js';

/** Topics are party-scoped: a socket subscribes only to the topic of who it authenticated as. */
export const topics = {
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  agent: (agentId: string) => `agent:${agentId}`,
  /** Supervisors monitoring one conversation. */
  monitor: (conversationId: string) => `monitor:${conversationId}`,
  /** Supervisors and admins: the wallboard. */
  supervisors: () => 'supervisors',
} as const;

export type Unsubscribe = () => void;

export interface Bus {
  /** Delivers `frame` to every current subscriber of `topic`, on any node. Frames must be JSON-safe. */
  publish(topic: string, frame: ServerFrame): void;
  subscribe(topic: string, deliver: (frame: ServerFrame) => void): Unsubscribe;
  /** How many local subscribers a topic has (presence of a party on this node). */
  localSubscribers(topic: string): number;
  close(): Promise<void>;
}
