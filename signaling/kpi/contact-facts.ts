/** Folds the event log into what happened to each contact: when it queued, was answered, ended, wrapped up. */
import { LogType, type LogEntry } from './log-types.js';

export interface ContactFacts {
  id: string;
  /** The queue it entered first, and the one it was answered or abandoned in. */
  firstQueueId: string;
  queueId: string;
  channel: string;
  language?: string;
  queuedAt: number;
  answeredAt?: number;
  agentId?: string;
  abandonedAt?: number;
  /** Wait from queueing to answer or abandon, ms. */
  waitedMs?: number;
  endedAt?: number;
  wrapUpStartedAt?: number;
  wrapUpEndedAt?: number;
  /** Time on hold, ms (calls). */
  holdMs: number;
  /** Set while the call is on hold. */
  heldSince?: number;
  /** Moves to another queue or agent after entering. */
  transfers: number;
  /** The agents who escalated it to a higher tier, one entry per escalation. */
  escalatedBy: string[];
  /** Why routing refused it: at the door (closed, queue-full) it never entered a queue; after max-wait it did. */
  refusedReason?: string;
  rating?: number;
}

/** Applies one log entry to the facts of its contact. Entries must come in log order. */
export function applyToContacts(contacts: Map<string, ContactFacts>, e: LogEntry): void {
  const id = e.conversationId;
  if (!id) return;
  if (e.type === LogType.contactQueued) {
    contacts.set(id, {
      id,
      firstQueueId: e.queueId ?? '',
      queueId: e.queueId ?? '',
      channel: String(e.data?.channel ?? 'chat'),
      ...(typeof e.data?.language === 'string' ? { language: e.data.language } : {}),
      queuedAt: e.at,
      holdMs: 0,
      transfers: 0,
      escalatedBy: [],
    });
    return;
  }
  const c = contacts.get(id);
  if (!c) return; // queued before the period being read
  switch (e.type) {
    case LogType.offerAccepted:
      c.agentId = e.agentId;
      if (e.queueId) c.queueId = e.queueId;
      // Answered once is answered: a contact returned to the queue and taken again keeps its first answer for ASA and SL.
      if (c.answeredAt !== undefined) break;
      c.answeredAt = e.at;
      c.waitedMs = e.at - c.queuedAt;
      break;
    case LogType.contactTransferred:
      c.transfers++;
      if (e.data?.toAgentId) c.agentId = String(e.data.toAgentId);
      if (typeof e.data?.toQueueId === 'string') c.queueId = e.data.toQueueId;
      break;
    case LogType.contactEscalatedByAgent:
      if (e.agentId) c.escalatedBy.push(e.agentId);
      break;
    case LogType.callHeld:
      c.heldSince = e.at;
      break;
    case LogType.callResumed:
      if (c.heldSince !== undefined) c.holdMs += e.at - c.heldSince;
      delete c.heldSince;
      break;
    case LogType.contactAbandoned:
      c.abandonedAt = e.at;
      c.waitedMs = e.at - c.queuedAt;
      break;
    case LogType.contactOverflowed: {
      const to = e.data?.to as { type?: string; queueId?: string } | undefined;
      c.transfers++;
      if (to?.type === 'queue' && to.queueId) c.queueId = to.queueId;
      break;
    }
    case LogType.contactRefused:
      c.refusedReason = String(e.data?.reason ?? 'no-route');
      break;
    case LogType.contactEnded:
      c.endedAt ??= e.at;
      break;
    case LogType.wrapUpStarted:
      c.wrapUpStartedAt = e.at;
      break;
    case LogType.wrapUpEnded:
      if (c.wrapUpStartedAt !== undefined && c.wrapUpEndedAt === undefined) c.wrapUpEndedAt = e.at;
      break;
    case LogType.contactRated:
      if (typeof e.data?.rating === 'number') c.rating = e.data.rating;
      break;
    default:
      break; // agents' states do not change a contact's facts
  }
}
