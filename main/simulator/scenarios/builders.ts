import { createHash } from 'node:crypto';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { applyDefaults, defaultPodSpec, qosClass } from '../api/defaults';
import { templateHash } from '../controllers/template-hash';
import { isObject, newUid, randSuffix, rfc3339, type KObj, type OwnerRef } from '../objects';
import type { Store } from '../store';

// Object factories for scenarios: what a cluster that has been running for a while holds,
// already defaulted like the API server would have, with workloads whose pods are up.

export interface Clock {
  /** An RFC 3339 timestamp `agoMs` before the scenario started. */
  ago(agoMs: number): string;
}

export function makeClock(start = Date.now()): Clock {
  return { ago: (ms) => rfc3339(start - ms) };
}

type J = Record<string, unknown>;

export function meta(name: string, namespace: string | undefined, created: string, extra: J = {}): KObj['metadata'] {
  const m: KObj['metadata'] = { name, uid: newUid(), resourceVersion: '', creationTimestamp: created, ...extra };
  if (namespace) m.namespace = namespace;
  return m;
}

export function obj(apiVersion: string, kind: string, metadata: KObj['metadata'], body: J = {}): KObj {
  return { apiVersion, kind, metadata, ...body };
}

/** Applies the API server's defaults to a scenario object. */
export function defaulted(o: KObj, store: Store): KObj {
  const c = structuredClone(o);
  const md = { ...c.metadata };
  applyDefaults(c, store);
  c.metadata = { ...c.metadata, uid: md.uid, creationTimestamp: md.creationTimestamp };
  return c;
}

export const ownerOf = (o: KObj): OwnerRef => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true });

export function namespace(name: string, created: string, labels: Record<string, string> = {}): KObj {
  return obj('v1', 'Namespace', meta(name, undefined, created, { labels: { 'kubernetes.io/metadata.name': name, ...labels } }), { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
}

export interface NodeSpec {
  name: string;
  ip: string;
  created: string;
  tunnelAddr: string;
  cpu?: number;
  memoryKi?: number;
  worker?: boolean;
  ready?: boolean;
}

// A microk8s node as `kubectl get node -o yaml` shows it (reference §6).
export function node(n: NodeSpec): KObj {
  const cpu = n.cpu ?? 4;
  const mem = n.memoryKi ?? 16_369_656;
  const role = n.worker ? { 'node.kubernetes.io/microk8s-worker': 'microk8s-worker' } : { 'node.kubernetes.io/microk8s-controlplane': 'microk8s-controlplane' };
  const cond = (type: string, status: string, reason: string, message: string): J => ({ type, status, lastHeartbeatTime: n.created, lastTransitionTime: n.created, reason, message });
  const ready = n.ready ?? true;
  return obj(
    'v1',
    'Node',
    meta(n.name, undefined, n.created, {
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'microk8s.io/cluster': 'true',
        ...role,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'projectcalico.org/IPv4Address': `${n.ip}/24`,
        'projectcalico.org/IPv4VXLANTunnelAddr': n.tunnelAddr,
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    }),
    {
      spec: {},
      status: {
        capacity: { cpu: String(cpu), 'ephemeral-storage': '81106868Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${mem}Ki`, pods: '110' },
        allocatable: { cpu: String(cpu), 'ephemeral-storage': '80058292Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${mem - 102_400}Ki`, pods: '110' },
        conditions: [
          cond('NetworkUnavailable', 'False', 'CalicoIsUp', 'Calico is running on this node'),
          cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          ready ? cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status') : cond('Ready', 'False', 'KubeletNotReady', 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized'),
        ],
        addresses: [
          { type: 'InternalIP', address: n.ip },
          { type: 'Hostname', address: n.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: 'c2b1f3d8e1a94b6f9e3b1d2c3a4b5c6d',
          systemUUID: 'c2b1f3d8-e1a9-4b6f-9e3b-1d2c3a4b5c6d',
          bootID: '5e0c9b1e-7f5a-4d0c-9a43-1f8f3b1e2d4c',
          kernelVersion: '6.8.0-51-generic',
          osImage: 'Ubuntu 24.04.1 LTS',
          containerRuntimeVersion: 'containerd://1.6.28',
          kubeletVersion: 'v1.32.2',
          kubeProxyVersion: 'v1.32.2',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    },
  );
}

export interface ServicePortSpec {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

export function service(name: string, ns: string, created: string, spec: J, labels: Record<string, string> = {}): KObj {
  return obj('v1', 'Service', meta(name, ns, created, { labels }), { spec });
}

export function podTemplate(labels: Record<string, string>, spec: J, annotations?: Record<string, string>): IPodTemplateSpec {
  const md: J = { labels };
  if (annotations) md.annotations = annotations;
  return { metadata: md, spec } as unknown as IPodTemplateSpec;
}

export interface RunningPodOptions {
  name: string;
  namespace: string;
  owner: KObj;
  template: IPodTemplateSpec;
  extraLabels?: Record<string, string>;
  node: string;
  nodeIP: string;
  podIPs: string[];
  created: string;
}

/** A pod that has been Running and Ready since `created`. */
export function runningPod(o: RunningPodOptions): KObj {
  const spec = structuredClone(o.template.spec ?? { containers: [] }) as unknown as J;
  defaultPodSpec(spec, true);
  spec.nodeName = o.node;
  const labels = { ...(o.template.metadata?.labels ?? {}), ...(o.extraLabels ?? {}) };
  const md: J = { generateName: `${o.name.slice(0, o.name.lastIndexOf('-') + 1)}`, labels, ownerReferences: [ownerOf(o.owner)] };
  if (o.template.metadata?.annotations) md.annotations = o.template.metadata.annotations;
  const cond = (type: string): J => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: o.created });
  const statusOf = (c: J): J => ({
    name: c.name,
    state: { running: { startedAt: o.created } },
    lastState: {},
    ready: true,
    restartCount: 0,
    image: String(c.image),
    imageID: `${String(c.image).replace(/:[^:/]+$/, '')}@sha256:${createHash('sha256').update(String(c.image)).digest('hex')}`,
    containerID: `containerd://${newUid().replace(/-/g, '')}${newUid().replace(/-/g, '').slice(0, 32)}`,
    started: true,
  });
  const initStatuses = ((spec.initContainers as J[] | undefined) ?? []).map((c) => ({
    name: c.name,
    state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: o.created, finishedAt: o.created, containerID: `containerd://${newUid().replace(/-/g, '')}` } },
    lastState: {},
    ready: true,
    restartCount: 0,
    image: String(c.image),
    imageID: '',
    started: false,
  }));
  const status: J = {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
    hostIP: o.nodeIP,
    hostIPs: [{ ip: o.nodeIP }],
    podIP: o.podIPs[0],
    podIPs: o.podIPs.map((ip) => ({ ip })),
    startTime: o.created,
    containerStatuses: ((spec.containers as J[]) ?? []).map(statusOf),
    qosClass: qosClass(spec),
  };
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  return obj('v1', 'Pod', meta(o.name, o.namespace, o.created, md), { spec, status });
}

export function configMap(name: string, ns: string, created: string, data: Record<string, string>, labels?: Record<string, string>): KObj {
  return obj('v1', 'ConfigMap', meta(name, ns, created, labels ? { labels } : {}), { data });
}

export function serviceAccount(name: string, ns: string, created: string): KObj {
  return obj('v1', 'ServiceAccount', meta(name, ns, created));
}

export const KUBE_ROOT_CA = '-----BEGIN CERTIFICATE-----\nMIIDDzCCAfegAwIBAgIUSimulatedMicrok8sClusterCA0wDQYJKoZIhvcNAQEL\n-----END CERTIFICATE-----\n';

/** Deployment + its ReplicaSet + running pods, consistent with what the controllers expect. */
export function deploymentWithPods(
  store: Store,
  o: { name: string; namespace: string; labels: Record<string, string>; template: IPodTemplateSpec; replicas: number; created: string; podNames?: string[]; hash?: string; place: () => { node: string; nodeIP: string; podIPs: string[] } },
): KObj[] {
  const d = defaulted(
    obj('apps/v1', 'Deployment', meta(o.name, o.namespace, o.created, { labels: o.labels, annotations: { 'deployment.kubernetes.io/revision': '1' } }), {
      spec: { replicas: o.replicas, selector: { matchLabels: o.template.metadata?.labels ?? {} }, template: o.template },
    }),
    store,
  );
  const spec = d.spec as J;
  const tpl = spec.template as IPodTemplateSpec;
  const hash = o.hash ?? templateHash(tpl);
  const rsTemplate = structuredClone(tpl);
  rsTemplate.metadata = { ...(rsTemplate.metadata ?? {}), labels: { ...(rsTemplate.metadata?.labels ?? {}), 'pod-template-hash': hash } };
  const rs = obj(
    'apps/v1',
    'ReplicaSet',
    meta(`${o.name}-${hash}`, o.namespace, o.created, {
      labels: rsTemplate.metadata.labels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(o.replicas), 'deployment.kubernetes.io/max-replicas': String(o.replicas + Math.ceil(o.replicas * 0.25)), 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [ownerOf(d)],
      generation: 1,
    }),
    {
      spec: { replicas: o.replicas, selector: { matchLabels: { ...(o.template.metadata?.labels ?? {}), 'pod-template-hash': hash } }, template: rsTemplate },
      status: { replicas: o.replicas, fullyLabeledReplicas: o.replicas, readyReplicas: o.replicas, availableReplicas: o.replicas, observedGeneration: 1 },
    },
  );
  const pods: KObj[] = [];
  for (let i = 0; i < o.replicas; i++) {
    const where = o.place();
    pods.push(runningPod({ name: o.podNames?.[i] ?? `${o.name}-${hash}-${randSuffix(5)}`, namespace: o.namespace, owner: rs, template: rsTemplate, node: where.node, nodeIP: where.nodeIP, podIPs: where.podIPs, created: o.created }));
  }
  const cond = (type: string, reason: string, message: string): J => ({ type, status: 'True', lastUpdateTime: o.created, lastTransitionTime: o.created, reason, message });
  d.status = {
    observedGeneration: 1,
    replicas: o.replicas,
    updatedReplicas: o.replicas,
    readyReplicas: o.replicas,
    availableReplicas: o.replicas,
    conditions: [cond('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'), cond('Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${o.name}-${hash}" has successfully progressed.`)],
  };
  return [d, rs, ...pods];
}

export function storageKeyOf(o: KObj): string {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  const plural: Record<string, string> = {
    Namespace: 'namespaces', Node: 'nodes', Pod: 'pods', Service: 'services', Endpoints: 'endpoints', Event: 'events', ConfigMap: 'configmaps', Secret: 'secrets',
    ServiceAccount: 'serviceaccounts', PersistentVolume: 'persistentvolumes', PersistentVolumeClaim: 'persistentvolumeclaims', ReplicationController: 'replicationcontrollers',
    ResourceQuota: 'resourcequotas', LimitRange: 'limitranges', Deployment: 'deployments', ReplicaSet: 'replicasets', DaemonSet: 'daemonsets', StatefulSet: 'statefulsets',
    ControllerRevision: 'controllerrevisions', Job: 'jobs', CronJob: 'cronjobs', EndpointSlice: 'endpointslices', Ingress: 'ingresses', IngressClass: 'ingressclasses',
    NetworkPolicy: 'networkpolicies', StorageClass: 'storageclasses',
  };
  const r = plural[o.kind];
  if (!r) throw new Error(`no storage for ${o.kind}`);
  return group ? `${group}/${r}` : r;
}

/** Stores scenario objects (in order: owners before dependents). */
export function load(store: Store, objects: KObj[]): void {
  for (const o of objects) store.create(storageKeyOf(o), o);
}

export const isJ = isObject;
