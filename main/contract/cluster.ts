import { z } from 'zod';
import { call, event } from './define';

/** DNS-1123 label (namespaces), per https://kubernetes.io/docs/concepts/overview/working-with-objects/names/ */
export const namespaceName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a namespace name').max(63);
/** DNS-1123 subdomain (most object names). */
export const objectName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'lower-case letters, digits, "-" and ".", starting and ending with a letter or digit');
export const contextName = z.string().min(1).max(253);
export const viewId = z.string().min(1).max(100);

// ---- Connection ----------------------------------------------------------------------------

export const authKind = z.enum(['client-certificate', 'token', 'exec', 'auth-provider', 'basic', 'none']);
export const contextInfo = z.object({
  name: z.string(),
  cluster: z.string(),
  /** The API server's address (scheme, host, port); never credentials. */
  server: z.string(),
  user: z.string(),
  namespace: z.string().optional(),
  authKind,
  /** `insecure-skip-tls-verify: true`: shown as a warning. */
  insecure: z.boolean(),
  /** For exec plugins: the command, and where Berth found it (or did not). */
  exec: z.object({ command: z.string(), resolvedPath: z.string().nullable(), searched: z.array(z.string()) }).optional(),
});

export const connectionState = z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'unauthorized', 'unreachable', 'error']);
export const connectionStatus = z.object({
  context: z.string().nullable(),
  state: connectionState,
  /** Why it is not connected, in plain words, with what to do next. */
  reason: z.string().optional(),
  hint: z.string().optional(),
  serverVersion: z.string().optional(),
  /** When the data last matched the server (ms since epoch). */
  lastSyncAt: z.number().optional(),
});

// ---- Lists (rows for the visible window) ----------------------------------------------------

export const listKind = z.enum(['pods', 'nodes', 'services', 'namespaces', 'events']);
export const sortSpec = z.object({ column: z.string().max(60), direction: z.enum(['asc', 'desc']) });
export const viewQuery = z.object({
  kind: listKind,
  /** Empty: all namespaces. */
  namespaces: z.array(namespaceName).max(200).default([]),
  /** Kubernetes label selector grammar; applied on the server. */
  labelSelector: z.string().max(2000).default(''),
  /** Free text matched against name (and namespace, node, IPs where shown). */
  search: z.string().max(200).default(''),
  sort: sortSpec.default({ column: 'name', direction: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  /** Pods only: just the pods on this node (a node's detail lists them). */
  node: z.string().max(253).optional(),
});

/**
 * The `sort.column` ids each list sorts by (an unknown id sorts by name). AGE ascending means
 * youngest first; READY sorts by the ready fraction, RESTARTS by the count, a node's cpu/memory
 * by requests / allocatable.
 */
export const sortColumns = {
  pods: ['name', 'namespace', 'ready', 'status', 'restarts', 'age', 'ip', 'node'],
  nodes: ['name', 'status', 'roles', 'age', 'version', 'internalIP', 'externalIP', 'osImage', 'kernel', 'runtime', 'cpu', 'memory', 'pods'],
  services: ['name', 'namespace', 'type', 'clusterIP', 'externalIP', 'ports', 'selector', 'age'],
  namespaces: ['name', 'status', 'age'],
  events: ['lastSeen', 'name', 'namespace', 'type', 'reason', 'object', 'count', 'age'],
} as const satisfies Record<z.infer<typeof listKind>, readonly string[]>;

const rowBase = z.object({
  uid: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
  /** RFC 3339; the page formats AGE with main/kube/age so it ticks without traffic. */
  createdAt: z.string().optional(),
  labels: z.record(z.string(), z.string()),
});

export const podRow = rowBase.extend({
  kind: z.literal('pods'),
  ready: z.string(),
  status: z.string(),
  restarts: z.string(),
  ips: z.array(z.string()),
  node: z.string(),
  /** Status is one a person should look at (failing, pending long, evicted...). */
  problem: z.boolean(),
  terminating: z.boolean(),
  owner: z.object({ kind: z.string(), name: z.string() }).optional(),
});

const resourceAmount = z.object({ capacity: z.number(), allocatable: z.number(), requests: z.number(), usage: z.number().optional() });
export const nodeRow = rowBase.extend({
  kind: z.literal('nodes'),
  status: z.string(),
  roles: z.string(),
  version: z.string(),
  internalIP: z.string(),
  externalIP: z.string(),
  osImage: z.string(),
  kernel: z.string(),
  runtime: z.string(),
  /** millicores */
  cpu: resourceAmount,
  /** bytes */
  memory: resourceAmount,
  pods: z.object({ count: z.number(), capacity: z.number() }),
  taints: z.array(z.string()),
  unschedulable: z.boolean(),
});

export const serviceRow = rowBase.extend({
  kind: z.literal('services'),
  type: z.string(),
  clusterIPs: z.array(z.string()),
  externalIP: z.string(),
  ports: z.string(),
  selector: z.string(),
});

export const namespaceRow = rowBase.extend({ kind: z.literal('namespaces'), status: z.string() });

export const eventRow = rowBase.extend({
  kind: z.literal('events'),
  type: z.string(),
  reason: z.string(),
  object: z.string(),
  message: z.string(),
  count: z.number(),
  lastSeen: z.string().optional(),
});

export const row = z.discriminatedUnion('kind', [podRow, nodeRow, serviceRow, namespaceRow, eventRow]);

export const viewUpdate = z.object({
  viewId,
  kind: listKind,
  /** Rows matching the filters (the whole list, not just this window). */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(row),
  /** An invalid selector or a refused list: shown next to the table, rows stay as they were. */
  error: z.object({ message: z.string(), hint: z.string().optional() }).optional(),
  /** True until the initial list has completed. */
  loading: z.boolean(),
});

// ---- One object ----------------------------------------------------------------------------

export const objectKind = z.enum(['pods', 'nodes', 'services', 'namespaces']);
export const objectRef = z.object({ kind: objectKind, namespace: namespaceName.optional(), name: objectName }).strict();
export const objectUpdate = z.object({
  subscriptionId: viewId,
  ref: objectRef,
  /** False once the object is gone from the server. */
  exists: z.boolean(),
  /** The object without managedFields; Secret values never included. */
  object: z.record(z.string(), z.unknown()).nullable(),
  yaml: z.string(),
  /** Events about this object, newest first. */
  events: z.array(eventRow),
});

// ---- Overview -------------------------------------------------------------------------------

export const overview = z.object({
  serverVersion: z.string().optional(),
  nodes: z.object({ ready: z.number(), total: z.number() }),
  podsByStatus: z.record(z.string(), z.number()),
  servicesByType: z.record(z.string(), z.number()),
  warnings: z.array(eventRow),
  health: z.array(z.object({ check: z.string(), ok: z.boolean() })).optional(),
});

// ---- Calls and events -----------------------------------------------------------------------

export const clusterCalls = {
  'cluster.contexts': call(
    z.object({}).strict(),
    z.object({
      contexts: z.array(contextInfo),
      current: z.string().nullable(),
      /** Files the merged kubeconfig came from. */
      sources: z.array(z.string()),
      /** Problems reading them (e.g. a file that does not parse). */
      problems: z.array(z.string()),
    }),
  ),
  'cluster.connect': call(z.object({ context: contextName }).strict(), connectionStatus),
  'cluster.status': call(z.object({}).strict(), connectionStatus),
  /** Opens a live list; updates arrive as `cluster.view` events for this viewId. */
  'cluster.openView': call(viewQuery.extend({ viewId }).strict(), z.object({ viewId })),
  /** Changes filters, sort or the visible window of an open view. */
  'cluster.updateView': call(viewQuery.partial().extend({ viewId }).strict(), z.object({ viewId })),
  'cluster.closeView': call(z.object({ viewId }).strict(), z.object({})),
  /** Opens one object live; updates arrive as `cluster.object` events. */
  'cluster.openObject': call(z.object({ subscriptionId: viewId, ref: objectRef }).strict(), z.object({})),
  'cluster.closeObject': call(z.object({ subscriptionId: viewId }).strict(), z.object({})),
  /** Returns the overview now and sends `cluster.overview` as it changes, until closeOverview (or the page goes). */
  'cluster.openOverview': call(z.object({}).strict(), overview),
  'cluster.closeOverview': call(z.object({}).strict(), z.object({})),
  'cluster.deletePod': call(z.object({ namespace: namespaceName, name: objectName }).strict(), z.object({})),
  'cluster.runPod': call(
    z
      .object({
        namespace: namespaceName,
        name: objectName.max(63),
        image: z.string().regex(/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/, 'an image reference such as nginx:1.27'),
        labels: z.record(z.string().max(317), z.string().max(63)).default({}),
        command: z.array(z.string().max(4096)).max(100).default([]),
      })
      .strict(),
    z.object({ name: z.string(), namespace: z.string() }),
  ),
  'cluster.setUnschedulable': call(z.object({ name: objectName, unschedulable: z.boolean() }).strict(), z.object({})),
};

export const clusterEvents = {
  'cluster.connection': event(connectionStatus),
  'cluster.view': event(viewUpdate),
  'cluster.object': event(objectUpdate),
  'cluster.overview': event(overview),
};

export type ContextInfo = z.infer<typeof contextInfo>;
export type ConnectionStatus = z.infer<typeof connectionStatus>;
export type ListKind = z.infer<typeof listKind>;
export type ViewQuery = z.input<typeof viewQuery>;
export type PodRow = z.infer<typeof podRow>;
export type NodeRow = z.infer<typeof nodeRow>;
export type ServiceRow = z.infer<typeof serviceRow>;
export type NamespaceRow = z.infer<typeof namespaceRow>;
export type EventRow = z.infer<typeof eventRow>;
export type Row = z.infer<typeof row>;
export type ViewUpdate = z.infer<typeof viewUpdate>;
export type ObjectRef = z.infer<typeof objectRef>;
export type ObjectUpdate = z.infer<typeof objectUpdate>;
export type Overview = z.infer<typeof overview>;
