import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube';
import { rowFor, searchText, sortValue } from './rows';

// Rows of real objects (trimmed from `kubectl get -o json` on microk8s 1.32).

const coredns = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'coredns', namespace: 'kube-system', uid: 'd-1', generation: 1, creationTimestamp: '2025-03-14T21:20:00Z', labels: { 'k8s-app': 'kube-dns' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    template: { metadata: { labels: { 'k8s-app': 'kube-dns' } }, spec: { containers: [{ name: 'coredns', image: 'coredns/coredns:1.10.1' }] } },
  },
  status: {
    observedGeneration: 1,
    replicas: 1,
    updatedReplicas: 1,
    readyReplicas: 1,
    availableReplicas: 1,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};

describe('workload rows', () => {
  it('builds a deployment row with kubectl cells and the header values', () => {
    expect(rowFor(coredns)).toEqual({
      kind: 'deployments',
      uid: 'd-1',
      name: 'coredns',
      namespace: 'kube-system',
      createdAt: '2025-03-14T21:20:00Z',
      labels: { 'k8s-app': 'kube-dns' },
      ready: '1/1',
      upToDate: 1,
      available: 1,
      containers: 'coredns',
      images: 'coredns/coredns:1.10.1',
      selector: 'k8s-app=kube-dns',
      replicas: { desired: 1, current: 1, updated: 1, ready: 1, available: 1, unavailable: 0 },
      paused: false,
      rolloutStuck: false,
      rollingOut: false,
      revision: '1',
      strategy: 'RollingUpdate',
    });
  });

  it('carries the controller owner with its uid, revision and change-cause on a ReplicaSet', () => {
    const rs = {
      kind: 'ReplicaSet',
      metadata: { name: 'coredns-79b94494c7', namespace: 'kube-system', uid: 'rs-1', annotations: { 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'kubectl set image' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'coredns', uid: 'd-1', controller: true, blockOwnerDeletion: true }] },
      spec: { replicas: 1, selector: { matchLabels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '79b94494c7' } }, template: { spec: { containers: [{ name: 'coredns', image: 'coredns/coredns:1.10.1' }] } } },
      status: { replicas: 1, readyReplicas: 1 },
    };
    expect(rowFor(rs)).toMatchObject({ kind: 'replicasets', desired: 1, current: 1, ready: 1, revision: '2', changeCause: 'kubectl set image', selector: 'k8s-app=kube-dns,pod-template-hash=79b94494c7', owner: { kind: 'Deployment', name: 'coredns', uid: 'd-1', namespace: 'kube-system' } });
  });

  it('builds job and cronjob rows with the raw times the page formats', () => {
    const job = {
      kind: 'Job',
      metadata: { name: 'report-28001', namespace: 'data', uid: 'j', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'report', uid: 'cj', controller: true }] },
      spec: { completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'j' } }, template: { spec: { containers: [{ name: 'r', image: 'busybox' }] } } },
      status: { startTime: '2025-03-14T21:29:00Z', completionTime: '2025-03-14T21:29:09Z', succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
    };
    const row = rowFor(job);
    expect(row).toMatchObject({ kind: 'jobs', status: 'Complete', completions: '1/1', startTime: '2025-03-14T21:29:00Z', completionTime: '2025-03-14T21:29:09Z', active: 0, owner: { kind: 'CronJob', uid: 'cj' } });
    expect(sortValue(row, 'duration')).toBe(9_000);
    const cron = { kind: 'CronJob', metadata: { name: 'report', namespace: 'data', uid: 'cj' }, spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'r', image: 'busybox' }] } } } } }, status: { active: [{ name: 'report-28001' }], lastScheduleTime: '2025-03-14T21:25:00Z' } };
    expect(rowFor(cron)).toMatchObject({ kind: 'cronjobs', schedule: '*/5 * * * *', timezone: '<none>', suspend: 'False', suspended: false, active: 1, lastScheduleTime: '2025-03-14T21:25:00Z', selector: '<none>', images: 'busybox' });
  });

  it('sorts and searches the new kinds on their own columns', () => {
    const a = rowFor({ ...coredns, status: { ...coredns.status, readyReplicas: 0 } } as KubeObject);
    const b = rowFor(coredns);
    expect(sortValue(a, 'ready')).toBeLessThan(sortValue(b, 'ready') as number);
    expect(sortValue(b, 'upToDate')).toBe(1);
    expect(searchText(b)).toContain('coredns/coredns:1.10.1');
    const pvc = rowFor({ kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { volumeName: 'pv-1', storageClassName: 'microk8s-hostpath' }, status: { phase: 'Bound', capacity: { storage: '2Gi' } } } as KubeObject);
    expect(sortValue(pvc, 'capacity')).toBe(2 * 1024 ** 3);
    expect(searchText(pvc)).toContain('microk8s-hostpath');
  });
});
