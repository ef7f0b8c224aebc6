import type { AddonInfo } from '../../contract';

/** Preselected in the wizard: the issue's `microk8s enable dashboard dns ingress`. */
export const RECOMMENDED_ADDONS = ['dns', 'dashboard', 'ingress'];

/**
 * The core addons with one line each, for when microk8s is not installed yet (then `microk8s status`
 * cannot list them). Texts from `microk8s status` on 1.32 (reference §3).
 */
const CORE_ADDONS: Array<[string, string]> = [
  ['dns', 'CoreDNS'],
  ['dashboard', 'The Kubernetes dashboard'],
  ['ingress', 'Ingress controller for external access'],
  ['hostpath-storage', 'Storage class; allocates storage from host directory'],
  ['metrics-server', 'K8s Metrics Server for API access to service metrics'],
  ['registry', 'Private image registry exposed on localhost:32000'],
  ['rbac', 'Role-Based Access Control for authorisation'],
  ['cert-manager', 'Cloud native certificate management'],
  ['helm', 'Helm - the package manager for Kubernetes'],
  ['host-access', 'Allow Pods connecting to Host services smoothly'],
  ['metallb', 'Loadbalancer for your Kubernetes cluster (needs an IP range: metallb:10.64.140.43-10.64.140.49)'],
  ['minio', 'MinIO object storage'],
  ['observability', 'A lightweight observability stack for logs, traces and metrics'],
  ['prometheus', 'Prometheus operator for monitoring and logging'],
  ['community', 'The community addons repository'],
];

// Not offered: deprecated aliases and addons that only make sense on special hardware or set-ups.
const HIDDEN = new Set(['storage', 'gpu', 'helm3', 'ha-cluster', 'cis-hardening', 'kube-ovn', 'mayastor', 'nvidia', 'rook-ceph']);

export function addonCatalog(fromStatus?: Array<{ name: string; description: string; enabled: boolean }>): AddonInfo[] {
  const source = fromStatus && fromStatus.length > 0 ? fromStatus : CORE_ADDONS.map(([name, description]) => ({ name, description, enabled: undefined }));
  const addons = source
    .filter((a) => !HIDDEN.has(a.name))
    .map((a) => ({
      name: a.name,
      description: a.description,
      recommended: RECOMMENDED_ADDONS.includes(a.name),
      ...(a.enabled !== undefined ? { enabled: a.enabled } : {}),
    }));
  // Recommended first, in the order; the rest as listed.
  const rank = (name: string) => (RECOMMENDED_ADDONS.includes(name) ? RECOMMENDED_ADDONS.indexOf(name) : RECOMMENDED_ADDONS.length);
  return addons.sort((a, b) => rank(a.name) - rank(b.name));
}

/**
 * The workloads an addon starts, to wait for before its step is done (`enable` returns before
 * they are ready). From core-addons' manifests (reference §4). Addons not listed start none.
 */
export const ADDON_WORKLOADS: Record<string, Array<{ namespace: string; kind: 'Deployment' | 'DaemonSet'; name: string }>> = {
  dns: [{ namespace: 'kube-system', kind: 'Deployment', name: 'coredns' }],
  dashboard: [
    { namespace: 'kube-system', kind: 'Deployment', name: 'kubernetes-dashboard' },
    { namespace: 'kube-system', kind: 'Deployment', name: 'dashboard-metrics-scraper' },
  ],
  'metrics-server': [{ namespace: 'kube-system', kind: 'Deployment', name: 'metrics-server' }],
  ingress: [{ namespace: 'ingress', kind: 'DaemonSet', name: 'nginx-ingress-microk8s-controller' }],
  'hostpath-storage': [{ namespace: 'kube-system', kind: 'Deployment', name: 'hostpath-provisioner' }],
  storage: [{ namespace: 'kube-system', kind: 'Deployment', name: 'hostpath-provisioner' }],
  registry: [{ namespace: 'container-registry', kind: 'Deployment', name: 'registry' }],
  metallb: [
    { namespace: 'metallb-system', kind: 'Deployment', name: 'controller' },
    { namespace: 'metallb-system', kind: 'DaemonSet', name: 'speaker' },
  ],
  'cert-manager': [
    { namespace: 'cert-manager', kind: 'Deployment', name: 'cert-manager' },
    { namespace: 'cert-manager', kind: 'Deployment', name: 'cert-manager-cainjector' },
    { namespace: 'cert-manager', kind: 'Deployment', name: 'cert-manager-webhook' },
  ],
};
