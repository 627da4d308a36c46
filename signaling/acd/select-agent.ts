/** The agent-selection strategy: which of the eligible agents gets the next offer. */

/** What a strategy may know about an eligible agent. */
export interface CandidateAgent {
  agentId: string;
  /** Contacts the agent holds now, all channels. */
  load: number;
  /** When the agent last became free of contacts (or available), for longest-idle. */
  idleSince: number;
}

/** Picks one agent among eligible candidates, or none. Must be deterministic. */
export type SelectAgent = (candidates: readonly CandidateAgent[]) => CandidateAgent | undefined;

/**
 * Least busy first, then longest idle, then by id so that equal agents are chosen the
 * same way on every run. This spreads chats evenly, which is what chat desks expect.
 */
export const selectLeastBusyLongestIdle: SelectAgent = (candidates) => {
  let best: CandidateAgent | undefined;
  for (const c of candidates) {
    if (
      !best ||
      c.load < best.load ||
      (c.load === best.load && (c.idleSince < best.idleSince || (c.idleSince === best.idleSince && c.agentId < best.agentId)))
    ) {
      best = c;
    }
  }
  return best;
};
