import { age, humanDuration, toMillis } from './age';
import { formatLabels, formatLabelSelector } from './label-selector';
import type { Condition, Container, KubeObject, LabelSelectorSpec, Timestamp } from './types';

// Cells for the workload kinds, ported from printDeployment, printReplicaSet, printDaemonSet,
// printStatefulSet, printJob and printCronJob in kubernetes/pkg/printers/internalversion/printers.go.

interface PodTemplate {
  spec?: { containers?: Container[]; nodeSelector?: Record<string, string> };
}

export interface Workload extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelectorSpec;
    template?: PodTemplate;
    completions?: number;
    parallelism?: number;
    schedule?: string;
    timeZone?: string;
    suspend?: boolean;
    paused?: boolean;
    minReadySeconds?: number;
    progressDeadlineSeconds?: number;
    revisionHistoryLimit?: number;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
    jobTemplate?: { spec?: { selector?: LabelSelectorSpec; template?: PodTemplate } };
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    succeeded?: number;
    startTime?: Timestamp;
    completionTime?: Timestamp;
    conditions?: Condition[];
    /** A Job counts its active pods; a CronJob lists its active Jobs. */
    active?: unknown[] | number;
    lastScheduleTime?: Timestamp;
    lastSuccessfulTime?: Timestamp;
    observedGeneration?: number;
    unavailableReplicas?: number;
    currentReplicas?: number;
    failed?: number;
  };
}

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(containers: Container[] | undefined): { containers: string; images: string } {
  const list = containers ?? [];
  return { containers: list.map((c) => c.name).join(','), images: list.map((c) => c.image ?? '').join(',') };
}

export function deploymentReady(d: Workload): string {
  return `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`;
}

export function selectorText(sel: LabelSelectorSpec | undefined): string {
  return formatLabelSelector(sel);
}

function hasCondition(conds: Condition[] | undefined, type: string): boolean {
  return (conds ?? []).some((c) => c.type === type && c.status === 'True');
}

/** printJob's STATUS cell. */
export function jobStatus(job: Workload): string {
  const conds = job.status?.conditions;
  if (hasCondition(conds, 'Complete')) return 'Complete';
  if (hasCondition(conds, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(conds, 'Suspended')) return 'Suspended';
  if (hasCondition(conds, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** printJob's COMPLETIONS cell: "1/1", "0/1 of 3". */
export function jobCompletions(job: Workload): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** printJob's DURATION cell. */
export function jobDuration(job: Workload, now: number = Date.now()): string {
  const start = toMillis(job.status?.startTime);
  if (start === undefined) return '';
  const end = toMillis(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export function cronJobLastSchedule(cj: Workload, now: number = Date.now()): string {
  return cj.status?.lastScheduleTime ? age(cj.status.lastScheduleTime, now) : '<none>';
}

/** printDaemonSet's NODE SELECTOR cell. */
export function daemonSetNodeSelector(ds: Workload): string {
  return formatLabels(ds.spec?.template?.spec?.nodeSelector);
}

/** printStatefulSet's READY cell: ready/desired. */
export function statefulSetReady(sts: Workload): string {
  return `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`;
}

/** printCronJob's SUSPEND cell: "True"/"False", "<unset>" when the field is absent. */
export function cronJobSuspend(cj: Workload): string {
  if (cj.spec?.suspend === undefined || cj.spec.suspend === null) return '<unset>';
  return cj.spec.suspend ? 'True' : 'False';
}

/**
 * The SELECTOR cell: ReplicationControllers select with a plain map (labels.FormatLabels), the
 * apps/batch kinds with a LabelSelector (metav1.FormatLabelSelector). CronJobs print their job
 * template's selector.
 */
export function workloadSelector(kind: string, w: Workload): string {
  if (kind === 'ReplicationController') return formatLabels(w.spec?.selector as Record<string, string> | undefined);
  if (kind === 'CronJob') return formatLabelSelector(w.spec?.jobTemplate?.spec?.selector);
  return formatLabelSelector(w.spec?.selector);
}

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export function revisionOf(obj: KubeObject): number {
  const n = Number(obj.metadata?.annotations?.[REVISION] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function changeCauseOf(obj: KubeObject): string {
  return obj.metadata?.annotations?.[CHANGE_CAUSE] ?? '';
}

/**
 * Where a deployment's rollout stands, as `kubectl rollout status` judges it
 * (kubectl/pkg/polymorphichelpers/rollout_status.go): stuck when Progressing is False with
 * ProgressDeadlineExceeded; rolling while the controller has not seen the latest spec, or
 * updated/available replicas lag the desired count, or old replicas are still terminating.
 */
export function deploymentRollout(d: Workload): { stuck: boolean; stuckMessage?: string; rollingOut: boolean } {
  const progressing = (d.status?.conditions ?? []).find((c) => c.type === 'Progressing');
  const stuck = progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded';
  const desired = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  const observed = s.observedGeneration ?? 0;
  const generation = d.metadata?.generation ?? 0;
  const paused = d.spec?.paused === true;
  const rollingOut = !paused && (observed < generation || (s.updatedReplicas ?? 0) < desired || (s.replicas ?? 0) > (s.updatedReplicas ?? 0) || (s.availableReplicas ?? 0) < (s.updatedReplicas ?? 0));
  return stuck ? { stuck, stuckMessage: progressing?.message ?? '', rollingOut } : { stuck, rollingOut };
}
