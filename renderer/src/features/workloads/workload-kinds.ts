import type { ListKind, RestartableKind, ScalableKind } from '../../../../main/contract';

export type WorkloadKind = 'deployments' | 'replicasets' | 'replicationcontrollers' | 'daemonsets' | 'statefulsets' | 'jobs' | 'cronjobs';

export interface WorkloadKindInfo {
  /** As Kubernetes names the kind: "Deployment". */
  label: string;
  plural: string;
  /** What deleting with cascade removes too, in words. */
  dependents: string;
}

export const workloadKinds: Record<WorkloadKind, WorkloadKindInfo> = {
  deployments: { label: 'Deployment', plural: 'Deployments', dependents: 'ReplicaSets and their pods' },
  replicasets: { label: 'ReplicaSet', plural: 'ReplicaSets', dependents: 'pods' },
  replicationcontrollers: { label: 'ReplicationController', plural: 'ReplicationControllers', dependents: 'pods' },
  daemonsets: { label: 'DaemonSet', plural: 'DaemonSets', dependents: 'pods' },
  statefulsets: { label: 'StatefulSet', plural: 'StatefulSets', dependents: 'pods' },
  jobs: { label: 'Job', plural: 'Jobs', dependents: 'pods' },
  cronjobs: { label: 'CronJob', plural: 'CronJobs', dependents: 'Jobs and their pods' },
};

export const workloadKindList = Object.keys(workloadKinds) as WorkloadKind[];

const SCALABLE: readonly ListKind[] = ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'] satisfies ScalableKind[];
const RESTARTABLE: readonly ListKind[] = ['deployments', 'daemonsets', 'statefulsets'] satisfies RestartableKind[];

export const isScalable = (kind: ListKind): kind is ScalableKind => SCALABLE.includes(kind);
export const isRestartable = (kind: ListKind): kind is RestartableKind => RESTARTABLE.includes(kind);
