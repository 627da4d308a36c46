/** The strategies a queue can choose, by name. */
import { bestSkill } from './best-skill.js';
import { fewestToday } from './fewest-today.js';
import { leastBusy } from './least-busy.js';
import { longestIdle } from './longest-idle.js';
import { random } from './random.js';
import { ringAll } from './ring-all.js';
import { roundRobin } from './round-robin.js';
import type { RoutingStrategy, StrategyName } from './strategy.js';
import { topDown } from './top-down.js';

export const strategies: Record<StrategyName, RoutingStrategy> = {
  'longest-idle': longestIdle,
  'round-robin': roundRobin,
  'least-busy': leastBusy,
  'fewest-today': fewestToday,
  'ring-all': ringAll,
  'top-down': topDown,
  random,
  'best-skill': bestSkill,
};

export { STRATEGY_NAMES, type Candidate, type RoutingStrategy, type SelectionContext, type StrategyName } from './strategy.js';
