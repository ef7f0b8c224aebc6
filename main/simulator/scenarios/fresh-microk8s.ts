import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { templateHash } from '../controllers/template-hash';
import type { PodNetwork } from '../kubelet/pod-network';
import type { KObj } from '../objects';
import type { Store } from '../store';
import { configMap, defaulted, deploymentWithPods, KUBE_ROOT_CA, load, makeClock, meta, namespace, node, obj, ownerOf, podTemplate, runningPod, service, serviceAccount } from './builders';

// A fresh single-node microk8s 1.32, about two minutes after `snap install` (reference §6):
// namespaces default / kube-node-lease / kube-public / kube-system, the node named after the
// host, Calico and CoreDNS running, services kubernetes (10.152.183.1) and kube-dns
// (10.152.183.10). Optional addons add what `microk8s enable X` creates (reference §4).

export type Addon = 'dns' | 'dashboard' | 'metrics-server' | 'ingress' | 'hostpath-storage';

export interface FreshOptions {
  nodeName: string;
  nodeIP: string;
  addons: Addon[];
  /** Leave Calico out (the "empty" scenario: nothing running at all). */
  bare?: boolean;
}

const s = 1000;
const CALICO = 'v3.28.1';

const calicoNodeTemplate = (): IPodTemplateSpec =>
  podTemplate({ 'k8s-app': 'calico-node' }, {
    hostNetwork: true,
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    serviceAccountName: 'calico-node',
    priorityClassName: 'system-node-critical',
    terminationGracePeriodSeconds: 0,
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists', effect: 'NoExecute' }],
    initContainers: [
      { name: 'upgrade-ipam', image: `docker.io/calico/cni:${CALICO}`, command: ['/opt/cni/bin/calico-ipam', '-upgrade'], securityContext: { privileged: true } },
      { name: 'install-cni', image: `docker.io/calico/cni:${CALICO}`, command: ['/opt/cni/bin/install'], securityContext: { privileged: true } },
    ],
    containers: [
      {
        name: 'calico-node',
        image: `docker.io/calico/node:${CALICO}`,
        env: [{ name: 'DATASTORE_TYPE', value: 'kubernetes' }, { name: 'CALICO_NETWORKING_BACKEND', value: 'vxlan' }, { name: 'CALICO_IPV4POOL_CIDR', value: '10.1.0.0/16' }],
        resources: { requests: { cpu: '250m' } },
        securityContext: { privileged: true },
        livenessProbe: { exec: { command: ['/bin/calico-node', '-felix-live'] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
        readinessProbe: { exec: { command: ['/bin/calico-node', '-felix-ready'] }, periodSeconds: 10, timeoutSeconds: 10 },
        volumeMounts: [{ name: 'lib-modules', mountPath: '/lib/modules', readOnly: true }, { name: 'var-run-calico', mountPath: '/var/run/calico' }],
      },
    ],
    volumes: [
      { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } },
      { name: 'var-run-calico', hostPath: { path: '/var/snap/microk8s/current/var/run/calico', type: '' } },
    ],
  });

const corednsTemplate = (): IPodTemplateSpec =>
  podTemplate({ 'k8s-app': 'kube-dns' }, {
    serviceAccountName: 'coredns',
    priorityClassName: 'system-cluster-critical',
    dnsPolicy: 'Default',
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
    containers: [
      {
        name: 'coredns',
        image: 'docker.io/coredns/coredns:1.12.0',
        args: ['-conf', '/etc/coredns/Corefile'],
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
        ],
        livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 5 },
        readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
        securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['all'] }, readOnlyRootFilesystem: true },
        volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
      },
    ],
    volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
  });

const calicoControllersTemplate = (): IPodTemplateSpec =>
  podTemplate({ 'k8s-app': 'calico-kube-controllers' }, {
    serviceAccountName: 'calico-kube-controllers',
    priorityClassName: 'system-cluster-critical',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
    containers: [
      {
        name: 'calico-kube-controllers',
        image: `docker.io/calico/kube-controllers:${CALICO}`,
        env: [{ name: 'ENABLED_CONTROLLERS', value: 'node' }, { name: 'DATASTORE_TYPE', value: 'kubernetes' }],
        livenessProbe: { exec: { command: ['/usr/bin/check-status', '-l'] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
        readinessProbe: { exec: { command: ['/usr/bin/check-status', '-r'] }, periodSeconds: 10 },
      },
    ],
  });

const simpleTemplate = (labels: Record<string, string>, name: string, image: string, extra: Record<string, unknown> = {}): IPodTemplateSpec =>
  podTemplate(labels, { containers: [{ name, image, ...extra }], serviceAccountName: name });

type Place = () => { node: string; nodeIP: string; podIPs: string[] };

// Calico: microk8s' CNI, on every real node.
function addCalico(store: Store, net: PodNetwork, opts: FreshOptions, t: (ms: number) => string, objects: KObj[], place: Place): void {
  for (const sa of ['calico-node', 'calico-kube-controllers']) objects.push(serviceAccount(sa, 'kube-system', t(130 * s)));
  objects.push(configMap('calico-config', 'kube-system', t(130 * s), { calico_backend: 'vxlan', cni_network_config: '{"name":"k8s-pod-network","cniVersion":"0.3.1","plugins":[{"type":"calico"}]}', typha_service_name: 'none', veth_mtu: '0' }));
  const ds = defaulted(
    obj('apps/v1', 'DaemonSet', meta('calico-node', 'kube-system', t(130 * s), { labels: { 'k8s-app': 'calico-node' }, annotations: { 'deprecated.daemonset.template.generation': '1' } }), {
      spec: { selector: { matchLabels: { 'k8s-app': 'calico-node' } }, template: calicoNodeTemplate() },
    }),
    store,
  );
  const dsTemplate = (ds.spec as { template: IPodTemplateSpec }).template;
  ds.status = { currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 1, numberAvailable: 1 };
  objects.push(ds);
  objects.push(
    runningPod({
      name: 'calico-node-t82dn',
      namespace: 'kube-system',
      owner: ds,
      template: dsTemplate,
      extraLabels: { 'controller-revision-hash': templateHash(dsTemplate), 'pod-template-generation': '1' },
      node: opts.nodeName,
      nodeIP: opts.nodeIP,
      podIPs: [opts.nodeIP],
      created: t(124 * s),
    }),
  );
  objects.push(
    ...deploymentWithPods(store, { name: 'calico-kube-controllers', namespace: 'kube-system', labels: { 'k8s-app': 'calico-kube-controllers' }, template: calicoControllersTemplate(), replicas: 1, created: t(130 * s), hash: '5947598c79', podNames: ['calico-kube-controllers-5947598c79-kdspq'], place }),
  );

}

export function freshMicrok8s(store: Store, net: PodNetwork, opts: FreshOptions): void {
  const clock = makeClock();
  const t = (ms: number): string => clock.ago(ms);
  const objects: KObj[] = [];
  // The API server came up first, then the node, then the addons (ages as in the reference).
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) objects.push(namespace(ns, t(212 * s)));
  objects.push(node({ name: opts.nodeName, ip: opts.nodeIP, created: t(210 * s), tunnelAddr: net.tunnelAddress(opts.nodeName) }));
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    objects.push(serviceAccount('default', ns, t(208 * s)));
    objects.push(configMap('kube-root-ca.crt', ns, t(208 * s), { 'ca.crt': KUBE_ROOT_CA }));
  }
  objects.push(
    defaulted(
      service('kubernetes', 'default', t(208 * s), { clusterIP: '10.152.183.1', clusterIPs: ['10.152.183.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 16443 }] }, { component: 'apiserver', provider: 'kubernetes' }),
      store,
    ),
  );
  objects.push(obj('v1', 'Endpoints', meta('kubernetes', 'default', t(208 * s), { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }), { subsets: [{ addresses: [{ ip: opts.nodeIP }], ports: [{ name: 'https', port: 16443, protocol: 'TCP' }] }] }));
  objects.push(
    obj('discovery.k8s.io/v1', 'EndpointSlice', meta('kubernetes', 'default', t(208 * s), { labels: { 'kubernetes.io/service-name': 'kubernetes' } }), {
      addressType: 'IPv4',
      endpoints: [{ addresses: [opts.nodeIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 16443, protocol: 'TCP' }],
    }),
  );

  // Calico (always there: it is microk8s' CNI).
  const place = (): { node: string; nodeIP: string; podIPs: string[] } => ({ node: opts.nodeName, nodeIP: opts.nodeIP, podIPs: net.allocate(opts.nodeName) });
  if (!opts.bare) addCalico(store, net, opts, t, objects, place);

  if (opts.addons.includes('dns')) {
    objects.push(serviceAccount('coredns', 'kube-system', t(129 * s)));
    objects.push(configMap('coredns', 'kube-system', t(129 * s), { Corefile: '.:53 {\n    errors\n    health {\n      lameduck 5s\n    }\n    ready\n    log . {\n      class error\n    }\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n      pods insecure\n      fallthrough in-addr.arpa ip6.arpa\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n' }, { 'addonmanager.kubernetes.io/mode': 'EnsureExists', 'k8s-app': 'kube-dns' }));
    objects.push(...deploymentWithPods(store, { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, template: corednsTemplate(), replicas: 1, created: t(129 * s), hash: '79b94494c7', podNames: ['coredns-79b94494c7-twdrh'], place }));
    objects.push(
      defaulted(
        service('kube-dns', 'kube-system', t(129 * s), {
          selector: { 'k8s-app': 'kube-dns' },
          clusterIP: '10.152.183.10',
          clusterIPs: ['10.152.183.10'],
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
            { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
            { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
          ],
        }, { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }),
        store,
      ),
    );
  }

  const addMetrics = opts.addons.includes('metrics-server') || opts.addons.includes('dashboard');
  if (addMetrics) {
    objects.push(serviceAccount('metrics-server', 'kube-system', t(60 * s)));
    objects.push(...deploymentWithPods(store, { name: 'metrics-server', namespace: 'kube-system', labels: { 'k8s-app': 'metrics-server' }, template: simpleTemplate({ 'k8s-app': 'metrics-server' }, 'metrics-server', 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', { args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-insecure-tls'], ports: [{ name: 'https', containerPort: 10250, protocol: 'TCP' }], resources: { requests: { cpu: '100m', memory: '200Mi' } } }), replicas: 1, created: t(60 * s), place }));
    objects.push(defaulted(service('metrics-server', 'kube-system', t(60 * s), { selector: { 'k8s-app': 'metrics-server' }, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }] }, { 'k8s-app': 'metrics-server' }), store));
  }
  if (opts.addons.includes('dashboard')) {
    objects.push(serviceAccount('kubernetes-dashboard', 'kube-system', t(58 * s)));
    objects.push(...deploymentWithPods(store, { name: 'kubernetes-dashboard', namespace: 'kube-system', labels: { 'k8s-app': 'kubernetes-dashboard' }, template: simpleTemplate({ 'k8s-app': 'kubernetes-dashboard' }, 'kubernetes-dashboard', 'kubernetesui/dashboard:v2.7.0', { ports: [{ containerPort: 8443, protocol: 'TCP' }], args: ['--auto-generate-certificates', '--namespace=kube-system'] }), replicas: 1, created: t(58 * s), place }));
    objects.push(...deploymentWithPods(store, { name: 'dashboard-metrics-scraper', namespace: 'kube-system', labels: { 'k8s-app': 'dashboard-metrics-scraper' }, template: simpleTemplate({ 'k8s-app': 'dashboard-metrics-scraper' }, 'dashboard-metrics-scraper', 'kubernetesui/metrics-scraper:v1.0.8', { ports: [{ containerPort: 8000, protocol: 'TCP' }] }), replicas: 1, created: t(58 * s), place }));
    objects.push(defaulted(service('kubernetes-dashboard', 'kube-system', t(58 * s), { selector: { 'k8s-app': 'kubernetes-dashboard' }, ports: [{ port: 443, protocol: 'TCP', targetPort: 8443 }] }, { 'k8s-app': 'kubernetes-dashboard' }), store));
    objects.push(defaulted(service('dashboard-metrics-scraper', 'kube-system', t(58 * s), { selector: { 'k8s-app': 'dashboard-metrics-scraper' }, ports: [{ port: 8000, protocol: 'TCP', targetPort: 8000 }] }, { 'k8s-app': 'dashboard-metrics-scraper' }), store));
    objects.push(obj('v1', 'Secret', meta('microk8s-dashboard-token', 'kube-system', t(58 * s), { annotations: { 'kubernetes.io/service-account.name': 'default' } }), { type: 'kubernetes.io/service-account-token', data: { token: Buffer.from('simulated-dashboard-token').toString('base64'), namespace: Buffer.from('kube-system').toString('base64') } }));
  }
  if (opts.addons.includes('ingress')) {
    objects.push(namespace('ingress', t(55 * s)));
    objects.push(serviceAccount('default', 'ingress', t(55 * s)));
    objects.push(serviceAccount('nginx-ingress-microk8s-serviceaccount', 'ingress', t(55 * s)));
    for (const cm of ['nginx-load-balancer-microk8s-conf', 'nginx-ingress-tcp-microk8s-conf', 'nginx-ingress-udp-microk8s-conf']) objects.push(configMap(cm, 'ingress', t(55 * s), {}));
    for (const ic of ['public', 'nginx']) objects.push(obj('networking.k8s.io/v1', 'IngressClass', meta(ic, undefined, t(55 * s), ic === 'public' ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}), { spec: { controller: 'k8s.io/ingress-nginx' } }));
    const ing = defaulted(
      obj('apps/v1', 'DaemonSet', meta('nginx-ingress-microk8s-controller', 'ingress', t(55 * s), { labels: { 'microk8s-application': 'nginx-ingress-microk8s' } }), {
        spec: {
          selector: { matchLabels: { name: 'nginx-ingress-microk8s' } },
          template: podTemplate({ name: 'nginx-ingress-microk8s' }, {
            serviceAccountName: 'nginx-ingress-microk8s-serviceaccount',
            terminationGracePeriodSeconds: 60,
            containers: [
              {
                name: 'nginx-ingress-microk8s',
                image: 'registry.k8s.io/ingress-nginx/controller:v1.12.0',
                args: ['/nginx-ingress-controller', '--configmap=$(POD_NAMESPACE)/nginx-load-balancer-microk8s-conf', '--ingress-class=public'],
                ports: [
                  { name: 'http', containerPort: 80, hostPort: 80, protocol: 'TCP' },
                  { name: 'https', containerPort: 443, hostPort: 443, protocol: 'TCP' },
                  { name: 'health', containerPort: 10254, hostPort: 10254, protocol: 'TCP' },
                ],
                securityContext: { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, runAsUser: 101 },
              },
            ],
          }),
        },
      }),
      store,
    );
    const tpl = (ing.spec as { template: IPodTemplateSpec }).template;
    ing.status = { currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 1, numberAvailable: 1 };
    objects.push(ing);
    objects.push(runningPod({ name: 'nginx-ingress-microk8s-controller-x7v2k', namespace: 'ingress', owner: ing, template: tpl, extraLabels: { 'controller-revision-hash': templateHash(tpl), 'pod-template-generation': '1' }, node: opts.nodeName, nodeIP: opts.nodeIP, podIPs: net.allocate(opts.nodeName), created: t(54 * s) }));
  }
  if (opts.addons.includes('hostpath-storage')) {
    objects.push(serviceAccount('microk8s-hostpath', 'kube-system', t(50 * s)));
    objects.push(obj('storage.k8s.io/v1', 'StorageClass', meta('microk8s-hostpath', undefined, t(50 * s), { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }), { provisioner: 'microk8s.io/hostpath', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' }));
    objects.push(...deploymentWithPods(store, { name: 'hostpath-provisioner', namespace: 'kube-system', labels: { 'k8s-app': 'hostpath-provisioner' }, template: simpleTemplate({ 'k8s-app': 'hostpath-provisioner' }, 'hostpath-provisioner', 'docker.io/cdkbot/hostpath-provisioner:1.5.0', { env: [{ name: 'PV_DIR', value: '/var/snap/microk8s/common/default-storage' }] }), replicas: 1, created: t(50 * s), place }));
  }
  void ownerOf;
  load(store, objects);
}
