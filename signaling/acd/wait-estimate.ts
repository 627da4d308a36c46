/**
 * The expected wait of a contact at a place in line: when the slots of the agents who could
 * serve it come free (now, at the end of a wrap-up, or when a contact reaches the measured
 * handle time), taken in turn by the contacts ahead of it. Pure; the engine gives it the
 * queue's members.
 */
import { skillScore, type AgentState, type BlockingRules } from './routing-state.js';
import type { Channel, QueueConfig, Skills } from './types.js';

/** How much each new handle time counts in the running average (exponentially weighted). */
const HANDLE_TIME_WEIGHT = 0.2;

/** The measured handle time of each queue, for the estimate; the queue's expected one until measured. */
export class HandleTimes {
  private readonly byQueue = new Map<string, number>();

  record(queueId: string, ms: number): void {
    const previous = this.byQueue.get(queueId);
    this.byQueue.set(queueId, previous === undefined ? ms : previous * (1 - HANDLE_TIME_WEIGHT) + ms * HANDLE_TIME_WEIGHT);
  }

  of(queue: QueueConfig): number {
    return this.byQueue.get(queue.id) ?? queue.expectedHandleMs;
  }
}

export interface WaitQuestion {
  queue: QueueConfig;
  members: Iterable<AgentState>;
  channel: Channel;
  /** The contact's own skill needs, beyond the queue's. */
  requiredSkills: Skills;
  /** 1 is next in line. */
  position: number;
  handleMs: number;
  blocking: BlockingRules;
  /** The engine's time, to tell how far along each contact and wrap-up is. */
  now: number;
}

/** A contact that has run past the typical handle time is expected to end within this share of it. */
const OVERRUN_SHARE = 0.25;

/**
 * When each of an agent's slots on the channel can take a new contact, in ms from now.
 * Infinity when nobody can say: a wrap-up that lasts until the agent records a disposition.
 */
function slotReadyTimes(agent: AgentState, q: WaitQuestion): number[] {
  const capacity = agent.capacity[q.channel] ?? 0;
  if (capacity <= 0) return [];
  const left = (since: number) => Math.max(q.handleMs - (q.now - since), q.handleMs * OVERRUN_SHARE);
  // After-contact work first; a wrap-up waiting for a disposition has no known end.
  let notBefore = agent.wrapUp ? (agent.wrapUp.until === undefined ? Number.POSITIVE_INFINITY : Math.max(0, agent.wrapUp.until - q.now)) : 0;
  notBefore = Math.max(notBefore, agent.notBefore - q.now);
  const busy: number[] = [];
  for (const h of agent.handling.values()) {
    if (h.channel === q.channel) busy.push(left(h.since));
    // A call keeps the agent from new chats until it ends.
    else if (q.blocking[h.channel]?.includes(q.channel)) notBefore = Math.max(notBefore, left(h.since));
  }
  const ready = busy.slice(0, capacity).map((t) => Math.max(t, notBefore));
  while (ready.length < capacity) ready.push(notBefore);
  return ready;
}

/**
 * Milliseconds until the contact at `position` can expect an agent, or undefined when no
 * available member could serve it in a time anyone can tell (nobody signed in and on duty with
 * the skills and the channel, or all of them in a wrap-up that waits for a disposition).
 * Each slot serving the channel takes the next contact when it is free: now, when its wrap-up
 * ends, or when its contact reaches the typical handle time; then one more every handle time.
 */
export function estimateWait(q: WaitQuestion): number | undefined {
  const ready: number[] = [];
  for (const agent of q.members) {
    if (!agent.available || skillScore(agent, q.queue.requiredSkills, q.requiredSkills) < 0) continue;
    for (const t of slotReadyTimes(agent, q)) if (Number.isFinite(t)) ready.push(t);
  }
  if (ready.length === 0) return undefined;
  ready.sort((a, b) => a - b);
  const ahead = Math.max(0, q.position - 1);
  // Slots cycle at the handle time once busy: the n-th contact takes slot n mod s in round n div s.
  const rounds = Math.floor(ahead / ready.length);
  return Math.round(ready[ahead % ready.length]! + rounds * Math.max(q.handleMs, 1));
}
