/** Checks one conversation's timeline, as an app shows it, against the messages the server acknowledged. */
import type { ConversationEvent } from '../../signaling/protocol/conversation.js';
import type { AckedMessage } from './soak-ledger.js';

/**
 * What is wrong with `events` (the answer to `sync` from 0) given the acked messages: each acked
 * message once, at its acked seq; no message twice; seqs from 1 without gaps. With `partial`, the
 * timeline may end before the newest acks (read while others kept writing): only acks up to its
 * last seq must be in it.
 * @returns the problems, and how many acked messages were found.
 */
export function checkTimeline(view: string, conversationId: string, events: ConversationEvent[], acked: AckedMessage[], partial = false): { problems: string[]; verified: number } {
  const problems: string[] = [];
  const where = `${view} view of ${conversationId}`;
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`${where}: event ${i} has seq ${e.seq}, expected ${i + 1} (gap, duplicate or disorder)`);
  });
  const lastSeq = events.at(-1)?.seq ?? 0;
  const byClientId = new Map<string, ConversationEvent[]>();
  for (const e of events) {
    if (e.type !== 'message' || !e.clientId) continue;
    const list = byClientId.get(e.clientId) ?? [];
    list.push(e);
    byClientId.set(e.clientId, list);
  }
  for (const [clientId, list] of byClientId) {
    if (list.length > 1) problems.push(`${where}: message ${clientId} shown ${list.length} times (seqs ${list.map((e) => e.seq).join(', ')})`);
  }
  let verified = 0;
  for (const m of acked) {
    if (partial && m.seq > lastSeq) continue;
    const found = byClientId.get(m.clientId);
    if (!found) problems.push(`${where}: acked message ${m.clientId} (seq ${m.seq}) is missing`);
    else if (found[0]!.seq !== m.seq) problems.push(`${where}: acked message ${m.clientId} at seq ${found[0]!.seq}, acked as ${m.seq}`);
    else if (found[0]!.type === 'message' && found[0]!.author.kind !== m.author) problems.push(`${where}: message ${m.clientId} shown as by ${found[0]!.author.kind}`);
    else verified++;
  }
  // Each party's messages in the order the server acknowledged them (each sends one at a time).
  for (const by of new Set(acked.map((m) => m.by))) {
    const seqs = acked.filter((m) => m.by === by && (!partial || m.seq <= lastSeq)).map((m) => m.seq);
    if (seqs.some((s, i) => i > 0 && s <= seqs[i - 1]!)) problems.push(`${where}: ${by}'s messages acked out of order (${seqs.join(', ')})`);
  }
  return { problems, verified };
}
