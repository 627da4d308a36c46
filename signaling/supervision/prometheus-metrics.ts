/** Renders the wallboard's figures (gauges, recomputed at each scrape) in the Prometheus text exposition format. */
import type { Wallboard, WallboardQueue } from '../protocol/wallboard.js';

type Sample = [labels: Record<string, string>, value: number | null];

/** Quotes a label value as the exposition format requires. */
const label = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/**
 * @param slugOf a queue's slug by id: labels use slugs, like every other metric, never display names.
 */
export function renderMetrics(board: Wallboard, openSockets: number, slugOf: (queueId: string) => string | undefined): string {
  const lines: string[] = [];
  const metric = (name: string, help: string, samples: Sample[]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const [labels, value] of samples) {
      if (value === null) continue;
      const l = Object.entries(labels).map(([k, v]) => `${k}=${label(v)}`).join(',');
      lines.push(`${name}${l ? `{${l}}` : ''} ${value}`);
    }
  };
  const perQueue = (pick: (q: WallboardQueue) => number | null): Sample[] => board.queues.map((q) => [{ queue: slugOf(q.queueId) ?? q.queueId }, pick(q)]);
  metric('switchboard_queue_waiting', 'Contacts waiting now.', perQueue((q) => q.waiting));
  metric('switchboard_queue_longest_wait_seconds', 'Wait of the oldest contact waiting now.', perQueue((q) => (q.waiting ? q.longestWaitMs / 1000 : 0)));
  metric('switchboard_queue_agents_available', 'Agents able to answer the queue now.', perQueue((q) => q.agentsAvailable));
  metric('switchboard_queue_offered_today', 'Contacts offered today (center time zone).', perQueue((q) => q.offered));
  metric('switchboard_queue_answered_today', 'Contacts answered today.', perQueue((q) => q.answered));
  metric('switchboard_queue_abandoned_today', 'Contacts abandoned today.', perQueue((q) => q.abandoned));
  metric('switchboard_queue_service_level_today', `Answered within ${board.serviceLevelSeconds} s ÷ offered, today.`, perQueue((q) => q.serviceLevel));
  const states = new Map<string, number>();
  for (const a of board.agents) states.set(a.state, (states.get(a.state) ?? 0) + 1);
  metric('switchboard_agents', 'Agents by state.', [...states].map(([state, n]) => [{ state }, n]));
  metric('switchboard_websocket_connections', 'Open client sockets on this node.', [[{}, openSockets]]);
  return `${lines.join('\n')}\n`;
}
