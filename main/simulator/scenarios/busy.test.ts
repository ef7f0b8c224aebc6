import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podColumns } from '../../kube';
import { startSimulator, type Simulator } from '../index';
import type { KObj } from '../objects';
import { printerFor } from '../table/columns';
import { call, eventually } from '../testing';

// The busy scenario comes alive through the controllers: the trouble it promises shows up,
// with the statuses kubectl would print.

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'busy', speed: 60, nodeName: 'ubuntu', dualStack: true });
});
afterAll(() => sim.stop());

const status = (ns: string, prefix: string): string[] =>
  sim.store
    .all('pods', ns)
    .filter((p) => p.metadata.name.startsWith(prefix))
    .map((p) => podColumns(p as never).status);

describe('busy scenario', () => {
  it('has three nodes with DaemonSet pods on each', async () => {
    expect(sim.store.count('nodes')).toBe(3);
    await eventually(() => sim.store.all('pods', 'monitoring').filter((p) => p.metadata.name.startsWith('node-exporter-')).length === 3, 10_000, 'node-exporter on every node');
  });

  it('shows CrashLoopBackOff with growing restarts, ImagePullBackOff and an unschedulable Pending pod', async () => {
    await eventually(() => status('shop', 'api-').every((s) => s === 'CrashLoopBackOff') && status('shop', 'api-').length === 2, 15_000, 'api crash-looping');
    const restarts = (): number => Math.max(...sim.store.all('pods', 'shop').filter((p) => p.metadata.name.startsWith('api-')).map((p) => podColumns(p as never).restartCount));
    const before = restarts();
    await eventually(() => restarts() > before, 15_000, 'restarts growing');
    // The previous (crashed) run's log ends with the error, as `kubectl logs --previous` shows.
    const api = sim.store.all('pods', 'shop').find((p) => p.metadata.name.startsWith('api-'))!;
    const prev = await call(sim, 'GET', `/api/v1/namespaces/shop/pods/${api.metadata.name}/log?previous=true&tailLines=1`);
    expect(prev.status).toBe(200);
    expect(prev.text).toMatch(/connection refused\n$/);
    await eventually(() => status('dev', 'tooling-')[0] === 'ImagePullBackOff', 15_000, 'image pull back-off');
    const waiting = await call(sim, 'GET', `/api/v1/namespaces/dev/pods/${sim.store.all('pods', 'dev').find((p) => p.metadata.name.startsWith('tooling-'))!.metadata.name}/log`);
    expect(waiting.status).toBe(400);
    expect(waiting.json().message).toMatch(/is waiting to start: trying and failing to pull image$/);
    await eventually(() => {
      const p = sim.store.get<{ status?: { conditions?: { type: string; reason?: string; message?: string }[] } }>('pods', 'dev', 'big-batch');
      return p?.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable')?.message?.startsWith('0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory.');
    }, 10_000, 'Unschedulable');
    expect(status('dev', 'big-batch')).toEqual(['Pending']);
  });

  it('reports the stuck checkout rollout as ProgressDeadlineExceeded', async () => {
    const cond = await eventually(() => {
      const d = sim.store.get<{ status?: { conditions?: { type: string; status: string; reason: string; message: string }[] } }>('apps/deployments', 'shop', 'checkout');
      return d?.status?.conditions?.find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
    }, 20_000, 'ProgressDeadlineExceeded');
    expect(cond.status).toBe('False');
    expect(cond.message).toMatch(/^ReplicaSet "checkout-[a-z0-9]+" has timed out progressing\.$/);
    // The old ReplicaSet keeps serving.
    const rs = sim.store.all<{ spec?: { replicas?: number }; metadata: { annotations?: Record<string, string> } }>('apps/replicasets', 'shop').filter((r) => r.metadata.name.startsWith('checkout-'));
    expect(rs.map((r) => `${r.metadata.annotations?.['deployment.kubernetes.io/revision']}:${r.spec?.replicas}`).sort()).toEqual(['1:2', '2:1']);
  });

  it('runs jobs to Complete and Failed, and fills endpoints with dual-stack pod IPs', async () => {
    const jobStatus = (name: string): string | undefined => {
      const j = sim.store.get('batch/jobs', 'batch', name);
      return j ? (printerFor('batch/v1', 'Job').cells(j, Date.now())[1] as string) : undefined;
    };
    await eventually(() => jobStatus('db-migrate') === 'Complete' && jobStatus('monthly-report') === 'Complete', 20_000, 'jobs complete');
    await eventually(() => jobStatus('import-customers') === 'Failed', 20_000, 'job failed');
    const ep = await eventually(() => {
      const e = sim.store.get<{ subsets?: { addresses?: { ip: string }[] }[] }>('endpoints', 'shop', 'frontend');
      return (e?.subsets?.[0]?.addresses?.length ?? 0) === 3 && e;
    }, 10_000, 'frontend endpoints');
    expect(ep.subsets![0]!.addresses!.every((a) => a.ip.startsWith('10.'))).toBe(true);
    const pod = sim.store.all<{ status?: { podIPs?: { ip: string }[] } }>('pods', 'shop').find((p) => p.metadata.name.startsWith('frontend-'));
    expect(pod?.status?.podIPs?.map((i) => i.ip.includes(':'))).toEqual([false, true]);
  });

  it("binds a StatefulSet's claim to a PersistentVolume the hostpath provisioner made, and leaves a claim for an unknown class Pending", async () => {
    const claim = await eventually(() => sim.store.get<{ spec: { volumeName?: string }; status?: { phase?: string } }>('persistentvolumeclaims', 'shop', 'data-redis-0'), 10_000, 'redis claim');
    expect(claim.status?.phase).toBe('Bound');
    const volume = sim.store.get<{ spec: { claimRef?: { namespace?: string; name?: string; uid?: string }; capacity?: { storage?: string } }; status?: { phase?: string } }>('persistentvolumes', undefined, claim.spec.volumeName ?? '');
    expect(volume?.spec.claimRef).toMatchObject({ namespace: 'shop', name: 'data-redis-0', uid: claim.metadata.uid });
    expect(volume?.spec.capacity?.storage).toBe('1Gi');
    expect(volume?.status?.phase).toBe('Bound');
    expect(sim.store.get<{ status?: { phase?: string } }>('persistentvolumeclaims', 'dev', 'scratch')?.status?.phase).toBe('Pending');
  });

  it('prints a full row for every object of every kind', () => {
    const keys = ['pods', 'nodes', 'services', 'endpoints', 'events', 'configmaps', 'secrets', 'namespaces', 'persistentvolumeclaims', 'persistentvolumes', 'policy/poddisruptionbudgets', 'replicationcontrollers', 'resourcequotas', 'apps/deployments', 'apps/replicasets', 'apps/daemonsets', 'apps/statefulsets', 'batch/jobs', 'batch/cronjobs', 'discovery.k8s.io/endpointslices', 'networking.k8s.io/ingresses', 'networking.k8s.io/networkpolicies', 'storage.k8s.io/storageclasses'];
    for (const k of keys) {
      const objs: KObj[] = sim.store.all(k);
      expect(objs.length, k).toBeGreaterThan(0);
      for (const o of objs) {
        const p = printerFor(o.apiVersion, o.kind);
        const cells = p.cells(o, Date.now());
        expect(cells, `${o.kind}/${o.metadata.name}`).toHaveLength(p.columns.length);
        expect(cells.every((c) => c !== undefined && c !== null), `${o.kind}/${o.metadata.name}: ${JSON.stringify(cells)}`).toBe(true);
        expect(p.columns[0]?.name === 'Name' || p.columns[0]?.name === 'Last Seen', o.kind).toBe(true);
      }
    }
  });
});
