import type { Cluster } from '../cluster';
import { KUBERNETES_VERSION } from '../http/discovery';
import { freshMicrok8s } from './fresh-microk8s';
import { create, deployment, nsObj, probes, quota, res, svc, type Body } from './manifests';
import { setNodeImages } from './node-images';
import type { RunningScenario, ScenarioParams } from './index';

// A single-node microk8s set up the way the check-up recommends, so every check passes: a
// supported Kubernetes, RBAC on, no anonymous access, the API on loopback only, Pod Security
// Admission enforcing "restricted", quotas, limit ranges and default-deny network policies,
// non-root pods with probes, requests and limits, small pinned images, two replicas each.

const PSA = { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/warn': 'restricted' };
const VERSION = '1.36.4';

const podSecurity = { securityContext: { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } }, automountServiceAccountToken: false };
const containerSecurity = { securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } };

export function hardened(cluster: Cluster, p: ScenarioParams): RunningScenario {
  const store = cluster.store;
  freshMicrok8s(store, cluster.network, { nodeName: p.nodeName, nodeIP: p.nodeIP, addons: ['dns'] });
  // The API server bound to loopback (--bind-address / --advertise-address 127.0.0.1).
  store.mutate<{ subsets?: Array<{ addresses?: Array<{ ip: string }> }> }>('endpoints', 'default', 'kubernetes', (e) => {
    for (const s of e.subsets ?? []) s.addresses = [{ ip: '127.0.0.1' }];
  });
  store.mutate<{ endpoints?: Array<{ addresses?: string[] }> }>('discovery.k8s.io/endpointslices', 'default', 'kubernetes', (e) => {
    for (const ep of e.endpoints ?? []) ep.addresses = ['127.0.0.1'];
  });
  store.mutate<{ status?: { nodeInfo?: Record<string, string> } }>('nodes', undefined, p.nodeName, (n) => {
    if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, kubeletVersion: `v${VERSION}`, kubeProxyVersion: `v${VERSION}` };
  });
  store.mutate<{ metadata: { labels?: Record<string, string> } }>('namespaces', undefined, 'default', (n) => {
    n.metadata.labels = { ...(n.metadata.labels ?? {}), ...PSA };
  });

  const c = (b: Body): void => create(cluster, b);
  c(nsObj('shop', { team: 'shop', ...PSA }));
  c({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'shop' } });
  c(quota('shop'));
  c({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: 'shop' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } });
  c({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
  c({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-web', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 8080, protocol: 'TCP' }] }] } });
  c(
    deployment('shop', 'web', 2, [{ name: 'nginx', image: 'nginxinc/nginx-unprivileged:1.27.3-alpine', ports: [{ containerPort: 8080, name: 'http' }], ...probes(8080), ...res('100m', '128Mi'), ...containerSecurity }], {
      podSpec: podSecurity,
    }),
  );
  c(svc('shop', 'web', 'ClusterIP', [{ name: 'http', port: 80, targetPort: 'http' }]));
  c(deployment('shop', 'api', 2, [{ name: 'api', image: 'ghcr.io/example/shop-api:2.4.1-distroless', ports: [{ containerPort: 8080 }], ...probes(8080, '/healthz'), ...res('200m', '256Mi'), ...containerSecurity }], { podSpec: podSecurity }));
  c(svc('shop', 'api', 'ClusterIP', [{ name: 'http', port: 8080 }]));

  setNodeImages(store, ['nginxinc/nginx-unprivileged:1.27.3-alpine', 'ghcr.io/example/shop-api:2.4.1-distroless', 'docker.io/calico/node:v3.28.1', 'docker.io/calico/cni:v3.28.1', 'docker.io/calico/kube-controllers:v3.28.1', 'docker.io/coredns/coredns:1.10.1']);
  return {
    server: { rbac: true, version: { ...KUBERNETES_VERSION, minor: '36', gitVersion: `v${VERSION}`, buildDate: '2026-08-11T12:00:00Z' } },
    stop: () => undefined,
  };
}
