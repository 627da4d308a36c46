/** One queue's waiting contacts, kept in serving order so the head and any position are found by binary search. */

export interface Ordered {
  /** Serving order: smaller first. Enqueue time minus priority credit, so priority ages in. */
  key: number;
  /** Arrival counter, to break ties between equal keys (first in, first out). */
  order: number;
}

const compare = (a: Ordered, b: Ordered) => a.key - b.key || a.order - b.order;

export class WaitingList<T extends Ordered> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  /** In serving order; do not modify. */
  get all(): readonly T[] {
    return this.items;
  }

  insert(item: T): void {
    this.items.splice(this.lowerBound(item), 0, item);
  }

  remove(item: T): boolean {
    const i = this.indexOf(item);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** 1-based place in line, or 0 when not in the list. */
  positionOf(item: T): number {
    return this.indexOf(item) + 1;
  }

  /** Re-sorts after keys changed (a queue's priority settings did). */
  resort(): void {
    this.items.sort(compare);
  }

  private indexOf(item: T): number {
    const i = this.lowerBound(item);
    return this.items[i] === item ? i : -1;
  }

  private lowerBound(item: Ordered): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.items[mid]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
