import type { IPod } from 'kubernetes-models/v1/Pod';
import { describe, expect, it } from 'vitest';
import type { KObj } from '../objects';
import type { StoreEvent } from '../store';
import type { Queue } from './loop';
import { ownerView, ReplicaSetController } from './replicaset';

const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs-uid', controller: true };
const pod = (status: IPod['status'], extra: Partial<KObj['metadata']> = {}): IPod & KObj =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1-abcde', namespace: 'shop', uid: 'p1', resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: [owner], ...extra },
    spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] },
    status,
  }) as IPod & KObj;
const running = (restartCount: number, ready = 'True'): IPod['status'] => ({
  phase: 'Running',
  conditions: [{ type: 'Ready', status: ready, lastTransitionTime: '2026-01-01T00:00:05Z' }],
  containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: ready === 'True', restartCount, state: { running: { startedAt: `2026-01-01T00:00:0${restartCount}Z` } } }],
});

/** The ReplicaSet keys the controller asks to reconcile for one pod event. */
function enqueued(e: StoreEvent): string[] {
  const keys: string[] = [];
  const q: Queue = { add: (_name, key) => void keys.push(key) };
  const ctl = new ReplicaSetController('replicaset', 'apps/replicasets', {} as never, {} as never, {} as never, {} as never, (ms) => ms);
  ctl.onEvent(e, q);
  return keys;
}

describe('ReplicaSet controller: which pod changes it reconciles for', () => {
  it('skips a change its status cannot see (a container restart), reconciles readiness, phase, deletion and new pods', () => {
    const before = pod(running(0));
    expect(enqueued({ type: 'MODIFIED', key: 'pods', object: pod(running(1)), prev: before, rv: 2 })).toEqual([]);
    expect(enqueued({ type: 'MODIFIED', key: 'pods', object: pod(running(0, 'False')), prev: before, rv: 2 })).toEqual(['shop/web-1']);
    expect(enqueued({ type: 'MODIFIED', key: 'pods', object: pod({ ...running(0), phase: 'Failed' }), prev: before, rv: 2 })).toEqual(['shop/web-1']);
    expect(enqueued({ type: 'MODIFIED', key: 'pods', object: pod(running(0), { deletionTimestamp: '2026-01-01T00:01:00Z' }), prev: before, rv: 2 })).toEqual(['shop/web-1']);
    expect(enqueued({ type: 'ADDED', key: 'pods', object: before, rv: 1 })).toEqual(['shop/web-1']);
    expect(enqueued({ type: 'DELETED', key: 'pods', object: before, prev: before, rv: 3 })).toEqual(['shop/web-1']);
  });

  it('reads the same view of a pod whatever its containers do', () => {
    expect(ownerView(pod(running(0)))).toBe(ownerView(pod(running(7))));
    expect(ownerView(pod(running(0)))).not.toBe(ownerView(pod(running(0, 'False'))));
  });
});
