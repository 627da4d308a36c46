/** Agent presence states as agents choose them and as the server reports them. */

/**
 * What an agent chose. Routing offers contacts only to `available` agents with
 * spare capacity; `away` is a break; `offline` takes no contacts at all.
 */
export const AgentStatus = {
  available: 'available',
  away: 'away',
  offline: 'offline',
} as const;
export type AgentStatus = (typeof AgentStatus)[keyof typeof AgentStatus];

export const AGENT_STATUSES = Object.values(AgentStatus) as [AgentStatus, ...AgentStatus[]];

/** Agent roles; a supervisor sees every queue, an admin also manages accounts. */
export const AgentRole = {
  agent: 'agent',
  supervisor: 'supervisor',
  admin: 'admin',
} as const;
export type AgentRole = (typeof AgentRole)[keyof typeof AgentRole];

export const AGENT_ROLES = Object.values(AgentRole) as [AgentRole, ...AgentRole[]];

/** Why an agent is away. `no-answer` is set by the ACD after too many missed offers. */
export const BREAK_REASONS = ['lunch', 'meeting', 'training', 'personal', 'no-answer'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];
