/**
 * A typed list of listeners: a domain announces what happened through one, and wiring.ts
 * decides who hears it. No domain subscribes to another in its constructor.
 */
import { componentLogger } from './logger.js';

const log = componentLogger('listeners');

type Handler = (...args: never[]) => unknown;
type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;

/**
 * @example
 * interface DoorEvents { opened(by: string): void }
 * const events = new Listeners<DoorEvents>();
 * events.add({ opened: (by) => console.log(`${by} came in`) });
 * events.notify('opened', 'Ana');
 */
export class Listeners<L extends { [K in keyof L]: Handler }> {
  private readonly list: Partial<L>[] = [];

  /** Adds a listener for some of the events; returns a function that removes it. */
  add(listener: Partial<L>): () => void {
    this.list.push(listener);
    return () => {
      const at = this.list.indexOf(listener);
      if (at >= 0) this.list.splice(at, 1);
    };
  }

  /**
   * Tells every listener, synchronously and in the order they were added. A listener that
   * throws is logged and the others still hear of it: one domain's bug must not stop another.
   */
  notify<K extends keyof L>(name: K, ...args: ArgsOf<L[K]>): void {
    for (const listener of this.list) {
      const handler = listener[name] as ((...a: ArgsOf<L[K]>) => unknown) | undefined;
      if (!handler) continue;
      try {
        const result = handler(...args);
        if (result instanceof Promise) result.catch((err: unknown) => log.error({ event: String(name), err }, 'a listener failed'));
      } catch (err) {
        log.error({ event: String(name), err }, 'a listener failed');
      }
    }
  }

  /** Calls each listener in turn and waits for it; the first failure is thrown (inside a transaction it rolls it back). */
  async run<K extends keyof L>(name: K, ...args: ArgsOf<L[K]>): Promise<void> {
    for (const listener of [...this.list]) {
      const handler = listener[name] as ((...a: ArgsOf<L[K]>) => unknown) | undefined;
      if (handler) await handler(...args);
    }
  }
}
