/** What the soak run did and what the server acknowledged: the counters of the report, and every acked message to check at the end. */

/** A message the server acknowledged: it must be stored once, at `seq`. */
export interface AckedMessage {
  clientId: string;
  seq: number;
  author: 'visitor' | 'agent';
  /** Which soak party sent it (each sends one message at a time per conversation). */
  by: string;
}

export class SoakLedger {
  readonly counts = {
    messagesSent: 0,
    messagesResent: 0,
    messagesAcked: 0,
    messagesVerified: 0,
    messagesRefused: 0,
    conversations: 0,
    conversationsEnded: 0,
    reconnects: 0,
    reloads: 0,
    reloadChecks: 0,
    transfers: 0,
    transfersRefused: 0,
    offersAccepted: 0,
    restarts: 0,
  };
  /** Milliseconds from sending a message to its ack, on the same socket. */
  readonly ackLatencies: number[] = [];
  /** Every acked message by conversation, in ack order per author. */
  readonly acked = new Map<string, AckedMessage[]>();
  /** Which visitor each conversation belongs to. */
  readonly owners = new Map<string, number>();
  readonly violations: string[] = [];

  /** Why messages were refused, counted by reason. */
  readonly refusals = new Map<string, number>();

  refused(reason: string): void {
    this.counts.messagesRefused++;
    this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
  }

  conversationStarted(conversationId: string, visitor: number): void {
    if (this.owners.has(conversationId)) return;
    this.owners.set(conversationId, visitor);
    this.acked.set(conversationId, []);
    this.counts.conversations++;
  }

  messageAcked(conversationId: string, message: AckedMessage): void {
    const list = this.acked.get(conversationId);
    if (!list) return this.violation(`ack for unknown conversation ${conversationId}`);
    // A re-sent frame is answered with the first ack again: the same seq, counted once.
    const earlier = list.find((m) => m.clientId === message.clientId);
    if (earlier) {
      if (earlier.seq !== message.seq) this.violation(`${message.clientId} acked twice with different seqs (${earlier.seq}, ${message.seq})`);
      return;
    }
    list.push(message);
    this.counts.messagesAcked++;
  }

  /** Bounded: a broken server could otherwise fill memory with the same complaint. */
  violation(text: string): void {
    if (this.violations.length < 200) this.violations.push(text);
  }
}

/** The p-th percentile (0-100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
