import { describe, expect, it } from 'vitest';
import { podColumns, podWideColumns } from './pod-status';
import type { ContainerStatus, Pod } from './types';

const now = Date.parse('2025-03-14T21:30:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();

function pod(partial: { spec?: Partial<NonNullable<Pod['spec']>>; status?: NonNullable<Pod['status']>; deletionTimestamp?: string }): Pod {
  return {
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(124_000), ...(partial.deletionTimestamp ? { deletionTimestamp: partial.deletionTimestamp } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...partial.spec },
    status: partial.status ?? {},
  };
}

const running = (name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  ready: true,
  restartCount: 0,
  started: true,
  state: { running: { startedAt: ago(100_000) } },
  ...extra,
});

describe('podColumns (kubectl printPod)', () => {
  it('prints a running coredns pod as 1/1 Running 0', () => {
    const p = pod({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running('coredns')] } });
    expect(podColumns(p, now)).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
  });

  it('prints Pending and ContainerCreating', () => {
    expect(podColumns(pod({ status: { phase: 'Pending' } }), now).status).toBe('Pending');
    const creating = pod({ status: { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } });
    expect(podColumns(creating, now)).toMatchObject({ ready: '0/1', status: 'ContainerCreating' });
  });

  it('prints CrashLoopBackOff with RESTARTS "5 (2m ago)"', () => {
    const p = pod({
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 5,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(130_000) } },
          },
        ],
      },
    });
    expect(podColumns(p, now)).toMatchObject({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '5 (2m10s ago)', restartCount: 5 });
  });

  it('prints ImagePullBackOff and ErrImagePull', () => {
    const p = (reason: string): Pod => pod({ status: { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason } } }] } });
    expect(podColumns(p('ImagePullBackOff'), now).status).toBe('ImagePullBackOff');
    expect(podColumns(p('ErrImagePull'), now).status).toBe('ErrImagePull');
  });

  it('prints Init:0/2 for calico-node while its init containers have not run (microk8s #4939)', () => {
    const p = pod({
      spec: { initContainers: [{ name: 'upgrade-ipam' }, { name: 'install-cni' }], containers: [{ name: 'calico-node' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'upgrade-ipam', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
          { name: 'install-cni', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
        ],
        containerStatuses: [{ name: 'calico-node', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
      },
    });
    expect(podColumns(p, now)).toMatchObject({ ready: '0/1', status: 'Init:0/2' });
  });

  it('prints Init:1/2, Init:CrashLoopBackOff, Init:Error and Init:ExitCode', () => {
    const spec = { initContainers: [{ name: 'a' }, { name: 'b' }] };
    const done = { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(podColumns(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [done, { name: 'b', ready: false, restartCount: 0, state: { running: {} } }] } }), now).status).toBe('Init:1/2');
    expect(
      podColumns(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [done, { name: 'b', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } }), now),
    ).toMatchObject({ status: 'Init:CrashLoopBackOff', restarts: '3' });
    expect(podColumns(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } }] } }), now).status).toBe('Init:Error');
    expect(podColumns(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }] } }), now).status).toBe('Init:ExitCode:2');
    expect(podColumns(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, signal: 9 } } }] } }), now).status).toBe('Pending');
  });

  it('prints Completed for a finished job pod', () => {
    const p = pod({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } });
    expect(podColumns(p, now)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' });
  });

  it('prints Error, OOMKilled, Signal and ExitCode for terminated containers', () => {
    const term = (t: { exitCode: number; reason?: string; signal?: number }): Pod => pod({ status: { phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: t } }] } });
    expect(podColumns(term({ exitCode: 1, reason: 'Error' }), now).status).toBe('Error');
    expect(podColumns(term({ exitCode: 137, reason: 'OOMKilled' }), now).status).toBe('OOMKilled');
    expect(podColumns(term({ exitCode: 143, signal: 15 }), now).status).toBe('Signal:15');
    expect(podColumns(term({ exitCode: 3 }), now).status).toBe('ExitCode:3');
  });

  it('prints Running, not Completed, when one container completed and another still runs', () => {
    const p = pod({
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [running('a'), { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
    });
    expect(podColumns(p, now)).toMatchObject({ ready: '1/2', status: 'NotReady' });
  });

  it('prints Terminating once a deletionTimestamp is set, but not for finished pods', () => {
    const base = { status: { phase: 'Running', containerStatuses: [running('app')] } };
    expect(podColumns(pod({ ...base, deletionTimestamp: ago(1000) }), now).status).toBe('Terminating');
    const done = pod({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, deletionTimestamp: ago(1000) });
    expect(podColumns(done, now).status).toBe('Completed');
  });

  it('prints Evicted and Unknown for NodeLost pods being deleted', () => {
    expect(podColumns(pod({ status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' } }), now).status).toBe('Evicted');
    expect(podColumns(pod({ status: { phase: 'Running', reason: 'NodeLost', containerStatuses: [running('app')] } }), now).status).toBe('NodeLost');
    expect(podColumns(pod({ status: { phase: 'Running', reason: 'NodeLost' }, deletionTimestamp: ago(0) }), now).status).toBe('Unknown');
  });

  it('prints SchedulingGated', () => {
    expect(podColumns(pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }), now).status).toBe('SchedulingGated');
  });

  it('counts started sidecars (restartPolicy Always init containers) in READY and their restarts', () => {
    const p = pod({
      spec: { initContainers: [{ name: 'init', image: 'busybox' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
        initContainerStatuses: [
          { name: 'init', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          running('proxy', { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(47 * 60_000) } } }),
        ],
        containerStatuses: [running('app', { restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * 3600_000) } } })],
      },
    });
    expect(podColumns(p, now)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '3 (47m ago)' });
  });

  it('prints a sidecar that has not started as Init:1/2', () => {
    const p = pod({
      spec: { initContainers: [{ name: 'init' }, { name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'init', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'proxy', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'PodInitializing' } } },
        ],
      },
    });
    expect(podColumns(p, now)).toMatchObject({ ready: '0/2', status: 'Init:1/2' });
  });

  it('gives the wide columns', () => {
    const p = pod({ spec: { nodeName: 'ubuntu', readinessGates: [{ conditionType: 'x/ready' }, { conditionType: 'y' }] }, status: { podIP: '10.1.84.200', podIPs: [{ ip: '10.1.84.200' }, { ip: 'fd00::1' }], conditions: [{ type: 'x/ready', status: 'True' }] } });
    expect(podWideColumns(p)).toEqual({ ip: '10.1.84.200', node: 'ubuntu', nominatedNode: '<none>', readinessGates: '1/2' });
    expect(podWideColumns(pod({}))).toEqual({ ip: '<none>', node: '<none>', nominatedNode: '<none>', readinessGates: '<none>' });
  });
});
