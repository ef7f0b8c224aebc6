import { describe, expect, it } from 'vitest';
import { SortedIndex } from './sorted-index';
import { FirstRows, mergeRunsInSteps } from './sort-in-steps';

describe('SortedIndex (blocks)', () => {
  it('stays equal to a full sort through random inserts and removes across block splits', () => {
    // Blocks of 4, so a few hundred items make many splits and empty blocks.
    const index = new SortedIndex<number>((a, b) => a - b, 4);
    const reference: number[] = [];
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 3000; i++) {
      if (reference.length > 0 && rnd() < 0.4) {
        const victim = reference[Math.floor(rnd() * reference.length)]!;
        const expectedAt = reference.indexOf(victim);
        expect(index.remove(victim)).toBe(expectedAt);
        reference.splice(expectedAt, 1);
      } else {
        const value = Math.floor(rnd() * 1e9) + i / 10_000; // unique
        const at = index.insert(value);
        reference.push(value);
        reference.sort((a, b) => a - b);
        expect(at).toBe(reference.indexOf(value));
      }
      expect(index.size).toBe(reference.length);
    }
    expect(index.toArray()).toEqual(reference);
    for (const [offset, limit] of [[0, 10], [3, 7], [reference.length - 5, 100], [reference.length + 3, 5]] as const) {
      expect(index.slice(offset, limit)).toEqual(reference.slice(offset, offset + limit));
    }
  });

  it('fills in sorted order whatever order pages arrive in (inserts into a large index)', () => {
    const index = new SortedIndex<number>((a, b) => a - b, 64);
    index.reset([50_000, 1]);
    // Pages arrive in server key order, which is not the view's order: interleaved values.
    for (let page = 0; page < 20; page++) for (let i = 0; i < 500; i++) index.insert(i * 20 + page + 2);
    const all = index.toArray();
    expect(all).toHaveLength(10_002);
    expect(all.every((v, i) => i === 0 || all[i - 1]! < v)).toBe(true);
    expect(index.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('does not find an item that is not there, even when empty', () => {
    const index = new SortedIndex<number>((a, b) => a - b, 4);
    expect(index.remove(1)).toBe(-1);
    index.reset([1, 2, 3, 4, 5, 6]);
    expect(index.remove(3.5)).toBe(-1);
    expect(index.remove(6)).toBe(5);
    expect(index.size).toBe(5);
  });
});

describe('sorting in steps', () => {
  const rnd = (() => {
    let seed = 3;
    return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  })();

  it('FirstRows keeps the k smallest, in order, whatever the order they come in', () => {
    for (const k of [0, 1, 5, 50, 500]) {
      const items = Array.from({ length: 300 }, () => Math.floor(rnd() * 1000));
      const first = new FirstRows<number>((a, b) => a - b, k);
      for (const item of items) first.offer(item);
      expect(first.sorted()).toEqual([...items].sort((a, b) => a - b).slice(0, k));
    }
  });

  it('mergeRunsInSteps merges any number of runs, pausing every `step` comparisons', () => {
    for (const count of [0, 1, 2, 3, 7, 16]) {
      const runs = Array.from({ length: count }, () => Array.from({ length: Math.floor(rnd() * 50) }, () => Math.floor(rnd() * 100)).sort((a, b) => a - b));
      const all = runs.flat().sort((a, b) => a - b);
      const steps = mergeRunsInSteps(runs, (a, b) => a - b, 10);
      let pauses = 0;
      let result: number[];
      for (;;) {
        const next = steps.next();
        if (next.done) {
          result = next.value;
          break;
        }
        pauses++;
      }
      expect(result).toEqual(all);
      if (all.length > 100) expect(pauses).toBeGreaterThan(5);
    }
  });
});
