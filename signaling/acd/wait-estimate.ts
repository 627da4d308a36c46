/**
 * The expected wait of a contact at a place in line: the contacts ahead of it that no free
 * slot takes at once, times the measured handle time, shared among the slots that serve the
 * queue. Pure; the engine gives it the queue's members.
 */
import { hasRoom, skillScore, type AgentState, type BlockingRules } from './routing-state.js';
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
}

/** Milliseconds, or undefined when no available member could serve the contact. */
export function estimateWait(q: WaitQuestion): number | undefined {
  let slots = 0;
  let free = 0;
  for (const agent of q.members) {
    if (!agent.available || skillScore(agent, q.queue.requiredSkills, q.requiredSkills) < 0) continue;
    const capacity = agent.capacity[q.channel] ?? 0;
    slots += capacity;
    if (hasRoom(agent, q.channel, q.blocking)) free += capacity - [...agent.handling.values()].filter((h) => h.channel === q.channel).length;
  }
  if (slots === 0) return undefined;
  return Math.round((Math.max(0, q.position - free) * q.handleMs) / slots);
}
