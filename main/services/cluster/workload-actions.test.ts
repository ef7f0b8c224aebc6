import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrainProgress, ObjectUpdate, ViewUpdate } from '../../contract';
import { startSimulator, type Simulator } from '../../simulator';
import { call, eventually, hasKubectl, kubectl, watch } from '../../simulator/testing';
import type { ClusterService } from './cluster-service';
import { createClusterService } from './index';
import { KubeApiError } from './kube-errors';
import type { Owner } from './live-subscriptions';
import { sameTemplateIgnoringHash } from './object-detail';
import { jobFromCronJob, manualJobName, pickRevision, rollbackPatch } from './workload-actions';

// Integration: every day-two operation through Berth's cluster service against the simulated API
// server, checking what the SERVER holds afterwards (and, where kubectl is installed, what kubectl
// reads back). Simulated time runs 20x so rollouts finish in a few hundred milliseconds.

const FAST = {
  searchPath: async () => ({ dirs: [], fromLoginShell: false }),
  informerSettings: { flushMs: 10 },
  gateSettings: { baseDelayMs: 50, maxDelayMs: 1_000 },
  releaseDelayMs: 50,
  probeIntervalMs: 1_000,
  drainSettings: { initialBackoffMs: 50, maxBackoffMs: 200, pollMs: 50 },
};

const withKubectl = await hasKubectl();
if (!withKubectl) console.warn('kubectl is not on PATH: the kubectl cross-checks in workload-actions.test.ts are skipped (install kubectl 1.32 to run them)');

let sim: Simulator;
let service: ClusterService;
let ns = '';
const drains: DrainProgress[] = [];
const objects: ObjectUpdate[] = [];
const views = new Map<string, ViewUpdate>();
const owner: Owner = { id: 'ops-test', emitView: (u) => views.set(u.viewId, u), emitObject: (u) => objects.push(u), emitOverview: () => undefined };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- server objects in assertions
const get = (key: string, name: string, namespace = ns): Json | undefined => sim.store.get(key, namespace, name) as Json | undefined;
const owned = (key: string, uid: string, namespace = ns): Json[] => (sim.store.all(key, namespace) as Json[]).filter((o) => o.metadata.ownerReferences?.some((r: Json) => r.uid === uid));

async function create(path: string, body: Json): Promise<Json> {
  const res = await call(sim, 'POST', path, body);
  expect(res.status, res.text).toBe(201);
  return res.json();
}

function deployment(name: string, replicas: number, image = 'nginx:1.26', extra: Json = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, annotations: { 'kubernetes.io/change-cause': `deploy ${image}` } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } }, ...extra },
  };
}

const ready = (name: string, n: number) => () => {
  const d = get('apps/deployments', name);
  return d && d.status?.observedGeneration === d.metadata.generation && (d.status?.availableReplicas ?? 0) === n && (d.status?.updatedReplicas ?? 0) === n && (d.status?.replicas ?? 0) === n;
};

let seq = 0;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'empty', speed: 20, nodeName: 'node-a' });
  service = createClusterService({ kubeconfig: sim.kubeconfigPath, onStatus: () => undefined, overrides: FAST });
  expect((await service.connect('microk8s')).state).toBe('connected');
  service.drains.onProgress((p) => drains.push(structuredClone(p)));
});
afterAll(async () => {
  service?.dispose();
  await sim?.stop();
});

async function freshNamespace(): Promise<string> {
  ns = `ops-${++seq}`;
  await create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  return ns;
}

describe('scale', () => {
  it('scales deployments, replicasets, statefulsets and replication controllers through the scale subresource', async () => {
    await freshNamespace();
    await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment('web', 1));
    await create(`/apis/apps/v1/namespaces/${ns}/replicasets`, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { replicas: 1, selector: { matchLabels: { app: 'rs' } }, template: { metadata: { labels: { app: 'rs' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } } });
    await create(`/apis/apps/v1/namespaces/${ns}/statefulsets`, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 1, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'postgres:16' }] } } } });
    await create(`/api/v1/namespaces/${ns}/replicationcontrollers`, { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { replicas: 1, selector: { app: 'rc' }, template: { metadata: { labels: { app: 'rc' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } } });

    expect(await service.scale('deployments', ns, 'web', 3)).toEqual({ replicas: 3 });
    await service.scale('replicasets', ns, 'rs', 2);
    await service.scale('statefulsets', ns, 'db', 2);
    await service.scale('replicationcontrollers', ns, 'rc', 0);
    expect(get('apps/deployments', 'web')?.spec.replicas).toBe(3);
    expect(get('apps/replicasets', 'rs')?.spec.replicas).toBe(2);
    expect(get('apps/statefulsets', 'db')?.spec.replicas).toBe(2);
    expect(get('replicationcontrollers', 'rc')?.spec.replicas).toBe(0);
    // The controllers act on it: three pods for the deployment, db-1 for the StatefulSet.
    await eventually(ready('web', 3), 10_000, 'web at 3 replicas');
    await eventually(() => get('pods', 'db-1'), 10_000, 'db-1');
  });

  it('passes the API refusal on with a next step', async () => {
    const error = await service.scale('deployments', ns, 'nope', 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeApiError);
    expect((error as KubeApiError).message).toBe(`Scaling deployment ${ns}/nope to 2 was refused: deployments.apps "nope" not found`);
    expect((error as KubeApiError).hint).toMatch(/deleted meanwhile/);
  });
});

describe('rollouts', () => {
  it('restart stamps the template and rolls a new ReplicaSet; pause holds a rollout and resume lets it go', async () => {
    await freshNamespace();
    const d = await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment('web', 2));
    await eventually(ready('web', 2), 10_000, 'web ready');
    const { restartedAt } = await service.restartRollout('deployments', ns, 'web');
    expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(get('apps/deployments', 'web')?.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe(restartedAt);
    await eventually(() => owned('apps/replicasets', d.metadata.uid).length === 2, 10_000, 'a second ReplicaSet');
    await eventually(ready('web', 2), 10_000, 'restart finished');

    await service.setPaused(ns, 'web', true);
    expect(get('apps/deployments', 'web')?.spec.paused).toBe(true);
    await expect(service.restartRollout('deployments', ns, 'web')).rejects.toThrow(/it is paused/);
    await call(sim, 'PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/web`, { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    await new Promise((r) => setTimeout(r, 300));
    expect(owned('apps/replicasets', d.metadata.uid)).toHaveLength(2); // paused: no new ReplicaSet
    await service.setPaused(ns, 'web', false);
    expect(get('apps/deployments', 'web')?.spec.paused).toBeUndefined();
    await eventually(() => owned('apps/replicasets', d.metadata.uid).length === 3, 10_000, 'the held rollout starting');
    await eventually(ready('web', 2), 10_000, 'rollout finished');
  });

  it('restarts a DaemonSet and a StatefulSet: every pod replaced with the stamped template', async () => {
    await freshNamespace();
    await create(`/apis/apps/v1/namespaces/${ns}/daemonsets`, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } } });
    await create(`/apis/apps/v1/namespaces/${ns}/statefulsets`, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 2, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'postgres:16' }] } } } });
    const live = (app: string) => (sim.store.all('pods', ns) as Json[]).filter((p) => p.metadata.labels.app === app && !p.metadata.deletionTimestamp);
    const isReady = (p: Json) => p.status?.conditions?.some((c: Json) => c.type === 'Ready' && c.status === 'True');
    await eventually(() => live('agent').length === 1 && live('db').length === 2 && live('db').every(isReady), 10_000, 'agent and db running');
    const before = new Set([...live('agent'), ...live('db')].map((p) => p.metadata.uid as string));
    const agent = await service.restartRollout('daemonsets', ns, 'agent');
    const db = await service.restartRollout('statefulsets', ns, 'db');
    expect(get('apps/daemonsets', 'agent')?.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe(agent.restartedAt);
    expect(get('apps/statefulsets', 'db')?.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe(db.restartedAt);
    await eventually(
      () => live('agent').length === 1 && live('db').length === 2 && [...live('agent'), ...live('db')].every((p) => !before.has(p.metadata.uid) && p.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']),
      15_000,
      'every pod replaced',
    );
  });

  it('rolls back to a chosen revision the way kubectl rollout undo does, and says when a revision is gone', async () => {
    await freshNamespace();
    const d = await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment('web', 2, 'nginx:1.25', { revisionHistoryLimit: 1 }));
    await eventually(ready('web', 2), 10_000, 'revision 1');
    for (const image of ['nginx:1.26', 'nginx:1.27']) {
      await call(sim, 'PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/web`, { metadata: { annotations: { 'kubernetes.io/change-cause': `deploy ${image}` } }, spec: { template: { spec: { containers: [{ name: 'web', image }] } } } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
      await eventually(() => ready('web', 2)() && get('apps/deployments', 'web')?.status?.observedGeneration === get('apps/deployments', 'web')?.metadata.generation, 10_000, image);
      await eventually(() => owned('apps/replicasets', d.metadata.uid).every((rs) => rs.spec.template.spec.containers[0].image === image || (rs.status?.replicas ?? 0) === 0), 10_000, 'old pods gone');
    }
    // revisionHistoryLimit 1: revision 1 was cleaned up, 2 and 3 remain.
    await eventually(() => owned('apps/replicasets', d.metadata.uid).length === 2, 10_000, 'history trimmed to one old ReplicaSet');
    const revisions = owned('apps/replicasets', d.metadata.uid).map((rs) => Number(rs.metadata.annotations['deployment.kubernetes.io/revision'])).sort();
    expect(revisions).toEqual([2, 3]);
    const gone = await service.rollback(ns, 'web', 1).catch((e: unknown) => e);
    expect((gone as KubeApiError).message).toBe(`Revision 1 of deployment ${ns}/web is not in its history.`);
    expect((gone as KubeApiError).hint).toBe('Revisions kept: 3, 2 (older ones were cleaned up per revisionHistoryLimit).');

    expect(await service.rollback(ns, 'web', 2)).toEqual({ revision: 2, unchanged: false });
    const after = get('apps/deployments', 'web')!;
    expect(after.spec.template.spec.containers[0].image).toBe('nginx:1.26');
    expect(after.spec.template.metadata.labels).toEqual({ app: 'web' }); // no pod-template-hash
    expect(after.metadata.annotations['kubernetes.io/change-cause']).toBe('deploy nginx:1.26');
    // The ReplicaSet of revision 2 becomes revision 4 (no new ReplicaSet), as on a real cluster.
    await eventually(() => owned('apps/replicasets', d.metadata.uid).some((rs) => rs.metadata.annotations['deployment.kubernetes.io/revision'] === '4' && rs.spec.template.spec.containers[0].image === 'nginx:1.26'), 10_000, 'revision 4');
    await eventually(ready('web', 2), 10_000, 'rolled back');
    // Rolling back to what runs already changes nothing.
    expect(await service.rollback(ns, 'web', 4)).toEqual({ revision: 4, unchanged: true });

    if (withKubectl) {
      const history = await kubectl(sim, ['rollout', 'history', 'deployment/web', '-n', ns]);
      expect(history.stderr).toBe('');
      expect(history.stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n3\s+deploy nginx:1\.27\n4\s+deploy nginx:1\.26\n/);
    }
  });
});

describe('cronjobs', () => {
  it('suspends, resumes and triggers a Job as kubectl create job --from does', async () => {
    await freshNamespace();
    const cj = await create(`/apis/batch/v1/namespaces/${ns}/cronjobs`, {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'report' },
      spec: { schedule: '0 3 * * *', jobTemplate: { metadata: { labels: { team: 'data' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'r', image: 'busybox', command: ['true'] }] } } } } },
    });
    await service.setSuspended(ns, 'report', true);
    expect(get('batch/cronjobs', 'report')?.spec.suspend).toBe(true);
    await service.setSuspended(ns, 'report', false);
    expect(get('batch/cronjobs', 'report')?.spec.suspend).toBe(false);

    const { name } = await service.triggerCronJob(ns, 'report');
    expect(name).toMatch(/^report-manual-[a-z0-9]{5}$/);
    const job = get('batch/jobs', name)!;
    expect(job.metadata.annotations['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata.labels.team).toBe('data');
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'report', uid: cj.metadata.uid, controller: true }]);
    expect(job.spec.template.spec.containers[0].command).toEqual(['true']);
    await expect(service.triggerCronJob(ns, 'report', name)).rejects.toMatchObject({ code: 'conflict', hint: 'A Job with that name exists already: pick another name.' });
  });
});

describe('delete with cascading', () => {
  it('orphans, deletes in the foreground and in the background', async () => {
    await freshNamespace();
    for (const n of ['orphan', 'fore', 'back']) await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment(n, 1));
    for (const n of ['orphan', 'fore', 'back']) await eventually(ready(n, 1), 10_000, `${n} ready`);
    const uid = (n: string) => get('apps/deployments', n)!.metadata.uid as string;
    const rsOf = (n: string) => (sim.store.all('apps/replicasets', ns) as Json[]).filter((rs) => rs.metadata.labels.app === n);

    const orphanUid = uid('orphan');
    await service.deleteObject({ kind: 'deployments', namespace: ns, name: 'orphan' }, 'Orphan');
    await eventually(() => !get('apps/deployments', 'orphan'), 5_000, 'orphan deployment gone');
    await new Promise((r) => setTimeout(r, 200));
    expect(rsOf('orphan')).toHaveLength(1);
    expect(rsOf('orphan')[0]!.metadata.ownerReferences ?? []).not.toContainEqual(expect.objectContaining({ uid: orphanUid }));

    // Foreground: the owner stays (deletionTimestamp + the foregroundDeletion finalizer) until its
    // dependents are gone, then goes. Watched, since the garbage collector may finish within a tick.
    const stream = await watch(sim, `/apis/apps/v1/namespaces/${ns}/deployments?watch=true&fieldSelector=metadata.name=fore`);
    await service.deleteObject({ kind: 'deployments', namespace: ns, name: 'fore' }, 'Foreground');
    await stream.next((e) => e.type === 'DELETED', 10_000);
    stream.close();
    const seen = stream.events.filter((e) => e.type !== 'ADDED').map((e) => [e.type, Boolean(e.object.metadata.deletionTimestamp), (e.object.metadata.finalizers ?? []).includes('foregroundDeletion')]);
    expect(seen[0]).toEqual(['MODIFIED', true, true]);
    expect(seen.at(-1)?.[0]).toBe('DELETED');
    expect(rsOf('fore')).toHaveLength(0);

    await service.deleteObject({ kind: 'deployments', namespace: ns, name: 'back' }, 'Background');
    expect(get('apps/deployments', 'back')).toBeUndefined(); // gone at once
    await eventually(() => rsOf('back').length === 0, 10_000, 'the garbage collector removing its ReplicaSet');

    await expect(service.deleteObject({ kind: 'deployments', name: 'x' }, 'Background')).rejects.toThrow(/needs its namespace/);
  });
});

describe('drain', () => {
  it('skips DaemonSet pods, is held by a PodDisruptionBudget (429, retried), then finishes once the budget allows', async () => {
    await freshNamespace();
    await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment('web', 2));
    await create(`/apis/apps/v1/namespaces/${ns}/daemonsets`, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } } });
    await create(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets`, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } });
    await eventually(ready('web', 2), 10_000, 'web ready');
    await eventually(() => get('policy/poddisruptionbudgets', 'web')?.status?.currentHealthy === 2, 5_000, 'budget status');
    expect(get('policy/poddisruptionbudgets', 'web')?.status).toMatchObject({ expectedPods: 2, desiredHealthy: 2, disruptionsAllowed: 0 });
    // Other namespaces' pods on the node (earlier tests) have no budget: only this namespace's pods matter here.
    for (const key of ['apps/deployments', 'apps/statefulsets', 'apps/daemonsets', 'replicationcontrollers', 'apps/replicasets', 'batch/jobs', 'batch/cronjobs', 'pods']) {
      for (const o of (sim.store.all(key) as Json[]).filter((x) => x.metadata.namespace !== ns)) sim.store.remove(key, o.metadata.namespace, o.metadata.name);
    }

    drains.length = 0;
    service.drainNode({ drainId: 'd1', node: 'node-a', ignoreDaemonSets: true, deleteEmptyDirData: false, force: false, gracePeriodSeconds: 0, timeoutSeconds: 30 });
    const blocked = await eventually(() => drains.find((p) => p.pods.some((pod) => pod.state === 'blocked' && pod.attempts >= 2)), 10_000, 'an eviction blocked and retried');
    expect((sim.store.get('nodes', undefined, 'node-a') as Json | undefined)?.spec.unschedulable).toBe(true);
    expect(blocked.skipped).toEqual([expect.objectContaining({ namespace: ns, reason: expect.stringMatching(/^DaemonSet-managed/) })]);
    expect(blocked.pods.find((p) => p.state === 'blocked')?.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(owned('pods', get('apps/replicasets', (sim.store.all('apps/replicasets', ns) as Json[])[0]!.metadata.name)!.metadata.uid).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);

    await call(sim, 'PATCH', `/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets/web`, { spec: { minAvailable: 0 } }, { 'Content-Type': 'application/merge-patch+json' });
    const done = await eventually(() => drains.find((p) => p.drainId === 'd1' && ['done', 'failed', 'timeout'].includes(p.phase)), 15_000, 'the drain to finish');
    expect(done.phase, done.message).toBe('done');
    expect(done.pods.map((p) => p.state)).toEqual(['gone', 'gone']);
    // The DaemonSet pod stays; the deployment's replacements wait, unschedulable, for another node.
    const podsOnNode = (sim.store.all('pods', ns) as Json[]).filter((p) => p.spec.nodeName === 'node-a' && !p.metadata.deletionTimestamp);
    expect(podsOnNode.map((p) => p.metadata.labels.app)).toEqual(['agent']);
    expect(drains.map((p) => p.phase)).toEqual(expect.arrayContaining(['cordoning', 'evicting', 'waiting', 'done']));
  });

  it('refuses pods without a controller unless forced, and can be cancelled while a budget holds it', async () => {
    service.drains.cancel('d1'); // if the test before failed half-way
    await freshNamespace();
    await service.setUnschedulable('node-a', false);
    await create(`/api/v1/namespaces/${ns}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loner', labels: { app: 'loner' } }, spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'busybox' }] } });
    drains.length = 0;
    service.drainNode({ drainId: 'd2', node: 'node-a', ignoreDaemonSets: true, deleteEmptyDirData: false, force: false, gracePeriodSeconds: 0, timeoutSeconds: 30 });
    const refused = await eventually(() => drains.find((p) => p.drainId === 'd2' && p.phase === 'failed'), 5_000, 'refusal');
    expect(refused.message).toContain(`cannot delete Pods that declare no controller (use --force to override): ${ns}/loner`);
    expect(get('pods', 'loner')).toBeDefined();

    await create(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets`, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'keep' }, spec: { maxUnavailable: 0, selector: { matchLabels: { app: 'loner' } } } });
    await eventually(() => get('pods', 'loner')?.status?.conditions?.some((c: Json) => c.type === 'Ready' && c.status === 'True'), 10_000, 'loner ready');
    service.drainNode({ drainId: 'd3', node: 'node-a', ignoreDaemonSets: true, deleteEmptyDirData: false, force: true, gracePeriodSeconds: 0, timeoutSeconds: 30 });
    await eventually(() => drains.find((p) => p.drainId === 'd3' && p.pods.some((pod) => pod.state === 'blocked')), 10_000, 'blocked');
    expect(service.drains.cancel('d3')).toBe(true);
    const cancelled = await eventually(() => drains.find((p) => p.drainId === 'd3' && p.phase === 'cancelled'), 5_000, 'cancelled');
    expect(cancelled.hint).toMatch(/stays cordoned/);
    expect(get('pods', 'loner')?.metadata.deletionTimestamp).toBeUndefined();
    await service.setUnschedulable('node-a', false);
  });
});

describe('detail and owner chain', () => {
  it('sends a deployment with its ReplicaSets and revisions, a pod with its owners, and child views filtered by owner', async () => {
    await freshNamespace();
    const d = await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment('web', 2, 'nginx:1.25'));
    await eventually(ready('web', 2), 10_000, 'web ready');
    await call(sim, 'PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/web`, { metadata: { annotations: { 'kubernetes.io/change-cause': 'bump' } }, spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    await eventually(ready('web', 2), 10_000, 'rolled');
    service.live.openObject(owner, 'dep', { kind: 'deployments', namespace: ns, name: 'web' });
    const update = await eventually(() => objects.filter((o) => o.subscriptionId === 'dep').at(-1)?.detail?.deployment?.replicaSets.length === 2 && objects.filter((o) => o.subscriptionId === 'dep').at(-1), 5_000, 'deployment detail');
    const detail = update.detail!;
    expect(detail.deployment!.replicaSets.map((r) => [r.revision, r.changeCause, r.current])).toEqual([
      [2, 'bump', true],
      [1, 'deploy nginx:1.25', false],
    ]);
    expect(detail.deployment!.strategy).toEqual({ type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' });
    expect(detail.row).toMatchObject({ kind: 'deployments', ready: '2/2', upToDate: 2, available: 2, images: 'nginx:1.26', selector: 'app=web', revision: '2' });
    expect(detail.conditions.map((c) => c.type).sort()).toEqual(['Available', 'Progressing']);
    const podsChild = detail.children.find((c) => c.kind === 'pods')!;
    expect(podsChild.ownerUids).toHaveLength(2);

    // Open the child query as the UI would: only this deployment's pods.
    service.live.openView(owner, 'kids', { kind: 'pods', namespaces: podsChild.namespaces, labelSelector: podsChild.labelSelector, search: '', sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100, ownerUids: podsChild.ownerUids });
    const kids = await eventually(() => views.get('kids')?.loading === false && views.get('kids')!.total === 2 && views.get('kids'), 5_000, 'child pods');
    const serverPods = (sim.store.all('pods', ns) as Json[]).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
    expect(kids.rows.map((r) => r.name)).toEqual(serverPods);

    const pod = kids.rows[0]!;
    service.live.openObject(owner, 'pod', { kind: 'pods', namespace: ns, name: pod.name });
    const podDetail = await eventually(() => objects.filter((o) => o.subscriptionId === 'pod').at(-1)?.detail?.owners.length === 2 && objects.filter((o) => o.subscriptionId === 'pod').at(-1)!.detail, 5_000, 'pod owners');
    expect(podDetail.owners.map((o) => o.kind)).toEqual(['ReplicaSet', 'Deployment']);
    // The detail watches that one pod by name, whole (the pod lists keep slim pods), not its namespace.
    expect(service.activeSession!.informer('pods', '')).toBeUndefined();
    expect(service.activeSession!.informer('pods', '', ns)).toBeUndefined();
    const one = await eventually(() => service.activeSession!.informer('pods', '', ns, pod.name)?.cache, 5_000, 'the pod by name');
    expect([...one.keys()]).toEqual([`${ns}/${pod.name}`]);
    const whole = one.get(`${ns}/${pod.name}`) as Json;
    expect(whole.spec.containers[0].image).toMatch(/^nginx:/);
    expect(whole.spec.containers[0].image).toBe((sim.store.get('pods', ns, pod.name) as Json).spec.containers[0].image);
    expect(podDetail.owners[1]!.uid).toBe(d.metadata.uid);
    service.live.closeOwner(owner.id);
  });

  it('keeps a deployment detail live through a rollout: new ReplicaSet up, old one down, as it happens', async () => {
    await freshNamespace();
    await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment('live', 3, 'nginx:1.25', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    await eventually(ready('live', 3), 10_000, 'live ready');
    service.live.openObject(owner, 'live', { kind: 'deployments', namespace: ns, name: 'live' });
    const mine = () => objects.filter((o) => o.subscriptionId === 'live' && o.detail?.deployment);
    await eventually(() => mine().length > 0, 5_000, 'first detail');
    const before = mine().length;
    await call(sim, 'PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/live`, { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    const done = (o: ObjectUpdate) => {
      const sets = o.detail!.deployment!.replicaSets;
      return sets.length === 2 && sets[0]!.current && sets[0]!.ready === 3 && sets[1]!.desired === 0;
    };
    await eventually(() => mine().some(done), 10_000, 'rollout finished in the detail');
    const during = mine().slice(before);
    // Steps in between were sent: both ReplicaSets running pods at once (maxSurge 1, maxUnavailable 0).
    const mixed = during.filter((o) => o.detail!.deployment!.replicaSets.filter((r) => r.desired > 0).length === 2);
    expect(mixed.length).toBeGreaterThan(0);
    const newReady = during.map((o) => o.detail!.deployment!.replicaSets.find((r) => r.current)?.ready ?? 0);
    expect(new Set(newReady).size).toBeGreaterThanOrEqual(3); // 0.., 1, 2, 3 ready as pods come up
    expect(during.some((o) => (o.detail!.row as { rollingOut?: boolean }).rollingOut === true)).toBe(true);
    service.live.closeObject(owner, 'live');
  });
});

describe('what the operations send (pure)', () => {
  const rs = (revision: number, image: string, cause?: string) => ({
    metadata: {
      name: `web-${revision}`,
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': '2', ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) },
    },
    spec: { template: { metadata: { labels: { app: 'web', 'pod-template-hash': `h${revision}` } }, spec: { containers: [{ name: 'web', image }] } } },
  });

  it('picks the revision kubectl rollout undo picks (0 = the one before the newest)', () => {
    const list = [rs(3, 'c'), rs(1, 'a'), rs(2, 'b')];
    expect(pickRevision(list, 0)?.metadata?.name).toBe('web-2');
    expect(pickRevision(list, 1)?.metadata?.name).toBe('web-1');
    expect(pickRevision(list, 9)).toBeUndefined();
    expect(pickRevision([rs(1, 'a')], 0)).toBeUndefined();
  });

  it('builds the rollback JSON patch: template without pod-template-hash, the revision annotations minus the skipped ones', () => {
    const deployment = { metadata: { annotations: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'kubernetes.io/change-cause': 'deploy c', team: 'shop' } } };
    expect(rollbackPatch(deployment, rs(1, 'a', 'deploy a'))).toEqual([
      { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'a' }] } } },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'kubernetes.io/change-cause': 'deploy a' } },
    ]);
  });

  it('compares templates ignoring the hash label', () => {
    expect(sameTemplateIgnoringHash(rs(1, 'a').spec.template, { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'a', name: 'web' }] } })).toBe(true);
    expect(sameTemplateIgnoringHash(rs(1, 'a').spec.template, rs(2, 'b').spec.template)).toBe(false);
  });

  it('makes the Job kubectl create job --from=cronjob makes, with a name that fits 63 characters', () => {
    const cj = { metadata: { name: 'report', namespace: 'data', uid: 'u1' }, spec: { jobTemplate: { metadata: { labels: { team: 'data' }, annotations: { note: 'x' } }, spec: { backoffLimit: 2, template: { spec: { containers: [{ name: 'r' }] } } } } } };
    expect(jobFromCronJob(cj, 'report-manual-abcde')).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'report-manual-abcde', namespace: 'data', labels: { team: 'data' }, annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', note: 'x' }, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'report', uid: 'u1', controller: true }] },
      spec: { backoffLimit: 2, template: { spec: { containers: [{ name: 'r' }] } } },
    });
    const long = manualJobName('a'.repeat(60), () => 0);
    expect(long).toHaveLength(63);
    expect(long).toMatch(/^a+-manual-bbbbb$/);
  });
});
