/**
 * What the page said through the API before a chat ran (identify, trackEvent,
 * setConversationAttributes), kept by the loader in localStorage as a list of calls: replayed in
 * order once a chat session exists, then forgotten, so it reaches the agent with the first conversation.
 */
import type { ChatHandle } from '../loader/api-types.js';

const REPLAYABLE = new Set(['identify', 'trackEvent', 'setConversationAttributes']);

/** Replays the calls kept under `key` on the chat (each frame goes once the socket is open) and removes them. */
export function sendPending(chat: Pick<ChatHandle, 'identify' | 'trackEvent' | 'setConversationAttributes'>, key: string, storage: Storage | undefined): void {
  let calls: unknown;
  try {
    calls = JSON.parse(storage?.getItem(key) || '[]');
    storage?.removeItem(key);
  } catch {
    return; // unreadable: nothing in it can be trusted
  }
  if (!Array.isArray(calls)) return;
  for (const call of calls) {
    if (!Array.isArray(call) || !REPLAYABLE.has(call[0]) || !Array.isArray(call[1])) continue;
    const [method, args] = call as ['identify' | 'trackEvent' | 'setConversationAttributes', unknown[]];
    (chat[method] as (...a: unknown[]) => void)(...args);
  }
}
