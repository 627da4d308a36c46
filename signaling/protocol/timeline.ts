/** Merging timeline events on a client: in seq order, once each, and where to resume after a gap. */
import type { ConversationEvent } from './conversation.js';

export interface MergedTimeline {
  /** All events held, by seq, without duplicates. */
  events: ConversationEvent[];
  /** The events that were not held before, in seq order. */
  fresh: ConversationEvent[];
  /** The highest seq up to which nothing is missing: ask for everything after it. */
  contiguousSeq: number;
  /** Whether some seq below the newest one is missing. */
  hasGap: boolean;
}

/**
 * @example
 * mergeTimeline([e1], [e3, e1]) // → { events: [e1, e3], fresh: [e3], contiguousSeq: 1, hasGap: true }
 */
export function mergeTimeline(held: readonly ConversationEvent[], incoming: readonly ConversationEvent[]): MergedTimeline {
  const known = new Set(held.map((e) => e.seq));
  const fresh: ConversationEvent[] = [];
  for (const e of incoming) {
    if (!known.has(e.seq)) {
      known.add(e.seq);
      fresh.push(e);
    }
  }
  fresh.sort((a, b) => a.seq - b.seq);
  const events = fresh.length ? [...held, ...fresh].sort((a, b) => a.seq - b.seq) : [...held];
  const contiguousSeq = contiguousPrefix(events);
  return { events, fresh, contiguousSeq, hasGap: contiguousSeq < (events.at(-1)?.seq ?? 0) };
}

/** The highest n such that events 1..n are all present (events sorted by seq). */
export function contiguousPrefix(events: readonly ConversationEvent[]): number {
  let n = 0;
  for (const e of events) {
    if (e.seq === n + 1) n++;
    else if (e.seq > n + 1) break;
  }
  return n;
}
