/**
 * Whether an agent may be offered a waiting contact now (apart from being free): a member of
 * the queue at a tier the contact has reached, not skipped for it, not holding it back for the
 * customer's last agent, with room on its channel. The answer is the skill score (higher fits
 * better), or -1. Pure.
 */
import { hasRoom, skillScore, type AgentState, type BlockingRules, type ContactState } from './routing-state.js';
import type { QueueConfig } from './types.js';

export interface EligibilityContext {
  now: number;
  blocking: BlockingRules;
  /** Whether the customer's last agent is around to take it (sticky routing waits only then). */
  preferredAvailable: (agentId: string) => boolean;
}

export function eligibility(agent: AgentState, contact: ContactState, queue: QueueConfig, ctx: EligibilityContext): number {
  const membership = agent.queues.get(contact.queueId);
  if (!membership || membership.tier > contact.tier || membership.tier < (contact.minTier ?? 1)) return -1;
  const skip = contact.skipUntil.get(agent.id);
  if (skip !== undefined && skip > ctx.now) return -1;
  if (contact.preferredAgentId && contact.preferredAgentId !== agent.id && ctx.now < contact.enqueuedAt + queue.stickyMs) {
    if (ctx.preferredAvailable(contact.preferredAgentId)) return -1;
  }
  if (!hasRoom(agent, contact.channel, ctx.blocking)) return -1;
  return skillScore(agent, queue.requiredSkills, contact.requiredSkills);
}
