import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../kube';
import { startSimulator, type Simulator } from '../../simulator';
import { eventually } from '../../simulator/testing';
import { objectKey } from './apply-events';
import { podRequests } from './quantity';
import { podRow } from './rows';
import { SharedParts, slimPod } from './slim-pod';

// A slim pod must read exactly like the whole one to everything that reads the pod lists: the
// row (kubectl's READY, STATUS, RESTARTS, IPs, node, owner, labels, age), the node's requests
// (bin packing) and the state compare (key, uid, resourceVersion). Checked on the busy simulated
// cluster's pods (init containers, sidecars, crash loops, jobs, evictions, terminating pods as it
// runs) and on hand-made edge cases of kubectl's printPod.

const NOW = Date.parse('2026-01-01T12:00:00Z');

function sameReading(pod: Pod, parts?: SharedParts): void {
  const slim = slimPod(structuredClone(pod), parts);
  expect(podRow(slim, NOW)).toEqual(podRow(pod, NOW));
  expect(podRequests(slim)).toEqual(podRequests(pod));
  expect(objectKey(slim)).toBe(objectKey(pod));
  expect(slim.metadata?.uid).toBe(pod.metadata?.uid);
  expect(slim.metadata?.resourceVersion).toBe(pod.metadata?.resourceVersion);
  expect(slim.spec?.nodeName).toBe(pod.spec?.nodeName);
  expect(slim.status?.phase).toBe(pod.status?.phase);
}

const base = (extra: Partial<Pod> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'shop',
    uid: 'u1',
    resourceVersion: '42',
    creationTimestamp: '2026-01-01T10:00:00Z',
    labels: { app: 'web' },
    annotations: { 'kubernetes.io/config.seen': 'x' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs1', controller: true, blockOwnerDeletion: true } as never],
  },
  spec: {
    nodeName: 'n1',
    containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '1Gi' } }, livenessProbe: { httpGet: { path: '/' } } }],
    volumes: [{ name: 'data', emptyDir: {} }],
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
  status: {
    phase: 'Running',
    podIP: '10.1.0.5',
    podIPs: [{ ip: '10.1.0.5' }, { ip: 'fd00::5' }],
    hostIP: '192.168.1.2',
    conditions: [
      { type: 'Initialized', status: 'True', lastTransitionTime: '2026-01-01T10:00:01Z', lastProbeTime: null },
      { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T10:00:02Z', lastProbeTime: null },
    ],
    containerStatuses: [{ name: 'app', ready: true, restartCount: 0, started: true, image: 'nginx:1.27', imageID: 'sha', containerID: 'containerd://1', state: { running: { startedAt: '2026-01-01T10:00:02Z' } }, lastState: {} }],
  },
  ...extra,
});

describe('slimPod', () => {
  it('reads the same as the whole pod in the cases of kubectl printPod', () => {
    const cases: Pod[] = [
      base(),
      // Restarted: RESTARTS "3 (5m ago)" from lastState.terminated.finishedAt.
      base({ status: { ...base().status, containerStatuses: [{ name: 'app', ready: true, restartCount: 3, state: { running: { startedAt: '2026-01-01T11:55:00Z' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-01-01T11:00:00Z', finishedAt: '2026-01-01T11:55:00Z', containerID: 'c' } } }] } }),
      // CrashLoopBackOff, waiting with a message.
      base({ status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } } }] } }),
      // Init containers: one done, one failing with a signal; a sidecar (restartPolicy Always) started.
      base({
        spec: { nodeName: 'n1', containers: [{ name: 'app', resources: { requests: { cpu: '1' } } }], initContainers: [{ name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '64Mi' } } }, { name: 'migrate', resources: { requests: { cpu: '2', memory: '1Gi' } } }], overhead: { cpu: '50m' } },
        status: {
          phase: 'Pending',
          conditions: [{ type: 'Initialized', status: 'False' }],
          initContainerStatuses: [
            { name: 'proxy', ready: true, restartCount: 1, started: true, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T11:59:00Z' } } },
            { name: 'migrate', ready: false, restartCount: 2, state: { terminated: { exitCode: 2, signal: 9, startedAt: 'x', finishedAt: '2026-01-01T11:58:00Z' } } },
          ],
          containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
        },
      }),
      // Terminating, and NodeLost (Unknown).
      base({ metadata: { ...base().metadata, deletionTimestamp: '2026-01-01T11:59:30Z', deletionGracePeriodSeconds: 30 } }),
      base({ metadata: { ...base().metadata, deletionTimestamp: '2026-01-01T11:59:30Z' }, status: { ...base().status, reason: 'NodeLost' } }),
      // Evicted; completed job pod; scheduling gated; no status at all.
      base({ status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' } }),
      base({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: '2026-01-01T11:00:00Z' } } }] } }),
      base({ spec: { containers: [{ name: 'app' }] }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'x' } },
    ];
    for (const pod of cases) sameReading(pod);
    const parts = new SharedParts(3);
    for (const pod of [...cases, ...cases]) sameReading(pod, parts);
  });

  it("shares what a ReplicaSet's pods have in common, and only what is equal", () => {
    const parts = new SharedParts();
    const a = slimPod(base(), parts);
    const b = slimPod(base({ metadata: { ...base().metadata, name: 'web-2', uid: 'u2' }, status: { ...base().status, podIP: '10.1.0.6', podIPs: [{ ip: '10.1.0.6' }] } }), parts);
    expect(b.metadata!.labels).toBe(a.metadata!.labels);
    expect(b.metadata!.ownerReferences).toBe(a.metadata!.ownerReferences);
    expect(b.spec!.containers).toBe(a.spec!.containers);
    expect(b.status!.conditions).toBe(a.status!.conditions);
    expect(b.status!.podIPs).not.toBe(a.status!.podIPs);
    const other = slimPod(base({ metadata: { ...base().metadata, labels: { app: 'db' } }, spec: { containers: [{ name: 'app', resources: { requests: { cpu: '1' } } }] } }), parts);
    expect(other.metadata!.labels).toEqual({ app: 'db' });
    expect(other.spec!.containers).toEqual([{ name: 'app', resources: { requests: { cpu: '1' } } }]);
    // Bounded: a full pool starts over.
    const small = new SharedParts(2);
    for (let i = 0; i < 10; i++) slimPod(base({ metadata: { ...base().metadata, labels: { n: String(i) } } }), small);
    expect(small.size).toBeLessThanOrEqual(2);
  });

  it('keeps nothing the lists do not read (the YAML comes from the pod watched by name)', () => {
    const slim = slimPod(base()) as Pod & { spec: Record<string, unknown>; status: Record<string, unknown> };
    expect(slim.metadata).not.toHaveProperty('annotations');
    expect(slim.spec).not.toHaveProperty('volumes');
    expect(slim.spec).not.toHaveProperty('tolerations');
    expect(slim.spec.containers).toEqual([{ name: 'app', resources: { requests: { cpu: '250m', memory: '128Mi' } } }]);
    expect(slim.status).not.toHaveProperty('hostIP');
    expect(slimPod(base({ status: { conditions: [{ type: 'ContainersReady', status: 'True' }, { type: 'Ready', status: 'True', message: 'm' }] } })).status?.conditions).toEqual([{ type: 'Ready', status: 'True' }]);
    expect(slim.status.conditions).toEqual([
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
    ]);
  });

  describe('on a live cluster', () => {
    let sim: Simulator;
    beforeAll(async () => {
      sim = await startSimulator({ scenario: 'busy' });
      // Let the cluster move a little: jobs finish, crash loops restart.
      await eventually(() => sim.store.all('pods').some((p) => (p as Pod).status?.containerStatuses?.some((c) => c.restartCount > 0)), 10_000, 'a restarted container');
    });
    afterAll(async () => {
      await sim?.stop();
    });

    it('reads the same as every pod of the busy scenario', () => {
      const pods = sim.store.all('pods') as unknown as Pod[];
      expect(pods.length).toBeGreaterThan(20);
      const parts = new SharedParts();
      for (const pod of pods) {
        sameReading(pod);
        sameReading(pod, parts);
      }
    });
  });
});
