/** The single-node Bus: a map of topic to handlers. */
import type { Bus, BusFrame, Topic, Unsubscribe } from './bus.js';

/** Hears a subscriber that threw; the others still get the frame. */
export type SubscriberFailure = (topic: string, error: unknown) => void;

export class InProcessBus implements Bus {
  private readonly handlers = new Map<string, Set<(frame: BusFrame) => void>>();

  /**
   * @param subscriberFailed where a throwing subscriber is reported: the bus sits below the
   * kernel and its logger, so server.ts hands it the logger's; alone it writes to stderr.
   */
  constructor(private readonly subscriberFailed: SubscriberFailure = (topic, error) => console.error(`bus: a subscriber of ${topic} failed`, error)) {}

  publish<F extends BusFrame>(topic: Topic<F>, frame: F): void {
    const set = this.handlers.get(topic);
    if (!set) return;
    // Copy first: a handler may unsubscribe (a socket closing) while we deliver.
    for (const deliver of [...set]) {
      try {
        deliver(frame);
      } catch (error) {
        this.subscriberFailed(topic, error);
      }
    }
  }

  subscribe<F extends BusFrame>(topic: Topic<F>, deliver: (frame: F) => void): Unsubscribe {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    // The topic's type guarantees that only F is published on it.
    const handler = deliver as (frame: BusFrame) => void;
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(topic) === set) this.handlers.delete(topic);
    };
  }

  localSubscribers(topic: string): number {
    return this.handlers.get(topic)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
