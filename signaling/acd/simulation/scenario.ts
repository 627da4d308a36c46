/** What a simulation replays: queues as configured, agents with their habits, and arrivals. Times in seconds. */
import type { BusinessHours } from '../business-hours.js';
import type { StrategyName } from '../strategies/strategy.js';
import type { Capacity, Channel, Skills } from '../types.js';

export interface ScenarioQueue {
  id: string;
  strategy?: StrategyName;
  offerTimeoutSeconds?: number;
  retryDelaySeconds?: number;
  wrapUpSeconds?: number;
  requiredSkills?: Skills;
  tierWaitSeconds?: number;
  priority?: number;
  maxSize?: number;
  maxWaitSeconds?: number;
  /** Queue id to overflow to. */
  overflowTo?: string;
  hours?: BusinessHours;
}

export interface ScenarioAgent {
  id: string;
  /** Queue id → tier (1 answers first). */
  queues: Record<string, number>;
  skills?: Skills;
  capacity?: Capacity;
  /** How long the agent takes to accept an offer. */
  answerSeconds?: number;
  /** Share of offers the agent lets ring out (0-1). */
  missRate?: number;
  /** Logged in from/to, in minutes from the start; the whole run when absent. */
  shift?: [number, number];
  /** Agents like this one, named id-1, id-2, ... */
  count?: number;
}

export interface PoissonArrivals {
  queue: string;
  channel?: Channel;
  perHour: number;
  /** Mean handle time (exponentially distributed). */
  handleSeconds: number;
  /** Mean patience before abandoning (exponentially distributed); never abandons when absent. */
  patienceSeconds?: number;
  priority?: number;
  requiredSkills?: Skills;
}

export interface LoggedArrival {
  atSeconds: number;
  queue: string;
  channel?: Channel;
  handleSeconds: number;
  patienceSeconds?: number;
  priority?: number;
}

export interface Scenario {
  name: string;
  durationMinutes: number;
  seed?: number;
  /** Service level threshold T: answered within T seconds. */
  serviceLevelSeconds?: number;
  /** Abandons within this many seconds leave SL2's denominator (they had no fair chance). */
  shortAbandonSeconds?: number;
  /** Clock start (ISO time), for business hours; 2026-01-05T09:00:00Z (a Monday) when absent. */
  startsAt?: string;
  /** Minutes a paused agent takes to come back. */
  pauseMinutes?: number;
  queues: ScenarioQueue[];
  agents: ScenarioAgent[];
  arrivals?: PoissonArrivals[];
  log?: LoggedArrival[];
}
