// Keys kept in sorted order, because list responses and continue tokens follow key order
// (as etcd does), and 150,000 pods must not be re-sorted on every paginated request.
export class SortedKeys {
  private keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] !== key) this.keys.splice(i, 0, key);
  }

  remove(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }

  /** Keys >= from, in order, optionally restricted to a prefix. */
  *from(from: string, prefix = ''): Generator<string> {
    const start = from > prefix ? from : prefix;
    for (let i = this.lowerBound(start); i < this.keys.length; i++) {
      const k = this.keys[i]!;
      if (prefix && !k.startsWith(prefix)) return;
      yield k;
    }
  }

  /** How many keys are >= from (within the prefix, when given). */
  countFrom(from: string, prefix = ''): number {
    const start = this.lowerBound(from > prefix ? from : prefix);
    const end = prefix ? this.lowerBound(`${prefix}\uffff`) : this.keys.length;
    return Math.max(0, end - start);
  }

  /** Bulk load for scenarios: append then sort once. */
  bulkInsert(keys: string[]): void {
    for (const k of keys) this.keys.push(k);
    this.keys.sort();
    this.keys = this.keys.filter((k, i, a) => i === 0 || a[i - 1] !== k);
  }
}
