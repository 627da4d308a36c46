import { strategies } from './index.js';
import { candidate as c, runStrategySuite } from './strategy.case.js';

runStrategySuite(strategies['longest-idle'], [
  { name: 'picks the agent idle the longest', candidates: [c('a', { idleSince: 50 }), c('b', { idleSince: 10 }), c('c', { idleSince: 30 })], expected: 'b' },
]);

runStrategySuite(strategies['round-robin'], [
  { name: 'picks the next position after the last offered', candidates: [c('a', { position: 0 }), c('b', { position: 1 }), c('c', { position: 2 })], context: { lastPosition: 0 }, expected: 'b' },
  { name: 'wraps around after the last position', candidates: [c('a', { position: 0 }), c('b', { position: 1 })], context: { lastPosition: 1 }, expected: 'a' },
  { name: 'skips positions that are not free', candidates: [c('a', { position: 0 }), c('c', { position: 2 })], context: { lastPosition: 0 }, expected: 'c' },
]);

runStrategySuite(strategies['least-busy'], [
  { name: 'picks the agent holding the fewest contacts', candidates: [c('a', { load: 2 }), c('b', { load: 1, idleSince: 90 }), c('c', { load: 1, idleSince: 20 })], expected: 'c' },
]);

runStrategySuite(strategies['fewest-today'], [
  { name: 'picks the agent with the fewest contacts today', candidates: [c('a', { handledToday: 9 }), c('b', { handledToday: 3 }), c('c', { handledToday: 5 })], expected: 'b' },
]);

runStrategySuite(strategies['ring-all'], [
  { name: 'names the first member when one agent is needed', candidates: [c('b', { position: 1 }), c('a', { position: 4 })], expected: 'b' },
]);

runStrategySuite(strategies['top-down'], [
  { name: 'always starts from the top of the list', candidates: [c('x', { position: 3, idleSince: 0 }), c('y', { position: 1, idleSince: 99 })], context: { lastPosition: 1 }, expected: 'y' },
]);

runStrategySuite(strategies.random, [
  { name: 'uses the engine’s random number', candidates: [c('a'), c('b'), c('c'), c('d')], context: { random: () => 0.6 }, expected: 'c' },
]);

runStrategySuite(strategies['best-skill'], [
  { name: 'picks the best qualified agent', candidates: [c('a', { skillScore: 3 }), c('b', { skillScore: 8 }), c('c', { skillScore: 5 })], expected: 'b' },
]);
