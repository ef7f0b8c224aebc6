import type { ChildQuery, DeploymentReplicaSet, ListKind, ObjectDetail, ObjectRef, OwnerLink, Row } from '../../contract/cluster';
import { changeCauseOf, containerCells, deploymentRollout, formatLabels, formatLabelSelector, listKindOf, revisionOf, type Condition, type KubeObject, type Workload } from '../../kube';
import { controllerOwner } from './workload-rows';

// What an object's detail pane shows beyond its YAML: the owner chain upwards, the list queries
// for the chain downwards, status conditions and, for a deployment, its ReplicaSets with
// revision and change-cause. Pure: the caller passes the informer caches it holds.

export interface DetailLookup {
  /** The object of `kind` at "namespace/name" (or "name"), when that kind's informer holds it. */
  get(kind: ListKind, key: string): KubeObject | undefined;
  /** Every ReplicaSet in the cache (a deployment's are picked by owner uid). */
  replicaSets(): Iterable<KubeObject>;
  rowOf(obj: KubeObject): Row;
}

const iso = (t: unknown): string | undefined => (t instanceof Date ? t.toISOString() : typeof t === 'string' && t ? t : undefined);
const MAX_CHAIN = 6;

/** The owner chain upwards, nearest first; stops where an owner is not (yet) in a cache. */
export function ownerChain(obj: KubeObject, lookup: Pick<DetailLookup, 'get'>): OwnerLink[] {
  const chain: OwnerLink[] = [];
  let cur: KubeObject | undefined = obj;
  while (cur && chain.length < MAX_CHAIN) {
    const owner = controllerOwner(cur);
    if (!owner) break;
    chain.push(owner);
    const kind: ListKind | undefined = listKindOf(owner.kind);
    const next: KubeObject | undefined = kind ? lookup.get(kind, kind === 'nodes' ? owner.name : `${owner.namespace ?? ''}/${owner.name}`) : undefined;
    // A recreated owner with the same name is not this pod's owner.
    cur = next && next.metadata?.uid === owner.uid ? next : undefined;
  }
  return chain;
}

function selectorQuery(kind: string, w: Workload): string {
  const text = kind === 'ReplicationController' ? formatLabels(w.spec?.selector as Record<string, string> | undefined) : formatLabelSelector(w.spec?.selector);
  return text === '<none>' || text === '<error>' ? '' : text;
}

/** Stable JSON (sorted keys) for comparing pod templates. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** deploymentutil.EqualIgnoreHash: templates equal once pod-template-hash is dropped. */
export function sameTemplateIgnoringHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown): unknown => {
    const copy = structuredClone(t ?? {}) as { metadata?: { labels?: Record<string, string> } };
    if (copy.metadata?.labels) {
      delete copy.metadata.labels['pod-template-hash'];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return copy;
  };
  return canonical(strip(a)) === canonical(strip(b));
}

export function deploymentReplicaSets(d: Workload, all: Iterable<KubeObject>): DeploymentReplicaSet[] {
  const uid = d.metadata?.uid;
  const out: DeploymentReplicaSet[] = [];
  for (const obj of all) {
    const rs = obj as Workload;
    if (!uid || controllerOwner(rs)?.uid !== uid) continue;
    const entry: DeploymentReplicaSet = {
      name: rs.metadata?.name ?? '',
      uid: rs.metadata?.uid ?? '',
      revision: revisionOf(rs),
      changeCause: changeCauseOf(rs),
      current: sameTemplateIgnoringHash(rs.spec?.template, d.spec?.template),
      desired: rs.spec?.replicas ?? 0,
      ready: rs.status?.readyReplicas ?? 0,
      available: rs.status?.availableReplicas ?? 0,
      images: containerCells(rs.spec?.template?.spec?.containers).images,
    };
    const created = iso(rs.metadata?.creationTimestamp);
    if (created) entry.createdAt = created;
    out.push(entry);
  }
  return out.sort((a, b) => b.revision - a.revision || a.name.localeCompare(b.name));
}

function conditionsOf(obj: KubeObject): ObjectDetail['conditions'] {
  const conds = ((obj as { status?: { conditions?: Condition[] } }).status?.conditions ?? []) as Condition[];
  return conds.map((c) => {
    const out: ObjectDetail['conditions'][number] = { type: c.type, status: c.status };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    const t = iso(c.lastTransitionTime);
    const u = iso(c.lastUpdateTime);
    if (t) out.lastTransitionTime = t;
    if (u) out.lastUpdateTime = u;
    return out;
  });
}

const resolveIntOrPercent = (v: number | string | undefined, dflt: string): string => (v === undefined ? dflt : String(v));

export function objectDetail(ref: ObjectRef, obj: KubeObject, lookup: DetailLookup): ObjectDetail {
  const w = obj as Workload;
  const kindName = obj.kind ?? '';
  const ns = obj.metadata?.namespace;
  const uid = obj.metadata?.uid ?? '';
  const namespaces = ns ? [ns] : [];
  const children: ChildQuery[] = [];
  const detail: ObjectDetail = { owners: ownerChain(obj, lookup), children, conditions: conditionsOf(obj) };
  if (ref.kind !== 'nodes') detail.row = lookup.rowOf(obj);
  const selector = selectorQuery(kindName, w);
  switch (ref.kind) {
    case 'deployments': {
      const replicaSets = deploymentReplicaSets(w, lookup.replicaSets());
      children.push({ title: 'ReplicaSets', kind: 'replicasets', namespaces, labelSelector: selector, ownerUids: [uid] });
      children.push({ title: 'Pods', kind: 'pods', namespaces, labelSelector: selector, ownerUids: replicaSets.map((r) => r.uid) });
      const rollout = deploymentRollout(w);
      const s = w.status ?? {};
      const strategyType = w.spec?.strategy?.type ?? 'RollingUpdate';
      const strategy: NonNullable<ObjectDetail['deployment']>['strategy'] = { type: strategyType };
      if (strategyType === 'RollingUpdate') {
        strategy.maxSurge = resolveIntOrPercent(w.spec?.strategy?.rollingUpdate?.maxSurge, '25%');
        strategy.maxUnavailable = resolveIntOrPercent(w.spec?.strategy?.rollingUpdate?.maxUnavailable, '25%');
      }
      detail.deployment = {
        strategy,
        minReadySeconds: w.spec?.minReadySeconds ?? 0,
        progressDeadlineSeconds: w.spec?.progressDeadlineSeconds ?? 600,
        revisionHistoryLimit: w.spec?.revisionHistoryLimit ?? 10,
        paused: w.spec?.paused === true,
        rolloutStuck: rollout.stuck,
        replicas: {
          desired: w.spec?.replicas ?? 1,
          current: s.replicas ?? 0,
          updated: s.updatedReplicas ?? 0,
          ready: s.readyReplicas ?? 0,
          available: s.availableReplicas ?? 0,
          unavailable: s.unavailableReplicas ?? 0,
        },
        replicaSets,
      };
      if (rollout.stuckMessage !== undefined) detail.deployment.stuckMessage = rollout.stuckMessage;
      break;
    }
    case 'replicasets':
    case 'replicationcontrollers':
    case 'daemonsets':
    case 'statefulsets':
    case 'jobs':
      children.push({ title: 'Pods', kind: 'pods', namespaces, labelSelector: selector, ownerUids: [uid] });
      break;
    case 'cronjobs':
      children.push({ title: 'Jobs', kind: 'jobs', namespaces, labelSelector: '', ownerUids: [uid] });
      break;
    default:
      break;
  }
  return detail;
}
