import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sorted-keys';
import { Store, type StoreEvent } from './store';
import { WatchHub } from './watch-hub';
import type { KObj } from './objects';

const cm = (name: string, ns = 'default', labels: Record<string, string> = {}): KObj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels, uid: '', resourceVersion: '', creationTimestamp: '' } });

describe('SortedKeys', () => {
  it('keeps keys sorted, iterates from a key within a prefix and counts', () => {
    const k = new SortedKeys();
    for (const key of ['b/2', 'a/1', 'b/1', 'c/9', 'b/3']) k.insert(key);
    k.insert('b/2');
    expect([...k.from('')]).toEqual(['a/1', 'b/1', 'b/2', 'b/3', 'c/9']);
    expect([...k.from('b/2', 'b/')]).toEqual(['b/2', 'b/3']);
    expect(k.countFrom('b/2\u0000', 'b/')).toBe(1);
    expect(k.countFrom('')).toBe(5);
    k.remove('b/1');
    expect([...k.from('', 'b/')]).toEqual(['b/2', 'b/3']);
    k.bulkInsert(['a/0', 'a/1']);
    expect(k.size).toBe(5);
  });
});

describe('Store', () => {
  it('hands out increasing resourceVersions and emits events', () => {
    const s = new Store();
    const events: StoreEvent[] = [];
    s.subscribe((e) => events.push(e));
    const a = s.create('configmaps', cm('a'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const b = s.update('configmaps', { ...a, data: { x: '1' } });
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(() => s.update('configmaps', { ...a, data: {} }, a.metadata.resourceVersion)).toThrow(/object has been modified/);
    expect(() => s.create('configmaps', cm('a'))).toThrow('configmaps "a" already exists');
    const gone = s.remove('configmaps', 'default', 'a');
    expect(gone.metadata.resourceVersion).toBe(s.resourceVersion());
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(events[1]!.prev).toBe(a);
  });

  it('never changes a stored object in place', () => {
    const s = new Store();
    const a = s.create('configmaps', cm('a'));
    const frozen = JSON.stringify(a);
    s.mutate('configmaps', 'default', 'a', (c) => void (c.metadata.labels = { changed: 'yes' }));
    expect(JSON.stringify(a)).toBe(frozen);
    expect(s.get('configmaps', 'default', 'a')?.metadata.labels).toEqual({ changed: 'yes' });
  });

  it('lists by namespace in key order and bulk-loads without events', () => {
    const s = new Store();
    let n = 0;
    s.subscribe(() => n++);
    s.bulkLoad('configmaps', [cm('z', 'b'), cm('a', 'b'), cm('m', 'a')]);
    expect(n).toBe(0);
    expect([...s.list('configmaps')].map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a/m', 'b/a', 'b/z']);
    expect([...s.list('configmaps', 'b')].map((o) => o.metadata.name)).toEqual(['a', 'z']);
  });
});

describe('WatchHub', () => {
  it('replays history after a resourceVersion and expires what fell out of it', () => {
    const s = new Store();
    const hub = new WatchHub(s, 3);
    const a = s.create('configmaps', cm('a'));
    for (let i = 0; i < 4; i++) s.mutate('configmaps', 'default', 'a', (c) => void (c.data = { i: String(i) }));
    const seen: string[] = [];
    const stop = hub.watch('configmaps', Number(s.resourceVersion()) - 2, () => true, (t, o) => seen.push(`${t}@${o.metadata.resourceVersion}`));
    expect(seen).toEqual([`MODIFIED@${Number(s.resourceVersion()) - 1}`, `MODIFIED@${s.resourceVersion()}`]);
    expect(() => hub.watch('configmaps', Number(a.metadata.resourceVersion), () => true, () => undefined)).toThrow(/too old resource version/);
    stop();
  });

  it('turns selector entry and exit into ADDED and DELETED', () => {
    const s = new Store();
    const hub = new WatchHub(s);
    const seen: string[] = [];
    hub.watch('configmaps', undefined, (o) => o.metadata.labels?.app === 'web', (t, o) => seen.push(`${t}:${o.metadata.labels?.app}`));
    s.create('configmaps', cm('x', 'default', { app: 'db' }));
    s.mutate('configmaps', 'default', 'x', (c) => void (c.metadata.labels = { app: 'web' }));
    s.mutate('configmaps', 'default', 'x', (c) => void (c.metadata.annotations = { a: 'b' }));
    s.mutate('configmaps', 'default', 'x', (c) => void (c.metadata.labels = { app: 'db' }));
    s.remove('configmaps', 'default', 'x');
    expect(seen).toEqual(['ADDED:web', 'MODIFIED:web', 'DELETED:web']);
  });
});
