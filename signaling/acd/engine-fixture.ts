/** Test helpers: build an engine with queues and agents in a line or two. Used by the engine's tests only. */
import { AcdEngine, DEFAULT_QUEUE, type AcdEngineOptions } from './acd-engine.js';
import type { AcdDecision, Capacity, QueueConfig, Skills } from './types.js';

export interface AgentSpec {
  id: string;
  queues?: Record<string, { tier?: number; position?: number }>;
  capacity?: Capacity;
  skills?: Skills;
  available?: boolean;
  at?: number;
}

export function queue(id: string, settings: Partial<QueueConfig> = {}): QueueConfig {
  return { id, ...DEFAULT_QUEUE, ...settings };
}

export function agentEvent(spec: AgentSpec, at = spec.at ?? 0) {
  const queues = Object.fromEntries(Object.entries(spec.queues ?? { q: {} }).map(([id, m], i) => [id, { tier: m.tier ?? 1, position: m.position ?? i }]));
  return {
    type: 'agent-updated' as const,
    at,
    agentId: spec.id,
    available: spec.available ?? true,
    queues,
    capacity: spec.capacity ?? { chat: 3 },
    ...(spec.skills ? { skills: spec.skills } : {}),
  };
}

export function engine(queues: QueueConfig[], agents: AgentSpec[], options: AcdEngineOptions = {}): AcdEngine {
  const acd = new AcdEngine(options);
  for (const q of queues) acd.handle({ type: 'queue-configured', at: 0, queue: q });
  for (const a of agents) acd.handle(agentEvent(a));
  return acd;
}

export const offers = (ds: AcdDecision[]) => ds.filter((d): d is Extract<AcdDecision, { type: 'offer' }> => d.type === 'offer');
export const offeredTo = (ds: AcdDecision[]) => offers(ds).map((o) => o.agentId);
export const ofType = <T extends AcdDecision['type']>(ds: AcdDecision[], type: T) => ds.filter((d): d is Extract<AcdDecision, { type: T }> => d.type === type);

/** Arrival of a chat contact in queue q (or another). */
export const arrive = (contactId: string, at: number, extra: Partial<{ queueId: string; channel: 'chat' | 'voice' | 'email' | 'message'; priority: number; requiredSkills: Skills; preferredAgentId: string; enqueuedAt: number }> = {}) => ({
  type: 'contact-arrived' as const,
  at,
  contactId,
  queueId: extra.queueId ?? 'q',
  channel: extra.channel ?? 'chat',
  ...extra,
});
