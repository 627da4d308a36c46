/** What every handler of an agent's frames gets: who the agent is, their socket, and what this window holds open. */
import type { Actor } from '../../kernel/actor.js';
import type { AgentFrame } from '../../protocol/client-frames.js';
import type { ServerFrame } from '../../protocol/server-frames.js';
import type { AgentRecord } from '../../store/agents-repo.js';
import type { Services } from '../../wiring.js';

export interface AgentContext {
  services: Services;
  agent: AgentRecord;
  actor: Actor & { kind: 'agent' };
  send(frame: ServerFrame): void;
  /** Conversations this supervisor's window is monitoring, and how to stop each. */
  monitoring: Map<string, () => void>;
  /** Customers this window shows, by the conversation they were opened from. */
  viewing: Map<string, string>;
}

/** Handlers for some of the agent's frame types, each given the frame of its own type. */
export type AgentFrameHandlers<T extends AgentFrame['type']> = {
  [K in T]: (ctx: AgentContext, frame: Extract<AgentFrame, { type: K }>) => Promise<void>;
};

/** The acknowledgement of a frame about one conversation. */
export const ackFor = (frame: { id: string; conversationId: string }): ServerFrame => ({ type: 'ack', id: frame.id, conversationId: frame.conversationId });
