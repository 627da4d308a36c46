/** Best skill match: the highest levels in the skills the contact needs, then longest idle. */
import { pickBy, type RoutingStrategy } from './strategy.js';

export const bestSkill: RoutingStrategy = {
  name: 'best-skill',
  select: (candidates) => pickBy(candidates, (a, b) => b.skillScore - a.skillScore || a.idleSince - b.idleSince),
};
