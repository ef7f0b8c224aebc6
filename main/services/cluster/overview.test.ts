import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube';
import { applyEvents, type Cache, type CacheEvent } from './apply-events';
import { computeOverview, OverviewIndex, type OverviewKind } from './overview';
import { podRow, serviceRow } from './rows';

// The overview counts kept from changes must equal a count from scratch after any churn.

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WAITING = ['CrashLoopBackOff', 'ImagePullBackOff', 'ContainerCreating'];

function randomObject(kind: OverviewKind, random: () => number, name: string, version: number, at: number): KubeObject {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const metadata = { name, namespace: 'default', uid: `uid-${kind}-${name}`, resourceVersion: String(version), creationTimestamp: '2026-01-01T00:00:00Z' };
  switch (kind) {
    case 'nodes':
      return {
        kind: 'Node',
        metadata: { ...metadata, namespace: undefined },
        spec: random() < 0.2 ? { unschedulable: true } : {},
        status: { conditions: [{ type: 'Ready', status: pick(['True', 'False', 'Unknown']) }] },
      } as KubeObject;
    case 'pods': {
      const waiting = random() < 0.3 ? pick(WAITING) : undefined;
      return {
        kind: 'Pod',
        metadata,
        spec: { containers: [{ name: 'c' }] },
        status: {
          phase: pick(['Pending', 'Running', 'Succeeded', 'Failed']),
          containerStatuses: [{ name: 'c', ready: random() < 0.5, restartCount: 0, state: waiting ? { waiting: { reason: waiting } } : { running: {} } }],
        },
      } as unknown as KubeObject;
    }
    case 'services':
      return { kind: 'Service', metadata, spec: { type: pick(['ClusterIP', 'NodePort', 'LoadBalancer']), ports: [] } } as KubeObject;
    case 'events':
      return {
        kind: 'Event',
        metadata,
        type: pick(['Normal', 'Warning']),
        reason: 'Test',
        message: name,
        involvedObject: { kind: 'Pod', name: 'x', namespace: 'default' },
        // Distinct times: equal times may list either of two warnings, both right.
        lastTimestamp: new Date(at).toISOString(),
      } as unknown as KubeObject;
  }
}

describe('OverviewIndex', () => {
  it('equals computeOverview after random adds, updates and deletes', () => {
    const random = seeded(11);
    const kinds: OverviewKind[] = ['nodes', 'pods', 'services', 'events'];
    const caches = new Map<OverviewKind, Cache>(kinds.map((k) => [k, new Map()]));
    const rows = { podRow: (p: KubeObject) => podRow(p), serviceRow: (s: KubeObject) => serviceRow(s) };
    const index = new OverviewIndex(rows);
    let version = 1;
    let at = Date.parse('2026-01-01T00:00:00Z');
    for (let round = 0; round < 200; round++) {
      for (const kind of kinds) {
        const cache = caches.get(kind)!;
        const events: CacheEvent[] = [];
        for (let i = 0; i < 10; i++) {
          const name = `o${Math.floor(random() * 40)}`;
          const existing = cache.get(kind === 'nodes' ? name : `default/${name}`);
          if (existing && random() < 0.3) events.push({ type: 'DELETED', object: existing });
          else events.push({ type: existing ? 'MODIFIED' : 'ADDED', object: randomObject(kind, random, name, version++, (at += 1000)) });
        }
        index.apply(kind, applyEvents(cache, events));
      }
      const full = computeOverview({
        serverVersion: 'v1.32.0',
        nodes: caches.get('nodes')!.values(),
        pods: caches.get('pods')!.values(),
        services: caches.get('services')!.values(),
        events: caches.get('events')!.values(),
        ...rows,
        health: undefined,
      });
      expect(index.result('v1.32.0', undefined), `round ${round}`).toEqual(full);
    }
    // Counted again from the caches, the same numbers come out.
    const fresh = new OverviewIndex(rows);
    for (const kind of kinds) fresh.reset(kind, caches.get(kind)!);
    expect(fresh.result('v1.32.0', undefined)).toEqual(index.result('v1.32.0', undefined));
  });

  it('lists statuses in a fixed order, so an unchanged overview is not sent again', () => {
    const rows = { podRow: (p: KubeObject) => podRow(p), serviceRow: (s: KubeObject) => serviceRow(s) };
    const a = new OverviewIndex(rows);
    const b = new OverviewIndex(rows);
    const random = seeded(3);
    const pods = Array.from({ length: 30 }, (_, i) => randomObject('pods', random, `p${i}`, i + 1, 0));
    const cacheA: Cache = new Map();
    const cacheB: Cache = new Map();
    a.apply('pods', applyEvents(cacheA, pods.map((object) => ({ type: 'ADDED' as const, object }))));
    b.apply('pods', applyEvents(cacheB, [...pods].reverse().map((object) => ({ type: 'ADDED' as const, object }))));
    expect(Object.keys(a.result(undefined, undefined).podsByStatus).length).toBeGreaterThan(1);
    expect(JSON.stringify(a.result(undefined, undefined))).toBe(JSON.stringify(b.result(undefined, undefined)));
  });
});
