import type { IPod } from 'kubernetes-models/v1/Pod';
import { describe, expect, it } from 'vitest';
import type { KObj } from '../objects';
import { node } from '../scenarios/builders';
import { Store } from '../store';
import { objectKey } from '../store';
import type { Queue } from './loop';
import { Recorder } from './recorder';
import { feasibleNodesToFind, Scheduler } from './scheduler';

// A store with `n` nodes (`cpu` cores each) and a scheduler fed its events; reconcile runs by hand.
function cluster(n: number, cpu = 4) {
  const store = new Store();
  const created = '2026-01-01T00:00:00Z';
  for (let i = 0; i < n; i++) store.create('nodes', node({ name: `n-${String(i).padStart(4, '0')}`, ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`, created, tunnelAddr: '10.1.0.0', worker: true, cpu }));
  const sched = new Scheduler(store, new Recorder(store));
  const q: Queue = { add: () => undefined };
  store.subscribe((e) => sched.onEvent(e, q));
  sched.resync(q);
  const place = (name: string, cpuReq = '100m'): IPod & KObj => {
    store.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: cpuReq, memory: '64Mi' } } }] } } as KObj);
    sched.reconcile(objectKey('default', name), q);
    return store.get<IPod>('pods', 'default', name)!;
  };
  return { store, place };
}

describe('scheduler', () => {
  it('finds as many feasible nodes as kube-scheduler before scoring', () => {
    expect(feasibleNodesToFind(50)).toBe(50);
    expect(feasibleNodesToFind(150)).toBe(100); // 48.8% would be 73: at least 100
    expect(feasibleNodesToFind(1000)).toBe(420); // 50 - 1000/125 = 42%
    expect(feasibleNodesToFind(5000)).toBe(500); // 10%
    expect(feasibleNodesToFind(10_000)).toBe(500); // floor of 5%
  });

  it('spreads pods over a large cluster though each pod sees only part of it', () => {
    const { place } = cluster(400);
    const perNode = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const p = place(`p-${i}`);
      expect(p.spec?.nodeName).toBeTruthy();
      perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    }
    // Least-allocated scoring over a window that moves on: nearly every node gets one.
    expect(perNode.size).toBeGreaterThan(300);
    expect(Math.max(...perNode.values())).toBeLessThanOrEqual(2);
  });

  it('counts every node in FailedScheduling when none fits, with cached nodes refreshed on change', () => {
    const { store, place } = cluster(200, 1);
    expect(place('first').spec?.nodeName).toBeTruthy(); // the node cache is built now
    for (let i = 0; i < 150; i++) store.mutate('nodes', undefined, `n-${String(i).padStart(4, '0')}`, (n) => void ((n as { spec?: { unschedulable?: boolean } }).spec = { unschedulable: true }));
    const p = place('big', '2');
    expect(p.spec?.nodeName).toBeUndefined();
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message).toBe('0/200 nodes are available: 50 Insufficient cpu, 150 node(s) were unschedulable. preemption: 0/200 nodes are available: 200 No preemption victims found for incoming pod.');
    // A small pod goes to one of the schedulable nodes only.
    const small = place('small');
    expect(Number(small.spec!.nodeName!.slice(2))).toBeGreaterThanOrEqual(150);
  });
});
