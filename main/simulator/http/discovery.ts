import { createHash } from 'node:crypto';
import { apiVersionOf, RESOURCE_TYPES, type ResourceType } from '../resources';

// Legacy (unaggregated) discovery documents. kubectl 1.32 asks for aggregated discovery first
// and falls back to these when the answer is plain application/json
// (k8s.io/client-go/discovery: the response Content-Type decides).
// https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:19:47Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

// Subresources: which kind they take and which verbs they allow.
const SUBRESOURCES: Record<string, { kind: string; verbs: string[]; group?: string; version?: string }> = {
  status: { kind: '', verbs: ['get', 'patch', 'update'] },
  scale: { kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' },
  log: { kind: 'Pod', verbs: ['get'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  proxy: { kind: 'ProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  eviction: { kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' },
  binding: { kind: 'Binding', verbs: ['create'] },
  ephemeralcontainers: { kind: '', verbs: ['get', 'patch', 'update'] },
  finalize: { kind: '', verbs: ['update'] },
  token: { kind: 'TokenRequest', verbs: ['create'], group: 'authentication.k8s.io', version: 'v1' },
};

const hash = (s: string): string => createHash('sha256').update(s).digest('base64').slice(0, 11);

function resourceEntries(t: ResourceType): Record<string, unknown>[] {
  const main: Record<string, unknown> = {
    name: t.resource,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: t.virtual ? ['get', 'list'] : VERBS,
  };
  if (t.shortNames) main.shortNames = t.shortNames;
  if (t.categories) main.categories = t.categories;
  if (!t.virtual) main.storageVersionHash = hash(`${apiVersionOf(t)}/${t.kind}`);
  const subs = (t.subresources ?? []).map((s) => {
    const def = SUBRESOURCES[s] ?? { kind: t.kind, verbs: ['get'] };
    const e: Record<string, unknown> = { name: `${t.resource}/${s}`, singularName: '', namespaced: t.namespaced, kind: def.kind || t.kind, verbs: def.verbs };
    if (def.group) {
      e.group = def.group;
      e.version = def.version;
    }
    return e;
  });
  return [main, ...subs];
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groups(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const t of RESOURCE_TYPES) {
    if (!t.group) continue;
    const vs = m.get(t.group) ?? [];
    if (!vs.includes(t.version)) vs.push(t.version);
    m.set(t.group, vs);
  }
  return m;
}

function groupDoc(name: string, versions: string[]): Record<string, unknown> {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

export function apiGroupList(served: (group: string) => boolean = () => true): Record<string, unknown> {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups()].filter(([name]) => served(name)).map(([name, vs]) => groupDoc(name, vs)) };
}

export function apiGroup(group: string): Record<string, unknown> | undefined {
  const vs = groups().get(group);
  return vs ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group, vs) } : undefined;
}

export function apiResourceList(group: string, version: string): Record<string, unknown> | undefined {
  // The real API server lists resources alphabetically; `kubectl get all` prints in this order.
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version).sort((a, b) => (a.resource < b.resource ? -1 : 1));
  if (types.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources: types.flatMap(resourceEntries) };
}

// /readyz?verbose and /livez?verbose list their checks like the real API server.
const CHECKS = ['ping', 'log', 'etcd', 'informer-sync', 'poststarthook/start-apiserver-admission-initializer', 'poststarthook/generic-apiserver-start-informers', 'poststarthook/start-apiextensions-informers', 'poststarthook/crd-informer-synced', 'poststarthook/bootstrap-controller', 'poststarthook/rbac/bootstrap-roles', 'poststarthook/scheduling/bootstrap-system-priority-classes', 'poststarthook/apiservice-registration-controller', 'poststarthook/apiservice-discovery-controller'];

export function healthText(endpoint: 'readyz' | 'livez' | 'healthz', verbose: boolean): string {
  if (!verbose) return 'ok';
  const checks = endpoint === 'livez' ? CHECKS.filter((c) => c !== 'informer-sync') : CHECKS;
  return `${checks.map((c) => `[+]${c} ok`).join('\n')}\n${endpoint} check passed\n`;
}
