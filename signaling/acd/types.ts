/** Events the ACD engine consumes, decisions it produces, and the configuration it routes by. Pure data, JSON-safe. */
import type { BusinessHours } from './business-hours.js';
import type { StrategyName } from './strategies/strategy.js';
import type { Channel } from '../protocol/conversation.js';

/** Channels a contact can arrive on; each has its own per-agent capacity. */
export { CHANNELS, type Channel } from '../protocol/conversation.js';

/** How many contacts of each channel an agent may hold at once. Absent means 0. */
export type Capacity = Partial<Record<Channel, number>>;

/** Skill name → level (1-10). */
export type Skills = Record<string, number>;

/** Where a contact goes when its queue is full, it waited too long, or the queue is closed. */
export type OverflowTarget = { type: 'queue'; queueId: string } | { type: 'callback' } | { type: 'message' };

/** Per-queue routing settings (see DEFAULT_QUEUE for the defaults). */
export interface QueueConfig {
  id: string;
  strategy: StrategyName;
  /** How long an agent has to accept an offer before it moves on (ring no answer). */
  offerTimeoutMs: number;
  /** How long an agent who declined or missed a contact is skipped for that contact. */
  retryDelayMs: number;
  /** After-contact work: no new offers to the agent for this long after a contact of this queue ends. */
  wrapUpMs: number;
  /** When true, wrap-up lasts until the agent records a disposition (`wrap-up-done`), not just the timer. */
  dispositionRequired: boolean;
  /** Minimum skill levels every agent must have to serve this queue. */
  requiredSkills: Skills;
  /** Tier escalation: a contact may go to tier n+1 after waiting n × tierWaitMs. 0 offers to every tier at once. */
  tierWaitMs: number;
  /** Queue priority, added to each contact's priority. */
  priority: number;
  /** How much waiting one priority point is worth: priority ages in, rather than starving others. */
  priorityWeightMs: number;
  /** Most contacts waiting at once; more overflow. */
  maxSize?: number;
  /** Longest wait before the contact overflows. */
  maxWaitMs?: number;
  overflow?: OverflowTarget;
  hours?: BusinessHours;
  /** Where contacts arriving while the queue is closed go; without one they wait for opening. */
  closedTarget?: OverflowTarget;
  /** A returning customer waits this long for the agent who served them last. */
  stickyMs: number;
  /** Expected handle time before real ones are measured, for the estimated wait. */
  expectedHandleMs: number;
}

export type QueueSettings = Omit<QueueConfig, 'id'>;

/** The agent's membership in one queue. */
export interface Membership {
  /** 1 answers first. */
  tier: number;
  /** Order within the queue, for top-down and round robin. */
  position: number;
}

export type AcdEvent =
  | { type: 'queue-configured'; at: number; queue: QueueConfig }
  | {
      type: 'contact-arrived';
      at: number;
      contactId: string;
      queueId: string;
      channel: Channel;
      /** When the contact first entered the queue; differs from `at` when restored after a restart. */
      enqueuedAt?: number;
      /** Higher is served earlier; ages in with priorityWeightMs. */
      priority?: number;
      /** Skills this contact needs on top of the queue's (for example a language). */
      requiredSkills?: Skills;
      /** The agent who served this customer last (sticky routing). */
      preferredAgentId?: string;
      /** An escalated contact restored after a restart keeps its lowest tier (see `contact-returned`). */
      minTier?: number;
    }
  /** A contact already being handled when the engine started (restored after a restart). */
  | { type: 'contact-assigned'; at: number; contactId: string; agentId: string; channel: Channel; queueId: string }
  /** The customer left, or the contact was closed, whether waiting, offered or handled. */
  | { type: 'contact-ended'; at: number; contactId: string }
  /**
   * A handled contact goes back to waiting without ending: its agent's app died mid-call, or
   * the agent transferred it to a queue (`queueId`, default its own). It waits at the head of
   * the queue with its original wait, and the agent who returned it is not offered it again
   * when `skipAgent` is set. The agent gets no wrap-up: the contact did not end.
   */
  | {
      type: 'contact-returned';
      at: number;
      contactId: string;
      queueId?: string;
      skipAgent?: boolean;
      /**
       * Escalation to a higher tier: only members of this tier or a deeper one are offered it
       * (tier 1 agents no longer see it), however long it waits.
       */
      minTier?: number;
    }
  /**
   * A handled contact moves straight to another agent (a transfer to a person). Refused,
   * with no change, when that agent is not available or has no room on its channel.
   */
  | { type: 'contact-transferred'; at: number; contactId: string; toAgentId: string }
  /** An agent's routable state. `available` is false while logged out, offline or on a break. */
  | {
      type: 'agent-updated';
      at: number;
      agentId: string;
      available: boolean;
      queues: Record<string, Membership>;
      skills?: Skills;
      capacity: Capacity;
      handledToday?: number;
    }
  | { type: 'agent-removed'; at: number; agentId: string }
  | { type: 'offer-accepted'; at: number; contactId: string; agentId: string }
  | { type: 'offer-declined'; at: number; contactId: string; agentId: string }
  /** The agent finished after-contact work (recorded a disposition). */
  | { type: 'wrap-up-done'; at: number; agentId: string }
  /** Time passed; expires offers, delays, wrap-ups, escalations and waits that are due. */
  | { type: 'tick'; at: number };

export type OverflowReason = 'queue-full' | 'max-wait' | 'closed';

export type AcdDecision =
  | { type: 'offer'; contactId: string; agentId: string; queueId: string; expiresAt: number }
  | { type: 'offer-withdrawn'; contactId: string; agentId: string; reason: 'timeout' | 'taken' | 'cancelled' }
  | { type: 'assigned'; contactId: string; agentId: string; queueId: string; waitedMs: number }
  /** A handled contact was moved to another agent (`contact-transferred`). */
  | { type: 'transferred'; contactId: string; fromAgentId: string; toAgentId: string; queueId: string }
  /** A transfer the engine could not carry out; nothing changed. */
  | { type: 'transfer-refused'; contactId: string; toAgentId: string; reason: 'not-handled' | 'agent-unavailable' | 'no-room' }
  /** An accept or decline that matched no live offer: the engine changed nothing. */
  | { type: 'offer-unavailable'; contactId: string; agentId: string }
  /** Positions or estimated waits in this queue may have changed. */
  | { type: 'queue-changed'; queueId: string }
  /** A waiting contact may now go to agents of this tier. */
  | { type: 'escalated'; contactId: string; queueId: string; tier: number }
  | { type: 'overflowed'; contactId: string; fromQueueId: string; to: OverflowTarget; reason: OverflowReason }
  /** A contact that could not be queued at all (full or closed, and no overflow configured). */
  | { type: 'refused'; contactId: string; queueId: string; reason: OverflowReason }
  /** A contact ended while waiting (the customer left before an agent accepted). */
  | { type: 'abandoned'; contactId: string; queueId: string; waitedMs: number }
  /** The agent missed too many offers in a row and is paused (FreeSWITCH max-no-answer). */
  | { type: 'agent-paused'; agentId: string; reason: 'no-answer'; missed: number }
  | { type: 'wrap-up-started'; agentId: string; contactId: string; until: number | undefined }
  | { type: 'wrap-up-ended'; agentId: string };
