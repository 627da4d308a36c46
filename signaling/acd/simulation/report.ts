/** Simulation results: the call-center figures per queue and per agent, as defined in DOMAIN.md. */

export interface QueueFigures {
  queueId: string;
  /** Contacts that entered the queue (including ones that overflowed in). */
  offered: number;
  answered: number;
  abandoned: number;
  /** Abandoned within the short-abandon threshold. */
  shortAbandoned: number;
  /** Overflowed out of this queue, or refused by it. */
  overflowed: number;
  refused: number;
  /** Mean wait of answered contacts, seconds. */
  asaSeconds: number;
  /** Longest wait of an answered contact, seconds. */
  longestWaitSeconds: number;
  /** Answered within T ÷ offered. */
  serviceLevel: number;
  /** Answered within T ÷ (offered − short abandons). */
  serviceLevel2: number;
  /** Abandoned ÷ offered. */
  abandonmentRate: number;
}

export interface AgentFigures {
  agentId: string;
  handled: number;
  /** Missed offers (rang out). */
  missed: number;
  /** Time with at least one contact or in wrap-up ÷ time logged in and not paused. */
  occupancy: number;
}

export interface SimulationReport {
  scenario: string;
  durationMinutes: number;
  serviceLevelSeconds: number;
  queues: QueueFigures[];
  agents: AgentFigures[];
  /** Engine decisions taken, for a sense of scale. */
  decisions: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const num = (x: number, width = 7) => String(x).padStart(width);

/** The report as the text tables `npm run simulate` prints. */
export function formatReport(r: SimulationReport): string {
  const lines = [
    `Scenario: ${r.scenario} (${r.durationMinutes} min, service level threshold ${r.serviceLevelSeconds} s, ${r.decisions} routing decisions)`,
    '',
    'queue            offered answered abandon overflow refused   ASA(s) longest(s)      SL     SL2 abandon%',
  ];
  for (const q of r.queues) {
    lines.push(
      `${q.queueId.padEnd(16)}${num(q.offered, 8)}${num(q.answered, 9)}${num(q.abandoned, 8)}${num(q.overflowed, 9)}${num(q.refused, 8)}${q.asaSeconds.toFixed(1).padStart(9)}${q.longestWaitSeconds.toFixed(0).padStart(11)}${pct(q.serviceLevel).padStart(8)}${pct(q.serviceLevel2).padStart(8)}${pct(q.abandonmentRate).padStart(9)}`,
    );
  }
  lines.push('', 'agent            handled  missed occupancy');
  for (const a of r.agents) lines.push(`${a.agentId.padEnd(16)}${num(a.handled, 8)}${num(a.missed, 8)}${pct(a.occupancy).padStart(10)}`);
  return lines.join('\n');
}
