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

/**
 * Why an agent is away. `no-answer` is set by the ACD after too many missed offers;
 * `disconnected` when their app lost its connection for longer than the grace period.
 */
export const BREAK_REASONS = ['lunch', 'meeting', 'training', 'personal', 'no-answer', 'disconnected'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

/** The reasons only the server sets: nobody chooses them, agents or supervisors. */
export const SYSTEM_BREAK_REASONS = ['no-answer', 'disconnected'] as const satisfies readonly BreakReason[];
export type ChoosableBreakReason = Exclude<BreakReason, (typeof SYSTEM_BREAK_REASONS)[number]>;
/** The reasons an agent picks for a break (and a supervisor may force). */
export const CHOOSABLE_BREAK_REASONS = BREAK_REASONS.filter((r): r is ChoosableBreakReason => !(SYSTEM_BREAK_REASONS as readonly string[]).includes(r)) as [ChoosableBreakReason, ...ChoosableBreakReason[]];
