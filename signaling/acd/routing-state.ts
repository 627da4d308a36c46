/** The engine's view of contacts and agents, and the rules that say who may take what. */
import type { Capacity, Channel, Membership, QueueConfig, Skills } from './types.js';
import type { Ordered } from './waiting-list.js';

export interface ContactState extends Ordered {
  id: string;
  queueId: string;
  channel: Channel;
  enqueuedAt: number;
  priority: number;
  requiredSkills: Skills;
  preferredAgentId?: string;
  /** Live offers: agent → expiry. One, or several for ring-all. */
  offers: Map<string, number>;
  /** Agents who declined or missed this contact, and when they may be offered it again. */
  skipUntil: Map<string, number>;
  /** The highest tier that may be offered this contact now. */
  tier: number;
  /** The lowest tier that may be offered it: set when an agent escalated it (`contact-returned` with `minTier`). */
  minTier?: number;
  /** How many times it overflowed from queue to queue (a loop guard). */
  hops: number;
  assignedTo?: string;
  assignedAt?: number;
  /** Put back by `contact-returned`: it is served before every contact that was not. */
  returned?: boolean;
}

export interface AgentState {
  id: string;
  /** Logged in and not on a break or offline. */
  available: boolean;
  queues: Map<string, Membership>;
  skills: Skills;
  capacity: Capacity;
  /** Contacts being handled, with their channel and queue. */
  handling: Map<string, { channel: Channel; queueId: string; since: number }>;
  /** The contact offered now; an agent holds one offer at a time. */
  offered?: string;
  idleSince: number;
  handledToday: number;
  handledDay: number;
  /** In after-contact work until this time (undefined: until the agent says done). */
  wrapUp?: { until: number | undefined };
  /** No offers before this time (after a decline or a missed offer). */
  notBefore: number;
  missedInARow: number;
}

/** Which channels a contact on a channel keeps the agent from being offered. */
export type BlockingRules = Partial<Record<Channel, Channel[]>>;

/** A voice call blocks new chats, e-mail and messages; those never block a call (they yield to voice). */
export const DEFAULT_BLOCKING: BlockingRules = { voice: ['chat', 'email', 'message'] };

/** Whether the agent has room for one more contact on `channel` under capacity and cross-channel rules. */
export function hasRoom(agent: AgentState, channel: Channel, blocking: BlockingRules): boolean {
  let same = 0;
  for (const h of agent.handling.values()) {
    if (h.channel === channel) same++;
    if (blocking[h.channel]?.includes(channel)) return false;
  }
  return same < (agent.capacity[channel] ?? 0);
}

/** Whether the agent may be offered anything at all right now. */
export function isFree(agent: AgentState, now: number): boolean {
  return agent.available && !agent.offered && !agent.wrapUp && now >= agent.notBefore;
}

/** Sum of the agent's levels in the skills required, or -1 when a required level is not met. */
export function skillScore(agent: AgentState, ...required: Skills[]): number {
  let score = 0;
  for (const skills of required) {
    for (const [skill, level] of Object.entries(skills)) {
      const has = agent.skills[skill] ?? 0;
      if (has < level) return -1;
      score += has;
    }
  }
  return score;
}

/** Far below any real key (epoch milliseconds minus priority credit), yet exact in a double. */
const RETURNED_KEY_BASE = -(2 ** 52);

/** The serving key: enqueue time, earlier by `priorityWeightMs` per priority point. */
export function servingKey(contact: Pick<ContactState, 'enqueuedAt' | 'priority' | 'returned'>, queue: QueueConfig): number {
  // A returned contact was already answered once: it goes to the head, ahead of any priority.
  if (contact.returned) return RETURNED_KEY_BASE + contact.enqueuedAt;
  return contact.enqueuedAt - (contact.priority + queue.priority) * queue.priorityWeightMs;
}

/** The highest tier a contact may reach after waiting `waitedMs`. */
export function allowedTier(queue: QueueConfig, waitedMs: number): number {
  return queue.tierWaitMs > 0 ? 1 + Math.floor(Math.max(0, waitedMs) / queue.tierWaitMs) : Number.POSITIVE_INFINITY;
}

/** mulberry32: a tiny seeded generator, so `random` routing and simulations replay exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
