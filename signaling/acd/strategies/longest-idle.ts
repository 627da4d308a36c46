/** Longest idle agent: whoever has waited longest since their last contact (FreeSWITCH longest-idle-agent). */
import { pickBy, type RoutingStrategy } from './strategy.js';

export const longestIdle: RoutingStrategy = {
  name: 'longest-idle',
  select: (candidates) => pickBy(candidates, (a, b) => a.idleSince - b.idleSince),
};
