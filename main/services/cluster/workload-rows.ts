import type { CronJobRow, DaemonSetRow, DeploymentRow, JobRow, ReplicaSetRow, ReplicationControllerRow, StatefulSetRow } from '../../contract/cluster';
import {
  changeCauseOf,
  containerCells,
  cronJobSuspend,
  daemonSetNodeSelector,
  deploymentReady,
  deploymentRollout,
  jobCompletions,
  jobStatus,
  revisionOf,
  statefulSetReady,
  workloadSelector,
  type KubeObject,
  type Timestamp,
  type Workload,
} from '../../kube';
import { rowBase } from './row-base';

// Rows of the workload kinds: kubectl's `-o wide` cells from main/kube (the simulator's Table
// output prints the same), plus the controller owner and the counts a detail header shows.

const iso = (t: Timestamp | undefined): string | undefined => (t === undefined ? undefined : t instanceof Date ? t.toISOString() : t);

/** The controller ownerReference, with its uid (open the owner, or list siblings by it). */
export function controllerOwner(obj: KubeObject): { kind: string; name: string; uid: string; namespace?: string } | undefined {
  const refs = obj.metadata?.ownerReferences ?? [];
  const ref = refs.find((o) => o.controller) ?? refs[0];
  if (!ref) return undefined;
  const out: { kind: string; name: string; uid: string; namespace?: string } = { kind: ref.kind, name: ref.name, uid: ref.uid };
  if (obj.metadata?.namespace) out.namespace = obj.metadata.namespace;
  return out;
}

function templateCells(kind: string, w: Workload, containers = w.spec?.template?.spec?.containers) {
  const c = containerCells(containers);
  const owner = controllerOwner(w);
  return { containers: c.containers, images: c.images, selector: workloadSelector(kind, w), ...(owner ? { owner } : {}) };
}

export function deploymentRow(d: Workload): DeploymentRow {
  const s = d.status ?? {};
  const desired = d.spec?.replicas ?? 1;
  const rollout = deploymentRollout(d);
  return {
    kind: 'deployments',
    ...rowBase(d),
    ready: deploymentReady(d),
    upToDate: s.updatedReplicas ?? 0,
    available: s.availableReplicas ?? 0,
    ...templateCells('Deployment', d),
    replicas: {
      desired,
      current: s.replicas ?? 0,
      updated: s.updatedReplicas ?? 0,
      ready: s.readyReplicas ?? 0,
      available: s.availableReplicas ?? 0,
      unavailable: s.unavailableReplicas ?? 0,
    },
    paused: d.spec?.paused === true,
    rolloutStuck: rollout.stuck,
    rollingOut: rollout.rollingOut,
    revision: d.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '',
    strategy: d.spec?.strategy?.type ?? 'RollingUpdate',
  };
}

export function replicaSetRow(rs: Workload): ReplicaSetRow {
  const revision = revisionOf(rs);
  return {
    kind: 'replicasets',
    ...rowBase(rs),
    desired: rs.spec?.replicas ?? 0,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    ...templateCells('ReplicaSet', rs),
    revision: revision ? String(revision) : '',
    changeCause: changeCauseOf(rs),
  };
}

export function replicationControllerRow(rc: Workload): ReplicationControllerRow {
  return {
    kind: 'replicationcontrollers',
    ...rowBase(rc),
    desired: rc.spec?.replicas ?? 0,
    current: rc.status?.replicas ?? 0,
    ready: rc.status?.readyReplicas ?? 0,
    ...templateCells('ReplicationController', rc),
  };
}

export function daemonSetRow(ds: Workload): DaemonSetRow {
  const s = ds.status ?? {};
  return {
    kind: 'daemonsets',
    ...rowBase(ds),
    desired: s.desiredNumberScheduled ?? 0,
    current: s.currentNumberScheduled ?? 0,
    ready: s.numberReady ?? 0,
    upToDate: s.updatedNumberScheduled ?? 0,
    available: s.numberAvailable ?? 0,
    nodeSelector: daemonSetNodeSelector(ds),
    ...templateCells('DaemonSet', ds),
  };
}

export function statefulSetRow(sts: Workload): StatefulSetRow {
  const s = sts.status ?? {};
  return {
    kind: 'statefulsets',
    ...rowBase(sts),
    ready: statefulSetReady(sts),
    replicas: { desired: sts.spec?.replicas ?? 1, current: s.currentReplicas ?? s.replicas ?? 0, updated: s.updatedReplicas ?? 0, ready: s.readyReplicas ?? 0, available: s.availableReplicas ?? 0 },
    ...templateCells('StatefulSet', sts),
  };
}

export function jobRow(job: Workload): JobRow {
  const s = job.status ?? {};
  const row: JobRow = {
    kind: 'jobs',
    ...rowBase(job),
    status: jobStatus(job),
    completions: jobCompletions(job),
    active: typeof s.active === 'number' ? s.active : Array.isArray(s.active) ? s.active.length : 0,
    failed: s.failed ?? 0,
    suspended: job.spec?.suspend === true,
    ...templateCells('Job', job),
  };
  const start = iso(s.startTime);
  const end = iso(s.completionTime);
  if (start) row.startTime = start;
  if (end) row.completionTime = end;
  return row;
}

export function cronJobRow(cj: Workload): CronJobRow {
  const s = cj.status ?? {};
  const row: CronJobRow = {
    kind: 'cronjobs',
    ...rowBase(cj),
    schedule: cj.spec?.schedule ?? '',
    timezone: cj.spec?.timeZone ?? '<none>',
    suspend: cronJobSuspend(cj),
    suspended: cj.spec?.suspend === true,
    active: Array.isArray(s.active) ? s.active.length : 0,
    ...templateCells('CronJob', cj, cj.spec?.jobTemplate?.spec?.template?.spec?.containers),
  };
  const last = iso(s.lastScheduleTime);
  const ok = iso(s.lastSuccessfulTime);
  if (last) row.lastScheduleTime = last;
  if (ok) row.lastSuccessfulTime = ok;
  return row;
}
