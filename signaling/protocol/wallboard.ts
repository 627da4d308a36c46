/** What the supervisors' wallboard shows, pushed as one frame whenever something changes. */

export interface WallboardFigures {
  offered: number;
  answered: number;
  abandoned: number;
  /** Answered within T ÷ offered, today (null before the first contact). */
  serviceLevel: number | null;
  asaMs: number | null;
  ahtMs: number | null;
  csat: number | null;
}

export interface WallboardQueue extends WallboardFigures {
  queueId: string;
  name: string;
  waiting: number;
  longestWaitMs: number;
  /** The wait a contact arriving now could expect; absent when nobody can serve the queue. */
  estimatedWaitMs?: number;
  agentsAvailable: number;
}

export type WallboardAgentState = 'logged-out' | 'available' | 'on-contact' | 'wrap-up' | 'away' | 'offline';

export interface WallboardAgent {
  agentId: string;
  name: string;
  state: WallboardAgentState;
  /** Since when the agent is in that state (server clock); absent for a member not seen today, whose time in state is unknown. */
  stateSince?: number;
  breakReason?: string;
  contacts: number;
  /** The conversations the agent has open, for supervisors to monitor. */
  conversationIds: string[];
  handledToday: number;
  occupancy: number | null;
}

export interface Wallboard {
  /** Server time of the snapshot, so clients can correct their clock for "time in state". */
  at: number;
  /** Start of "today" in the center's time zone. */
  since: number;
  serviceLevelSeconds: number;
  queues: WallboardQueue[];
  channels: (WallboardFigures & { channel: string })[];
  /** Today's figures per customer language (`en`, `es`…; `unknown` when the browser did not say). Optional for older servers. */
  languages?: (WallboardFigures & { language: string })[];
  agents: WallboardAgent[];
}
