/** Who is acting on a conversation, as established when their socket or request authenticated. */
import type { Party } from '../protocol/conversation.js';
import type { AgentRecord } from '../store/agents-repo.js';

export type Actor = { kind: 'visitor'; visitorId: string; name?: string } | { kind: 'agent'; agent: AgentRecord };

export const partyOf = (actor: Actor): Party =>
  actor.kind === 'visitor'
    ? { kind: 'visitor', id: actor.visitorId, ...(actor.name ? { name: actor.name } : {}) }
    : { kind: 'agent', id: actor.agent.id, name: actor.agent.name };

/** Who uploaded a file, as its record keeps it: until a message carries it, only they may use it. */
export const uploaderOf = (actor: Actor): string => (actor.kind === 'visitor' ? `visitor:${actor.visitorId}` : `agent:${actor.agent.id}`);
