import type { Cluster } from '../cluster';
import type { Incoming } from '../objects';
import { resourceForKind } from '../resources';

// Manifest helpers for scenarios built through the API's write path (busy, hardened): what a
// person would `kubectl apply`, so the controllers bring it to life.

export type Body = Incoming & { metadata: { name: string; namespace?: string } };

export function create(cluster: Cluster, body: Body): void {
  const rt = resourceForKind(body.apiVersion, body.kind);
  if (!rt) throw new Error(`no resource for ${body.apiVersion} ${body.kind}`);
  cluster.writer.create(rt, body.metadata.namespace as string | undefined, body);
}

export const nsObj = (name: string, labels: Record<string, string> = {}): Body => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

export function deployment(ns: string, name: string, replicas: number, containers: Record<string, unknown>[], extra: { spec?: Record<string, unknown>; podSpec?: Record<string, unknown>; labels?: Record<string, string> } = {}): Body {
  const labels = { app: name, ...(extra.labels ?? {}) };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels }, spec: { containers, ...(extra.podSpec ?? {}) } }, ...(extra.spec ?? {}) },
  };
}

export function svc(ns: string, name: string, type: string, ports: Record<string, unknown>[], selector: Record<string, string> = { app: name }, extra: Record<string, unknown> = {}): Body {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels: { app: name } }, spec: { type, selector, ports, ...extra } };
}

export const quota = (ns: string): Body => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'compute-resources', namespace: ns },
  spec: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '16Gi', pods: '50' } },
  status: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '16Gi', pods: '50' }, used: { 'requests.cpu': '850m', 'requests.memory': '1216Mi', 'limits.cpu': '1700m', 'limits.memory': '2432Mi', pods: '9' } },
});

export const probes = (port: number, path = '/'): Record<string, unknown> => ({
  readinessProbe: { httpGet: { path, port }, initialDelaySeconds: 2, periodSeconds: 5 },
  livenessProbe: { httpGet: { path, port }, initialDelaySeconds: 10, periodSeconds: 10 },
});
export const res = (cpu: string, mem: string): Record<string, unknown> => ({ resources: { requests: { cpu, memory: mem }, limits: { cpu: `${parseInt(cpu, 10) * 2}m`, memory: mem } } });

