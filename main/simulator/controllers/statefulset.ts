import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { Writer } from '../api/writes';
import { controllerOf, type KObj } from '../objects';
import { RESOURCE_TYPES } from '../resources';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import type { OwnerIndex } from './owner-index';
import { createMissingPods, isActive, isReady, revisionCounts } from './pods';
import type { Recorder } from './recorder';
import { templateHash } from './template-hash';

// StatefulSets: pods NAME-0 .. NAME-(n-1), created in order (OrderedReady: the next only once
// the previous is Running and Ready), removed from the highest ordinal, each with its own PVC
// from volumeClaimTemplates. https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/

const NAME = 'statefulset';
const POD_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'pods' && t.group === '')!;
const PVC_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'persistentvolumeclaims')!;
const PV_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'persistentvolumes')!;

export class StatefulSetController implements Controller {
  readonly name = NAME;
  readonly watches = ['apps/statefulsets', 'pods'];

  constructor(
    private readonly store: Store,
    private readonly writer: Writer,
    private readonly owners: OwnerIndex,
    private readonly recorder: Recorder,
    private readonly real: (simMs: number) => number,
  ) {}

  resync(q: Queue): void {
    for (const s of this.store.list('apps/statefulsets')) q.add(NAME, objectKey(s.metadata.namespace, s.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === 'apps/statefulsets') {
      if (e.type !== 'DELETED') q.add(NAME, objectKey(e.object.metadata.namespace, e.object.metadata.name));
      return;
    }
    const ref = controllerOf(e.object);
    if (ref?.kind === 'StatefulSet') q.add(NAME, objectKey(e.object.metadata.namespace, ref.name));
  }

  private ensureClaims(sts: IStatefulSet & KObj, ordinal: number): void {
    for (const tpl of sts.spec?.volumeClaimTemplates ?? []) {
      const claim = `${tpl.metadata?.name}-${sts.metadata.name}-${ordinal}`;
      if (this.store.get('persistentvolumeclaims', sts.metadata.namespace, claim)) continue;
      const created = this.writer.create(PVC_TYPE, sts.metadata.namespace, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: claim, labels: { ...(sts.spec?.selector?.matchLabels ?? {}) } },
        spec: { ...structuredClone(tpl.spec ?? {}), storageClassName: tpl.spec?.storageClassName ?? 'microk8s-hostpath' },
      });
      // The hostpath provisioner binds at once, with a PersistentVolume of its own named after
      // the claim's uid (as microk8s' hostpath-provisioner does).
      const volumeName = `pvc-${created.metadata.uid}`;
      const storage = (tpl.spec?.resources?.requests?.storage as string) ?? '1Gi';
      const accessModes = tpl.spec?.accessModes ?? ['ReadWriteOnce'];
      const storageClassName = tpl.spec?.storageClassName ?? 'microk8s-hostpath';
      this.writer.create(PV_TYPE, undefined, {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: volumeName, annotations: { 'pv.kubernetes.io/provisioned-by': 'microk8s.io/hostpath' } },
        spec: {
          capacity: { storage },
          accessModes,
          persistentVolumeReclaimPolicy: 'Delete',
          storageClassName,
          claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: sts.metadata.namespace, name: claim, uid: created.metadata.uid },
          hostPath: { path: `/var/snap/microk8s/common/default-storage/${sts.metadata.namespace}-${claim}-${volumeName}`, type: '' },
          volumeMode: 'Filesystem',
        },
      });
      this.store.mutate('persistentvolumes', undefined, volumeName, (v) => {
        v.status = { phase: 'Bound' };
      });
      this.store.mutate('persistentvolumeclaims', created.metadata.namespace, claim, (c) => {
        const spec = c.spec as Record<string, unknown>;
        spec.volumeName = volumeName;
        c.status = { phase: 'Bound', accessModes, capacity: { storage } };
      });
      this.recorder.record(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claim} Pod ${sts.metadata.name}-${ordinal} in StatefulSet ${sts.metadata.name} success`, { component: 'statefulset-controller' });
    }
  }

  reconcile(key: string, q: Queue): void {
    const [ns, name] = key.split('/') as [string, string];
    const sts = this.store.get<IStatefulSet>('apps/statefulsets', ns, name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const replicas = sts.spec?.replicas ?? 1;
    const hash = `${name}-${templateHash(sts.spec?.template)}`;
    const pods = this.owners.objects<IPod>(sts.metadata.uid, 'pods').filter(isActive);
    const byOrdinal = new Map<number, IPod & KObj>();
    for (const p of pods) byOrdinal.set(Number(p.metadata.name.slice(name.length + 1)), p);
    const ordered = (sts.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const ordinals = Array.from({ length: replicas }, (_, i) => i);
    createMissingPods(
      { writer: this.writer, recorder: this.recorder, component: 'statefulset-controller' },
      sts,
      ordinals,
      (i) => {
        const existing = byOrdinal.get(i);
        if (existing) return ordered && !isReady(existing) ? 'wait' : 'filled';
        this.ensureClaims(sts, i);
        const podName = `${name}-${i}`;
        const tpl = sts.spec?.template ? structuredClone(sts.spec.template) : undefined;
        if (tpl?.spec) {
          tpl.spec.volumes = [...(tpl.spec.volumes ?? []), ...(sts.spec?.volumeClaimTemplates ?? []).map((v) => ({ name: v.metadata?.name ?? 'data', persistentVolumeClaim: { claimName: `${v.metadata?.name}-${name}-${i}` } }))];
        }
        return {
          template: tpl,
          opts: { name: podName, hostname: podName, subdomain: sts.spec?.serviceName, labels: { 'controller-revision-hash': hash, 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(i) } },
          message: () => `create Pod ${podName} in StatefulSet ${name} successful`,
        };
      },
      ordered,
    );
    const extra = pods.filter((p) => Number(p.metadata.name.slice(name.length + 1)) >= replicas).sort((a, b) => (a.metadata.name < b.metadata.name ? 1 : -1));
    for (const p of extra.slice(0, ordered ? 1 : extra.length)) {
      this.writer.delete(POD_TYPE, ns, p.metadata.name, {});
      this.recorder.record(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`, { component: 'statefulset-controller' });
    }
    // A template change replaces pods from the highest ordinal, one at a time.
    const stale = pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] !== hash && Number(p.metadata.name.slice(name.length + 1)) < replicas);
    if (stale.length && pods.every(isReady)) {
      const victim = stale.sort((a, b) => (a.metadata.name < b.metadata.name ? 1 : -1))[0]!;
      this.writer.delete(POD_TYPE, ns, victim.metadata.name, {});
    }
    const counts = revisionCounts(this.owners.objects<IPod>(sts.metadata.uid, 'pods'), 'controller-revision-hash', hash, sts.spec?.minReadySeconds ?? 0, this.real);
    const status: Record<string, unknown> = {
      observedGeneration: sts.metadata.generation ?? 1,
      replicas: counts.live,
      readyReplicas: counts.ready,
      currentReplicas: counts.updated,
      updatedReplicas: counts.updated,
      currentRevision: hash,
      updateRevision: hash,
      collisionCount: 0,
      availableReplicas: counts.available,
    };
    if (status.readyReplicas === 0) delete status.readyReplicas;
    const cur = this.store.get('apps/statefulsets', ns, name);
    if (cur && JSON.stringify(status) !== JSON.stringify(cur.status ?? {})) this.store.update('apps/statefulsets', { ...cur, status } as KObj);
    void q;
  }
}
