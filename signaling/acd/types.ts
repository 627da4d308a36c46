/** Events the ACD engine consumes and decisions it produces. Pure data, JSON-safe. */

/** Channels a contact can arrive on; each has its own per-agent capacity. */
export type Channel = 'chat' | 'voice' | 'email' | 'message';

/** Per-queue routing settings. */
export interface QueueConfig {
  id: string;
  /** How long an agent has to accept an offer before it moves on (ring no answer). */
  offerTimeoutMs: number;
  /** How long an agent who declined or missed a contact is skipped for that contact. */
  retryDelayMs: number;
}

/** How many contacts of each channel an agent may hold at once. Absent means 0. */
export type Capacity = Partial<Record<Channel, number>>;

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
    }
  /** A contact already being handled when the engine started (restored after a restart). */
  | { type: 'contact-assigned'; at: number; contactId: string; agentId: string; channel: Channel }
  /** The customer left, or the contact was closed, whether waiting, offered or handled. */
  | { type: 'contact-ended'; at: number; contactId: string }
  /** An agent's routable state: present and available, which queues, what capacity. */
  | { type: 'agent-updated'; at: number; agentId: string; available: boolean; queueIds: string[]; capacity: Capacity }
  | { type: 'agent-removed'; at: number; agentId: string }
  | { type: 'offer-accepted'; at: number; contactId: string; agentId: string }
  | { type: 'offer-declined'; at: number; contactId: string; agentId: string }
  /** Time passed; expires offers and retry delays that are due. */
  | { type: 'tick'; at: number };

export type AcdDecision =
  | { type: 'offer'; contactId: string; agentId: string; queueId: string; expiresAt: number }
  | { type: 'offer-withdrawn'; contactId: string; agentId: string; reason: 'timeout' | 'taken' | 'cancelled' }
  | { type: 'assigned'; contactId: string; agentId: string }
  /** An accept or decline that matched no live offer: the engine changed nothing. */
  | { type: 'offer-unavailable'; contactId: string; agentId: string }
  /** A waiting contact's 1-based place in its queue, and how many agents could take it now. */
  | { type: 'position-changed'; contactId: string; queueId: string; position: number; agentsAvailable: number }
  /** A contact was abandoned while waiting (ended before an agent accepted). */
  | { type: 'abandoned'; contactId: string; queueId: string; waitedMs: number };
