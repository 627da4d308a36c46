/** The single-node Bus: a map of topic to handlers. */
import type { ServerFrame } from '../protocol/server-frames.js';
import type { Bus, Unsubscribe } from './bus.js';

export class InProcessBus implements Bus {
  private readonly handlers = new Map<string, Set<(frame: ServerFrame) => void>>();

  publish(topic: string, frame: ServerFrame): void {
    const set = this.handlers.get(topic);
    if (!set) return;
    // Copy first: a handler may unsubscribe (a socket closing) while we deliver.
    for (const deliver of [...set]) {
      try {
        deliver(frame);
      } catch (error) {
        console.error(`bus: a subscriber of ${topic} failed`, error);
      }
    }
  }

  subscribe(topic: string, deliver: (frame: ServerFrame) => void): Unsubscribe {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(deliver);
    return () => {
      set.delete(deliver);
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
