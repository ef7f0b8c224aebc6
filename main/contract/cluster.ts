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

export const listKind = z.enum([
  'pods',
  'nodes',
  'services',
  'namespaces',
  'events',
  // Workloads, storage and networking (issue #6). Their informers start only while a view or
  // object of the kind is open.
  'deployments',
  'replicasets',
  'replicationcontrollers',
  'daemonsets',
  'statefulsets',
  'jobs',
  'cronjobs',
  'persistentvolumes',
  'persistentvolumeclaims',
  'storageclasses',
  'ingresses',
  'networkpolicies',
]);
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
  /**
   * Only objects whose controller ownerReference has one of these uids: the owner chain
   * downwards (a deployment's ReplicaSets, the pods of its ReplicaSets, a CronJob's Jobs). The
   * `children` of an object's detail give the exact query to open.
   */
  ownerUids: z.array(z.string().max(100)).max(200).optional(),
  /** Events only: just the events about this object (kind as in the object's `kind`, e.g. "Deployment"). */
  involvedObject: z.object({ kind: z.string().max(100), namespace: z.string().max(63).optional(), name: z.string().max(253) }).strict().optional(),
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
  events: ['lastSeen', 'name', 'namespace', 'type', 'reason', 'object', 'count', 'age', 'firstSeen', 'source'],
  deployments: ['name', 'namespace', 'ready', 'upToDate', 'available', 'age', 'containers', 'images', 'selector'],
  replicasets: ['name', 'namespace', 'desired', 'current', 'ready', 'age', 'containers', 'images', 'selector', 'revision'],
  replicationcontrollers: ['name', 'namespace', 'desired', 'current', 'ready', 'age', 'containers', 'images', 'selector'],
  daemonsets: ['name', 'namespace', 'desired', 'current', 'ready', 'upToDate', 'available', 'nodeSelector', 'age', 'containers', 'images', 'selector'],
  statefulsets: ['name', 'namespace', 'ready', 'age', 'containers', 'images'],
  jobs: ['name', 'namespace', 'status', 'completions', 'duration', 'age', 'containers', 'images', 'selector'],
  cronjobs: ['name', 'namespace', 'schedule', 'timezone', 'suspend', 'active', 'lastSchedule', 'age', 'containers', 'images', 'selector'],
  persistentvolumes: ['name', 'capacity', 'accessModes', 'reclaimPolicy', 'status', 'claim', 'storageClass', 'volumeAttributesClass', 'reason', 'age', 'volumeMode'],
  persistentvolumeclaims: ['name', 'namespace', 'status', 'volume', 'capacity', 'accessModes', 'storageClass', 'volumeAttributesClass', 'age', 'volumeMode'],
  storageclasses: ['name', 'provisioner', 'reclaimPolicy', 'volumeBindingMode', 'allowVolumeExpansion', 'age'],
  ingresses: ['name', 'namespace', 'class', 'hosts', 'address', 'ports', 'age'],
  networkpolicies: ['name', 'namespace', 'podSelector', 'age'],
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
  /** The controller ownerReference (uid: to open the owner, or to filter siblings with ownerUids). */
  owner: z.object({ kind: z.string(), name: z.string(), uid: z.string().optional() }).optional(),
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
  /** The server's aggregate count (series.count, or count): group by it, never recount. */
  count: z.number(),
  lastSeen: z.string().optional(),
  /** RFC 3339: kubectl's FIRST SEEN. */
  firstSeen: z.string().optional(),
  /** kubectl's SOURCE cell: "component, host" or the reporting controller. */
  source: z.string().optional(),
  /** The object the event is about: kind as in the object ("Deployment"), to open it. */
  involved: z.object({ kind: z.string(), name: z.string(), namespace: z.string().optional(), uid: z.string().optional() }).optional(),
});

// ---- Workload, storage and network rows (issue #6) ---------------------------------------------
//
// How the UI uses these: open a view with `cluster.openView({ kind: 'deployments', ... })` as for
// pods. Each row carries kubectl's `-o wide` cells as strings/numbers ready to print, in the order
// `kubectl get <kind> -o wide` prints them (see the field order below), plus `createdAt` (format AGE
// with main/kube `age()` so it ticks), the controller `owner` (open it with openObject, or list its
// siblings with `ownerUids: [owner.uid]`) and `selector` in label-selector grammar. Timestamps that
// tick (job DURATION, cronjob LAST SCHEDULE) come as RFC 3339 values: format them with main/kube
// (`humanDuration`, `age`) in the page, never by asking main again.

const ownerLink = z.object({ kind: z.string(), name: z.string(), uid: z.string(), namespace: z.string().optional() });
/** CONTAINERS, IMAGES (comma-joined as kubectl prints) and SELECTOR ("<none>" when empty). */
const podTemplateCells = { containers: z.string(), images: z.string(), selector: z.string(), owner: ownerLink.optional() };

/** NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR */
export const deploymentRow = rowBase.extend({
  kind: z.literal('deployments'),
  /** "ready/desired" */
  ready: z.string(),
  upToDate: z.number(),
  available: z.number(),
  ...podTemplateCells,
  replicas: z.object({ desired: z.number(), current: z.number(), updated: z.number(), ready: z.number(), available: z.number(), unavailable: z.number() }),
  paused: z.boolean(),
  /** Progressing=False with reason ProgressDeadlineExceeded: show the "rollout stuck" banner. */
  rolloutStuck: z.boolean(),
  /** A rollout is under way (the controller has not caught up, or new pods are not all available yet). */
  rollingOut: z.boolean(),
  /** deployment.kubernetes.io/revision of the current ReplicaSet, "" before the first. */
  revision: z.string(),
  strategy: z.string(),
});

/** NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR */
export const replicaSetRow = rowBase.extend({
  kind: z.literal('replicasets'),
  desired: z.number(),
  current: z.number(),
  ready: z.number(),
  ...podTemplateCells,
  /** deployment.kubernetes.io/revision, "" when not owned by a deployment. */
  revision: z.string(),
  /** kubernetes.io/change-cause, "" when none. */
  changeCause: z.string(),
});

/** NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR */
export const replicationControllerRow = rowBase.extend({
  kind: z.literal('replicationcontrollers'),
  desired: z.number(),
  current: z.number(),
  ready: z.number(),
  ...podTemplateCells,
});

/** NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE CONTAINERS IMAGES SELECTOR */
export const daemonSetRow = rowBase.extend({
  kind: z.literal('daemonsets'),
  desired: z.number(),
  current: z.number(),
  ready: z.number(),
  upToDate: z.number(),
  available: z.number(),
  /** NODE SELECTOR: the pod template's nodeSelector, "<none>" when empty. */
  nodeSelector: z.string(),
  ...podTemplateCells,
});

/** NAME READY AGE CONTAINERS IMAGES (kubectl prints no SELECTOR for statefulsets; `selector` is for navigation). */
export const statefulSetRow = rowBase.extend({
  kind: z.literal('statefulsets'),
  /** "ready/desired" */
  ready: z.string(),
  replicas: z.object({ desired: z.number(), current: z.number(), updated: z.number(), ready: z.number(), available: z.number() }),
  ...podTemplateCells,
});

/** NAME STATUS COMPLETIONS DURATION AGE CONTAINERS IMAGES SELECTOR */
export const jobRow = rowBase.extend({
  kind: z.literal('jobs'),
  /** Complete, Failed, Terminating, Suspended, FailureTarget, Running */
  status: z.string(),
  /** "1/1", "0/1 of 3" */
  completions: z.string(),
  /** DURATION = (completionTime ?? now) - startTime with main/kube humanDuration; "" when not started. */
  startTime: z.string().optional(),
  completionTime: z.string().optional(),
  active: z.number(),
  failed: z.number(),
  suspended: z.boolean(),
  ...podTemplateCells,
});

/** NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE CONTAINERS IMAGES SELECTOR */
export const cronJobRow = rowBase.extend({
  kind: z.literal('cronjobs'),
  schedule: z.string(),
  /** "<none>" when unset */
  timezone: z.string(),
  /** "True", "False" or "<unset>", as kubectl prints */
  suspend: z.string(),
  suspended: z.boolean(),
  active: z.number(),
  /** LAST SCHEDULE = age(lastScheduleTime); "<none>" when absent. */
  lastScheduleTime: z.string().optional(),
  lastSuccessfulTime: z.string().optional(),
  ...podTemplateCells,
});

/** NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE VOLUMEMODE */
export const persistentVolumeRow = rowBase.extend({
  kind: z.literal('persistentvolumes'),
  capacity: z.string(),
  /** "RWO,ROX,RWX,RWOP" */
  accessModes: z.string(),
  reclaimPolicy: z.string(),
  /** Available, Bound, Released, Failed, Pending, Terminating */
  status: z.string(),
  /** "namespace/name" of the claim, "" when none */
  claim: z.string(),
  storageClass: z.string(),
  volumeAttributesClass: z.string(),
  reason: z.string(),
  volumeMode: z.string(),
});

/** NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE VOLUMEMODE */
export const persistentVolumeClaimRow = rowBase.extend({
  kind: z.literal('persistentvolumeclaims'),
  /** Bound, Pending, Lost, Terminating */
  status: z.string(),
  volume: z.string(),
  capacity: z.string(),
  accessModes: z.string(),
  storageClass: z.string(),
  volumeAttributesClass: z.string(),
  volumeMode: z.string(),
  /** Capacity asked for (spec.resources.requests.storage). */
  requested: z.string(),
});

/** NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE (kubectl appends " (default)" to NAME: `isDefault`) */
export const storageClassRow = rowBase.extend({
  kind: z.literal('storageclasses'),
  isDefault: z.boolean(),
  provisioner: z.string(),
  reclaimPolicy: z.string(),
  volumeBindingMode: z.string(),
  /** "true" / "false" */
  allowVolumeExpansion: z.string(),
});

/** NAME CLASS HOSTS ADDRESS PORTS AGE, plus each rule in full for the detail. */
export const ingressRow = rowBase.extend({
  kind: z.literal('ingresses'),
  class: z.string(),
  hosts: z.string(),
  address: z.string(),
  ports: z.string(),
  /** One line per path: host ("*" for any), path, pathType, backend ("service:port" or "Resource kind/name"). */
  rules: z.array(z.object({ host: z.string(), path: z.string(), pathType: z.string(), backend: z.string() })),
  /** spec.defaultBackend, "" when none. */
  defaultBackend: z.string(),
  tls: z.array(z.object({ hosts: z.array(z.string()), secretName: z.string() })),
});

/** NAME POD-SELECTOR AGE, plus what it does in words. */
export const networkPolicyRow = rowBase.extend({
  kind: z.literal('networkpolicies'),
  podSelector: z.string(),
  policyTypes: z.array(z.string()),
  /** e.g. "Selects pods with app=web in namespace shop" / "Selects all pods in namespace shop". */
  selects: z.string(),
  /** One sentence per rule, e.g. "Allows TCP 80 from pods with role=frontend"; ["Denies all incoming traffic"] when the type is set with no rules. Empty when the policy does not restrict the direction. */
  ingress: z.array(z.string()),
  egress: z.array(z.string()),
});

export const row = z.discriminatedUnion('kind', [
  podRow,
  nodeRow,
  serviceRow,
  namespaceRow,
  eventRow,
  deploymentRow,
  replicaSetRow,
  replicationControllerRow,
  daemonSetRow,
  statefulSetRow,
  jobRow,
  cronJobRow,
  persistentVolumeRow,
  persistentVolumeClaimRow,
  storageClassRow,
  ingressRow,
  networkPolicyRow,
]);

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

/** `kubectl run NAME --image=IMAGE --labels=... -- COMMAND`: what the Run a pod form sends. */
export const runPodRequest = z
  .object({
    namespace: namespaceName,
    name: objectName.max(63),
    image: z.string().regex(/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/, 'an image reference such as nginx:1.27'),
    labels: z.record(z.string().max(317), z.string().max(63)).default({}),
    command: z.array(z.string().max(4096)).max(100).default([]),
  })
  .strict();

// ---- One object ----------------------------------------------------------------------------

/** Every list kind has objects that open on their own, except events (shown inside other objects). */
export const objectKind = listKind.exclude(['events']);
export const objectRef = z.object({ kind: objectKind, namespace: namespaceName.optional(), name: objectName }).strict();

// How the UI uses the detail: `cluster.openObject` sends `cluster.object` updates live; for every
// kind `detail.row` is the same row a list shows, `detail.owners` the chain upwards (nearest
// first: pod -> ReplicaSet -> Deployment; click to openObject), `detail.children` the exact list
// queries for the chain downwards (open each with cluster.openView; they update live, so a
// rollout's new pods appear and old ones go), `detail.conditions` the status conditions.
// Deployments add `detail.deployment`: strategy, replica counts and every ReplicaSet it owns with
// revision and change-cause (newest revision first; `current` marks the one being rolled to).
// Old ReplicaSets removed by revisionHistoryLimit disappear from that list as the server deletes
// them. The update is re-sent whenever the object, one of its ReplicaSets or an event about it
// changes, so rollout progress is live.

const condition = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
  lastUpdateTime: z.string().optional(),
});
export const childQuery = z.object({
  /** What to call it: "ReplicaSets", "Pods", "Jobs". */
  title: z.string(),
  kind: listKind,
  namespaces: z.array(z.string()),
  /** Server-side narrowing (the owner's selector); may be "" */
  labelSelector: z.string(),
  ownerUids: z.array(z.string()),
});
export const deploymentReplicaSet = z.object({
  name: z.string(),
  uid: z.string(),
  /** deployment.kubernetes.io/revision as a number (0 when missing). */
  revision: z.number(),
  changeCause: z.string(),
  /** The ReplicaSet matching the deployment's current template (the rollout's target). */
  current: z.boolean(),
  desired: z.number(),
  ready: z.number(),
  available: z.number(),
  images: z.string(),
  createdAt: z.string().optional(),
});
export const deploymentDetail = z.object({
  strategy: z.object({
    type: z.string(),
    /** "25%" or a number as text; absent for Recreate */
    maxSurge: z.string().optional(),
    maxUnavailable: z.string().optional(),
  }),
  minReadySeconds: z.number(),
  progressDeadlineSeconds: z.number(),
  revisionHistoryLimit: z.number(),
  paused: z.boolean(),
  rolloutStuck: z.boolean(),
  /** The Progressing condition's message when stuck, for the banner. */
  stuckMessage: z.string().optional(),
  replicas: z.object({ desired: z.number(), current: z.number(), updated: z.number(), ready: z.number(), available: z.number(), unavailable: z.number() }),
  /** Newest revision first. */
  replicaSets: z.array(deploymentReplicaSet),
});
export const objectDetail = z.object({
  row: row.optional(),
  owners: z.array(ownerLink),
  children: z.array(childQuery),
  conditions: z.array(condition),
  deployment: deploymentDetail.optional(),
});

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
  /** Computed for the detail pane (see the comment above objectDetail). */
  detail: objectDetail.optional(),
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

// ---- Operations (issue #6) ------------------------------------------------------------------

export const scalableKind = z.enum(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);
export const restartableKind = z.enum(['deployments', 'daemonsets', 'statefulsets']);
export const propagationPolicy = z.enum(['Background', 'Foreground', 'Orphan']);

export const drainPodState = z.enum(['pending', 'evicting', 'blocked', 'evicted', 'gone', 'failed']);
export const drainProgress = z.object({
  drainId: viewId,
  node: z.string(),
  /** cordoning -> evicting -> waiting (for evicted pods to terminate) -> done | failed | cancelled | timeout */
  phase: z.enum(['cordoning', 'evicting', 'waiting', 'done', 'failed', 'cancelled', 'timeout']),
  /** Pods being drained; `blocked` means a PodDisruptionBudget refused the eviction and it is being retried. */
  pods: z.array(z.object({ namespace: z.string(), name: z.string(), state: drainPodState, message: z.string().optional(), attempts: z.number() })),
  /** Pods left alone and why ("DaemonSet-managed", "mirror pod"), as kubectl warns. */
  skipped: z.array(z.object({ namespace: z.string(), name: z.string(), reason: z.string() })),
  /** For failed/timeout/cancelled: what happened and what to do next. */
  message: z.string().optional(),
  hint: z.string().optional(),
  startedAt: z.number(),
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
    runPodRequest,
    z.object({ name: z.string(), namespace: z.string() }),
  ),
  'cluster.setUnschedulable': call(z.object({ name: objectName, unschedulable: z.boolean() }).strict(), z.object({})),

  // ---- Day-two operations (issue #6) ----------------------------------------------------------
  // Each changes the cluster: the UI confirms first. A refusal comes back as an error with the
  // API's own message and a hint on what to do next (ApiError.message / .hint). The views update
  // by themselves from the watch; the responses only say what was done.

  /** The scale subresource (what `kubectl scale --replicas=N` sends). */
  'cluster.scale': call(
    z.object({ kind: scalableKind, namespace: namespaceName, name: objectName, replicas: z.number().int().min(0).max(100_000) }).strict(),
    z.object({ replicas: z.number() }),
  ),
  /** `kubectl rollout restart`: patches the template annotation kubectl.kubernetes.io/restartedAt. */
  'cluster.restartRollout': call(z.object({ kind: restartableKind, namespace: namespaceName, name: objectName }).strict(), z.object({ restartedAt: z.string() })),
  /**
   * `kubectl rollout undo --to-revision=N` (0: the previous revision): the ReplicaSet's template
   * without pod-template-hash goes into the deployment; its change-cause annotation comes along.
   */
  'cluster.rollback': call(
    z.object({ namespace: namespaceName, name: objectName, toRevision: z.number().int().min(0) }).strict(),
    z.object({ revision: z.number(), unchanged: z.boolean() }),
  ),
  /** `kubectl rollout pause` / `resume` (spec.paused). */
  'cluster.setPaused': call(z.object({ namespace: namespaceName, name: objectName, paused: z.boolean() }).strict(), z.object({})),
  /** Suspends or resumes a CronJob (spec.suspend). */
  'cluster.setSuspended': call(z.object({ namespace: namespaceName, name: objectName, suspended: z.boolean() }).strict(), z.object({})),
  /** `kubectl create job --from=cronjob/NAME [jobName]`; the default name is NAME-manual-<random>. */
  'cluster.triggerCronJob': call(
    z.object({ namespace: namespaceName, name: objectName, jobName: objectName.max(63).optional() }).strict(),
    z.object({ namespace: z.string(), name: z.string() }),
  ),
  /** Deletes any object Berth shows, with the cascading choice (`kubectl delete --cascade=background|foreground|orphan`). */
  'cluster.deleteObject': call(
    z.object({ ref: objectRef, propagationPolicy: propagationPolicy.default('Background') }).strict(),
    z.object({}),
  ),
  /**
   * `kubectl drain NODE --ignore-daemonsets [--delete-emptydir-data] [--force]`: cordon, then
   * evict each pod through the Eviction API (mirror pods and, with ignoreDaemonSets, DaemonSet
   * pods are skipped), retrying evictions a PodDisruptionBudget refuses (429) until timeoutSeconds,
   * then wait for the pods to be gone. Returns at once; progress comes as `cluster.drain` events
   * with this drainId until a final phase (done, failed, cancelled, timeout).
   */
  'cluster.drainNode': call(
    z
      .object({
        drainId: viewId,
        name: objectName,
        ignoreDaemonSets: z.boolean().default(true),
        deleteEmptyDirData: z.boolean().default(false),
        force: z.boolean().default(false),
        /** -1: each pod's own terminationGracePeriodSeconds */
        gracePeriodSeconds: z.number().int().min(-1).max(3600).default(-1),
        timeoutSeconds: z.number().int().min(1).max(3600).default(300),
      })
      .strict(),
    z.object({ drainId: viewId }),
  ),
  /** Stops a drain: no further evictions (pods already evicted stay evicted; the node stays cordoned). */
  'cluster.cancelDrain': call(z.object({ drainId: viewId }).strict(), z.object({ cancelled: z.boolean() })),
};

export const clusterEvents = {
  'cluster.connection': event(connectionStatus),
  'cluster.view': event(viewUpdate),
  'cluster.object': event(objectUpdate),
  'cluster.overview': event(overview),
  /** Progress of a node drain (`cluster.drainNode`), to everyone connected. */
  'cluster.drain': event(drainProgress),
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
export type DeploymentRow = z.infer<typeof deploymentRow>;
export type ReplicaSetRow = z.infer<typeof replicaSetRow>;
export type ReplicationControllerRow = z.infer<typeof replicationControllerRow>;
export type DaemonSetRow = z.infer<typeof daemonSetRow>;
export type StatefulSetRow = z.infer<typeof statefulSetRow>;
export type JobRow = z.infer<typeof jobRow>;
export type CronJobRow = z.infer<typeof cronJobRow>;
export type PersistentVolumeRow = z.infer<typeof persistentVolumeRow>;
export type PersistentVolumeClaimRow = z.infer<typeof persistentVolumeClaimRow>;
export type StorageClassRow = z.infer<typeof storageClassRow>;
export type IngressRow = z.infer<typeof ingressRow>;
export type NetworkPolicyRow = z.infer<typeof networkPolicyRow>;
export type ObjectKind = z.infer<typeof objectKind>;
export type RunPodRequest = z.infer<typeof runPodRequest>;
export type ObjectDetail = z.infer<typeof objectDetail>;
export type DeploymentDetail = z.infer<typeof deploymentDetail>;
export type DeploymentReplicaSet = z.infer<typeof deploymentReplicaSet>;
export type ChildQuery = z.infer<typeof childQuery>;
export type OwnerLink = z.infer<typeof ownerLink>;
export type ScalableKind = z.infer<typeof scalableKind>;
export type RestartableKind = z.infer<typeof restartableKind>;
export type PropagationPolicy = z.infer<typeof propagationPolicy>;
export type DrainProgress = z.infer<typeof drainProgress>;
export type DrainPodState = z.infer<typeof drainPodState>;
