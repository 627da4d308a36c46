/** Steps of a conversation over the real sockets, shared by server tests: a visitor starts a chat, an agent takes it, either asks something. */
import assert from 'node:assert/strict';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import type { connectAgent, connectVisitor } from './connect.js';

export type Visitor = Awaited<ReturnType<typeof connectVisitor>>;
export type Agent = Awaited<ReturnType<typeof connectAgent>>;

/** The visitor's id, from their welcome. */
export const visitorIdOf = (v: Visitor) => (v.welcome as Extract<ServerFrame, { type: 'welcome'; role: 'visitor' }>).visitor.id;

/** Sends a frame with a client id and returns the server's ack or error. */
export async function ask(party: Visitor | Agent, frame: Record<string, unknown> & { id: string }) {
  party.socket.send(frame);
  return party.socket.answer(frame.id);
}

/** Starts a chat (or, with `type: 'call.start'`, a call) for the visitor; its conversation id. */
export async function startChat(v: Visitor, id: string, type: 'conversation.start' | 'call.start' = 'conversation.start'): Promise<string> {
  const answer = await ask(v, { type, id });
  assert.equal(answer.type, 'ack', JSON.stringify(answer));
  return (answer as { conversationId: string }).conversationId;
}

/** The agent takes an offered conversation. */
export async function take(agent: Agent, conversationId: string): Promise<void> {
  await agent.socket.next('offer', (o) => o.offer.conversationId === conversationId);
  const answer = await ask(agent, { type: 'offer.accept', id: `accept-${conversationId.slice(0, 8)}`, conversationId });
  assert.equal(answer.type, 'ack', JSON.stringify(answer));
}

/** The agent ends the conversation (the demo queues have no wrap-up time, so the agent is free at once). */
export async function finish(agent: Agent, conversationId: string): Promise<void> {
  assert.equal((await ask(agent, { type: 'conversation.end', id: `end-${conversationId.slice(0, 8)}`, conversationId })).type, 'ack');
}
