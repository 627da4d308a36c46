/**
 * Calling a visitor back in the browser: whether a call can be placed now (and why not), how a
 * ring ended, and how long the widget rings. Shared by the server, the widget and the agent app.
 */

/** How long the visitor's widget rings before the call counts as unanswered. */
export const WEB_CALL_RING_MS = 30_000;

/**
 * Why a web call cannot be placed now: the visitor's widget is not connected, the visitor turned
 * such calls off, the conversation already has a call (or one ringing), or it is not being worked.
 */
export const WEB_CALL_UNAVAILABLE = ['not-connected', 'calls-off', 'in-call', 'not-active'] as const;
export type WebCallUnavailable = (typeof WEB_CALL_UNAVAILABLE)[number];

/** `GET /api/conversations/{id}/web-call`: can the agent call the visitor in the browser now? */
export interface WebCallAvailability {
  available: boolean;
  /** Set when not available. */
  reason?: WebCallUnavailable;
}

/** How a ring ended, as the timeline records it (an answered call shows as the call itself). */
export const WEB_CALL_OUTCOMES = ['declined', 'unanswered'] as const;
export type WebCallOutcome = (typeof WEB_CALL_OUTCOMES)[number];

/** Why the widget stops ringing without the visitor answering: they declined, nobody answered, the agent gave up. */
export type WebCallRingEnd = WebCallOutcome | 'cancelled' | 'answered';
