/** Whether the store answers, for health checks: routes ask this, never the store itself. */
import type { Store } from '../store/store.js';

export class StoreHealth {
  constructor(private readonly store: Store) {}

  /** The store's dialect when it answers. @throws whatever the driver throws when it does not. */
  async check(): Promise<{ store: Store['dialect'] }> {
    await this.store.ping();
    return { store: this.store.dialect };
  }
}
