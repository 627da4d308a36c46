/** Fewest contacts handled today, then longest idle (FreeSWITCH agent-with-fewest-calls). */
import { pickBy, type RoutingStrategy } from './strategy.js';

export const fewestToday: RoutingStrategy = {
  name: 'fewest-today',
  select: (candidates) => pickBy(candidates, (a, b) => a.handledToday - b.handledToday || a.idleSince - b.idleSince),
};
