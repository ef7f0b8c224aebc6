import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { Writer } from '../api/writes';
import { controllerOf, rfc3339, type KObj } from '../objects';
import { RESOURCE_TYPES } from '../resources';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import type { OwnerIndex } from './owner-index';
import { ownerRef } from './pods';
import type { Recorder } from './recorder';
import { templateHash } from './template-hash';

// Deployments: one ReplicaSet per pod template (named by its hash), rolling updates within
// maxSurge / maxUnavailable, the revision annotation that `kubectl rollout undo` reads,
// revisionHistoryLimit, and the Available / Progressing conditions including
// ProgressDeadlineExceeded. https://kubernetes.io/docs/concepts/workloads/controllers/deployment/

const NAME = 'deployment';
const RS_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'replicasets')!;
const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

type Deploy = IDeployment & KObj;
type RS = IReplicaSet & KObj;

function resolve(v: number | string | undefined, total: number, roundUp: boolean, dflt: string): number {
  const value = v ?? dflt;
  if (typeof value === 'number') return value;
  const pct = Number(value.replace('%', '')) / 100;
  return roundUp ? Math.ceil(pct * total) : Math.floor(pct * total);
}

const revisionOf = (rs: RS): number => Number(rs.metadata.annotations?.[REVISION] ?? 0);

export class DeploymentController implements Controller {
  readonly name = NAME;
  readonly watches = ['apps/deployments', 'apps/replicasets'];
  private readonly progress = new Map<string, { signature: string; at: number }>();

  constructor(
    private readonly speed: number,
    private readonly store: Store,
    private readonly writer: Writer,
    private readonly owners: OwnerIndex,
    private readonly recorder: Recorder,
  ) {}

  resync(q: Queue): void {
    for (const d of this.store.list('apps/deployments')) q.add(NAME, objectKey(d.metadata.namespace, d.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === 'apps/deployments') {
      if (e.type !== 'DELETED') q.add(NAME, objectKey(e.object.metadata.namespace, e.object.metadata.name));
      return;
    }
    const ref = controllerOf(e.object);
    if (ref?.kind === 'Deployment') q.add(NAME, objectKey(e.object.metadata.namespace, ref.name));
  }

  private scale(d: Deploy, rs: RS, replicas: number): RS {
    if ((rs.spec?.replicas ?? 0) === replicas) return rs;
    const from = rs.spec?.replicas ?? 0;
    const updated = this.store.mutate<IReplicaSet>('apps/replicasets', rs.metadata.namespace, rs.metadata.name, (c) => {
      c.spec = { ...c.spec!, replicas };
      c.metadata.annotations = { ...(c.metadata.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': String(d.spec?.replicas ?? 1) };
      c.metadata.generation = (c.metadata.generation ?? 1) + 1;
    });
    this.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${replicas > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${replicas}`, { component: 'deployment-controller' });
    return updated ?? rs;
  }

  reconcile(key: string, q: Queue): void {
    const [ns, name] = key.split('/') as [string, string];
    const d = this.store.get<IDeployment>('apps/deployments', ns, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const replicas = d.spec?.replicas ?? 1;
    const all = this.owners.objects<IReplicaSet>(d.metadata.uid, 'apps/replicasets');
    const hash = templateHash(d.spec?.template);
    // deploymentutil.FindNewReplicaSet: the ReplicaSet whose template equals ours, ignoring the hash label.
    const plain = templateHash(d.spec?.template);
    let newRS = all.find((rs) => templateHash(rs.spec?.template) === plain);
    const olds = all.filter((rs) => rs !== newRS);
    const maxRevision = Math.max(0, ...all.map(revisionOf));
    const paused = d.spec?.paused === true;

    if (!newRS && !paused) {
      const tpl = structuredClone(d.spec?.template ?? {});
      tpl.metadata = { ...(tpl.metadata ?? {}), labels: { ...(tpl.metadata?.labels ?? {}), 'pod-template-hash': hash } };
      const selector = structuredClone(d.spec?.selector ?? {});
      selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
      const surge = resolve(d.spec?.strategy?.rollingUpdate?.maxSurge, replicas, true, '25%');
      const annotations: Record<string, string> = {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + surge),
        [REVISION]: String(maxRevision + 1),
      };
      const changeCause = d.metadata.annotations?.[CHANGE_CAUSE];
      if (changeCause) annotations[CHANGE_CAUSE] = changeCause;
      newRS = this.writer.create(RS_TYPE, ns, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: `${name}-${hash}`, namespace: ns, labels: tpl.metadata.labels, annotations, ownerReferences: [ownerRef(d)] },
        spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template: tpl },
      }) as RS;
    } else if (newRS && revisionOf(newRS) < maxRevision) {
      // Rolling back to an older template makes its ReplicaSet the newest revision; the revision
      // it had is kept in revision-history (deploymentutil.SetNewReplicaSetAnnotations).
      const previous = String(revisionOf(newRS));
      newRS = this.store.mutate<IReplicaSet>('apps/replicasets', ns, newRS.metadata.name, (c) => {
        const history = c.metadata.annotations?.[REVISION_HISTORY];
        c.metadata.annotations = { ...(c.metadata.annotations ?? {}), [REVISION]: String(maxRevision + 1), [REVISION_HISTORY]: history ? `${history},${previous}` : previous };
      })!;
    }
    // The deployment's change-cause follows onto its current ReplicaSet, also when it is set after
    // the rollout started (`kubectl annotate deployment X kubernetes.io/change-cause=...`).
    const cause = d.metadata.annotations?.[CHANGE_CAUSE];
    if (newRS && cause !== undefined && newRS.metadata.annotations?.[CHANGE_CAUSE] !== cause) {
      newRS = this.store.mutate<IReplicaSet>('apps/replicasets', ns, newRS.metadata.name, (c) => {
        c.metadata.annotations = { ...(c.metadata.annotations ?? {}), [CHANGE_CAUSE]: cause };
      })!;
    }

    if (newRS && !paused) {
      const strategy = d.spec?.strategy?.type ?? 'RollingUpdate';
      if (strategy === 'Recreate') {
        for (const o of olds) this.scale(d, o, 0);
        const oldPods = olds.reduce((n, o) => n + (o.status?.replicas ?? 0), 0);
        if (oldPods === 0) newRS = this.scale(d, newRS, replicas);
      } else {
        const surge = resolve(d.spec?.strategy?.rollingUpdate?.maxSurge, replicas, true, '25%');
        let unavailable = resolve(d.spec?.strategy?.rollingUpdate?.maxUnavailable, replicas, false, '25%');
        if (surge === 0 && unavailable === 0) unavailable = 1;
        const total = all.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
        const newReplicas = newRS.spec?.replicas ?? 0;
        if (olds.length === 0 || newReplicas > replicas) newRS = this.scale(d, newRS, replicas);
        else if (newReplicas < replicas) newRS = this.scale(d, newRS, Math.min(replicas, newReplicas + Math.max(0, replicas + surge - total)));
        // Scale old ReplicaSets down, unhealthy replicas first, keeping enough available.
        const available = all.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
        let canRemove = available - (replicas - unavailable);
        for (const o of [...olds].sort((a, b) => revisionOf(a) - revisionOf(b))) {
          const cur = o.spec?.replicas ?? 0;
          if (cur === 0) continue;
          const unhealthy = cur - (o.status?.availableReplicas ?? 0);
          const remove = Math.min(cur, unhealthy + Math.max(0, canRemove));
          canRemove -= Math.max(0, remove - unhealthy);
          if (remove > 0) this.scale(d, o, cur - remove);
        }
      }
      this.cleanup(d, olds);
    } else if (newRS && paused && (newRS.spec?.replicas ?? 0) !== replicas && olds.every((o) => (o.spec?.replicas ?? 0) === 0)) {
      newRS = this.scale(d, newRS, replicas);
    }
    this.updateStatus(d, newRS, olds, q);
  }

  private cleanup(d: Deploy, olds: RS[]): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const idle = olds.filter((o) => (o.spec?.replicas ?? 0) === 0 && (o.status?.replicas ?? 0) === 0).sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const o of idle.slice(0, Math.max(0, idle.length - limit))) {
      if (this.store.get('apps/replicasets', o.metadata.namespace, o.metadata.name)) this.writer.delete(RS_TYPE, o.metadata.namespace, o.metadata.name, {});
    }
  }

  private updateStatus(d: Deploy, newRS: RS | undefined, olds: RS[], q: Queue): void {
    const key = objectKey(d.metadata.namespace, d.metadata.name);
    const replicas = d.spec?.replicas ?? 1;
    const fresh = newRS ? (this.store.get<IReplicaSet>('apps/replicasets', newRS.metadata.namespace, newRS.metadata.name) ?? newRS) : undefined;
    const rss = [fresh, ...olds].filter((r): r is RS => Boolean(r));
    const sum = (f: (r: RS) => number): number => rss.reduce((n, r) => n + f(r), 0);
    const total = sum((r) => r.status?.replicas ?? 0);
    const updated = fresh?.status?.replicas ?? 0;
    const ready = sum((r) => r.status?.readyReplicas ?? 0);
    const available = sum((r) => r.status?.availableReplicas ?? 0);
    const unavailableMax = resolve(d.spec?.strategy?.rollingUpdate?.maxUnavailable, replicas, false, '25%');
    const now = rfc3339();
    const prevConds = d.status?.conditions ?? [];
    const prev = (t: string): { status?: string; reason?: string; lastTransitionTime?: string; lastUpdateTime?: string } | undefined => prevConds.find((c) => c.type === t);
    const cond = (type: string, status: string, reason: string, message: string): Record<string, unknown> => {
      const p = prev(type);
      const same = p?.status === status && p.reason === reason;
      return { type, status, lastUpdateTime: same ? (p?.lastUpdateTime ?? now) : now, lastTransitionTime: p?.status === status ? (p?.lastTransitionTime ?? now) : now, reason, message };
    };
    const isAvailable = available >= replicas - (d.spec?.strategy?.type === 'Recreate' ? 0 : unavailableMax);
    const available_ = isAvailable ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.') : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');
    const rsName = fresh?.metadata.name ?? '';
    const complete = updated === replicas && total === replicas && available >= replicas && (fresh?.status?.availableReplicas ?? 0) >= replicas;
    let progressing: Record<string, unknown>;
    const deadline = d.spec?.progressDeadlineSeconds ?? 600;
    // Progress = any change in the new ReplicaSet's counts; timed in real milliseconds here
    // because status timestamps (whole seconds) are too coarse at high speed factors.
    const signature = `${rsName}|${updated}|${ready}|${available}|${d.metadata.generation ?? 1}`;
    const track = this.progress.get(d.metadata.uid);
    if (!track || track.signature !== signature) this.progress.set(d.metadata.uid, { signature, at: Date.now() });
    const elapsedSim = (Date.now() - (this.progress.get(d.metadata.uid)?.at ?? Date.now())) * this.speed;
    if (d.spec?.paused) progressing = cond('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused');
    else if (complete) progressing = cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`);
    else if (elapsedSim >= deadline * 1000) progressing = cond('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rsName}" has timed out progressing.`);
    else {
      progressing = cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`);
      q.add(NAME, key, deadline * 1000 - elapsedSim + 50);
    }
    const status: Record<string, unknown> = {
      observedGeneration: d.metadata.generation ?? 1,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, replicas - available),
      conditions: [available_, progressing],
    };
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k];
    const revision = fresh?.metadata.annotations?.[REVISION];
    const cur = this.store.get<IDeployment>('apps/deployments', d.metadata.namespace, d.metadata.name);
    if (!cur) return;
    const annotations = revision ? { ...(cur.metadata.annotations ?? {}), [REVISION]: revision } : cur.metadata.annotations;
    const changed = JSON.stringify(status) !== JSON.stringify(cur.status ?? {}) || JSON.stringify(annotations) !== JSON.stringify(cur.metadata.annotations);
    if (changed) this.store.update('apps/deployments', { ...cur, metadata: { ...cur.metadata, ...(annotations ? { annotations } : {}) }, status } as KObj);
  }

}
