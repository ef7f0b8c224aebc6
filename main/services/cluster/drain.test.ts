import { describe, expect, it } from 'vitest';
import { planDrain } from './drain';

// kubectl drain's pod filters (k8s.io/kubectl/pkg/drain/filters.go) on pods as a node holds them.

const owned = (kind: string) => [{ apiVersion: 'apps/v1', kind, name: 'x', uid: `uid-${kind}`, controller: true }];
const pod = (name: string, extra: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'shop', ...extra },
  spec: { nodeName: 'node-a', containers: [{ name: 'c' }], ...spec },
  status: { phase: 'Running' },
});

describe('planDrain', () => {
  const pods = [
    pod('web-1', { ownerReferences: owned('ReplicaSet') }),
    pod('agent-1', { ownerReferences: owned('DaemonSet') }),
    pod('kube-apiserver-node-a', { annotations: { 'kubernetes.io/config.mirror': 'abc' }, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-a', uid: 'n', controller: true }] }),
    pod('cache-1', { ownerReferences: owned('StatefulSet') }, { volumes: [{ name: 'tmp', emptyDir: {} }] }),
    pod('loner'),
    { ...pod('done'), status: { phase: 'Succeeded' } },
  ];

  it('refuses local storage and pods without a controller, naming them, as kubectl does by default', () => {
    const plan = planDrain(pods, { ignoreDaemonSets: true, deleteEmptyDirData: false, force: false });
    expect(plan.errors).toEqual([
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): shop/cache-1',
      'cannot delete Pods that declare no controller (use --force to override): shop/loner',
    ]);
    expect(plan.skipped.map((s) => [s.name, s.reason.split(' ')[0]])).toEqual([
      ['agent-1', 'DaemonSet-managed'],
      ['kube-apiserver-node-a', 'mirror'],
    ]);
  });

  it('evicts everything but DaemonSet and mirror pods once the options allow', () => {
    const plan = planDrain(pods, { ignoreDaemonSets: true, deleteEmptyDirData: true, force: true });
    expect(plan.errors).toEqual([]);
    expect(plan.evict.map((p) => p.metadata?.name)).toEqual(['web-1', 'cache-1', 'loner', 'done']);
  });

  it('refuses DaemonSet pods without ignoreDaemonSets', () => {
    const plan = planDrain([pods[1]!], { ignoreDaemonSets: false, deleteEmptyDirData: false, force: false });
    expect(plan.errors).toEqual(['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): shop/agent-1']);
  });
});
