/** Turns every thrown error into one JSON shape: typed errors keep their reason, anything else is a logged 500. */
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../protocol/errors.js';
import { AppError } from '../kernel/app-error.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('http');

export const handleError: ErrorHandler = (error, c) => {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { reason: error.reason, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    return c.json(body, error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals (for example a body that is not JSON) are the client's fault.
    const body: ErrorBody = { error: { reason: 'invalid-input', message: error.message || 'invalid request' } };
    return c.json(body, error.status as ContentfulStatusCode);
  }
  // The route pattern, not the path: paths carry ids, and the request line says which one.
  log.error({ reqId: c.get('requestId') as string | undefined, method: c.req.method, route: c.req.routePath, err: error }, 'request failed');
  const body: ErrorBody = { error: { reason: 'internal', message: 'internal error' } };
  return c.json(body, 500);
};
