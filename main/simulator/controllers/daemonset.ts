import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { Writer } from '../api/writes';
import { controllerOf, type KObj } from '../objects';
import { RESOURCE_TYPES } from '../resources';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import type { OwnerIndex } from './owner-index';
import { createMissingPods, isActive, revisionCounts } from './pods';
import type { Recorder } from './recorder';
import { templateHash } from './template-hash';

// DaemonSets: one pod per eligible node (Ready or not: the DaemonSet tolerates not-ready),
// matching the template's nodeSelector and tolerating the node's taints; a template change
// replaces pods one node at a time (RollingUpdate, maxUnavailable 1).
// https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/

const NAME = 'daemonset';
const POD_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'pods' && t.group === '')!;

export class DaemonSetController implements Controller {
  readonly name = NAME;
  readonly watches = ['apps/daemonsets', 'pods', 'nodes'];

  constructor(
    private readonly store: Store,
    private readonly writer: Writer,
    private readonly owners: OwnerIndex,
    private readonly recorder: Recorder,
    private readonly real: (simMs: number) => number,
  ) {}

  resync(q: Queue): void {
    for (const d of this.store.list('apps/daemonsets')) q.add(NAME, objectKey(d.metadata.namespace, d.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === 'apps/daemonsets') {
      if (e.type !== 'DELETED') q.add(NAME, objectKey(e.object.metadata.namespace, e.object.metadata.name));
    } else if (e.key === 'nodes') {
      if (e.type !== 'MODIFIED') this.resync(q);
    } else {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'DaemonSet') q.add(NAME, objectKey(e.object.metadata.namespace, ref.name));
    }
  }

  private eligible(ds: IDaemonSet, node: INode): boolean {
    const sel = ds.spec?.template?.spec?.nodeSelector ?? {};
    if (Object.entries(sel).some(([k, v]) => node.metadata?.labels?.[k] !== v)) return false;
    const tol = ds.spec?.template?.spec?.tolerations ?? [];
    return (node.spec?.taints ?? []).every((t) => t.effect === 'PreferNoSchedule' || tol.some((x) => (x.operator === 'Exists' && (!x.key || x.key === t.key)) || (x.key === t.key && x.value === t.value)));
  }

  reconcile(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const ds = this.store.get<IDaemonSet>('apps/daemonsets', ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = templateHash(ds.spec?.template);
    const pods = this.owners.objects<IPod>(ds.metadata.uid, 'pods').filter(isActive);
    const byNode = new Map<string, (IPod & KObj)[]>();
    for (const p of pods) byNode.set(p.spec?.nodeName ?? '', [...(byNode.get(p.spec?.nodeName ?? '') ?? []), p]);
    const nodes = [...this.store.list<INode>('nodes')].filter((n) => this.eligible(ds, n));
    const revision = { 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
    createMissingPods({ writer: this.writer, recorder: this.recorder, component: 'daemonset-controller' }, ds, nodes, (node) =>
      (byNode.get(node.metadata!.name!) ?? []).length > 0
        ? 'filled'
        : { template: ds.spec?.template, opts: { nodeName: node.metadata!.name!, labels: revision }, message: (pod) => `Created pod: ${pod}` },
    );
    // A template change replaces the pods of one node at a time.
    const stale = nodes.find((n) => (byNode.get(n.metadata!.name!) ?? []).some((p) => p.metadata.labels?.['controller-revision-hash'] !== hash));
    for (const p of stale ? (byNode.get(stale.metadata!.name!) ?? []) : []) this.writer.delete(POD_TYPE, p.metadata.namespace, p.metadata.name, {});
    const eligibleNames = new Set(nodes.map((n) => n.metadata!.name!));
    for (const p of pods) if (!eligibleNames.has(p.spec?.nodeName ?? '')) this.writer.delete(POD_TYPE, p.metadata.namespace, p.metadata.name, {});
    const counts = revisionCounts(this.owners.objects<IPod>(ds.metadata.uid, 'pods'), 'controller-revision-hash', hash, ds.spec?.minReadySeconds ?? 0, this.real);
    const status: Record<string, unknown> = {
      currentNumberScheduled: counts.live,
      numberMisscheduled: 0,
      desiredNumberScheduled: nodes.length,
      numberReady: counts.ready,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: counts.updated,
      numberAvailable: counts.available,
    };
    const unavailable = nodes.length - (status.numberAvailable as number);
    if (unavailable > 0) status.numberUnavailable = unavailable;
    for (const k of ['updatedNumberScheduled', 'numberAvailable']) if (status[k] === 0) delete status[k];
    const cur = this.store.get('apps/daemonsets', ns, name);
    if (cur && JSON.stringify(status) !== JSON.stringify(cur.status ?? {})) this.store.update('apps/daemonsets', { ...cur, status } as KObj);
  }
}
