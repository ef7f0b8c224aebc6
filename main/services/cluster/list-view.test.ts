import { beforeEach, describe, expect, it } from 'vitest';
import type { Row, ViewUpdate } from '../../contract';
import type { KubeObject, Pod } from '../../kube';
import { applyEvents, type Cache } from './apply-events';
import { ListView, type ListViewQuery, type ListViewSettings } from './list-view';
import { objectSortValue, podRow, sortValue } from './rows';
import { SortedIndex } from './sorted-index';

let rv = 0;
function pod(ns: string, name: string, opts: { restarts?: number; node?: string; ip?: string; created?: string; phase?: string } = {}): Pod {
  return {
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `${ns}-${name}`, resourceVersion: String(++rv), creationTimestamp: opts.created ?? '2026-01-01T00:00:00Z', labels: {} },
    spec: { nodeName: opts.node ?? 'n1', containers: [{ name: 'c' }] },
    status: {
      phase: opts.phase ?? 'Running',
      podIPs: opts.ip ? [{ ip: opts.ip }] : [],
      containerStatuses: [{ name: 'c', ready: true, restartCount: opts.restarts ?? 0, state: { running: {} } }],
    },
  };
}

const query = (over: Partial<ListViewQuery> = {}): ListViewQuery => ({
  kind: 'pods',
  namespaces: [],
  labelSelector: '',
  search: '',
  sort: { column: 'name', direction: 'asc' },
  offset: 0,
  limit: 3,
  ...over,
});

/** Both ways a view finds a changed row's old entry: from the change (stable rows) or by key. */
let stableRows = true;

function setup(q: ListViewQuery, pods: Pod[], settings?: ListViewSettings) {
  const cache: Cache = new Map();
  applyEvents(cache, [{ type: 'SYNC', objects: pods }]);
  const sent: ViewUpdate[] = [];
  const rows = new WeakMap<KubeObject, Row>();
  const rowOf = (o: KubeObject) => {
    let r = rows.get(o);
    if (!r) rows.set(o, (r = podRow(o as Pod)));
    return r;
  };
  const view = new ListView('v1', q, { rowOf, emit: (u) => sent.push(u), stableRows: () => stableRows }, settings);
  view.attach({ cache, loading: false });
  const change = (events: Parameters<typeof applyEvents>[1]) => view.applyChanges(applyEvents(cache, events));
  return { cache, sent, view, change, names: () => sent.at(-1)!.rows.map((r) => r.name) };
}

describe('SortedIndex', () => {
  it('stays sorted through inserts and removes and finds items again', () => {
    const index = new SortedIndex<number>((a, b) => a - b);
    index.reset([5, 1, 3]);
    index.insert(4);
    index.insert(0);
    expect(index.toArray()).toEqual([0, 1, 3, 4, 5]);
    expect(index.remove(3)).toBe(2);
    expect(index.remove(42)).toBe(-1);
    expect(index.slice(1, 2)).toEqual([1, 4]);
  });
});

describe.each([{ stable: true }, { stable: false }])('ListView (stable rows: $stable)', ({ stable }) => {
  beforeEach(() => {
    stableRows = stable;
  });

  it('sends the window and the total, sorted by name', () => {
    const { sent, names } = setup(query(), [pod('a', 'c'), pod('a', 'a'), pod('b', 'd'), pod('b', 'b')]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.total).toBe(4);
    expect(names()).toEqual(['a', 'b', 'c']);
  });

  it('updates incrementally: an added row lands in place, a deleted one leaves, nothing sent when the window is unchanged', () => {
    const { sent, change, names } = setup(query({ limit: 2 }), [pod('a', 'b'), pod('a', 'd')]);
    change([{ type: 'ADDED', object: pod('a', 'a') }]);
    expect(names()).toEqual(['a', 'b']);
    expect(sent.at(-1)!.total).toBe(3);
    const before = sent.length;
    change([{ type: 'DELETED', object: pod('a', 'a') }]);
    expect(names()).toEqual(['b', 'd']);
    expect(sent.length).toBe(before + 1);
    change([{ type: 'MODIFIED', object: pod('a', 'b') }]); // same row content, new object: nothing to send
    expect(sent.length).toBe(before + 1);
  });

  it('sends a change of the total alone (rows off screen) after a short wait, once for several', async () => {
    const { sent, change } = setup(query({ limit: 2 }), [pod('a', 'b'), pod('a', 'd')]);
    const before = sent.length;
    change([{ type: 'ADDED', object: pod('a', 'x') }]); // outside the window
    change([{ type: 'ADDED', object: pod('a', 'y') }]);
    expect(sent.length).toBe(before);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.length).toBe(before + 1);
    expect(sent.at(-1)!.total).toBe(4);
    // A change in the window goes at once, with the total.
    change([{ type: 'ADDED', object: pod('a', 'a') }]);
    expect(sent.length).toBe(before + 2);
    expect(sent.at(-1)!.total).toBe(5);
  });

  it('re-sorts a modified row (sort by restarts, descending)', () => {
    const { change, names } = setup(query({ sort: { column: 'restarts', direction: 'desc' } }), [pod('a', 'x', { restarts: 1 }), pod('a', 'y', { restarts: 5 }), pod('a', 'z', { restarts: 3 })]);
    expect(names()).toEqual(['y', 'z', 'x']);
    change([{ type: 'MODIFIED', object: pod('a', 'x', { restarts: 9 }) }]);
    expect(names()).toEqual(['x', 'y', 'z']);
  });

  it('filters by several namespaces, by node, and by text (name, node, IP)', () => {
    const pods = [pod('a', 'web-1', { node: 'n1', ip: '10.1.0.7' }), pod('b', 'web-2', { node: 'n2' }), pod('c', 'db-1', { node: 'n2' })];
    const { view, names, sent } = setup(query(), pods);
    view.update(query({ namespaces: ['a', 'c'] }));
    expect(names()).toEqual(['db-1', 'web-1']);
    view.update(query({ node: 'n2' }));
    expect(names()).toEqual(['db-1', 'web-2']);
    view.update(query({ search: '10.1.0' }));
    expect(names()).toEqual(['web-1']);
    view.update(query({ search: 'WEB' }));
    expect(sent.at(-1)!.total).toBe(2);
  });

  it('sorts by age youngest first when ascending, ties broken by key', () => {
    const { names } = setup(query({ sort: { column: 'age', direction: 'asc' } }), [
      pod('a', 'old', { created: '2025-01-01T00:00:00Z' }),
      pod('a', 'new', { created: '2026-06-01T00:00:00Z' }),
      pod('a', 'mid', { created: '2026-01-01T00:00:00Z' }),
    ]);
    expect(names()).toEqual(['new', 'mid', 'old']);
  });

  it('moves the window without a rebuild, and an unknown sort column falls back to name', () => {
    const { view, names } = setup(query({ sort: { column: 'bogus', direction: 'asc' } }), [pod('a', 'a'), pod('a', 'b'), pod('a', 'c'), pod('a', 'd')]);
    view.update(query({ sort: { column: 'bogus', direction: 'asc' }, offset: 2 }));
    expect(names()).toEqual(['c', 'd']);
  });

  it('keeps rows and reports a selector error next to them', () => {
    const { view, sent } = setup(query(), [pod('a', 'a')]);
    view.setSelectorError({ message: 'Label selector: bad' });
    expect(sent.at(-1)!.error?.message).toBe('Label selector: bad');
    expect(sent.at(-1)!.rows).toHaveLength(1);
  });

  it('stays equal to a full sort after many random changes', () => {
    const names = Array.from({ length: 40 }, (_, i) => `p${i}`);
    const { cache, change, view } = setup(query({ sort: { column: 'restarts', direction: 'asc' }, limit: 1000 }), []);
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 500; i++) {
      const name = names[Math.floor(rnd() * names.length)]!;
      if (rnd() < 0.3) change([{ type: 'DELETED', object: pod('a', name) }]);
      else change([{ type: 'MODIFIED', object: pod('a', name, { restarts: Math.floor(rnd() * 5) }) }]);
    }
    const expected = [...cache.values()]
      .map((o) => podRow(o as Pod))
      .sort((x, y) => (sortValue(x, 'restarts') as number) - (sortValue(y, 'restarts') as number) || (x.name < y.name ? -1 : 1))
      .map((r) => r.name);
    expect(view.allRows().map((r) => r.name)).toEqual(expected);
  });

  it('rebuilds a big list in slices, serving other work meanwhile, and ends equal to a full sort with the changes made during it', async () => {
    const pods = Array.from({ length: 500 }, (_, i) => pod(`ns${i % 7}`, `p${String((i * 7919) % 500).padStart(3, '0')}`, { restarts: i % 13 }));
    const slices = { syncRebuildMax: 50, rebuildSlice: 40, totalOnlyMs: 10 };
    const { cache, sent, view, change } = setup(query({ sort: { column: 'restarts', direction: 'desc' }, limit: 1000 }), pods, slices);
    // attach above syncRebuildMax: nothing yet, the rebuild runs in slices.
    expect(view.rebuilding).toBe(true);
    expect(sent).toHaveLength(0);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    // Changes while it runs: queued, applied after.
    await new Promise((r) => setImmediate(r));
    change([{ type: 'DELETED', object: pod('ns0', 'p000') }, { type: 'ADDED', object: pod('zz', 'new', { restarts: 99 }) }, { type: 'MODIFIED', object: pod('ns1', 'p001', { restarts: 50 }) }]);
    while (view.rebuilding) await new Promise((r) => setTimeout(r, 1));
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(0);
    // The first window after the first pass (p000 still in it: seen before its deletion), then
    // once more with the queued changes applied.
    expect(sent).toHaveLength(2);
    const expected = [...cache.values()]
      .map((o) => podRow(o as Pod))
      .sort((x, y) => (sortValue(y, 'restarts') as number) - (sortValue(x, 'restarts') as number) || (`${x.namespace}/${x.name}` < `${y.namespace}/${y.name}` ? -1 : 1))
      .map((r) => `${r.namespace}/${r.name}`);
    expect(view.allRows().map((r) => `${r.namespace}/${r.name}`)).toEqual(expected);
    expect(sent[1]!.rows[0]!.name).toBe('new');
    expect(sent[1]!.rows[1]!.name).toBe('p001');
    expect(sent[1]!.total).toBe(cache.size);
  });

  it('sends the first window after one pass, before the whole sort, and not again when the sort agrees', async () => {
    const pods = Array.from({ length: 400 }, (_, i) => pod(`ns${i % 3}`, `p${String((i * 7919) % 400).padStart(3, '0')}`, { created: new Date(Date.UTC(2026, 0, 1) + ((i * 37) % 400) * 1000).toISOString().replace('.000', '') }));
    const { cache, sent, view } = setup(query({ sort: { column: 'age', direction: 'asc' }, limit: 5 }), pods, { syncRebuildMax: 50, rebuildSlice: 40, totalOnlyMs: 10 });
    const expected = [...cache.values()]
      .map((o) => podRow(o as Pod))
      .sort((x, y) => (sortValue(x, 'age') as number) - (sortValue(y, 'age') as number) || (`${x.namespace}/${x.name}` < `${y.namespace}/${y.name}` ? -1 : 1))
      .map((r) => r.name);
    let sentWhileSorting = -1;
    while (view.rebuilding) {
      if (sentWhileSorting < 0 && sent.length > 0) sentWhileSorting = sent.length;
      await new Promise((r) => setImmediate(r));
    }
    expect(sentWhileSorting).toBe(1);
    expect(sent[0]!.rows.map((r) => r.name)).toEqual(expected.slice(0, 5));
    expect(sent[0]!.total).toBe(400);
    expect(sent).toHaveLength(1);
    expect(view.allRows().map((r) => r.name)).toEqual(expected);
  });

  it('a window scrolled past the rows kept aside waits for the whole sort', async () => {
    const pods = Array.from({ length: 300 }, (_, i) => pod('a', `p${String(i).padStart(3, '0')}`));
    const { sent, view } = setup(query({ limit: 5 }), pods, { syncRebuildMax: 50, rebuildSlice: 40, totalOnlyMs: 10 });
    view.update(query({ limit: 5, offset: 200 })); // same filters and sort: no new rebuild
    while (view.rebuilding) await new Promise((r) => setImmediate(r));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.offset).toBe(200);
    expect(sent[0]!.rows.map((r) => r.name)).toEqual(['p200', 'p201', 'p202', 'p203', 'p204']);
  });

  it('a newer rebuild (sort changed) supersedes one still running', async () => {
    const pods = Array.from({ length: 300 }, (_, i) => pod('a', `p${String(i).padStart(3, '0')}`, { restarts: i % 5 }));
    const { sent, view } = setup(query({ limit: 5 }), pods, { syncRebuildMax: 50, rebuildSlice: 40, totalOnlyMs: 10 });
    view.update(query({ limit: 5, sort: { column: 'name', direction: 'desc' } }));
    while (view.rebuilding) await new Promise((r) => setTimeout(r, 1));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.rows.map((r) => r.name)).toEqual(['p299', 'p298', 'p297', 'p296', 'p295']);
  });

  it('a new source during a sliced rebuild drops the changes queued for the old one', async () => {
    const a = Array.from({ length: 200 }, (_, i) => pod('old', `a${String(i).padStart(3, '0')}`));
    const { sent, view, change } = setup(query({ limit: 3 }), a, { syncRebuildMax: 50, rebuildSlice: 40, totalOnlyMs: 10 });
    change([{ type: 'ADDED', object: pod('old', 'late') }]); // queued for the old cache
    const other: Cache = new Map();
    applyEvents(other, [{ type: 'SYNC', objects: [pod('new', 'x'), pod('new', 'y')] }]);
    view.attach({ cache: other, loading: false });
    while (view.rebuilding) await new Promise((r) => setTimeout(r, 1));
    expect(view.allRows().map((r) => `${r.namespace}/${r.name}`)).toEqual(['new/x', 'new/y']);
    expect(sent.at(-1)!.total).toBe(2);
  });

  it('reads namespace, name, age, node and owner from the objects: rows are built only for the window', () => {
    const owned = (p: Pod, uid: string): Pod => ({ ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid, controller: true }] } });
    const pods = Array.from({ length: 200 }, (_, i) => owned(pod(`ns${i % 3}`, `p${String(i).padStart(3, '0')}`, { node: `n${i % 4}`, created: `2026-01-01T00:${String(i % 60).padStart(2, '0')}:00Z` }), `rs${i % 5}`));
    const cache: Cache = new Map();
    applyEvents(cache, [{ type: 'SYNC', objects: pods }]);
    for (const p of [...pods, pod('', 'no-namespace'), { kind: 'Pod', metadata: { name: 'bare' } } as Pod]) {
      for (const column of ['name', 'namespace', 'age']) expect(objectSortValue(p, column)).toBe(sortValue(podRow(p), column));
    }
    expect(objectSortValue(pods[0]!, 'status')).toBeUndefined();
    let built = 0;
    const rowOf = (o: KubeObject) => (built++, podRow(o as Pod));
    for (const q of [
      query({ limit: 4 }),
      query({ limit: 4, namespaces: ['ns1', 'ns2'], sort: { column: 'age', direction: 'desc' } }),
      query({ limit: 4, node: 'n2', sort: { column: 'namespace', direction: 'asc' } }),
      query({ limit: 4, ownerUids: ['rs1', 'rs3'] }),
    ]) {
      built = 0;
      const sent: ViewUpdate[] = [];
      const view = new ListView('lazy', q, { rowOf, emit: (u) => sent.push(u), stableRows: () => true });
      view.attach({ cache, loading: false });
      expect(built).toBeLessThanOrEqual(4);
      // The same rows, in the same order, as a view that reads rows (unstable rows never read objects).
      const slow = new ListView('rows', q, { rowOf: (o) => podRow(o as Pod), emit: () => undefined, stableRows: () => false });
      slow.attach({ cache, loading: false });
      expect(view.allRows().map((r) => r.uid)).toEqual(slow.allRows().map((r) => r.uid));
      expect(sent.at(-1)!.total).toBe(slow.allRows().length);
      expect(sent.at(-1)!.total).toBeGreaterThan(4);
    }
  });
});
