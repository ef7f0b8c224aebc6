import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { selectorFromSpec, type LabelSelectorSpec } from '../../kube';
import { controllerOf, rfc3339, type KObj } from '../objects';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import { isReady, isTerminal } from './pods';

// PodDisruptionBudgets: the disruption controller's status (expectedPods, currentHealthy,
// desiredHealthy, disruptionsAllowed, the DisruptionAllowed condition) and the check the
// eviction subresource makes with it. https://kubernetes.io/docs/concepts/workloads/pods/disruptions/

export const PDB_KEY = 'policy/poddisruptionbudgets';
const NAME = 'disruption';

type PDB = IPodDisruptionBudget & KObj;
type Pod = IPod & KObj;

export interface BudgetStatus {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

function selects(pdb: PDB, pod: Pod): boolean {
  try {
    // A nil selector selects nothing; {} selects every pod in the namespace (policy/v1).
    return selectorFromSpec(pdb.spec?.selector as LabelSelectorSpec | undefined).matches(pod.metadata.labels ?? {});
  } catch {
    return false;
  }
}

export function budgetsFor(store: Store, pod: Pod): PDB[] {
  return store.all<IPodDisruptionBudget>(PDB_KEY, pod.metadata.namespace).filter((pdb) => selects(pdb, pod));
}

const CONTROLLER_KEYS: Record<string, string> = { ReplicaSet: 'apps/replicasets', ReplicationController: 'replicationcontrollers', StatefulSet: 'apps/statefulsets' };

function percent(value: string, total: number): number {
  return Math.ceil((Number(value.replace('%', '')) / 100) * total);
}

/**
 * disruption.go getExpectedPodCount + countHealthyPods: expected pods from the controllers'
 * scale (a pod without a scalable controller counts as one), healthy = Ready and not terminating.
 */
export function budgetStatus(store: Store, pdb: PDB): BudgetStatus {
  const pods = store.all<IPod>('pods', pdb.metadata.namespace).filter((p) => selects(pdb, p) && !isTerminal(p));
  const controllers = new Map<string, number>();
  let unowned = 0;
  for (const p of pods) {
    const ref = controllerOf(p);
    const key = ref ? CONTROLLER_KEYS[ref.kind] : undefined;
    const owner = key ? store.get<{ spec?: { replicas?: number } }>(key, p.metadata.namespace, ref!.name) : undefined;
    if (owner && owner.metadata.uid === ref!.uid) controllers.set(owner.metadata.uid, owner.spec?.replicas ?? 1);
    else unowned++;
  }
  const expectedPods = [...controllers.values()].reduce((a, b) => a + b, 0) + unowned;
  const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && isReady(p)).length;
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  let desiredHealthy = 0;
  if (maxUnavailable !== undefined) desiredHealthy = Math.max(0, expectedPods - (typeof maxUnavailable === 'string' ? percent(maxUnavailable, expectedPods) : maxUnavailable));
  else if (minAvailable !== undefined) desiredHealthy = typeof minAvailable === 'string' ? percent(minAvailable, expectedPods) : minAvailable;
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}

export class DisruptionController implements Controller {
  readonly name = NAME;
  readonly watches = [PDB_KEY, 'pods', 'apps/replicasets', 'apps/statefulsets', 'replicationcontrollers'];

  constructor(private readonly store: Store) {}

  resync(q: Queue): void {
    for (const pdb of this.store.list(PDB_KEY)) q.add(NAME, objectKey(pdb.metadata.namespace, pdb.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === PDB_KEY) {
      if (e.type !== 'DELETED') q.add(NAME, objectKey(e.object.metadata.namespace, e.object.metadata.name));
      return;
    }
    // Any change in a namespace with budgets may change their counts; most namespaces have none.
    for (const pdb of this.store.list(PDB_KEY, e.object.metadata.namespace)) q.add(NAME, objectKey(pdb.metadata.namespace, pdb.metadata.name));
  }

  reconcile(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const pdb = this.store.get<IPodDisruptionBudget>(PDB_KEY, ns, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const counts = budgetStatus(this.store, pdb);
    const allowed = counts.disruptionsAllowed > 0;
    const prev = (pdb.status?.conditions ?? []).find((c) => c.type === 'DisruptionAllowed');
    const statusText = allowed ? 'True' : 'False';
    const status = {
      observedGeneration: pdb.metadata.generation ?? 1,
      disruptionsAllowed: counts.disruptionsAllowed,
      currentHealthy: counts.currentHealthy,
      desiredHealthy: counts.desiredHealthy,
      expectedPods: counts.expectedPods,
      conditions: [
        {
          type: 'DisruptionAllowed',
          status: statusText,
          reason: allowed ? 'SufficientPods' : 'InsufficientPods',
          message: '',
          observedGeneration: pdb.metadata.generation ?? 1,
          lastTransitionTime: prev?.status === statusText ? prev.lastTransitionTime : rfc3339(),
        },
      ],
    };
    if (JSON.stringify(status) !== JSON.stringify(pdb.status ?? {})) this.store.update(PDB_KEY, { ...pdb, status } as KObj);
  }
}
