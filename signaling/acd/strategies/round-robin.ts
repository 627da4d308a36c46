/** Round robin: the next agent in member order after the one offered last, wrapping around. */
import { pickBy, type RoutingStrategy } from './strategy.js';

export const roundRobin: RoutingStrategy = {
  name: 'round-robin',
  select(candidates, { lastPosition }) {
    const after = lastPosition ?? -Infinity;
    const next = pickBy(candidates.filter((c) => c.position > after), (a, b) => a.position - b.position);
    return next ?? pickBy(candidates, (a, b) => a.position - b.position);
  },
};
