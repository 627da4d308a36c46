/** Top down: always the first free agent in member order (FreeSWITCH top-down). */
import { pickBy, type RoutingStrategy } from './strategy.js';

export const topDown: RoutingStrategy = {
  name: 'top-down',
  select: (candidates) => pickBy(candidates, (a, b) => a.position - b.position),
};
