/** The soak run's figures as one table. */
import { percentile, type SoakLedger } from './soak-ledger.js';
import type { ServerReading } from './soak-server.js';
import type { Verified } from './soak-verify.js';

export interface Readings {
  /** Before anyone connected. */
  empty?: ServerReading;
  /** Everyone connected, first process. */
  first?: ServerReading;
  /** Everyone connected, after the last restart: the leak check's baseline. */
  start?: ServerReading;
  /** Everyone connected, at the end of the load. */
  end?: ServerReading;
  /** Everyone gone. */
  after?: ServerReading;
}

export interface Report {
  dataDir: string;
  seconds: number;
  visitors: number;
  agents: number;
  wallSeconds: number;
  ledger: SoakLedger;
  verified: Verified;
  readings: Readings;
}

const mib = (bytes: number | undefined) => (bytes === undefined ? '-' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

export function printReport({ dataDir, seconds, visitors, agents, wallSeconds, ledger, verified, readings }: Report): void {
  const c = ledger.counts;
  const { start, end } = readings;
  const growth = start && end ? `${(((end.heapUsedBytes - start.heapUsedBytes) / start.heapUsedBytes) * 100).toFixed(1)} %` : '-';
  const rows: [string, string | number][] = [
    ['load', `${visitors} visitors, ${agents} agents, ${seconds} s (${wallSeconds.toFixed(0)} s in all)`],
    ['database in', dataDir],
    ['conversations started / ended', `${c.conversations} / ${c.conversationsEnded}`],
    ['offers accepted', c.offersAccepted],
    ['messages sent (visitors + agents)', c.messagesSent],
    ['messages re-sent after a drop', c.messagesResent],
    ['messages acked', c.messagesAcked],
    ['messages refused (chat ended or moved)', `${c.messagesRefused} ${JSON.stringify(Object.fromEntries(ledger.refusals))}`],
    ['acked found once, in order: widget', verified.inWidget],
    ['acked found once, in order: agent app', verified.inAgentApp],
    ['conversations read back (via supervisor)', `${verified.conversations} (${verified.bySupervisor})`],
    ['ack latency p50 / p99', `${percentile(ledger.ackLatencies, 50).toFixed(1)} / ${percentile(ledger.ackLatencies, 99).toFixed(1)} ms`],
    ['reconnects (drops and restarts)', c.reconnects],
    ['page reloads (history checked)', `${c.reloads} (${c.reloadChecks})`],
    ['transfers (refused)', `${c.transfers} (${c.transfersRefused})`],
    ['restarts (SIGTERM, kill -9)', c.restarts],
    ['heap after GC: first process, everyone on', mib(readings.first?.heapUsedBytes)],
    ['heap after GC: start -> end (same load)', `${mib(start?.heapUsedBytes)} -> ${mib(end?.heapUsedBytes)} (${growth})`],
    ['sockets: empty / start / end / after', [readings.empty, start, end, readings.after].map((r) => r?.sockets ?? '-').join(' / ')],
    ['timers:  empty / start / end / after', [readings.empty, start, end, readings.after].map((r) => r?.timers ?? '-').join(' / ')],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\nSoak figures');
  for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`);
}
