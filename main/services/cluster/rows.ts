import { sortColumns, type EventRow, type ListKind, type NamespaceRow, type NodeRow, type PodRow, type Row, type ServiceRow } from '../../contract/cluster';
import {
  formatLabels,
  parseQuantity,
  nodeRoles,
  nodeStatus,
  nodeWideColumns,
  podColumns,
  serviceColumns,
  toMillis,
  type KubeObject,
  type Node,
  type Pod,
  type Service,
} from '../../kube';
import { bytes, millicores } from './quantity';
import { rowBase } from './row-base';
import { ingressRow, networkPolicyRow, persistentVolumeClaimRow, persistentVolumeRow, storageClassRow } from './storage-network-rows';
import { cronJobRow, daemonSetRow, deploymentRow, jobRow, replicaSetRow, replicationControllerRow, statefulSetRow } from './workload-rows';

// The rows a view shows, built with the shared column logic in main/kube (the same cells kubectl
// prints), plus the values views sort and search on. Rows are cached per object (objects are
// replaced, never mutated, when the server changes them), so 150,000 pods are turned into
// rows once and then only as they change.

export interface NodeLoad {
  cpu: number;
  memory: number;
  pods: number;
}

export interface RowContext {
  /** Requests of the pods on each node (bin packing), kept by the pod informer's index. */
  nodeLoad(name: string): NodeLoad;
  /** From metrics-server, when it answers. */
  nodeUsage(name: string): { cpu: number; memory: number } | undefined;
}

// Statuses a person should look at. Running/Completed/Succeeded/ContainerCreating/Terminating are fine.
const FINE = new Set(['Running', 'Completed', 'Succeeded', 'ContainerCreating', 'PodInitializing', 'Terminating', 'Pending']);

export function podRow(pod: Pod, now: number = Date.now()): PodRow {
  const cols = podColumns(pod, now);
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  // Rows are built for every pod event (2,000/s at scale): plain loops, no throwaway arrays.
  const ips: string[] = [];
  for (const p of pod.status?.podIPs ?? []) if (p.ip) ips.push(p.ip);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  const slash = cols.ready.indexOf('/');
  const row: PodRow = {
    kind: 'pods',
    ...rowBase(pod),
    ready: cols.ready,
    status: cols.status,
    restarts: cols.restarts,
    ips,
    node: pod.spec?.nodeName ?? '',
    problem: !FINE.has(cols.status) || (cols.status === 'Running' && cols.ready.slice(0, slash) !== cols.ready.slice(slash + 1)),
    terminating: pod.metadata?.deletionTimestamp !== undefined && pod.metadata?.deletionTimestamp !== null,
  };
  if (owner) row.owner = { kind: owner.kind, name: owner.name, uid: owner.uid };
  return row;
}

export function nodeRow(node: Node, ctx: RowContext): NodeRow {
  const wide = nodeWideColumns(node);
  const status = (node.status ?? {}) as { capacity?: Record<string, string>; allocatable?: Record<string, string> };
  const name = node.metadata?.name ?? '';
  const load = ctx.nodeLoad(name);
  const usage = ctx.nodeUsage(name);
  const row: NodeRow = {
    kind: 'nodes',
    ...rowBase(node),
    status: nodeStatus(node),
    roles: nodeRoles(node),
    version: node.status?.nodeInfo?.kubeletVersion ?? '',
    internalIP: wide.internalIP,
    externalIP: wide.externalIP,
    osImage: wide.osImage,
    kernel: wide.kernelVersion,
    runtime: wide.containerRuntime,
    cpu: { capacity: millicores(status.capacity?.cpu), allocatable: millicores(status.allocatable?.cpu), requests: load.cpu },
    memory: { capacity: bytes(status.capacity?.memory), allocatable: bytes(status.allocatable?.memory), requests: load.memory },
    pods: { count: load.pods, capacity: Number(status.allocatable?.pods ?? status.capacity?.pods ?? 0) || 0 },
    taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    unschedulable: node.spec?.unschedulable === true,
  };
  if (usage) {
    row.cpu.usage = usage.cpu;
    row.memory.usage = usage.memory;
  }
  return row;
}

export function serviceRow(svc: Service): ServiceRow {
  const cols = serviceColumns(svc);
  const ips = svc.spec?.clusterIPs?.length ? svc.spec.clusterIPs : svc.spec?.clusterIP ? [svc.spec.clusterIP] : [];
  return {
    kind: 'services',
    ...rowBase(svc),
    type: cols.type,
    clusterIPs: ips,
    externalIP: cols.externalIP,
    ports: cols.ports,
    // kubectl's SELECTOR column: sorted k=v, <none> when empty.
    selector: formatLabels(svc.spec?.selector),
  };
}

export function namespaceRow(ns: KubeObject & { status?: { phase?: string } }): NamespaceRow {
  return { kind: 'namespaces', ...rowBase(ns), status: ns.status?.phase ?? 'Active' };
}

interface KubeEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  regarding?: { kind?: string; name?: string; namespace?: string; uid?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingController?: string;
}

const iso = (t: unknown): string | undefined => (t instanceof Date ? t.toISOString() : typeof t === 'string' && t ? t : undefined);

export function eventLastSeen(ev: KubeEvent): string | undefined {
  return iso(ev.series?.lastObservedTime) ?? iso(ev.lastTimestamp) ?? iso(ev.eventTime) ?? iso(ev.firstTimestamp) ?? iso(ev.metadata?.creationTimestamp);
}

/** kubectl's FIRST SEEN: firstTimestamp, else eventTime. */
export function eventFirstSeen(ev: KubeEvent): string | undefined {
  return iso(ev.firstTimestamp) ?? iso(ev.eventTime) ?? iso(ev.metadata?.creationTimestamp);
}

/** kubectl's SOURCE cell: "component, host", else the reporting component. */
export function eventSource(ev: KubeEvent): string {
  if (ev.source?.component) return ev.source.host ? `${ev.source.component}, ${ev.source.host}` : ev.source.component;
  return ev.reportingComponent ?? ev.reportingController ?? '';
}

export function eventRow(ev: KubeEvent): EventRow {
  const involved = ev.involvedObject ?? ev.regarding ?? {};
  const row: EventRow = {
    kind: 'events',
    ...rowBase(ev),
    type: ev.type ?? 'Normal',
    reason: ev.reason ?? '',
    object: `${(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
    message: ev.message ?? '',
    count: ev.series?.count ?? ev.count ?? 1,
  };
  const last = eventLastSeen(ev);
  if (last) row.lastSeen = last;
  const first = eventFirstSeen(ev);
  if (first) row.firstSeen = first;
  const source = eventSource(ev);
  if (source) row.source = source;
  if (involved.kind || involved.name) {
    row.involved = { kind: involved.kind ?? '', name: involved.name ?? '' };
    if (involved.namespace) row.involved.namespace = involved.namespace;
    if (involved.uid) row.involved.uid = involved.uid;
  }
  return row;
}

export function involvedObject(ev: KubeObject): { kind?: string; name?: string; namespace?: string; uid?: string } {
  const e = ev as KubeEvent;
  return e.involvedObject ?? e.regarding ?? {};
}

export const sortableColumns: Record<ListKind, readonly string[]> = sortColumns;

/**
 * The value a row sorts on for a column. AGE sorts by age (youngest first when ascending, as
 * people read "ascending age"), READY by the ready fraction, RESTARTS by the count.
 * Must only depend on the object, not on the clock: views find rows again by it.
 */
export function sortValue(row: Row, column: string): string | number {
  switch (column) {
    case 'namespace':
      return row.namespace ?? '';
    case 'age':
      return -(toMillis(row.createdAt) ?? 0);
    case 'name':
      return row.name;
  }
  switch (row.kind) {
    case 'pods':
      if (column === 'ready') {
        const [a, b] = row.ready.split('/').map(Number);
        return b ? (a ?? 0) / b : 0;
      }
      if (column === 'restarts') return Number.parseInt(row.restarts, 10) || 0;
      if (column === 'ip') return row.ips[0] ?? '';
      if (column === 'status' || column === 'node') return row[column];
      break;
    case 'nodes':
      if (column === 'cpu' || column === 'memory') return row[column].allocatable ? row[column].requests / row[column].allocatable : 0;
      if (column === 'pods') return row.pods.count;
      if (['status', 'roles', 'version', 'internalIP', 'externalIP', 'osImage', 'kernel', 'runtime'].includes(column)) return row[column as 'status'];
      break;
    case 'services':
      if (column === 'clusterIP') return row.clusterIPs[0] ?? '';
      if (['type', 'externalIP', 'ports', 'selector'].includes(column)) return row[column as 'type'];
      break;
    case 'namespaces':
      if (column === 'status') return row.status;
      break;
    case 'events':
      if (column === 'lastSeen') return -(toMillis(row.lastSeen) ?? 0);
      if (column === 'firstSeen') return -(toMillis(row.firstSeen) ?? 0);
      if (column === 'count') return row.count;
      if (column === 'source') return row.source ?? '';
      if (['type', 'reason', 'object'].includes(column)) return row[column as 'type'];
      break;
    case 'deployments':
    case 'statefulsets':
      if (column === 'ready') return fraction(row.ready);
      break;
    case 'jobs':
      if (column === 'duration') {
        // Clock-free: finished jobs by their run time, running ones after them by start (earliest = longest).
        const start = toMillis(row.startTime);
        if (start === undefined) return -1;
        const end = toMillis(row.completionTime);
        return end !== undefined ? end - start : Number.MAX_SAFE_INTEGER / 2 - start;
      }
      if (column === 'completions') return fraction(row.completions);
      break;
    case 'cronjobs':
      if (column === 'lastSchedule') return -(toMillis(row.lastScheduleTime) ?? 0);
      break;
    case 'persistentvolumes':
    case 'persistentvolumeclaims':
      if (column === 'capacity') return parseQuantity(row.capacity) ?? 0;
      break;
  }
  const value = (row as unknown as Record<string, unknown>)[column];
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return row.name;
}

/**
 * sortValue for the columns read straight from the object (namespace, name, age), without its
 * row; undefined for the others. Must equal sortValue(row, column) for the object's row.
 */
export function objectSortValue(obj: KubeObject, column: string): string | number | undefined {
  switch (column) {
    case 'namespace':
      return obj.metadata?.namespace ?? '';
    case 'name':
      return obj.metadata?.name ?? '';
    case 'age':
      return -(toMillis(obj.metadata?.creationTimestamp || undefined) ?? 0);
  }
  return undefined;
}

/** "2/3" (and "1/1 of 3") as 2/3, for sorting READY and COMPLETIONS. */
function fraction(text: string): number {
  const [a, b] = text.split(/[/ ]/).map(Number);
  return b ? (a ?? 0) / b : 0;
}

/** Lower-case text a search matches: name, namespace, and the node and IPs where shown. */
export function searchText(row: Row): string {
  const parts = [row.name, row.namespace ?? ''];
  if (row.kind === 'pods') parts.push(row.node, ...row.ips, row.status);
  else if (row.kind === 'nodes') parts.push(row.internalIP, row.externalIP, row.roles);
  else if (row.kind === 'services') parts.push(...row.clusterIPs, row.externalIP, row.type);
  else if (row.kind === 'events') parts.push(row.reason, row.object, row.message);
  else if ('images' in row) parts.push(row.images, row.selector);
  else if (row.kind === 'persistentvolumes') parts.push(row.claim, row.storageClass, row.status);
  else if (row.kind === 'persistentvolumeclaims') parts.push(row.volume, row.storageClass, row.status);
  else if (row.kind === 'storageclasses') parts.push(row.provisioner);
  else if (row.kind === 'ingresses') parts.push(row.hosts, row.address, ...row.rules.map((r) => r.backend));
  else if (row.kind === 'networkpolicies') parts.push(row.podSelector);
  return parts.join('\u0000').toLowerCase();
}

const ROW_BUILDERS: Record<string, (obj: KubeObject) => Row> = {
  Pod: (o) => podRow(o as Pod),
  Service: (o) => serviceRow(o as Service),
  Namespace: (o) => namespaceRow(o),
  Event: (o) => eventRow(o),
  Deployment: (o) => deploymentRow(o),
  ReplicaSet: (o) => replicaSetRow(o),
  ReplicationController: (o) => replicationControllerRow(o),
  DaemonSet: (o) => daemonSetRow(o),
  StatefulSet: (o) => statefulSetRow(o),
  Job: (o) => jobRow(o),
  CronJob: (o) => cronJobRow(o),
  PersistentVolume: (o) => persistentVolumeRow(o),
  PersistentVolumeClaim: (o) => persistentVolumeClaimRow(o),
  StorageClass: (o) => storageClassRow(o),
  Ingress: (o) => ingressRow(o),
  NetworkPolicy: (o) => networkPolicyRow(o),
};

/** The row of any object but a node (node rows need the pods' load: nodeRow). */
export function rowFor(obj: KubeObject): Row {
  const build = ROW_BUILDERS[obj.kind ?? ''] ?? ROW_BUILDERS.Event!;
  return build(obj);
}
