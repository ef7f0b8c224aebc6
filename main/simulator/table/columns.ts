import {
  age,
  containerCells,
  cronJobLastSchedule,
  deploymentReady,
  formatLabels,
  formatLabelSelector,
  jobCompletions,
  jobDuration,
  jobStatus,
  nodeRoles,
  nodeStatus,
  nodeWideColumns,
  podColumns,
  podWideColumns,
  serviceColumns,
  persistentVolumeCells,
  persistentVolumeClaimCells,
  storageClassCells,
  ingressCells,
  describeNetworkPolicy,
  daemonSetNodeSelector,
  statefulSetReady,
  cronJobSuspend,
  type Ingress,
  type NetworkPolicy,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
  type LabelSelectorSpec,
  type Node,
  type Pod,
  type Service,
  type Workload,
} from '../../kube';
import type { KObj } from '../objects';

// The server-side printers: column definitions and cells per kind, as
// kubernetes/pkg/printers/internalversion/printers.go registers them (1.32). The cell
// logic lives in main/kube so Berth's views print the same thing.

export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export type Cell = string | number | boolean;

export interface Printer {
  columns: ColumnDefinition[];
  cells(obj: KObj, now: number): Cell[];
}

const col = (name: string, type = 'string', priority = 0, format = ''): ColumnDefinition => ({ name, type, format, description: '', priority });
const NAME = { ...col('Name', 'string', 0, 'name'), description: 'Name must be unique within a namespace.' };
const AGE = { ...col('Age'), description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' };

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- printers read arbitrary JSON paths
const L = (o: KObj): Loose => o as Loose;
const created = (o: KObj, now: number): string => age(o.metadata.creationTimestamp, now);
const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

const pod: Printer = {
  columns: [NAME, col('Ready'), col('Status'), col('Restarts'), AGE, col('IP', 'string', 1), col('Node', 'string', 1), col('Nominated Node', 'string', 1), col('Readiness Gates', 'string', 1)],
  cells(o, now) {
    const c = podColumns(o as Pod, now);
    const w = podWideColumns(o as Pod);
    return [o.metadata.name, c.ready, c.status, c.restarts, created(o, now), w.ip, w.node, w.nominatedNode, w.readinessGates];
  },
};

const node: Printer = {
  columns: [NAME, col('Status'), col('Roles'), AGE, col('Version'), col('Internal-IP', 'string', 1), col('External-IP', 'string', 1), col('OS-Image', 'string', 1), col('Kernel-Version', 'string', 1), col('Container-Runtime', 'string', 1)],
  cells(o, now) {
    const w = nodeWideColumns(o as Node);
    return [o.metadata.name, nodeStatus(o as Node), nodeRoles(o as Node), created(o, now), L(o).status?.nodeInfo?.kubeletVersion ?? '', w.internalIP, w.externalIP, w.osImage, w.kernelVersion, w.containerRuntime];
  },
};

const service: Printer = {
  columns: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE, col('Selector', 'string', 1)],
  cells(o, now) {
    const c = serviceColumns(o as Service, true);
    return [o.metadata.name, c.type, c.clusterIP, c.externalIP, c.ports, created(o, now), formatLabels(L(o).spec?.selector)];
  },
};

const wideWorkload = (o: KObj, selector: LabelSelectorSpec | undefined, tpl: Loose | undefined): Cell[] => {
  const c = containerCells(tpl?.spec?.containers);
  return [c.containers, c.images, formatLabelSelector(selector)];
};
const CONTAINERS = [col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)];

const deployment: Printer = {
  columns: [NAME, col('Ready'), col('Up-to-date'), col('Available'), AGE, ...CONTAINERS],
  cells(o, now) {
    const d = L(o);
    return [o.metadata.name, deploymentReady(o as Workload), n(d.status?.updatedReplicas), n(d.status?.availableReplicas), created(o, now), ...wideWorkload(o, d.spec?.selector, d.spec?.template)];
  },
};

const replicaSet: Printer = {
  columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE, ...CONTAINERS],
  cells(o, now) {
    const d = L(o);
    return [o.metadata.name, n(d.spec?.replicas), n(d.status?.replicas), n(d.status?.readyReplicas), created(o, now), ...wideWorkload(o, d.spec?.selector, d.spec?.template)];
  },
};

const replicationController: Printer = {
  columns: replicaSet.columns,
  cells(o, now) {
    const d = L(o);
    const c = containerCells(d.spec?.template?.spec?.containers);
    return [o.metadata.name, n(d.spec?.replicas), n(d.status?.replicas), n(d.status?.readyReplicas), created(o, now), c.containers, c.images, formatLabels(d.spec?.selector)];
  },
};

const daemonSet: Printer = {
  columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Up-to-date', 'integer'), col('Available', 'integer'), col('Node Selector'), AGE, ...CONTAINERS],
  cells(o, now) {
    const d = L(o);
    const s = d.status ?? {};
    return [o.metadata.name, n(s.desiredNumberScheduled), n(s.currentNumberScheduled), n(s.numberReady), n(s.updatedNumberScheduled), n(s.numberAvailable), daemonSetNodeSelector(o as Workload), created(o, now), ...wideWorkload(o, d.spec?.selector, d.spec?.template)];
  },
};

const statefulSet: Printer = {
  columns: [NAME, col('Ready'), AGE, col('Containers', 'string', 1), col('Images', 'string', 1)],
  cells(o, now) {
    const d = L(o);
    const c = containerCells(d.spec?.template?.spec?.containers);
    return [o.metadata.name, statefulSetReady(o as Workload), created(o, now), c.containers, c.images];
  },
};

const job: Printer = {
  columns: [NAME, col('Status'), col('Completions'), col('Duration'), AGE, ...CONTAINERS],
  cells(o, now) {
    const d = L(o);
    return [o.metadata.name, jobStatus(o as Workload), jobCompletions(o as Workload), jobDuration(o as Workload, now), created(o, now), ...wideWorkload(o, d.spec?.selector, d.spec?.template)];
  },
};

const cronJob: Printer = {
  columns: [NAME, col('Schedule'), col('Timezone'), col('Suspend', 'boolean'), col('Active', 'integer'), col('Last Schedule'), AGE, ...CONTAINERS],
  cells(o, now) {
    const d = L(o);
    const tpl = d.spec?.jobTemplate?.spec;
    return [o.metadata.name, d.spec?.schedule ?? '', d.spec?.timeZone ?? '<none>', cronJobSuspend(o as Workload), (d.status?.active ?? []).length, cronJobLastSchedule(o as Workload, now), created(o, now), ...wideWorkload(o, tpl?.selector, tpl?.template)];
  },
};

// printers.go formatEndpoints: up to three host:port pairs, then "+ N more...".
function formatEndpoints(o: Loose): string {
  const subsets: Loose[] = o.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addrs: Loose[] = ss.addresses ?? [];
    const ports: Loose[] = ss.ports ?? [];
    if (ports.length === 0) {
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(a.ip);
      continue;
    }
    for (const p of ports) {
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(String(a.ip).includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
    }
  }
  const ret = list.join(',');
  return count > 3 ? `${ret} + ${count - 3} more...` : ret;
}

function listWithMore(items: string[]): string {
  const shown = items.slice(0, 3).join(',');
  if (items.length > 3) return `${shown} + ${items.length - 3} more...`;
  return shown || '<unset>';
}

const endpoints: Printer = {
  columns: [NAME, col('Endpoints'), AGE],
  cells: (o, now) => [o.metadata.name, formatEndpoints(L(o)), created(o, now)],
};

const endpointSlice: Printer = {
  columns: [NAME, col('AddressType'), col('Ports'), col('Endpoints'), AGE],
  cells(o, now) {
    const d = L(o);
    const ports = ((d.ports ?? []) as Loose[]).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
    const addrs = ((d.endpoints ?? []) as Loose[]).flatMap((e) => e.addresses ?? []);
    return [o.metadata.name, d.addressType ?? '', listWithMore(ports), listWithMore(addrs), created(o, now)];
  },
};

const namespace: Printer = {
  columns: [NAME, col('Status'), AGE],
  cells: (o, now) => [o.metadata.name, L(o).status?.phase ?? '', created(o, now)],
};

const configMap: Printer = {
  columns: [NAME, col('Data', 'string'), AGE],
  cells: (o, now) => [o.metadata.name, Object.keys(L(o).data ?? {}).length + Object.keys(L(o).binaryData ?? {}).length, created(o, now)],
};

const secret: Printer = {
  columns: [NAME, col('Type'), col('Data', 'string'), AGE],
  cells: (o, now) => [o.metadata.name, L(o).type ?? 'Opaque', Object.keys(L(o).data ?? {}).length, created(o, now)],
};

const serviceAccount: Printer = {
  columns: [NAME, col('Secrets', 'string'), AGE],
  cells: (o, now) => [o.metadata.name, (L(o).secrets ?? []).length, created(o, now)],
};

const persistentVolume: Printer = {
  columns: [NAME, col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'), col('StorageClass'), col('VolumeAttributesClass'), col('Reason'), AGE, col('VolumeMode', 'string', 1)],
  cells(o, now) {
    const c = persistentVolumeCells(o as PersistentVolume);
    return [o.metadata.name, c.capacity, c.accessModes, c.reclaimPolicy, c.status, c.claim, c.storageClass, c.volumeAttributesClass, c.reason, created(o, now), c.volumeMode];
  },
};

const persistentVolumeClaim: Printer = {
  columns: [NAME, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), col('VolumeAttributesClass'), AGE, col('VolumeMode', 'string', 1)],
  cells(o, now) {
    const c = persistentVolumeClaimCells(o as PersistentVolumeClaim);
    return [o.metadata.name, c.status, c.volume, c.capacity, c.accessModes, c.storageClass, c.volumeAttributesClass, created(o, now), c.volumeMode];
  },
};

const storageClass: Printer = {
  columns: [NAME, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), AGE],
  cells(o, now) {
    const c = storageClassCells(o as StorageClass);
    return [c.name, c.provisioner, c.reclaimPolicy, c.volumeBindingMode, c.allowVolumeExpansion, created(o, now)];
  },
};

const ingress: Printer = {
  columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE],
  cells(o, now) {
    const c = ingressCells(o as Ingress);
    return [o.metadata.name, c.class, c.hosts, c.address, c.ports, created(o, now)];
  },
};

// printPodDisruptionBudget: "N/A" for the bound that is not set.
const podDisruptionBudget: Printer = {
  columns: [NAME, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions', 'integer'), AGE],
  cells(o, now) {
    const d = L(o);
    const v = (x: unknown): string => (x === undefined || x === null ? 'N/A' : String(x));
    return [o.metadata.name, v(d.spec?.minAvailable), v(d.spec?.maxUnavailable), n(d.status?.disruptionsAllowed), created(o, now)];
  },
};

const ingressClass: Printer = {
  columns: [NAME, col('Controller'), col('Parameters'), AGE],
  cells: (o, now) => [o.metadata.name, L(o).spec?.controller ?? '', '<none>', created(o, now)],
};

const networkPolicy: Printer = {
  columns: [NAME, col('Pod-Selector'), AGE],
  cells: (o, now) => [o.metadata.name, describeNetworkPolicy(o as NetworkPolicy).podSelector, created(o, now)],
};

const resourceQuota: Printer = {
  columns: [NAME, col('Request'), col('Limit'), AGE],
  cells(o, now) {
    const d = L(o);
    const hard: Record<string, string> = d.status?.hard ?? d.spec?.hard ?? {};
    const used: Record<string, string> = d.status?.used ?? {};
    const fmt = (keys: string[]): string => keys.sort().map((k) => `${k}: ${used[k] ?? '0'}/${hard[k]}`).join(', ');
    const limitKeys = Object.keys(hard).filter((k) => k.startsWith('limits.'));
    return [o.metadata.name, fmt(Object.keys(hard).filter((k) => !k.startsWith('limits.'))), fmt(limitKeys), created(o, now)];
  },
};

const controllerRevision: Printer = {
  columns: [NAME, col('Controller'), col('Revision', 'string'), AGE],
  cells(o, now) {
    const owner = o.metadata.ownerReferences?.find((r) => r.controller);
    const ctl = owner ? `${owner.kind.toLowerCase()}.${owner.apiVersion.split('/')[0]}/${owner.name}` : '<none>';
    return [o.metadata.name, ctl, Number(L(o).revision ?? 0), created(o, now)];
  },
};

function eventCells(o: KObj, now: number, v1: boolean): Cell[] {
  const d = L(o);
  const regarding = v1 ? d.regarding : d.involvedObject;
  const first = v1 ? d.deprecatedFirstTimestamp : d.firstTimestamp;
  const lastRaw = v1 ? d.deprecatedLastTimestamp : d.lastTimestamp;
  const firstText = first ? age(first, now) : age(d.eventTime, now);
  let last = lastRaw ? age(lastRaw, now) : firstText;
  let count = (v1 ? d.deprecatedCount : d.count) ?? 0;
  if (d.series) {
    last = age(d.series.lastObservedTime, now);
    count = d.series.count;
  } else if (!count) count = 1;
  const kind = String(regarding?.kind ?? '').toLowerCase();
  const target = regarding?.name ? `${kind}/${regarding.name}` : kind;
  const source = v1 ? (d.reportingController ?? '') : d.source?.component ? `${d.source.component}${d.source.host ? `, ${d.source.host}` : ''}` : (d.reportingComponent ?? '');
  const message = String((v1 ? d.note : d.message) ?? '').trim();
  return [last, d.type ?? '', d.reason ?? '', target, regarding?.fieldPath ?? '', source, message, firstText, count, o.metadata.name];
}

const EVENT_COLUMNS = [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 'string', 1), col('Source', 'string', 1), col('Message'), col('First Seen', 'string', 1), col('Count', 'string', 1), { ...col('Name', 'string', 1, 'name') }];
const event: Printer = { columns: EVENT_COLUMNS, cells: (o, now) => eventCells(o, now, false) };
const eventV1: Printer = { columns: EVENT_COLUMNS, cells: (o, now) => eventCells(o, now, true) };

// metrics-server has no printer; the generic one (rest.NewDefaultTableConvertor) prints these.
const fallback: Printer = {
  columns: [NAME, { ...col('Created At', 'date'), description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' }],
  cells: (o) => [o.metadata.name, o.metadata.creationTimestamp],
};

const PRINTERS: Record<string, Printer> = {
  'v1/Pod': pod,
  'v1/Node': node,
  'v1/Service': service,
  'v1/Endpoints': endpoints,
  'v1/Namespace': namespace,
  'v1/ConfigMap': configMap,
  'v1/Secret': secret,
  'v1/ServiceAccount': serviceAccount,
  'v1/PersistentVolume': persistentVolume,
  'v1/PersistentVolumeClaim': persistentVolumeClaim,
  'v1/ReplicationController': replicationController,
  'v1/ResourceQuota': resourceQuota,
  'v1/Event': event,
  'events.k8s.io/v1/Event': eventV1,
  'apps/v1/Deployment': deployment,
  'apps/v1/ReplicaSet': replicaSet,
  'apps/v1/DaemonSet': daemonSet,
  'apps/v1/StatefulSet': statefulSet,
  'apps/v1/ControllerRevision': controllerRevision,
  'batch/v1/Job': job,
  'batch/v1/CronJob': cronJob,
  'discovery.k8s.io/v1/EndpointSlice': endpointSlice,
  'networking.k8s.io/v1/Ingress': ingress,
  'networking.k8s.io/v1/IngressClass': ingressClass,
  'networking.k8s.io/v1/NetworkPolicy': networkPolicy,
  'storage.k8s.io/v1/StorageClass': storageClass,
  'policy/v1/PodDisruptionBudget': podDisruptionBudget,
};

export function printerFor(apiVersion: string, kind: string): Printer {
  return PRINTERS[`${apiVersion}/${kind}`] ?? fallback;
}
