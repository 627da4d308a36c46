/**
 * The process-level guard: an exception or rejection that escaped every handler is logged with its
 * stack and counted, and the server keeps serving. Each socket and route has its own guard, so
 * anything reaching this one is a bug to fix; stopping every visitor's and agent's session for
 * it would turn one client's bad frame into an outage (issue 16).
 */
import { componentLogger } from './logger.js';
import type { Metrics } from './metrics.js';

const log = componentLogger('process');

/** Installs the guard; returns a function that removes it (for servers started inside tests). */
export function installProcessGuard(metrics: Metrics): () => void {
  const onException = (error: Error) => {
    metrics.uncaughtErrors.inc({ kind: 'exception' });
    log.error({ err: error }, 'an exception escaped every handler; the server keeps serving');
  };
  const onRejection = (reason: unknown) => {
    metrics.uncaughtErrors.inc({ kind: 'rejection' });
    log.error({ err: reason }, 'a rejected promise was never handled; the server keeps serving');
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
