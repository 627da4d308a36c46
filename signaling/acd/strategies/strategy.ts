/** The interface every agent-selection strategy implements, and what it may know about candidates. */

/** An agent who may take the contact now (available, qualified, with room, in an allowed tier). */
export interface Candidate {
  agentId: string;
  /** Contacts the agent holds now, all channels. */
  load: number;
  /** When the agent last became free (or available), for longest-idle. */
  idleSince: number;
  /** Contacts the agent was assigned today (UTC day). */
  handledToday: number;
  /** The agent's tier in this queue (1 answers first). */
  tier: number;
  /** The agent's place in the queue's member list, for top-down and round robin. */
  position: number;
  /** Sum of the agent's levels in the skills the contact needs, for best-skill-match. */
  skillScore: number;
}

export interface SelectionContext {
  /** Position of the agent last offered a contact from this queue, for round robin. */
  lastPosition: number | undefined;
  /** A deterministic random number in [0, 1) (the engine's seeded generator). */
  random: () => number;
}

/**
 * Chooses who is offered a contact. Strategies are pure and deterministic: the same
 * candidates and context give the same answer, with ties broken by agent id.
 */
export interface RoutingStrategy {
  readonly name: StrategyName;
  /** Ring-all offers to every candidate at once; the first to accept wins. */
  readonly ringAll?: boolean;
  select(candidates: readonly Candidate[], context: SelectionContext): Candidate | undefined;
}

export const STRATEGY_NAMES = [
  'longest-idle',
  'round-robin',
  'least-busy',
  'fewest-today',
  'ring-all',
  'top-down',
  'random',
  'best-skill',
] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** Picks the candidate that `better` prefers, breaking ties by agent id. */
export function pickBy(candidates: readonly Candidate[], better: (a: Candidate, b: Candidate) => number): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best) best = c;
    else {
      const order = better(c, best);
      if (order < 0 || (order === 0 && c.agentId < best.agentId)) best = c;
    }
  }
  return best;
}
