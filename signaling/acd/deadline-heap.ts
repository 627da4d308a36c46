/** A min-heap of timed entries, so the engine finds what is due without scanning every contact. */

export interface Deadline<T> {
  at: number;
  item: T;
}

/**
 * Entries are never removed early: the engine checks on `pop` whether an entry still
 * applies (lazy deletion), which keeps every operation O(log n).
 */
export class DeadlineHeap<T> {
  private readonly heap: (Deadline<T> & { seq: number })[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, item: T): void {
    this.heap.push({ at, item, seq: this.seq++ });
    this.up(this.heap.length - 1);
  }

  peek(): Deadline<T> | undefined {
    return this.heap[0];
  }

  pop(): Deadline<T> | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b]!, this.heap[a]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(l, m)) m = l;
      if (r < this.heap.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
