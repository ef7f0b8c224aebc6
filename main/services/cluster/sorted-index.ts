// A sorted array kept sorted as items come and go: binary search, then one splice. At 150,000
// rows an insert or remove is a memmove of ~1 MB of pointers (tens of microseconds), so a watch
// event never triggers a full sort. The comparator must be a total order (ties broken by a
// unique key) so an item is found again exactly where it was put.

export class SortedIndex<T> {
  private items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  /** Replaces everything (a new filter or sort): one full sort. */
  reset(items: T[]): void {
    this.items = items.sort(this.compare);
  }

  private lowerBound(item: T): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.items[mid]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(item: T): number {
    const at = this.lowerBound(item);
    this.items.splice(at, 0, item);
    return at;
  }

  /** Removes the item that compares equal; returns where it was, or -1. */
  remove(item: T): number {
    const at = this.lowerBound(item);
    if (at < this.items.length && this.compare(this.items[at]!, item) === 0) {
      this.items.splice(at, 1);
      return at;
    }
    return -1;
  }

  slice(offset: number, limit: number): T[] {
    return this.items.slice(offset, offset + limit);
  }

  toArray(): readonly T[] {
    return this.items;
  }
}
