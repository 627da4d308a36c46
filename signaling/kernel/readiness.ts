/** Whether this process should receive traffic: starting, ready, or draining at shutdown. */

/** The states a server goes through, in order. */
export const READINESS = { starting: 'starting', ready: 'ready', draining: 'draining' } as const;
export type ReadinessState = (typeof READINESS)[keyof typeof READINESS];

/** What `/readyz` reports. */
export type ReadinessReport = { status: 'ready'; store: 'sqlite' | 'postgres'; node?: string; role?: 'acd-owner' } | { status: 'starting' | 'draining' };

/**
 * One per server process: the entry point marks it ready once migrations ran and waiting contacts
 * were restored, and draining when shutdown begins; `/readyz` reads it. Draining is final, so a
 * late "ready" (a slow start interrupted by SIGTERM) cannot put a stopping server back in rotation.
 *
 * @example
 * const readiness = new Readiness();
 * // … open the store, build the services …
 * readiness.markReady(store.dialect);
 */
export class Readiness {
  #report: ReadinessReport = { status: READINESS.starting };

  get state(): ReadinessState {
    return this.#report.status;
  }

  /**
   * Migrations are done and the services (with their restored queues) are built. A cluster's ACD
   * owner also names itself: its app answers only probes that came over a forwarded keep-alive
   * connection, and should say who answered.
   */
  markReady(store: 'sqlite' | 'postgres', owner?: { node: string }): void {
    if (this.#report.status === READINESS.draining) return;
    this.#report = { status: READINESS.ready, store, ...(owner ? { node: owner.node, role: 'acd-owner' as const } : {}) };
  }

  /** Shutdown has begun: load balancers should stop sending new work here. */
  markDraining(): void {
    this.#report = { status: READINESS.draining };
  }

  /** What `/readyz` answers with. */
  report(): ReadinessReport {
    return this.#report;
  }
}
