import type { KObj } from './objects';

// The resource types the simulated API server serves, as discovery reports them
// (names, short names and categories as a real 1.32 API server lists them).

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  resource: string; // plural, as in the URL
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
  /** Resources served from another resource's storage (events.k8s.io events live with core events). */
  storage?: string;
  /** Computed on read (metrics.k8s.io), never stored. */
  virtual?: boolean;
  /** Field selector keys beyond metadata.name / metadata.namespace, with their values. */
  fields?: (obj: KObj) => Record<string, string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const at = (obj: KObj, ...path: string[]): unknown => {
  let cur: unknown = obj;
  for (const p of path) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
};

// Field selectors each kind's registry supports (pkg/registry/<group>/<kind>/strategy.go *ToSelectableFields).
const podFields = (o: KObj): Record<string, string> => ({
  'spec.nodeName': str(at(o, 'spec', 'nodeName')),
  'spec.restartPolicy': str(at(o, 'spec', 'restartPolicy')),
  'spec.schedulerName': str(at(o, 'spec', 'schedulerName')),
  'spec.serviceAccountName': str(at(o, 'spec', 'serviceAccountName')),
  'spec.hostNetwork': String(at(o, 'spec', 'hostNetwork') === true),
  'status.phase': str(at(o, 'status', 'phase')),
  'status.podIP': str(at(o, 'status', 'podIP')),
  'status.nominatedNodeName': str(at(o, 'status', 'nominatedNodeName')),
});
const eventFields = (o: KObj): Record<string, string> => ({
  'involvedObject.kind': str(at(o, 'involvedObject', 'kind')),
  'involvedObject.namespace': str(at(o, 'involvedObject', 'namespace')),
  'involvedObject.name': str(at(o, 'involvedObject', 'name')),
  'involvedObject.uid': str(at(o, 'involvedObject', 'uid')),
  'involvedObject.apiVersion': str(at(o, 'involvedObject', 'apiVersion')),
  'involvedObject.resourceVersion': str(at(o, 'involvedObject', 'resourceVersion')),
  'involvedObject.fieldPath': str(at(o, 'involvedObject', 'fieldPath')),
  reason: str(at(o, 'reason')),
  reportingComponent: str(at(o, 'reportingComponent')),
  source: str(at(o, 'source', 'component')),
  type: str(at(o, 'type')),
});
// events.k8s.io/v1 names the same fields differently (regarding.*); selectors are evaluated
// on the stored core Event, hence the involvedObject paths.
const eventsV1Fields = (o: KObj): Record<string, string> => ({
  'regarding.kind': str(at(o, 'involvedObject', 'kind')),
  'regarding.namespace': str(at(o, 'involvedObject', 'namespace')),
  'regarding.name': str(at(o, 'involvedObject', 'name')),
  'regarding.uid': str(at(o, 'involvedObject', 'uid')),
  reason: str(at(o, 'reason')),
  reportingController: str(at(o, 'reportingComponent')) || str(at(o, 'source', 'component')),
  type: str(at(o, 'type')),
});

const ALL = ['all'];
const R = (t: ResourceType): ResourceType => t;

export const RESOURCE_TYPES: ResourceType[] = [
  R({ group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], subresources: ['status', 'finalize'], fields: (o) => ({ 'status.phase': str(at(o, 'status', 'phase')) }) }),
  R({ group: '', version: 'v1', resource: 'nodes', singular: 'node', kind: 'Node', namespaced: false, shortNames: ['no'], subresources: ['status', 'proxy'], fields: (o) => ({ 'spec.unschedulable': String(at(o, 'spec', 'unschedulable') === true) }) }),
  R({ group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ALL, subresources: ['status', 'log', 'exec', 'eviction', 'binding', 'ephemeralcontainers', 'portforward', 'proxy', 'attach'], fields: podFields }),
  R({ group: '', version: 'v1', resource: 'services', singular: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ALL, subresources: ['status', 'proxy'] }),
  R({ group: '', version: 'v1', resource: 'endpoints', singular: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'] }),
  R({ group: '', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'], fields: eventFields }),
  R({ group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] }),
  R({ group: '', version: 'v1', resource: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true, fields: (o) => ({ type: str(at(o, 'type')) }) }),
  R({ group: '', version: 'v1', resource: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'], subresources: ['token'] }),
  R({ group: '', version: 'v1', resource: 'persistentvolumes', singular: 'persistentvolume', kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], subresources: ['status'] }),
  R({ group: '', version: 'v1', resource: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', kind: 'PersistentVolumeClaim', namespaced: true, shortNames: ['pvc'], subresources: ['status'] }),
  R({ group: '', version: 'v1', resource: 'replicationcontrollers', singular: 'replicationcontroller', kind: 'ReplicationController', namespaced: true, shortNames: ['rc'], categories: ALL, subresources: ['scale', 'status'] }),
  R({ group: '', version: 'v1', resource: 'resourcequotas', singular: 'resourcequota', kind: 'ResourceQuota', namespaced: true, shortNames: ['quota'], subresources: ['status'] }),
  R({ group: '', version: 'v1', resource: 'limitranges', singular: 'limitrange', kind: 'LimitRange', namespaced: true, shortNames: ['limits'] }),
  R({ group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ALL, subresources: ['scale', 'status'] }),
  R({ group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], categories: ALL, subresources: ['scale', 'status'] }),
  R({ group: 'apps', version: 'v1', resource: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], categories: ALL, subresources: ['status'] }),
  R({ group: 'apps', version: 'v1', resource: 'statefulsets', singular: 'statefulset', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], categories: ALL, subresources: ['scale', 'status'] }),
  R({ group: 'apps', version: 'v1', resource: 'controllerrevisions', singular: 'controllerrevision', kind: 'ControllerRevision', namespaced: true }),
  R({ group: 'batch', version: 'v1', resource: 'jobs', singular: 'job', kind: 'Job', namespaced: true, categories: ALL, subresources: ['status'] }),
  R({ group: 'batch', version: 'v1', resource: 'cronjobs', singular: 'cronjob', kind: 'CronJob', namespaced: true, shortNames: ['cj'], categories: ALL, subresources: ['status'] }),
  R({ group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', namespaced: true }),
  R({ group: 'events.k8s.io', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'], storage: 'events', fields: eventsV1Fields }),
  R({ group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', singular: 'ingress', kind: 'Ingress', namespaced: true, shortNames: ['ing'], subresources: ['status'] }),
  R({ group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', singular: 'ingressclass', kind: 'IngressClass', namespaced: false }),
  R({ group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', singular: 'networkpolicy', kind: 'NetworkPolicy', namespaced: true, shortNames: ['netpol'] }),
  R({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', singular: 'poddisruptionbudget', kind: 'PodDisruptionBudget', namespaced: true, shortNames: ['pdb'], subresources: ['status'] }),
  R({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', singular: 'storageclass', kind: 'StorageClass', namespaced: false, shortNames: ['sc'] }),
  R({ group: 'metrics.k8s.io', version: 'v1beta1', resource: 'nodes', singular: '', kind: 'NodeMetrics', namespaced: false, virtual: true }),
  R({ group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', singular: '', kind: 'PodMetrics', namespaced: true, virtual: true }),
  // Served only when the scenario turns RBAC on (http/server.ts groupServed): the check-up asks for the group.
  R({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', singular: 'clusterrole', kind: 'ClusterRole', namespaced: false }),
  R({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', singular: 'clusterrolebinding', kind: 'ClusterRoleBinding', namespaced: false }),
  R({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', singular: 'role', kind: 'Role', namespaced: true }),
  R({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', singular: 'rolebinding', kind: 'RoleBinding', namespaced: true }),
];

/** The storage key of a resource type: "pods", "apps/deployments". */
export const storageKey = (t: ResourceType): string => t.storage ?? (t.group ? `${t.group}/${t.resource}` : t.resource);
export const apiVersionOf = (t: ResourceType): string => (t.group ? `${t.group}/${t.version}` : t.version);

const byPath = new Map<string, ResourceType>();
const byKey = new Map<string, ResourceType>();
for (const t of RESOURCE_TYPES) {
  byPath.set(`${apiVersionOf(t)}/${t.resource}`, t);
  if (!t.storage && !t.virtual) byKey.set(storageKey(t), t);
}

export function findResource(group: string, version: string, resource: string): ResourceType | undefined {
  return byPath.get(`${group ? `${group}/` : ''}${version}/${resource}`);
}

/** The stored type for a storage key, e.g. "apps/deployments". */
export function resourceByKey(key: string): ResourceType {
  const t = byKey.get(key);
  if (!t) throw new Error(`unknown resource ${key}`);
  return t;
}

export function resourceForKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind && !t.storage && !t.virtual);
}

/** Every field a selector may use on this type, with the object's values. */
export function selectableFields(t: ResourceType, obj: KObj): Record<string, string> {
  const base: Record<string, string> = { 'metadata.name': obj.metadata.name };
  if (t.namespaced) base['metadata.namespace'] = obj.metadata.namespace ?? '';
  return t.fields ? { ...base, ...t.fields(obj) } : base;
}

export function supportedFieldNames(t: ResourceType, sample: KObj): string[] {
  return Object.keys(selectableFields(t, sample));
}
