import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { Writer } from '../api/writes';
import { controllerOf, type KObj } from '../objects';
import { RESOURCE_TYPES } from '../resources';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import type { OwnerIndex } from './owner-index';
import { createPodFromTemplate, deletionOrder, isActive, isAvailable, isReady } from './pods';
import type { Recorder } from './recorder';

// ReplicaSet and ReplicationController: keep spec.replicas pods alive, report how many are
// ready and available. https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/

const POD_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'pods' && t.group === '')!;
const BURST = 500; // pods created per reconcile, like the controller's slow-start batches

/** What of a pod its ReplicaSet's reconcile reads (isActive, isReady, isAvailable, deletionOrder). */
export function ownerView(p: IPod & KObj): string {
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  return `${p.status?.phase ?? ''}|${p.metadata.deletionTimestamp ?? ''}|${p.spec?.nodeName ?? ''}|${ready?.status ?? ''}|${ready?.lastTransitionTime ?? ''}`;
}

export class ReplicaSetController implements Controller {
  readonly watches: string[];

  constructor(
    readonly name: string,
    private readonly key: 'apps/replicasets' | 'replicationcontrollers',
    private readonly store: Store,
    private readonly writer: Writer,
    private readonly owners: OwnerIndex,
    private readonly recorder: Recorder,
    private readonly real: (simMs: number) => number,
  ) {
    this.watches = [key, 'pods'];
  }

  private ownerKind(): string {
    return this.key === 'apps/replicasets' ? 'ReplicaSet' : 'ReplicationController';
  }

  resync(q: Queue): void {
    for (const rs of this.store.list(this.key)) q.add(this.name, objectKey(rs.metadata.namespace, rs.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === this.key) {
      if (e.type !== 'DELETED') q.add(this.name, objectKey(e.object.metadata.namespace, e.object.metadata.name));
      return;
    }
    const ref = controllerOf(e.object);
    if (ref?.kind !== this.ownerKind()) return;
    // A pod change the ReplicaSet cannot see (a container restarted, a start time) needs no
    // reconcile: its status counts only active, ready and available pods. At scale such updates
    // come 2,000 a second, and this controller shares the process with the API it simulates.
    if (e.type === 'MODIFIED' && e.prev && controllerOf(e.prev)?.uid === ref.uid && ownerView(e.prev as IPod & KObj) === ownerView(e.object as IPod & KObj)) return;
    q.add(this.name, objectKey(e.object.metadata.namespace, ref.name));
  }

  reconcile(key: string, q: Queue): void {
    const [ns, name] = key.split('/') as [string, string];
    const rs = this.store.get<IReplicaSet>(this.key, ns, name);
    if (!rs) return;
    const pods = this.owners.objects<IPod>(rs.metadata.uid, 'pods');
    const active = pods.filter(isActive);
    const want = rs.metadata.deletionTimestamp ? 0 : (rs.spec?.replicas ?? 1);
    const diff = want - active.length;
    if (diff > 0) {
      const n = Math.min(diff, BURST);
      let created = 0;
      for (let i = 0; i < n; i++) {
        const pod = createPodFromTemplate(this.writer, rs, rs.spec?.template, {});
        created++;
        this.recorder.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, { component: `${this.ownerKind().toLowerCase()}-controller` });
      }
      if (created < diff) q.add(this.name, key, 200);
    } else if (diff < 0) {
      for (const p of deletionOrder(active).slice(0, -diff)) {
        this.writer.delete(POD_TYPE, p.metadata.namespace, p.metadata.name, {});
        this.recorder.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, { component: `${this.ownerKind().toLowerCase()}-controller` });
      }
    }
    // Nothing created or deleted: the pods just read are the live ones (this runs on every pod status change).
    const live = diff === 0 ? active : this.owners.objects<IPod>(rs.metadata.uid, 'pods').filter(isActive);
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const status: Record<string, unknown> = {
      replicas: live.length,
      fullyLabeledReplicas: live.length,
      readyReplicas: live.filter(isReady).length,
      availableReplicas: live.filter((p) => isAvailable(p, minReady, this.real)).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    for (const k of ['readyReplicas', 'availableReplicas', 'fullyLabeledReplicas'] as const) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(rs.status ?? {})) {
      const cur = this.store.get(this.key, ns, name);
      if (cur) this.store.update(this.key, { ...cur, status } as KObj);
    }
    // Pods become available minReadySeconds after turning ready: look again then.
    if (minReady > 0 && live.some((p) => isReady(p) && !isAvailable(p, minReady, this.real))) q.add(this.name, key, minReady * 1000);
  }
}
