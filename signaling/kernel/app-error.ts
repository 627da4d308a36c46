/** The typed error every service throws; the HTTP layer and the sockets translate it once. */
import type { ErrorReason } from '../protocol/errors.js';

const STATUS: Record<ErrorReason, number> = {
  'malformed-frame': 400,
  'frame-too-large': 413,
  'unsupported-version': 400,
  'not-authenticated': 401,
  'invalid-credentials': 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-input': 400,
  'rate-limited': 429,
  'conversation-ended': 409,
  'offer-unavailable': 409,
  'origin-not-allowed': 403,
  'invalid-signature': 401,
  replayed: 409,
  'password-change-required': 403,
  'file-too-large': 413,
  'file-type-not-allowed': 415,
  'link-expired': 410,
  'already-reviewed': 409,
  'visitor-not-connected': 409,
  'web-calls-off': 409,
  'call-in-progress': 409,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[reason];
  }
}
