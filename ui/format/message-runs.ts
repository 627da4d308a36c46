/**
 * How a chat timeline groups messages: consecutive messages from the same person within a few
 * minutes form one run (one avatar and name at its top, one time at its end), a person's initials
 * stand in for a photo, and a "new messages" divider sits before the first message the reader had
 * not read when they opened the conversation. Pure functions, shared by the widget and the agent app.
 */
import type { ConversationEvent } from '../../signaling/protocol/conversation.js';

type MessageEvent = Extract<ConversationEvent, { type: 'message' }>;

/** A gap longer than this starts a new run even from the same person (chat apps use 1 to 5 minutes). */
export const RUN_GAP_MS = 5 * 60_000;

/** Where a message sits in its run: the first shows the avatar and name, the last the time. */
export interface MessageRun {
  first: boolean;
  last: boolean;
}

const author = (e: MessageEvent) => `${e.author.kind}:${e.author.id}`;

/**
 * Each message's place in its run, by sequence number. Anything other than a message (someone
 * joined, a call ended) ends the run before it.
 *
 * @example
 * const runs = messageRuns(events);
 * runs.get(e.seq)?.first // show the avatar
 */
export function messageRuns(events: readonly ConversationEvent[]): Map<number, MessageRun> {
  const runs = new Map<number, MessageRun>();
  let previous: MessageEvent | undefined;
  for (const e of events) {
    if (e.type !== 'message') {
      previous = undefined;
      continue;
    }
    const continues = previous !== undefined && author(previous) === author(e) && e.at - previous.at <= RUN_GAP_MS;
    if (continues) runs.get(previous!.seq)!.last = false;
    runs.set(e.seq, { first: !continues, last: true });
    previous = e;
  }
  return runs;
}

/**
 * One or two letters for an avatar: the first letter of the first and last words ("Maria Gomez" →
 * "MG"), whole characters (an emoji or an accented letter is not split), upper-cased in `locale`.
 */
export function initials(name: string, locale?: string): string {
  const words = name.trim().split(/\s+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  if (!words.length) return '?';
  const first = (w: string) => [...w][0] ?? '';
  // Chinese, Japanese and Korean names are written without spaces: their first character is the usual avatar.
  const picked = words.length > 1 && !/\p{Script=Han}/u.test(words[0]!) ? first(words[0]!) + first(words[words.length - 1]!) : first(words[0]!);
  return picked.toLocaleUpperCase(locale);
}

/** The time of day a message was sent, as the reader's locale writes it ("14:05", "2:05 PM", "下午2:05"). */
export function formatClock(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/**
 * The sequence number of the first message from `from` after `readSeq`, where the divider goes, or
 * undefined when everything was read.
 */
export function firstUnreadSeq(events: readonly ConversationEvent[], readSeq: number, from: 'visitor' | 'agent'): number | undefined {
  return events.find((e) => e.type === 'message' && e.author.kind === from && e.seq > readSeq)?.seq;
}
