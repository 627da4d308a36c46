/** Least busy: fewest contacts held now, then longest idle; spreads chats evenly. */
import { pickBy, type RoutingStrategy } from './strategy.js';

export const leastBusy: RoutingStrategy = {
  name: 'least-busy',
  select: (candidates) => pickBy(candidates, (a, b) => a.load - b.load || a.idleSince - b.idleSince),
};
