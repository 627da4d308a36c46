/** How the widget treats a wait: the words for the visitor's place in line, and when to offer alternatives instead. */
import type { QueueStatus } from '../../signaling/protocol/contact-options.js';
import { isOffline, type ContactReason } from '../contact/contact-options.js';
import type { Translate } from '../i18n/en.js';
import type { ChatState } from './chat-session.js';

export interface QueueLine {
  text: string;
  /** Worth a warning colour: nobody can answer now. */
  warn: boolean;
}

/**
 * Nobody can take a waiting contact in a time the server can tell: nobody is on duty, or all
 * who are wait to record a disposition. The server then sends no estimate.
 */
export const nobodySoon = (queue: NonNullable<ChatState['queue']>): boolean => queue.agentsAvailable === 0 || queue.estimatedWaitMs === undefined;

/** The line for a conversation waiting in the queue; undefined when it is not waiting. */
export function queueLine({ conversation, queue }: Pick<ChatState, 'conversation' | 'queue'>, t: Translate): QueueLine | undefined {
  if (conversation?.status !== 'queued' || !queue) return undefined;
  if (nobodySoon(queue)) return { text: t('noAgents'), warn: true };
  const place = queue.position <= 1 ? t('queueNext') : t('queuePosition', { position: queue.position });
  const wait = queue.estimatedWaitMs;
  const estimate = wait === undefined ? '' : wait < 60_000 ? t('estimatedWaitShort') : t('estimatedWait', { minutes: Math.ceil(wait / 60_000) });
  return { text: estimate ? `${place} ${estimate}` : place, warn: false };
}

/** The same for a caller, who stays on the line: no "leave a message" when nobody is free. */
export function callQueueText(state: Pick<ChatState, 'conversation' | 'queue'>, t: Translate): string | undefined {
  if (state.queue && nobodySoon(state.queue)) return t('callNoAgents');
  return queueLine(state, t)?.text;
}

/**
 * When to offer a message or a callback instead of a chat: nobody can answer and no chat is
 * open (`offline`); nobody can answer soon (`nobody-soon`: before a chat, as the server says;
 * while one waits, when its wait cannot be told); or the visitor's chat waits longer than the
 * queue's threshold (`wait`).
 */
export function contactReason({ conversation, queue, outbox }: Pick<ChatState, 'conversation' | 'queue' | 'outbox'>, status: QueueStatus | undefined): ContactReason | undefined {
  const startable = !conversation || conversation.status === 'ended';
  if (startable && !outbox.length) {
    if (isOffline(status)) return conversation ? undefined : 'offline';
    return !conversation && status?.answerSoon && !status.answerSoon.chat ? 'nobody-soon' : undefined;
  }
  if (conversation?.status !== 'queued' || !queue) return undefined;
  if (nobodySoon(queue)) return 'nobody-soon';
  const threshold = status?.offerAlternativesAfterMs;
  if (threshold !== undefined && queue.estimatedWaitMs! > threshold) return 'wait';
  return undefined;
}
