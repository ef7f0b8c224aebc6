import { describe, expect, it } from 'vitest';
import type { DrainProgress, PodRow } from '../../../../main/contract';
import { podStateText, previewDrain, summariseDrain } from './drain-summary';

const pod = (name: string, owner?: string, status = 'Running'): PodRow => ({
  kind: 'pods',
  uid: name,
  name,
  namespace: 'shop',
  labels: {},
  ready: '1/1',
  status,
  restarts: '0',
  ips: [],
  node: 'worker-1',
  problem: false,
  terminating: false,
  ...(owner ? { owner: { kind: owner, name: `${name}-owner` } } : {}),
});

describe('previewDrain', () => {
  it('evicts managed pods, leaves DaemonSet and mirror pods, names bare running pods', () => {
    const preview = previewDrain([pod('web-1', 'ReplicaSet'), pod('exporter', 'DaemonSet'), pod('kube-apiserver', 'Node'), pod('scratch'), pod('done', undefined, 'Completed')]);
    expect(preview).toEqual({ evict: 3, daemonSet: 1, bare: ['shop/scratch'] });
  });
});

const progress = (phase: DrainProgress['phase'], states: DrainProgress['pods'][number]['state'][]): DrainProgress => ({
  drainId: 'd1',
  node: 'worker-1',
  phase,
  pods: states.map((state, i) => ({ namespace: 'shop', name: `p${i}`, state, attempts: state === 'blocked' ? 3 : 1 })),
  skipped: [],
  startedAt: 0,
});

describe('summariseDrain', () => {
  it('counts pods per state and says which are blocked by a budget', () => {
    const s = summariseDrain(progress('evicting', ['gone', 'gone', 'blocked', 'evicting', 'evicted']));
    expect(s.finished).toBe(false);
    expect(s.counts).toMatchObject({ gone: 2, blocked: 1, evicting: 1, evicted: 1 });
    expect(s.headline).toBe('Evicting: 2 of 5 pods gone, 1 evicted and stopping, 1 blocked by a PodDisruptionBudget (retrying).');
  });

  it('is finished on done, failed, cancelled and timeout only', () => {
    expect(summariseDrain(progress('done', ['gone'])).headline).toBe('Drained: 1 of 1 pod gone.');
    for (const phase of ['failed', 'cancelled', 'timeout'] as const) expect(summariseDrain(progress(phase, [])).finished).toBe(true);
    expect(summariseDrain(progress('waiting', ['evicted'])).finished).toBe(false);
  });

  it('explains a blocked pod with its attempts', () => {
    expect(podStateText('blocked', 4)).toBe('blocked by a PodDisruptionBudget (tried 4×, retrying)');
  });
});
