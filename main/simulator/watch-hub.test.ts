import { describe, expect, it } from 'vitest';
import type { KObj } from './objects';
import { Store } from './store';
import { WatchHub } from './watch-hub';

const cm = (name: string): KObj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' } });

// A sink that costs time per event, as serialising and writing a large pod does.
const slow = (seen: number[]) => (_t: string, o: KObj): void => {
  const until = performance.now() + 0.02;
  while (performance.now() < until);
  seen.push(Number(o.metadata.resourceVersion));
};

describe('WatchHub long replays', () => {
  it('sends a long replay in slices, in order, with changes made meanwhile queued behind it', async () => {
    const s = new Store();
    const hub = new WatchHub(s, 10_000);
    const from = Number(s.resourceVersion());
    for (let i = 0; i < 3000; i++) s.create('configmaps', cm(`c${i}`));
    const seen: number[] = [];
    let done!: () => void;
    const caughtUp = new Promise<void>((r) => (done = r));
    hub.watch('configmaps', from, () => true, slow(seen), { caughtUp: done });
    // The replay (3000 x 20 us) is far longer than one slice: it is not all out yet...
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(3000);
    // ...and the event loop gets turns meanwhile.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    s.create('configmaps', cm('late'));
    await caughtUp;
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(3);
    s.create('configmaps', cm('later'));
    expect(seen).toHaveLength(3002);
    expect(seen.every((rv, i) => i === 0 || rv > seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(Number(s.resourceVersion()));
  });

  it('sends the initial objects first, then the marker, then later changes; stop ends a replay', async () => {
    const s = new Store();
    const hub = new WatchHub(s, 10_000);
    for (let i = 0; i < 2000; i++) s.create('configmaps', cm(`c${i}`));
    const order: string[] = [];
    let done!: () => void;
    const caughtUp = new Promise<void>((r) => (done = r));
    hub.watch('configmaps', undefined, () => true, (t, o) => void (slow([])(t, o), order.push(`${t}:${o.metadata.name}`)), { initial: [...s.list('configmaps')], afterInitial: () => order.push('END'), caughtUp: done });
    s.create('configmaps', cm('new'));
    await caughtUp;
    expect(order.indexOf('END')).toBe(2000);
    expect(order.at(-1)).toBe('ADDED:new');

    const seen: number[] = [];
    const stop = hub.watch('configmaps', 0, () => true, slow(seen));
    const before = seen.length;
    stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(before);
  });
});
