/**
 * `npm run simulate -- scenario.json [--json]`: replays arrivals through a queue configuration
 * on the real ACD engine and prints ASA, service level, abandonment and occupancy per agent.
 */
import { readFileSync } from 'node:fs';
import { formatReport } from '../acd/simulation/report.js';
import { simulate } from '../acd/simulation/simulate.js';
import { parseScenario } from './scenario-schema.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run simulate -- scenario.json [--json]\nexamples: signaling/cli/scenarios/*.json');
  process.exit(2);
}

let scenario;
try {
  scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
} catch (error) {
  console.error(`${file}: not a valid scenario\n${(error as Error).message}`);
  process.exit(2);
}

const started = performance.now();
const report = simulate(scenario);
const elapsed = performance.now() - started;
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else console.log(`${formatReport(report)}\n\nSimulated in ${(elapsed / 1000).toFixed(2)} s.`);
