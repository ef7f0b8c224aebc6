import { isObject, randSuffix, type KObj } from '../objects';
import type { Store } from '../store';

// Server-side defaulting (pkg/apis/<group>/v1/defaults.go) for the kinds clients create, so
// objects read back look like a real cluster's: imagePullPolicy, dnsPolicy, the service-account
// token volume, a ClusterIP from microk8s' 10.152.183.0/24, a NodePort from 30000-32767.

type J = Record<string, unknown>;
const obj = (v: unknown): J => (isObject(v) ? v : {});
function setDefault(o: J, key: string, value: unknown): void {
  if (o[key] === undefined) o[key] = value;
}

// https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting
export function imagePullPolicy(image: string): string {
  const lastPart = image.split('/').pop() ?? image;
  const tag = lastPart.includes('@') ? 'digest' : lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: J, index: number, volumeName: string | undefined): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'imagePullPolicy', imagePullPolicy(String(c.image ?? '')));
  setDefault(c, 'resources', {});
  for (const p of Array.isArray(c.ports) ? c.ports : []) if (isObject(p)) setDefault(p, 'protocol', 'TCP');
  // Probe defaults (SetDefaults_Probe): 1 s timeout, every 10 s, 1 success, 3 failures.
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[key];
    if (!isObject(probe)) continue;
    setDefault(probe, 'timeoutSeconds', 1);
    setDefault(probe, 'periodSeconds', 10);
    setDefault(probe, 'successThreshold', 1);
    setDefault(probe, 'failureThreshold', 3);
    if (isObject(probe.httpGet)) setDefault(probe.httpGet, 'scheme', 'HTTP');
  }
  if (volumeName) {
    const mounts = Array.isArray(c.volumeMounts) ? [...c.volumeMounts] : [];
    if (!mounts.some((m) => isObject(m) && m.mountPath === '/var/run/secrets/kubernetes.io/serviceaccount')) {
      mounts.push({ name: volumeName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' });
    }
    c.volumeMounts = mounts;
  }
  void index;
}

/** Pod template defaults (shared by pods and every workload's template). */
export function defaultPodSpec(spec: J, isPod: boolean): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  // The service-account admission plugin adds the token volume to pods, not templates.
  let volumeName: string | undefined;
  if (isPod) {
    setDefault(spec, 'serviceAccountName', 'default');
    setDefault(spec, 'serviceAccount', spec.serviceAccountName);
    setDefault(spec, 'enableServiceLinks', true);
    setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
    setDefault(spec, 'priority', 0);
    if (spec.automountServiceAccountToken !== false) {
      const volumes = Array.isArray(spec.volumes) ? [...spec.volumes] : [];
      const existing = volumes.find((v) => isObject(v) && String(v.name).startsWith('kube-api-access-'));
      volumeName = isObject(existing) ? String(existing.name) : `kube-api-access-${randSuffix(5)}`;
      if (!existing) volumes.push(serviceAccountVolume(volumeName));
      spec.volumes = volumes;
    }
    // DefaultTolerationSeconds admission plugin.
    const tolerations = Array.isArray(spec.tolerations) ? [...spec.tolerations] : [];
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
      if (!tolerations.some((t) => isObject(t) && t.key === key)) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
    spec.tolerations = tolerations;
  }
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  containers.forEach((c, i) => isObject(c) && defaultContainer(c, i, volumeName));
  const inits = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  inits.forEach((c, i) => isObject(c) && defaultContainer(c, i, volumeName));
}

export function serviceAccountVolume(name: string): J {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

// QoS class (pkg/apis/core/helper/qos): Guaranteed when every container's requests equal its
// limits for cpu and memory, BestEffort when none has any, Burstable otherwise.
export function qosClass(spec: J): string {
  const containers = [...(Array.isArray(spec.containers) ? spec.containers : []), ...(Array.isArray(spec.initContainers) ? spec.initContainers : [])].filter(isObject);
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const r = obj(c.resources);
    const req = obj(r.requests);
    const lim = obj(r.limits);
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const res of ['cpu', 'memory']) {
      const l = lim[res];
      const q = req[res] ?? l;
      if (l === undefined || q !== l) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function templateSpec(o: J): J {
  const spec = obj(o.spec);
  const tpl = obj(spec.template);
  const ps = obj(tpl.spec);
  tpl.spec = ps;
  tpl.metadata = obj(tpl.metadata);
  spec.template = tpl;
  o.spec = spec;
  return ps;
}

const SERVICE_CIDR_BASE = '10.152.183.';

function allocateClusterIP(store: Store): string {
  const used = new Set<string>();
  for (const s of store.list('services')) used.add(String(obj(s.spec).clusterIP ?? ''));
  // .1 is the kubernetes service, .10 kube-dns; allocate from the top half like the real allocator's offset.
  for (let i = 0; i < 254; i++) {
    const ip = `${SERVICE_CIDR_BASE}${((i * 37 + 100) % 253) + 2}`;
    if (!used.has(ip)) return ip;
  }
  throw new Error('service CIDR exhausted');
}

function allocateNodePort(store: Store): number {
  const used = new Set<number>();
  for (const s of store.list('services')) for (const p of (obj(s.spec).ports as J[] | undefined) ?? []) if (typeof p.nodePort === 'number') used.add(p.nodePort);
  for (let i = 0; i < 2768; i++) {
    const port = 30000 + ((i * 7919 + 1234) % 2768);
    if (!used.has(port)) return port;
  }
  throw new Error('node port range exhausted');
}

/** Applies create-time defaults in place. `o` is a private copy. */
export function applyDefaults(o: KObj, store: Store): void {
  const spec = obj(o.spec);
  switch (o.kind) {
    case 'Pod':
      defaultPodSpec(spec, true);
      o.spec = spec;
      o.status = { phase: 'Pending', qosClass: qosClass(spec), ...obj(o.status) };
      break;
    case 'Deployment': {
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'progressDeadlineSeconds', 600);
      setDefault(spec, 'strategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
      o.spec = spec;
      defaultPodSpec(templateSpec(o), false);
      break;
    }
    case 'ReplicaSet':
    case 'ReplicationController':
      setDefault(spec, 'replicas', 1);
      o.spec = spec;
      defaultPodSpec(templateSpec(o), false);
      break;
    case 'DaemonSet':
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
      o.spec = spec;
      defaultPodSpec(templateSpec(o), false);
      break;
    case 'StatefulSet':
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
      setDefault(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
      o.spec = spec;
      defaultPodSpec(templateSpec(o), false);
      break;
    case 'Job': {
      setDefault(spec, 'parallelism', 1);
      setDefault(spec, 'completions', 1);
      setDefault(spec, 'backoffLimit', 6);
      setDefault(spec, 'completionMode', 'NonIndexed');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'podReplacementPolicy', 'TerminatingOrFailed');
      o.spec = spec;
      const ps = templateSpec(o);
      defaultPodSpec(ps, false);
      setDefault(ps, 'restartPolicy', 'Never');
      // The job controller's generated selector (pkg/registry/batch/job/strategy.go generateSelector).
      if (!spec.manualSelector) {
        const uid = o.metadata.uid;
        const tpl = obj(spec.template);
        const md = obj(tpl.metadata);
        md.labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': o.metadata.name, 'controller-uid': uid, 'job-name': o.metadata.name, ...obj(md.labels) };
        tpl.metadata = md;
        spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
        o.metadata.labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': o.metadata.name, 'controller-uid': uid, 'job-name': o.metadata.name, ...(o.metadata.labels ?? {}) };
      }
      break;
    }
    case 'CronJob':
      setDefault(spec, 'concurrencyPolicy', 'Allow');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'successfulJobsHistoryLimit', 3);
      setDefault(spec, 'failedJobsHistoryLimit', 1);
      o.spec = spec;
      break;
    case 'Service': {
      setDefault(spec, 'type', 'ClusterIP');
      setDefault(spec, 'sessionAffinity', 'None');
      if (spec.type !== 'ExternalName') {
        if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = allocateClusterIP(store);
        setDefault(spec, 'clusterIPs', [spec.clusterIP]);
        setDefault(spec, 'ipFamilies', ['IPv4']);
        setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
        setDefault(spec, 'internalTrafficPolicy', 'Cluster');
      }
      const needsNodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
      if (needsNodePort) {
        setDefault(spec, 'externalTrafficPolicy', 'Cluster');
        if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
      }
      const ports = Array.isArray(spec.ports) ? spec.ports.filter(isObject) : [];
      for (const p of ports) {
        setDefault(p, 'protocol', 'TCP');
        setDefault(p, 'targetPort', p.port);
        if (needsNodePort && p.nodePort === undefined) p.nodePort = allocateNodePort(store);
      }
      o.spec = spec;
      o.status = { loadBalancer: {} };
      break;
    }
    case 'Namespace':
      o.metadata.labels = { 'kubernetes.io/metadata.name': o.metadata.name, ...(o.metadata.labels ?? {}) };
      o.spec = { finalizers: ['kubernetes'] };
      o.status = { phase: 'Active' };
      break;
    case 'Secret':
      setDefault(o, 'type', 'Opaque');
      break;
    case 'PersistentVolumeClaim':
      setDefault(spec, 'volumeMode', 'Filesystem');
      o.spec = spec;
      o.status = { phase: 'Pending' };
      break;
    case 'Node':
      o.spec = spec;
      break;
  }
  if (HAS_GENERATION.has(o.kind)) o.metadata.generation = 1;
}

export const HAS_GENERATION = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController', 'NetworkPolicy', 'Ingress', 'PodDisruptionBudget']);
