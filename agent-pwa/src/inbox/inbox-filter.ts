/**
 * What the inbox shows of each conversation (its last message, how long the customer has waited for
 * an answer) and which conversations pass the agent's search and filters. Pure: no DOM, no clock.
 */
import type { Channel, ConversationEvent, ConversationSummary } from '../../../signaling/protocol/conversation.js';

type MessageEvent = Extract<ConversationEvent, { type: 'message' }>;

/** The search and the filters above the list; `all` lets everything through. */
export interface InboxFilter {
  query: string;
  status: 'all' | 'open' | 'ended';
  channel: Channel | 'all';
  queueId: string;
  /** Only conversations assigned to the signed-in agent. */
  mine: boolean;
}

export const NO_FILTER: InboxFilter = { query: '', status: 'all', channel: 'all', queueId: 'all', mine: false };

/** True when the agent narrowed the list in any way. */
export const isFiltered = (f: InboxFilter) => f.query.trim() !== '' || f.status !== 'all' || f.channel !== 'all' || f.queueId !== 'all' || f.mine;

/** The newest message of the conversation, from either side. */
export function lastMessage(events: readonly ConversationEvent[] | undefined): MessageEvent | undefined {
  return events?.findLast((e): e is MessageEvent => e.type === 'message');
}

/**
 * Since when the customer has been waiting for an answer: the first of their messages after the
 * last one from an agent, while the conversation is open. Undefined when the agent spoke last.
 */
export function waitingSince(c: ConversationSummary, events: readonly ConversationEvent[] | undefined): number | undefined {
  if (c.status === 'ended' || !events) return undefined;
  let since: number | undefined;
  for (const e of events) {
    if (e.type !== 'message') continue;
    if (e.author.kind === 'agent') since = undefined;
    else if (e.author.kind === 'visitor' && since === undefined) since = e.at;
  }
  return since;
}

/** Case- and accent-insensitive text for matching ("José" is found by "jose"). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The conversations that pass `filter`: the query looks in the customer's name, e-mail, phone, subject and messages. */
export function filterConversations(
  conversations: readonly ConversationSummary[],
  filter: InboxFilter,
  context: { agentId: string | undefined; events: Record<string, readonly ConversationEvent[] | undefined> },
): ConversationSummary[] {
  const query = fold(filter.query.trim());
  return conversations.filter((c) => {
    if (filter.status === 'open' && c.status === 'ended') return false;
    if (filter.status === 'ended' && c.status !== 'ended') return false;
    if (filter.channel !== 'all' && c.channel !== filter.channel) return false;
    if (filter.queueId !== 'all' && c.queueId !== filter.queueId) return false;
    if (filter.mine && (!context.agentId || c.agent?.id !== context.agentId)) return false;
    if (!query) return true;
    const texts = [c.visitor.name, c.visitor.email, c.visitor.phone, c.subject, ...(context.events[c.id] ?? []).map((e) => (e.type === 'message' ? e.text : undefined))];
    return texts.some((text) => text !== undefined && fold(text).includes(query));
  });
}
