/** Random: any candidate, from the engine's seeded generator, so a run can be replayed exactly. */
import type { RoutingStrategy } from './strategy.js';

export const random: RoutingStrategy = {
  name: 'random',
  select(candidates, { random: next }) {
    if (candidates.length === 0) return undefined;
    const sorted = [...candidates].sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
    return sorted[Math.floor(next() * sorted.length)];
  },
};
