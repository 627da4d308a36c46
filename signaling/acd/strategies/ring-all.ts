/** Ring all: every candidate is offered the contact at once; the first to accept gets it. */
import { pickBy, type RoutingStrategy } from './strategy.js';

export const ringAll: RoutingStrategy = {
  name: 'ring-all',
  ringAll: true,
  // Used only when the engine needs one agent (for example the first of the ring).
  select: (candidates) => pickBy(candidates, (a, b) => a.position - b.position),
};
