// Which of Berth's lists holds an object of a given API `kind`, as owner references, events and
// detail links name it ("ReplicaSet" -> "replicasets"). One table for main and the page; the
// values are the contract's list kinds (checked where they are used as `ListKind`).
const LIST_KIND_BY_API_KIND = {
  Pod: 'pods',
  Node: 'nodes',
  Service: 'services',
  Namespace: 'namespaces',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  ReplicationController: 'replicationcontrollers',
  DaemonSet: 'daemonsets',
  StatefulSet: 'statefulsets',
  Job: 'jobs',
  CronJob: 'cronjobs',
  PersistentVolume: 'persistentvolumes',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  StorageClass: 'storageclasses',
  Ingress: 'ingresses',
  NetworkPolicy: 'networkpolicies',
} as const;

export type ApiListKind = (typeof LIST_KIND_BY_API_KIND)[keyof typeof LIST_KIND_BY_API_KIND];

/** The list kind for an API kind; undefined for kinds Berth has no list of (e.g. "Lease"). */
export function listKindOf(kind: string): ApiListKind | undefined {
  return Object.hasOwn(LIST_KIND_BY_API_KIND, kind) ? LIST_KIND_BY_API_KIND[kind as keyof typeof LIST_KIND_BY_API_KIND] : undefined;
}
