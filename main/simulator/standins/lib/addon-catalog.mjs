// @ts-check
// The core addons of microk8s 1.32 as `microk8s status` lists them (reference §3), with the check
// that decides "enabled" (core-addons addons.yaml `check_status`): a pod name prefix looked for in
// the cluster, or a file on disk, which the stand-ins keep as a flag in the state file.

/**
 * @typedef {object} Addon
 * @property {string} name
 * @property {string} repository
 * @property {string} description
 * @property {string} version          as `status --format yaml` prints it
 * @property {string | undefined} pod  `pod/<prefix>` status check; undefined = a file check
 * @property {string} [aliasOf]
 */

/** @type {Addon[]} */
export const ADDONS = [
  { name: 'cert-manager', repository: 'core', description: 'Cloud native certificate management', version: '1.8.0', pod: 'cert-manager' },
  { name: 'cis-hardening', repository: 'core', description: 'Apply CIS K8s hardening', version: '1.0.0', pod: undefined },
  { name: 'community', repository: 'core', description: 'The community addons repository', version: '', pod: undefined },
  { name: 'dashboard', repository: 'core', description: 'The Kubernetes dashboard', version: '2.7.0', pod: 'kubernetes-dashboard' },
  { name: 'dns', repository: 'core', description: 'CoreDNS', version: '1.9.0', pod: 'coredns' },
  { name: 'gpu', repository: 'core', description: 'Alias to nvidia add-on', version: '1.11.0', pod: 'gpu-operator', aliasOf: 'nvidia' },
  { name: 'ha-cluster', repository: 'core', description: 'Configure high availability on the current node', version: '0.1.0', pod: undefined },
  { name: 'helm', repository: 'core', description: 'Helm - the package manager for Kubernetes', version: '3.8.0', pod: undefined },
  { name: 'helm3', repository: 'core', description: 'Helm 3 - the package manager for Kubernetes', version: '3.8.0', pod: undefined },
  { name: 'host-access', repository: 'core', description: 'Allow Pods connecting to Host services smoothly', version: '1.0.0', pod: undefined },
  { name: 'hostpath-storage', repository: 'core', description: 'Storage class; allocates storage from host directory', version: '1.1.0', pod: 'hostpath-provisioner' },
  { name: 'ingress', repository: 'core', description: 'Ingress controller for external access', version: '1.5.1', pod: 'nginx-ingress-microk8s-controller' },
  { name: 'kube-ovn', repository: 'core', description: 'An advanced network fabric for Kubernetes', version: '1.10.0', pod: 'kube-ovn-controller' },
  { name: 'mayastor', repository: 'core', description: 'OpenEBS MayaStor', version: '1.0.1', pod: 'mayastor' },
  { name: 'metallb', repository: 'core', description: 'Loadbalancer for your Kubernetes cluster', version: '0.13.10', pod: 'speaker' },
  { name: 'metrics-server', repository: 'core', description: 'K8s Metrics Server for API access to service metrics', version: '0.7.2', pod: 'metrics-server' },
  { name: 'minio', repository: 'core', description: 'MinIO object storage', version: '4.5.1', pod: 'minio-operator' },
  { name: 'nvidia', repository: 'core', description: 'NVIDIA hardware (GPU and network) support', version: '1.11.0', pod: 'gpu-operator' },
  { name: 'observability', repository: 'core', description: 'A lightweight observability stack for logs, traces and metrics', version: '0.1.0', pod: 'kube-prom-stack-kube-prome-operator' },
  { name: 'prometheus', repository: 'core', description: 'Prometheus operator for monitoring and logging', version: '0.1.0', pod: 'kube-prom-stack-kube-prome-operator', aliasOf: 'observability' },
  { name: 'rbac', repository: 'core', description: 'Role-Based Access Control for authorisation', version: '', pod: undefined },
  { name: 'registry', repository: 'core', description: 'Private image registry exposed on localhost:32000', version: '2.8.1', pod: 'registry' },
  { name: 'rook-ceph', repository: 'core', description: 'Distributed Ceph storage using Rook', version: '1.11.0', pod: 'rook-ceph-operator' },
  { name: 'storage', repository: 'core', description: 'Alias to hostpath-storage add-on, deprecated', version: '1.1.0', pod: 'hostpath-provisioner', aliasOf: 'hostpath-storage' },
];

/**
 * `dns` or `core/dns` (an argument after `:` is not part of the name).
 * @param {string} spec
 * @returns {Addon | undefined}
 */
export function findAddon(spec) {
  const name = spec.split(':')[0] ?? '';
  const [repo, bare] = name.includes('/') ? name.split('/', 2) : [undefined, name];
  return ADDONS.find((a) => a.name === bare && (repo === undefined || repo === a.repository));
}

/**
 * Which addons are enabled, from the pods in the cluster and the file flags.
 * @param {string[]} podNames  all pod names, any namespace
 * @param {string[]} fileAddons
 * @returns {Set<string>}
 */
export function enabledAddons(podNames, fileAddons) {
  const rows = podNames.map((n) => `pod/${n}`);
  const on = new Set();
  for (const a of ADDONS) {
    if (a.pod ? rows.some((r) => r.includes(`pod/${a.pod}`)) : fileAddons.includes(a.name)) on.add(a.name);
  }
  return on;
}
