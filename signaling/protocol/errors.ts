/** Error reasons shared by the REST API and the sockets, so every UI can translate them. */

/**
 * Why a request or frame was refused. A client maps each reason to a message in its
 * catalogue; `message` in an error body is for developers and logs only.
 */
export const ErrorReason = {
  malformedFrame: 'malformed-frame',
  frameTooLarge: 'frame-too-large',
  unsupportedVersion: 'unsupported-version',
  notAuthenticated: 'not-authenticated',
  invalidCredentials: 'invalid-credentials',
  forbidden: 'forbidden',
  notFound: 'not-found',
  invalidInput: 'invalid-input',
  rateLimited: 'rate-limited',
  conversationEnded: 'conversation-ended',
  offerUnavailable: 'offer-unavailable',
  originNotAllowed: 'origin-not-allowed',
  /** A signed request (channel message, inbound mail) without a valid, fresh signature. */
  invalidSignature: 'invalid-signature',
  /** A signed request whose message was taken before. */
  replayed: 'replayed',
  /** Signed in with an initial or temporary password: choose a new one first. */
  passwordChangeRequired: 'password-change-required',
  /** A shared file over the site's size limit. */
  fileTooLarge: 'file-too-large',
  /** A shared file whose content (read from its bytes, not its name) is not on the site's list. */
  fileTypeNotAllowed: 'file-type-not-allowed',
  /** A signed file link past its expiry: ask for a new one. */
  linkExpired: 'link-expired',
  /** A held reply another reviewer decided first (or that is not waiting for this decision). */
  alreadyReviewed: 'already-reviewed',
  /** A web call to a visitor whose widget is not connected now. */
  visitorNotConnected: 'visitor-not-connected',
  /** A web call to a visitor who turned calls from agents off. */
  webCallsOff: 'web-calls-off',
  /** A web call on a conversation that already has a call, or one ringing. */
  callInProgress: 'call-in-progress',
  internal: 'internal',
} as const;
export type ErrorReason = (typeof ErrorReason)[keyof typeof ErrorReason];

/** The JSON body of every REST error response. */
export interface ErrorBody {
  error: { reason: ErrorReason; message: string; issues?: { path: string; message: string }[] };
}
