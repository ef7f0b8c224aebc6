// Sorting 150,000 rows costs a few hundred ms of CPU; a view should not wait that long for the
// hundred rows it shows first, nor hold the event loop while the rest is put in order.
// - FirstRows keeps the k smallest items seen so far (a bounded max-heap): one comparison per
//   item for most items, so the first window of a rebuild is known after one pass.
// - mergeRunsInSteps merges sorted runs pairwise and pauses every `step` comparisons, so the
//   caller can yield to the event loop between steps.

export class FirstRows<T> {
  /** A max-heap: the largest of the k kept items on top, the one a smaller item replaces. */
  private readonly heap: T[] = [];

  constructor(
    private readonly compare: (a: T, b: T) => number,
    readonly k: number,
  ) {}

  offer(item: T): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length < this.k) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (this.compare(item, heap[0]!) < 0) {
      heap[0] = item;
      this.down(0);
    }
  }

  /** The kept items, smallest first. */
  sorted(): T[] {
    return [...this.heap].sort(this.compare);
  }

  private up(i: number): void {
    const heap = this.heap;
    const item = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[parent]!, item) >= 0) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.compare(heap[child + 1]!, heap[child]!) > 0) child++;
      if (this.compare(heap[child]!, item) <= 0) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = item;
  }
}

/**
 * Merges sorted runs into one sorted array, pairwise, yielding (to the caller's loop) after about
 * every `step` comparisons; the generator's return value is the merged array.
 */
export function* mergeRunsInSteps<T>(runs: T[][], compare: (a: T, b: T) => number, step: number): Generator<void, T[]> {
  let budget = step;
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (!b) {
        merged.push(a);
        continue;
      }
      const out = new Array<T>(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.length && j < b.length) {
        out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
        if (--budget === 0) {
          budget = step;
          yield;
        }
      }
      while (i < a.length) out[k++] = a[i++]!;
      while (j < b.length) out[k++] = b[j++]!;
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
