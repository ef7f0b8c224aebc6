import { KubeApiError } from '../cluster/kube-errors';
import type { KubeTransport } from '../cluster/kube-http';

// What the check-up reads from the cluster: one paginated pass per kind, each object cut down to
// the fields the checks look at as soon as its page arrives, so a 150k-pod cluster costs one
// list of pods and a few tens of megabytes, not the full objects.

export interface SecurityContext {
  privileged?: boolean;
  runAsUser?: number;
  runAsNonRoot?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { add?: string[] };
}

export interface ContainerFacts {
  name: string;
  /** 'init' and 'ephemeral' containers run in the pod too, so they are checked the same way. */
  type: 'container' | 'init' | 'ephemeral';
  image: string;
  securityContext?: SecurityContext;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  livenessProbe: boolean;
  readinessProbe: boolean;
  /** Native sidecar (an init container with restartPolicy: Always): it runs like a container. */
  sidecar: boolean;
}

export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface PodFacts {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** The direct controller (ReplicaSet, Job, DaemonSet, Node for static pods...), if any. */
  owner?: { kind: string; name: string };
  /** What a person edits to change this pod: the Deployment behind its ReplicaSet, the DaemonSet, or the pod itself. */
  workload: WorkloadRef;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  hostPaths: string[];
  securityContext?: SecurityContext;
  containers: ContainerFacts[];
  phase: string;
  /** Image references as the node resolved them (status.containerStatuses[].image / imageID). */
  runningImages: string[];
}

export interface NamespaceFacts {
  name: string;
  labels: Record<string, string>;
}

export interface DeploymentFacts {
  namespace: string;
  name: string;
  replicas: number;
}

export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

export interface NodeFacts {
  name: string;
  images: NodeImage[];
}

export interface Named {
  namespace: string;
  name: string;
}

/** Lists that could not be read are `undefined`; `problems` says why. */
export interface ClusterSnapshot {
  serverVersion?: string;
  namespaces?: NamespaceFacts[];
  pods?: PodFacts[];
  deployments?: DeploymentFacts[];
  networkPolicies?: Named[];
  resourceQuotas?: Named[];
  limitRanges?: Named[];
  nodes?: NodeFacts[];
  /** API groups the server serves (`/apis`). */
  apiGroups?: string[];
  /** Addresses of the `kubernetes` service's endpoints: where the API server says it listens. */
  apiEndpoints?: string[];
  problems: string[];
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v))) out[k] = typeof x === 'string' ? x : String(x);
  return out;
};

function securityContextOf(v: unknown): SecurityContext | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const sc = obj(v);
  const out: SecurityContext = {};
  if (typeof sc.privileged === 'boolean') out.privileged = sc.privileged;
  if (typeof sc.runAsUser === 'number') out.runAsUser = sc.runAsUser;
  if (typeof sc.runAsNonRoot === 'boolean') out.runAsNonRoot = sc.runAsNonRoot;
  if (typeof sc.allowPrivilegeEscalation === 'boolean') out.allowPrivilegeEscalation = sc.allowPrivilegeEscalation;
  const add = arr(obj(sc.capabilities).add).map(str).filter(Boolean);
  if (add.length) out.capabilities = { add };
  return out;
}

function containerOf(v: unknown, type: ContainerFacts['type']): ContainerFacts {
  const c = obj(v);
  const resources = obj(c.resources);
  const sc = securityContextOf(c.securityContext);
  const requests = strMap(resources.requests);
  const limits = strMap(resources.limits);
  return {
    name: str(c.name),
    type,
    image: str(c.image),
    ...(sc ? { securityContext: sc } : {}),
    ...(Object.keys(requests).length ? { requests } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
    livenessProbe: c.livenessProbe !== undefined && c.livenessProbe !== null,
    readinessProbe: c.readinessProbe !== undefined && c.readinessProbe !== null,
    sidecar: type === 'init' && c.restartPolicy === 'Always',
  };
}

/**
 * The workload behind a pod. A Deployment's ReplicaSet is named `<deployment>-<pod-template-hash>`
 * and its pods carry that hash as a label, so the Deployment is known without listing ReplicaSets.
 */
export function workloadOf(namespace: string, name: string, labels: Record<string, string>, owner: { kind: string; name: string } | undefined): WorkloadRef {
  if (!owner || owner.kind === 'Node') return { kind: 'Pod', namespace, name };
  const hash = labels['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) return { kind: 'Deployment', namespace, name: owner.name.slice(0, -hash.length - 1) };
  return { kind: owner.kind, namespace, name: owner.name };
}

/** The labels the checks read (the Deployment behind a ReplicaSet, network plugin agents); the rest is dropped. */
const KEPT_LABELS = ['pod-template-hash', 'k8s-app', 'app', 'name', 'component'];

/**
 * Replicas of one workload have identical containers: one shared copy per distinct spec keeps a
 * 150k-pod snapshot small. Per snapshot, so nothing outlives the check-up that made it.
 */
export type Interner = Map<string, ContainerFacts[]>;

function intern(interner: Interner | undefined, containers: ContainerFacts[]): ContainerFacts[] {
  if (!interner) return containers;
  const key = JSON.stringify(containers);
  const known = interner.get(key);
  if (known) return known;
  interner.set(key, containers);
  return containers;
}

export function podFacts(raw: unknown, interner?: Interner): PodFacts {
  const p = obj(raw);
  const md = obj(p.metadata);
  const spec = obj(p.spec);
  const status = obj(p.status);
  const namespace = str(md.namespace);
  const name = str(md.name);
  const allLabels = strMap(md.labels);
  const labels: Record<string, string> = {};
  for (const k of KEPT_LABELS) if (allLabels[k] !== undefined) labels[k] = allLabels[k];
  const refs = arr(md.ownerReferences).map(obj);
  const ctrl = refs.find((r) => r.controller === true) ?? refs[0];
  const owner = ctrl ? { kind: str(ctrl.kind), name: str(ctrl.name) } : undefined;
  const sc = securityContextOf(spec.securityContext);
  const statuses = [...arr(status.containerStatuses), ...arr(status.initContainerStatuses)].map(obj);
  return {
    namespace,
    name,
    labels,
    ...(owner ? { owner } : {}),
    workload: workloadOf(namespace, name, labels, owner),
    hostNetwork: spec.hostNetwork === true,
    hostPID: spec.hostPID === true,
    hostIPC: spec.hostIPC === true,
    hostPaths: arr(spec.volumes)
      .map(obj)
      .filter((v) => v.hostPath)
      .map((v) => str(obj(v.hostPath).path)),
    ...(sc ? { securityContext: sc } : {}),
    containers: intern(interner, [
      ...arr(spec.initContainers).map((c) => containerOf(c, 'init')),
      ...arr(spec.containers).map((c) => containerOf(c, 'container')),
      ...arr(spec.ephemeralContainers).map((c) => containerOf(c, 'ephemeral')),
    ]),
    phase: str(status.phase),
    runningImages: [...new Set(statuses.flatMap((s) => [str(s.image), str(s.imageID)]).filter(Boolean))],
  };
}

export function nodeFacts(raw: unknown): NodeFacts {
  const n = obj(raw);
  return {
    name: str(obj(n.metadata).name),
    images: arr(obj(n.status).images)
      .map(obj)
      .map((i) => ({ names: arr(i.names).map(str).filter(Boolean), sizeBytes: typeof i.sizeBytes === 'number' ? i.sizeBytes : 0 })),
  };
}

const named = (raw: unknown): Named => {
  const md = obj(obj(raw).metadata);
  return { namespace: str(md.namespace), name: str(md.name) };
};

export interface SnapshotDeps {
  transport: KubeTransport;
  /** Objects per list page. */
  pageSize?: number;
  signal?: AbortSignal;
  /** Progress in words, after each list page (a big cluster's pods take a while). */
  onProgress?(text: string): void;
}

const IDLE_TIMEOUT_MS = 30_000;

/** Lists `path` page by page, keeping only what `slim` makes of each item. */
async function listAll<T>(deps: SnapshotDeps, path: string, what: string, slim: (item: unknown) => T): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  deps.onProgress?.(`Listing ${what}…`);
  do {
    const page = await deps.transport.request<{ items?: unknown[]; metadata?: { continue?: string } }>({
      path,
      query: { limit: deps.pageSize ?? 500, continue: token },
      idleTimeoutMs: IDLE_TIMEOUT_MS,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    for (const item of page.items ?? []) out.push(slim(item));
    token = page.metadata?.continue || undefined;
    if (token) deps.onProgress?.(`Listing ${what}: ${out.length.toLocaleString('en')} so far…`);
  } while (token);
  return out;
}

function describe(what: string, error: unknown): string {
  if (error instanceof KubeApiError) {
    if (error.code === 'forbidden') return `Berth may not list ${what} with this context's credentials, so the checks that need them are left out.`;
    if (error.code === 'not-found') return `The server does not serve ${what}, so the checks that need them are left out.`;
  }
  return `Listing ${what} failed (${(error as Error).message}), so the checks that need them are left out.`;
}

/**
 * Reads everything the checks need. A refused or failed list leaves its field undefined and a
 * note; only an unreachable server fails the whole snapshot (so the caller can say so once).
 */
export async function collectSnapshot(deps: SnapshotDeps): Promise<ClusterSnapshot> {
  const snapshot: ClusterSnapshot = { problems: [] };
  const fatal = (e: unknown) => e instanceof KubeApiError && ['unreachable', 'timeout', 'unauthorized', 'tls', 'credentials'].includes(e.code);
  const attempt = async <K extends keyof ClusterSnapshot>(key: K, what: string, load: () => Promise<ClusterSnapshot[K]>): Promise<void> => {
    try {
      snapshot[key] = await load();
    } catch (error) {
      if (fatal(error)) throw error;
      snapshot.problems.push(describe(what, error));
    }
  };
  // One kind after another: a big cluster's pod list alone is work enough for the server.
  await attempt('serverVersion', 'the server version', async () => (await deps.transport.request<{ gitVersion?: string }>({ path: '/version', idleTimeoutMs: IDLE_TIMEOUT_MS })).gitVersion);
  await attempt('apiGroups', 'API groups', async () => (await deps.transport.request<{ groups?: Array<{ name?: string }> }>({ path: '/apis', idleTimeoutMs: IDLE_TIMEOUT_MS })).groups?.map((g) => str(g.name)) ?? []);
  await attempt('namespaces', 'namespaces', () => listAll(deps, '/api/v1/namespaces', 'namespaces', (n) => ({ name: named(n).name, labels: strMap(obj(obj(n).metadata).labels) })));
  await attempt('nodes', 'nodes', () => listAll(deps, '/api/v1/nodes', 'nodes', nodeFacts));
  const interner: Interner = new Map();
  await attempt('pods', 'pods', () => listAll(deps, '/api/v1/pods', 'pods', (p) => podFacts(p, interner)));
  await attempt('deployments', 'deployments', () =>
    listAll(deps, '/apis/apps/v1/deployments', 'deployments', (d) => ({ ...named(d), replicas: typeof obj(obj(d).spec).replicas === 'number' ? (obj(obj(d).spec).replicas as number) : 1 })),
  );
  await attempt('networkPolicies', 'network policies', () => listAll(deps, '/apis/networking.k8s.io/v1/networkpolicies', 'network policies', named));
  await attempt('resourceQuotas', 'resource quotas', () => listAll(deps, '/api/v1/resourcequotas', 'resource quotas', named));
  await attempt('limitRanges', 'limit ranges', () => listAll(deps, '/api/v1/limitranges', 'limit ranges', named));
  await attempt('apiEndpoints', 'the API server endpoints', async () => {
    const ep = await deps.transport.request<J>({ path: '/api/v1/namespaces/default/endpoints/kubernetes', idleTimeoutMs: IDLE_TIMEOUT_MS });
    return arr(ep.subsets).flatMap((s) => {
      const ports = arr(obj(s).ports).map((p) => obj(p).port);
      return arr(obj(s).addresses).flatMap((a) => ports.map((port) => `${str(obj(a).ip)}:${String(port)}`));
    });
  });
  return snapshot;
}
