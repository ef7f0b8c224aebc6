import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListKind, Row, ViewUpdate } from '../../contract';
import { startSimulator, type Simulator } from '../../simulator';
import { call, eventually, hasKubectl, kubectl } from '../../simulator/testing';
import type { ClusterService } from './cluster-service';
import { createClusterService } from './index';
import type { Owner } from './live-subscriptions';

// Each new list's cells against `kubectl get KIND -A -o wide` on the busy simulated cluster: the
// row field under every kubectl header (clock-based cells, AGE, DURATION and LAST SCHEDULE, left
// out). kubectl renders the server's Table, so this checks Berth's rows end to end against what
// a person sees in a terminal. The cluster lives (jobs run, pods churn): each kind is compared
// until both agree at one moment.

const available = await hasKubectl();
if (!available) console.warn('kubectl is not on PATH: skipping kubectl-columns.test.ts (install kubectl 1.32 to run it)');

type Fields = Record<string, string>;
const COLUMNS: Partial<Record<ListKind, Fields>> = {
  deployments: { READY: 'ready', 'UP-TO-DATE': 'upToDate', AVAILABLE: 'available', CONTAINERS: 'containers', IMAGES: 'images', SELECTOR: 'selector' },
  replicasets: { DESIRED: 'desired', CURRENT: 'current', READY: 'ready', CONTAINERS: 'containers', IMAGES: 'images', SELECTOR: 'selector' },
  replicationcontrollers: { DESIRED: 'desired', CURRENT: 'current', READY: 'ready', CONTAINERS: 'containers', IMAGES: 'images', SELECTOR: 'selector' },
  daemonsets: { DESIRED: 'desired', CURRENT: 'current', READY: 'ready', 'UP-TO-DATE': 'upToDate', AVAILABLE: 'available', 'NODE SELECTOR': 'nodeSelector', CONTAINERS: 'containers', IMAGES: 'images', SELECTOR: 'selector' },
  statefulsets: { READY: 'ready', CONTAINERS: 'containers', IMAGES: 'images' },
  jobs: { STATUS: 'status', COMPLETIONS: 'completions', CONTAINERS: 'containers', IMAGES: 'images', SELECTOR: 'selector' },
  cronjobs: { SCHEDULE: 'schedule', TIMEZONE: 'timezone', SUSPEND: 'suspend', ACTIVE: 'active', CONTAINERS: 'containers', IMAGES: 'images', SELECTOR: 'selector' },
  persistentvolumes: { CAPACITY: 'capacity', 'ACCESS MODES': 'accessModes', 'RECLAIM POLICY': 'reclaimPolicy', STATUS: 'status', CLAIM: 'claim', STORAGECLASS: 'storageClass', VOLUMEATTRIBUTESCLASS: 'volumeAttributesClass', REASON: 'reason', VOLUMEMODE: 'volumeMode' },
  persistentvolumeclaims: { STATUS: 'status', VOLUME: 'volume', CAPACITY: 'capacity', 'ACCESS MODES': 'accessModes', STORAGECLASS: 'storageClass', VOLUMEATTRIBUTESCLASS: 'volumeAttributesClass', VOLUMEMODE: 'volumeMode' },
  storageclasses: { PROVISIONER: 'provisioner', RECLAIMPOLICY: 'reclaimPolicy', VOLUMEBINDINGMODE: 'volumeBindingMode', ALLOWVOLUMEEXPANSION: 'allowVolumeExpansion' },
  ingresses: { CLASS: 'class', HOSTS: 'hosts', ADDRESS: 'address', PORTS: 'ports' },
  networkpolicies: { 'POD-SELECTOR': 'podSelector' },
};
const CLUSTER_SCOPED = new Set<ListKind>(['persistentvolumes', 'storageclasses']);

/** Splits kubectl's aligned table where each header starts (tabwriter pads every cell to it). */
function parseTable(text: string): Array<Record<string, string>> {
  const [head, ...lines] = text.replace(/\n$/, '').split('\n');
  // Headers are separated by at least three spaces; "ACCESS MODES" and "NODE SELECTOR" hold one.
  const starts = [...head!.matchAll(/\S+(?: \S+)*/g)].map((m) => [m[0], m.index] as [string, number]);
  return lines.map((line) => {
    const cells: Record<string, string> = {};
    starts.forEach(([h, at], i) => (cells[h] = line.slice(at, i + 1 < starts.length ? starts[i + 1]![1] : undefined).trim()));
    return cells;
  });
}

describe.skipIf(!available)('rows against kubectl get -o wide', () => {
  let sim: Simulator;
  let service: ClusterService;
  const views = new Map<string, ViewUpdate>();
  const owner: Owner = { id: 'columns', emitView: (u) => views.set(u.viewId, u), emitObject: () => undefined, emitOverview: () => undefined };

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'busy' });
    // The busy cluster has no PersistentVolume object: add one as the hostpath provisioner makes them.
    const pv = await call(sim, 'POST', '/api/v1/persistentvolumes', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pvc-columns' },
      spec: { capacity: { storage: '2Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'microk8s-hostpath', volumeMode: 'Filesystem', hostPath: { path: '/tmp/x' }, claimRef: { namespace: 'default', name: 'data' } },
    });
    expect(pv.status, pv.text).toBe(201);
    service = createClusterService({ kubeconfig: sim.kubeconfigPath, onStatus: () => undefined, overrides: { searchPath: async () => ({ dirs: [], fromLoginShell: false }), informerSettings: { flushMs: 10 }, releaseDelayMs: 50 } });
    expect((await service.connect('microk8s')).state).toBe('connected');
  });
  afterAll(async () => {
    service?.dispose();
    await sim?.stop();
  });

  for (const [kind, fields] of Object.entries(COLUMNS) as Array<[ListKind, Fields]>) {
    it(kind, async () => {
      service.live.openView(owner, kind, { kind, namespaces: [], labelSelector: '', search: '', sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 1000 });
      await eventually(() => views.get(kind)?.loading === false, 10_000, `${kind} listed`);
      const headers = [...(CLUSTER_SCOPED.has(kind) ? [] : ['NAMESPACE']), 'NAME', ...Object.keys(fields)];
      let last = '';
      await eventually(
        async () => {
          const out = await kubectl(sim, ['get', kind, ...(CLUSTER_SCOPED.has(kind) ? [] : ['-A']), '-o', 'wide']);
          if (out.code !== 0) throw new Error(out.stderr);
          const theirs = parseTable(out.stdout).map((cells) => headers.map((h) => cells[h]).join(' | '));
          const ours = (views.get(kind)?.rows ?? []).map((row: Row) => {
            const r = row as unknown as Record<string, unknown>;
            const name = row.kind === 'storageclasses' && row.isDefault ? `${row.name} (default)` : row.name;
            return [...(CLUSTER_SCOPED.has(kind) ? [] : [row.namespace ?? '']), name, ...Object.values(fields).map((f) => String(r[f]))].join(' | ');
          });
          const sort = (a: string[]) => [...a].sort();
          last = `kubectl:\n${sort(theirs).join('\n')}\nberth:\n${sort(ours).join('\n')}`;
          return theirs.length > 0 && JSON.stringify(sort(theirs)) === JSON.stringify(sort(ours));
        },
        15_000,
        `${kind} cells to agree`,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${last}`);
      });
      service.live.closeView(owner, kind);
    });
  }
});
