import { age, humanDuration, toMillis } from './age';
import { formatLabelSelector } from './label-selector';
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
    active?: unknown[];
    lastScheduleTime?: Timestamp;
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
