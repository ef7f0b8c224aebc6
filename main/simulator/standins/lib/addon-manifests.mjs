// @ts-check
// What each addon's enable script applies (reference §4 table, core-addons manifests), as plain
// objects, in the order kubectl prints them. Only the shapes a cluster view needs are filled in:
// names, namespaces, labels, images, ports, replicas.
import { Buffer } from 'node:buffer';

/** @typedef {{ apiVersion: string, kind: string, metadata: { name: string, namespace?: string, labels?: Record<string, string>, annotations?: Record<string, string> }, [k: string]: unknown }} Manifest */

/**
 * @param {string} kind @param {string} apiVersion @param {string} name @param {string | undefined} namespace
 * @param {Record<string, unknown>} [rest] @param {Record<string, string>} [labels]
 * @returns {Manifest}
 */
const m = (kind, apiVersion, name, namespace, rest = {}, labels) => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) },
  ...rest,
});

export const namespace = (/** @type {string} */ name) => m('Namespace', 'v1', name, undefined);
export const serviceAccount = (/** @type {string} */ name, /** @type {string} */ ns) => m('ServiceAccount', 'v1', name, ns);
export const configMap = (/** @type {string} */ name, /** @type {string} */ ns, /** @type {Record<string, string>} */ data = {}) => m('ConfigMap', 'v1', name, ns, { data });
export const secret = (/** @type {string} */ name, /** @type {string} */ ns, /** @type {Record<string, unknown>} */ rest = {}) => m('Secret', 'v1', name, ns, { type: 'Opaque', ...rest });
export const clusterRole = (/** @type {string} */ name) => m('ClusterRole', 'rbac.authorization.k8s.io/v1', name, undefined, { rules: [] });
export const clusterRoleBinding = (/** @type {string} */ name) => m('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', name, undefined);
export const role = (/** @type {string} */ name, /** @type {string} */ ns) => m('Role', 'rbac.authorization.k8s.io/v1', name, ns, { rules: [] });
export const roleBinding = (/** @type {string} */ name, /** @type {string} */ ns) => m('RoleBinding', 'rbac.authorization.k8s.io/v1', name, ns);

/**
 * @typedef {{ name: string, containerPort: number, protocol?: string, hostPort?: number }} Port
 * @param {{ image: string, ports?: Port[], args?: string[] }} c
 * @param {string} name
 */
const container = (name, c) => ({ name, image: c.image, ...(c.args ? { args: c.args } : {}), ...(c.ports ? { ports: c.ports.map((p) => ({ protocol: 'TCP', ...p })) } : {}) });

/**
 * @param {'Deployment' | 'DaemonSet'} kind
 * @param {string} name @param {string} ns
 * @param {{ podLabels: Record<string, string>, labels?: Record<string, string>, image: string, ports?: Port[], args?: string[], serviceAccount?: string, replicas?: number, container?: string }} o
 * @returns {Manifest}
 */
export function workload(kind, name, ns, o) {
  const spec = {
    ...(kind === 'Deployment' ? { replicas: o.replicas ?? 1 } : {}),
    selector: { matchLabels: o.podLabels },
    template: {
      metadata: { labels: o.podLabels },
      spec: {
        ...(o.serviceAccount ? { serviceAccountName: o.serviceAccount } : {}),
        containers: [container(o.container ?? name, o)],
      },
    },
  };
  return m(kind, 'apps/v1', name, ns, { spec }, o.labels ?? o.podLabels);
}

/**
 * @param {string} name @param {string} ns @param {Record<string, string>} selector
 * @param {{ name?: string, port: number, targetPort?: number | string, protocol?: string, nodePort?: number }[]} ports
 * @param {{ type?: string, clusterIP?: string, labels?: Record<string, string> }} [o]
 */
export function service(name, ns, selector, ports, o = {}) {
  return m('Service', 'v1', name, ns, { spec: { type: o.type ?? 'ClusterIP', ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}), selector, ports: ports.map((p) => ({ protocol: 'TCP', ...p })) } }, o.labels);
}

/** A service-account token the way the token controller fills it in, so dashboard-proxy has one to print. */
export function dashboardToken() {
  const b64url = (/** @type {unknown} */ v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const jwt = [
    b64url({ alg: 'RS256', kid: Math.random().toString(36).slice(2, 12) }),
    b64url({ iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'kube-system', 'kubernetes.io/serviceaccount/secret.name': 'microk8s-dashboard-token', 'kubernetes.io/serviceaccount/service-account.name': 'default', sub: 'system:serviceaccount:kube-system:default' }),
    Buffer.from(Array.from({ length: 64 }, () => Math.floor(Math.random() * 256))).toString('base64url'),
  ].join('.');
  return secret('microk8s-dashboard-token', 'kube-system', {
    type: 'kubernetes.io/service-account-token',
    metadata: { name: 'microk8s-dashboard-token', namespace: 'kube-system', annotations: { 'kubernetes.io/service-account.name': 'default' } },
    data: { token: Buffer.from(jwt).toString('base64'), namespace: Buffer.from('kube-system').toString('base64') },
  });
}

export const COREDNS = () => [
  serviceAccount('coredns', 'kube-system'),
  configMap('coredns', 'kube-system', { Corefile: '.:53 {\n    errors\n    health\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n      pods insecure\n      fallthrough in-addr.arpa ip6.arpa\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n' }),
  workload('Deployment', 'coredns', 'kube-system', {
    podLabels: { 'k8s-app': 'kube-dns' },
    labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' },
    image: 'docker.io/coredns/coredns:1.12.0',
    serviceAccount: 'coredns',
    args: ['-conf', '/etc/coredns/Corefile'],
    ports: [
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
    ],
  }),
  service('kube-dns', 'kube-system', { 'k8s-app': 'kube-dns' }, [
    { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
    { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
    { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
  ], { clusterIP: '10.152.183.10', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' } }),
  clusterRole('coredns'),
  clusterRoleBinding('coredns'),
];

export const METRICS_SERVER = () => [
  serviceAccount('metrics-server', 'kube-system'),
  clusterRole('system:aggregated-metrics-reader'),
  clusterRole('system:metrics-server'),
  roleBinding('metrics-server-auth-reader', 'kube-system'),
  clusterRoleBinding('metrics-server:system:auth-delegator'),
  clusterRoleBinding('system:metrics-server'),
  service('metrics-server', 'kube-system', { 'k8s-app': 'metrics-server' }, [{ name: 'https', port: 443, targetPort: 'https' }], { labels: { 'k8s-app': 'metrics-server' } }),
  workload('Deployment', 'metrics-server', 'kube-system', {
    podLabels: { 'k8s-app': 'metrics-server' },
    image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
    serviceAccount: 'metrics-server',
    ports: [{ name: 'https', containerPort: 10250 }],
  }),
  m('APIService', 'apiregistration.k8s.io/v1', 'v1beta1.metrics.k8s.io', undefined),
  clusterRoleBinding('microk8s-admin'),
];

export const DASHBOARD = () => [
  serviceAccount('kubernetes-dashboard', 'kube-system'),
  service('kubernetes-dashboard', 'kube-system', { 'k8s-app': 'kubernetes-dashboard' }, [{ port: 443, targetPort: 8443 }], { labels: { 'k8s-app': 'kubernetes-dashboard' } }),
  secret('kubernetes-dashboard-certs', 'kube-system'),
  secret('kubernetes-dashboard-csrf', 'kube-system'),
  secret('kubernetes-dashboard-key-holder', 'kube-system'),
  configMap('kubernetes-dashboard-settings', 'kube-system'),
  role('kubernetes-dashboard', 'kube-system'),
  clusterRole('kubernetes-dashboard'),
  roleBinding('kubernetes-dashboard', 'kube-system'),
  clusterRoleBinding('kubernetes-dashboard'),
  workload('Deployment', 'kubernetes-dashboard', 'kube-system', {
    podLabels: { 'k8s-app': 'kubernetes-dashboard' },
    image: 'kubernetesui/dashboard:v2.7.0',
    serviceAccount: 'kubernetes-dashboard',
    args: ['--auto-generate-certificates', '--namespace=kube-system'],
    ports: [{ name: 'https', containerPort: 8443 }],
  }),
  service('dashboard-metrics-scraper', 'kube-system', { 'k8s-app': 'dashboard-metrics-scraper' }, [{ port: 8000, targetPort: 8000 }], { labels: { 'k8s-app': 'dashboard-metrics-scraper' } }),
  workload('Deployment', 'dashboard-metrics-scraper', 'kube-system', {
    podLabels: { 'k8s-app': 'dashboard-metrics-scraper' },
    image: 'kubernetesui/metrics-scraper:v1.0.8',
    serviceAccount: 'kubernetes-dashboard',
    ports: [{ name: 'metrics', containerPort: 8000 }],
  }),
  dashboardToken(),
];

export const INGRESS = () => [
  m('IngressClass', 'networking.k8s.io/v1', 'public', undefined, { spec: { controller: 'k8s.io/ingress-nginx' } }),
  m('IngressClass', 'networking.k8s.io/v1', 'nginx', undefined, { spec: { controller: 'k8s.io/ingress-nginx' } }),
  namespace('ingress'),
  serviceAccount('nginx-ingress-microk8s-serviceaccount', 'ingress'),
  clusterRole('nginx-ingress-microk8s-clusterrole'),
  role('nginx-ingress-microk8s-role', 'ingress'),
  clusterRoleBinding('nginx-ingress-microk8s'),
  roleBinding('nginx-ingress-microk8s', 'ingress'),
  configMap('nginx-load-balancer-microk8s-conf', 'ingress'),
  configMap('nginx-ingress-tcp-microk8s-conf', 'ingress'),
  configMap('nginx-ingress-udp-microk8s-conf', 'ingress'),
  workload('DaemonSet', 'nginx-ingress-microk8s-controller', 'ingress', {
    podLabels: { name: 'nginx-ingress-microk8s' },
    labels: { 'microk8s-application': 'nginx-ingress-microk8s' },
    image: 'registry.k8s.io/ingress-nginx/controller:v1.12.0',
    container: 'nginx-ingress-microk8s',
    serviceAccount: 'nginx-ingress-microk8s-serviceaccount',
    ports: [
      { name: 'http', containerPort: 80, hostPort: 80 },
      { name: 'https', containerPort: 443, hostPort: 443 },
      { name: 'health', containerPort: 10254, hostPort: 10254 },
    ],
  }),
];

export const HOSTPATH = () => [
  workload('Deployment', 'hostpath-provisioner', 'kube-system', {
    podLabels: { k8s_app: 'hostpath-provisioner' },
    image: 'docker.io/cdkbot/hostpath-provisioner:1.5.0',
    serviceAccount: 'microk8s-hostpath',
  }),
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    // The default-class annotation makes `kubectl get sc` print "microk8s-hostpath (default)".
    metadata: { name: 'microk8s-hostpath', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'microk8s.io/hostpath',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  },
  serviceAccount('microk8s-hostpath', 'kube-system'),
  clusterRole('microk8s-hostpath'),
  clusterRoleBinding('microk8s-hostpath'),
];
export const REGISTRY = () => [
  namespace('container-registry'),
  m('PersistentVolumeClaim', 'v1', 'registry-claim', 'container-registry', { spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'microk8s-hostpath', resources: { requests: { storage: '20Gi' } } } }),
  workload('Deployment', 'registry', 'container-registry', { podLabels: { app: 'registry' }, image: 'registry:2.8.1', ports: [{ name: 'registry', containerPort: 5000 }] }),
  service('registry', 'container-registry', { app: 'registry' }, [{ name: 'registry', port: 5000, targetPort: 5000, nodePort: 32000 }], { type: 'NodePort', labels: { app: 'registry' } }),
  configMap('local-registry-hosting', 'kube-public', { 'localRegistryHosting.v1': 'host: "localhost:32000"\nhelp: "https://microk8s.io/docs/registry-built-in"\n' }),
];

export const METALLB = (/** @type {string} */ ranges) => [
  namespace('metallb-system'),
  workload('DaemonSet', 'speaker', 'metallb-system', { podLabels: { app: 'metallb', component: 'speaker' }, image: 'quay.io/metallb/speaker:v0.13.10', ports: [{ name: 'monitoring', containerPort: 7472 }] }),
  workload('Deployment', 'controller', 'metallb-system', { podLabels: { app: 'metallb', component: 'controller' }, image: 'quay.io/metallb/controller:v0.13.10', ports: [{ name: 'monitoring', containerPort: 7472 }] }),
  service('webhook-service', 'metallb-system', { component: 'controller' }, [{ port: 443, targetPort: 9443 }]),
  m('IPAddressPool', 'metallb.io/v1beta1', 'default-addresspool', 'metallb-system', { spec: { addresses: ranges.split(',') } }),
  m('L2Advertisement', 'metallb.io/v1beta1', 'default-advertise-all-pools', 'metallb-system'),
];
