/** How the widget treats a wait: the words for the visitor's place in line, and when to offer alternatives instead. */
import type { QueueStatus } from '../../signaling/protocol/contact-options.js';
import { isOffline } from '../contact/contact-options.js';
import type { Translate } from '../i18n/en.js';
import type { ChatState } from './chat-session.js';

export interface QueueLine {
  text: string;
  /** Worth a warning colour: nobody can answer now. */
  warn: boolean;
}

/** The line for a conversation waiting in the queue; undefined when it is not waiting. */
export function queueLine({ conversation, queue }: Pick<ChatState, 'conversation' | 'queue'>, t: Translate): QueueLine | undefined {
  if (conversation?.status !== 'queued' || !queue) return undefined;
  if (queue.agentsAvailable === 0) return { text: t('noAgents'), warn: true };
  const place = queue.position <= 1 ? t('queueNext') : t('queuePosition', { position: queue.position });
  const wait = queue.estimatedWaitMs;
  const estimate = wait === undefined ? '' : wait < 60_000 ? t('estimatedWaitShort') : t('estimatedWait', { minutes: Math.ceil(wait / 60_000) });
  return { text: estimate ? `${place} ${estimate}` : place, warn: false };
}

/** The same for a caller, who stays on the line: no "leave a message" when nobody is free. */
export function callQueueText(state: Pick<ChatState, 'conversation' | 'queue'>, t: Translate): string | undefined {
  if (state.queue && state.queue.agentsAvailable === 0) return t('callNoAgents');
  return queueLine(state, t)?.text;
}

/**
 * When to offer a message or a callback instead of a chat: nobody can answer and no chat is
 * open (`offline`), or the visitor's chat waits longer than the queue's threshold (`wait`).
 */
export function contactReason({ conversation, queue, outbox }: Pick<ChatState, 'conversation' | 'queue' | 'outbox'>, status: QueueStatus | undefined): 'offline' | 'wait' | undefined {
  if (!conversation && isOffline(status) && !outbox.length) return 'offline';
  if (conversation?.status !== 'queued' || !queue) return undefined;
  const threshold = status?.offerAlternativesAfterMs;
  if (queue.agentsAvailable === 0 || (threshold !== undefined && (queue.estimatedWaitMs ?? 0) > threshold)) return 'wait';
  return undefined;
}
