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
