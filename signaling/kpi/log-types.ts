/** The event log's vocabulary: every type the services append and the KPI reducer reads. */
export const LogType = {
  contactQueued: 'contact-queued',
  contactOffered: 'contact-offered',
  offerAccepted: 'offer-accepted',
  offerDeclined: 'offer-declined',
  offerTimedOut: 'offer-timed-out',
  contactEscalated: 'contact-escalated',
  contactOverflowed: 'contact-overflowed',
  contactRefused: 'contact-refused',
  contactAbandoned: 'contact-abandoned',
  contactEnded: 'contact-ended',
  contactRated: 'contact-rated',
  wrapUpStarted: 'wrap-up-started',
  wrapUpEnded: 'wrap-up-ended',
  wrapUpDone: 'wrap-up-done',
  agentLogin: 'agent-login',
  agentLogout: 'agent-logout',
  agentState: 'agent-state',
  agentPaused: 'agent-paused',
  supervisorBarged: 'supervisor-barged',
  /** An agent handed a contact to another agent or queue. */
  contactTransferred: 'contact-transferred',
  /** An agent escalated a contact to the next tier of its queue (`data.tier`, `data.reason`). */
  contactEscalatedByAgent: 'contact-escalated-by-agent',
  /** A contact went back to its queue because its agent's app vanished mid-contact. */
  contactReturned: 'contact-returned',
  callHeld: 'call-held',
  callResumed: 'call-resumed',
} as const;
export type LogType = (typeof LogType)[keyof typeof LogType];

/** One entry of the event log as the reducer reads it (the store's row, parsed). */
export interface LogEntry {
  at: number;
  type: string;
  conversationId?: string;
  agentId?: string;
  queueId?: string;
  data?: Record<string, unknown>;
}
