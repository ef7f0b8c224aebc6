import { describe, expect, it } from 'vitest';
import { containerCells, cronJobLastSchedule, deploymentReady, jobCompletions, jobDuration, jobStatus } from './workload-columns';

const now = Date.parse('2025-03-14T21:30:00Z');

describe('workload columns', () => {
  it('prints deployment READY as ready/desired', () => {
    expect(deploymentReady({ spec: { replicas: 1 }, status: { readyReplicas: 1 } })).toBe('1/1');
    expect(deploymentReady({ spec: { replicas: 3 }, status: {} })).toBe('0/3');
  });
  it('prints job status, completions and duration', () => {
    expect(jobStatus({ status: { conditions: [{ type: 'Complete', status: 'True' }] } })).toBe('Complete');
    expect(jobStatus({ status: { conditions: [{ type: 'Failed', status: 'True' }] } })).toBe('Failed');
    expect(jobStatus({ metadata: { deletionTimestamp: '2025-01-01T00:00:00Z' }, status: {} })).toBe('Terminating');
    expect(jobStatus({ status: { conditions: [{ type: 'Suspended', status: 'True' }] } })).toBe('Suspended');
    expect(jobStatus({ status: {} })).toBe('Running');
    expect(jobCompletions({ spec: { completions: 3 }, status: { succeeded: 1 } })).toBe('1/3');
    expect(jobCompletions({ spec: { parallelism: 4 }, status: {} })).toBe('0/1 of 4');
    expect(jobCompletions({ spec: {}, status: { succeeded: 1 } })).toBe('1/1');
    expect(jobDuration({ status: { startTime: '2025-03-14T21:29:00Z', completionTime: '2025-03-14T21:29:09Z' } }, now)).toBe('9s');
    expect(jobDuration({ status: { startTime: '2025-03-14T21:25:00Z' } }, now)).toBe('5m');
    expect(jobDuration({ status: {} }, now)).toBe('');
  });
  it('lays out containers and cronjob schedules', () => {
    expect(containerCells([{ name: 'calico-node', image: 'docker.io/calico/node:v3.28.1' }, { name: 'x', image: 'busybox' }])).toEqual({ containers: 'calico-node,x', images: 'docker.io/calico/node:v3.28.1,busybox' });
    expect(cronJobLastSchedule({ status: {} }, now)).toBe('<none>');
    expect(cronJobLastSchedule({ status: { lastScheduleTime: '2025-03-14T21:29:00Z' } }, now)).toBe('60s');
  });
});

describe('more workload cells', () => {
  it('prints daemonset NODE SELECTOR, statefulset READY and cronjob SUSPEND', async () => {
    const { daemonSetNodeSelector, statefulSetReady, cronJobSuspend, workloadSelector } = await import('./workload-columns');
    expect(daemonSetNodeSelector({ spec: { template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } } } })).toBe('kubernetes.io/os=linux');
    expect(daemonSetNodeSelector({ spec: { template: { spec: {} } } })).toBe('<none>');
    expect(statefulSetReady({ spec: { replicas: 3 }, status: { readyReplicas: 2 } })).toBe('2/3');
    expect(cronJobSuspend({ spec: {} })).toBe('<unset>');
    expect(cronJobSuspend({ spec: { suspend: true } })).toBe('True');
    expect(cronJobSuspend({ spec: { suspend: false } })).toBe('False');
    // ReplicationControllers select with a plain map, the apps kinds with a LabelSelector.
    expect(workloadSelector('ReplicationController', { spec: { selector: { app: 'legacy', tier: 'web' } as never } })).toBe('app=legacy,tier=web');
    expect(workloadSelector('Deployment', { spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] } } })).toBe('app=web,env notin (dev)');
    expect(workloadSelector('CronJob', { spec: { jobTemplate: { spec: {} } } })).toBe('<none>');
  });

  it('judges a rollout as kubectl rollout status does', async () => {
    const { deploymentRollout } = await import('./workload-columns');
    const base = { metadata: { generation: 3 }, spec: { replicas: 3 } };
    expect(deploymentRollout({ ...base, status: { observedGeneration: 3, replicas: 3, updatedReplicas: 3, availableReplicas: 3 } })).toEqual({ stuck: false, rollingOut: false });
    expect(deploymentRollout({ ...base, status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 } }).rollingOut).toBe(true);
    expect(deploymentRollout({ ...base, status: { observedGeneration: 3, replicas: 4, updatedReplicas: 2, availableReplicas: 3 } }).rollingOut).toBe(true);
    expect(deploymentRollout({ ...base, status: { observedGeneration: 3, replicas: 4, updatedReplicas: 3, availableReplicas: 3 } }).rollingOut).toBe(true); // an old pod still terminating
    const stuck = deploymentRollout({
      ...base,
      status: {
        observedGeneration: 3,
        replicas: 4,
        updatedReplicas: 1,
        availableReplicas: 3,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
          { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-7d4b9c" has timed out progressing.' },
        ],
      },
    });
    expect(stuck).toEqual({ stuck: true, stuckMessage: 'ReplicaSet "web-7d4b9c" has timed out progressing.', rollingOut: true });
    expect(deploymentRollout({ ...base, spec: { replicas: 3, paused: true }, status: { observedGeneration: 3, updatedReplicas: 0 } }).rollingOut).toBe(false);
  });
});
