/**
 * The end of the run: every conversation read back as each app shows it (the widget's and the
 * agent app's `sync` from 0) and checked against what the server acknowledged.
 */
import type { SoakAgent } from './soak-agent.js';
import type { SoakLedger } from './soak-ledger.js';
import type { SoakVisitor } from './soak-visitor.js';
import { checkTimeline } from './timeline-check.js';

export interface Verified {
  /** Acked messages found once, at their seq, in the widget's view. */
  inWidget: number;
  /** The same in the agent app's view (the chat's agent, or a supervisor for a chat never answered). */
  inAgentApp: number;
  conversations: number;
  /** Read through the supervisor: still queued at the end, nobody's chat. */
  bySupervisor: number;
}

export async function verifyTimelines(ledger: SoakLedger, visitors: SoakVisitor[], agents: SoakAgent[], supervisor: SoakAgent): Promise<Verified> {
  const result: Verified = { inWidget: 0, inAgentApp: 0, conversations: 0, bySupervisor: 0 };
  const agentById = new Map(agents.map((a) => [a.id, a]));
  // Each app reads one chat at a time over its socket; the apps read side by side.
  const work = new Map<SoakVisitor | SoakAgent, (() => Promise<void>)[]>();
  const add = (party: SoakVisitor | SoakAgent, job: () => Promise<void>) => work.set(party, [...(work.get(party) ?? []), job]);

  for (const [conversationId, owner] of ledger.owners) {
    const visitor = visitors[owner]!;
    const acked = ledger.acked.get(conversationId) ?? [];
    result.conversations++;
    add(visitor, async () => {
      const { problems, verified } = checkTimeline('widget', conversationId, await visitor.fetchTimeline(conversationId), acked);
      problems.forEach((p) => ledger.violation(p));
      result.inWidget += verified;
    });
    const agentId = visitor.summaries.get(conversationId)?.agent?.id;
    const reader = (agentId && agentById.get(agentId)) || supervisor;
    if (reader === supervisor) result.bySupervisor++;
    add(reader, async () => {
      const { problems, verified } = checkTimeline(`agent app (${reader.name})`, conversationId, await reader.fetchTimeline(conversationId), acked);
      problems.forEach((p) => ledger.violation(p));
      result.inAgentApp += verified;
    });
  }
  const queues = [...work.values()];
  const runQueue = async (jobs: (() => Promise<void>)[]) => {
    for (const job of jobs) await job().catch((error: unknown) => ledger.violation(`reading a timeline failed: ${(error as Error).message}`));
  };
  // At most 100 apps reading at once.
  for (let i = 0; i < queues.length; i += 100) await Promise.all(queues.slice(i, i + 100).map(runQueue));
  return result;
}
