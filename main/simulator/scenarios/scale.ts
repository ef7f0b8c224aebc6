import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { Cluster } from '../cluster';
import { templateHash } from '../controllers/template-hash';
import { defaultPodSpec, qosClass } from '../api/defaults';
import { newUid, randSuffix, type KObj } from '../objects';
import { RESOURCE_TYPES } from '../resources';
import { defaulted, makeClock, meta, namespace, node, obj, ownerOf, podTemplate } from './builders';
import { freshMicrok8s } from './fresh-microk8s';
import type { RunningScenario, ScenarioParams } from './index';

// A large cluster for benchmarks: N nodes, P running pods in Deployments of 30 replicas spread
// over 50 team namespaces, built in bulk (no per-object events) with the sub-objects that
// replicas of one Deployment share in common (container specs, labels, conditions...) stored
// once. Optional churn deletes pods at a steady rate; the ReplicaSet controller replaces them,
// so watchers see DELETED / ADDED / MODIFIED streams.

const REPLICAS = 30;
const TEAMS = 50;
const POD_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'pods' && t.group === '')!;

type J = Record<string, unknown>;

export function scale(cluster: Cluster, p: ScenarioParams): RunningScenario {
  const store = cluster.store;
  const clock = makeClock();
  freshMicrok8s(store, cluster.network, { nodeName: p.nodeName, nodeIP: p.nodeIP, addons: ['dns', 'metrics-server'], bare: true });
  const created = clock.ago(6 * 3600_000);

  // The control-plane node (named after the host) is the fresh cluster's; the rest are workers.
  const nodes: KObj[] = [];
  const nodeNames: string[] = [p.nodeName];
  const nodeIPs: string[] = [p.nodeIP];
  for (let i = 1; i < p.nodes; i++) {
    const name = `mk8s-node-${String(i).padStart(5, '0')}`;
    const ip = `10.${20 + Math.floor(i / 65_000)}.${Math.floor((i % 65_000) / 250)}.${(i % 250) + 2}`;
    nodeNames.push(name);
    nodeIPs.push(ip);
    nodes.push(node({ name, ip, created, tunnelAddr: cluster.network.tunnelAddress(name), worker: true, cpu: 32, memoryKi: 131_072_000 }));
  }
  store.bulkLoad('nodes', nodes);
  const hostIPsByNode = nodeIPs.map((ip) => [{ ip }]);

  const teams = Array.from({ length: TEAMS }, (_, i) => `team-${String(i).padStart(2, '0')}`);
  store.bulkLoad('namespaces', teams.map((t) => namespace(t, created)));

  const deployments: KObj[] = [];
  const replicaSets: KObj[] = [];
  const pods: KObj[] = [];
  const nDeploy = Math.ceil(p.pods / REPLICAS);
  let podIndex = 0;
  for (let d = 0; d < nDeploy; d++) {
    const ns = teams[d % TEAMS]!;
    const name = `svc-${String(d).padStart(5, '0')}`;
    const replicas = Math.min(REPLICAS, p.pods - d * REPLICAS);
    const labels = { app: name, team: ns };
    const template = podTemplate(labels, {
      containers: [{ name: 'app', image: `registry.example.com/${ns}/${name}:1.${d % 20}.0`, ports: [{ containerPort: 8080, protocol: 'TCP' }], resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } } }],
    });
    const dep = defaulted(obj('apps/v1', 'Deployment', meta(name, ns, created, { labels, annotations: { 'deployment.kubernetes.io/revision': '1' }, generation: 1 }), { spec: { replicas, selector: { matchLabels: labels }, template } }), store);
    const tpl = (dep.spec as { template: IPodTemplateSpec }).template;
    const hash = templateHash(tpl);
    const rsLabels = { ...labels, 'pod-template-hash': hash };
    const rsTemplate = { ...tpl, metadata: { ...tpl.metadata, labels: rsLabels } };
    const rs = obj('apps/v1', 'ReplicaSet', meta(`${name}-${hash}`, ns, created, { labels: rsLabels, annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)), 'deployment.kubernetes.io/revision': '1' }, ownerReferences: [ownerOf(dep)], generation: 1 }), {
      spec: { replicas, selector: { matchLabels: rsLabels }, template: rsTemplate },
      status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
    });
    const cond = (type: string, reason: string, message: string): J => ({ type, status: 'True', lastUpdateTime: created, lastTransitionTime: created, reason, message });
    dep.status = { observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, conditions: [cond('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'), cond('Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`)] };
    deployments.push(dep);
    replicaSets.push(rs);

    // Shared by every replica of this ReplicaSet.
    const podSpec = structuredClone(rsTemplate.spec) as unknown as J;
    defaultPodSpec(podSpec, true);
    const ownerRefs = [ownerOf(rs)];
    const generateName = `${rs.metadata.name}-`;
    const conditions = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: created }));
    const containerStatuses = [{ name: 'app', state: { running: { startedAt: created } }, lastState: {}, ready: true, restartCount: 0, image: `registry.example.com/${ns}/${name}:1.${d % 20}.0`, imageID: `registry.example.com/${ns}/${name}@sha256:${hash.padEnd(64, '0')}`, containerID: `containerd://${newUid().replace(/-/g, '')}${newUid().replace(/-/g, '')}`, started: true }];
    const qos = qosClass(podSpec);
    for (let r = 0; r < replicas; r++, podIndex++) {
      const n = podIndex % p.nodes;
      const ips = cluster.network.allocate(nodeNames[n]!);
      pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `${generateName}${randSuffix(5)}`, generateName, namespace: ns, uid: newUid(), resourceVersion: '', creationTimestamp: created, labels: rsLabels, ownerReferences: ownerRefs },
        spec: { ...podSpec, nodeName: nodeNames[n] },
        status: { phase: 'Running', conditions, hostIP: nodeIPs[n], hostIPs: hostIPsByNode[n], podIP: ips[0], podIPs: ips.map((ip) => ({ ip })), startTime: created, containerStatuses, qosClass: qos },
      });
    }
  }
  store.bulkLoad('apps/deployments', deployments);
  store.bulkLoad('apps/replicasets', replicaSets);
  store.bulkLoad('pods', pods);

  // The first live replica of a ReplicaSet: its pods' names sort together from "<rs>-", so the
  // walk stops at the first name past them rather than reading the rest of the namespace.
  const replicaOf = (rs: KObj): (IPod & KObj) | undefined => {
    const prefix = `${rs.metadata.name}-`;
    for (const x of store.list<IPod>('pods', rs.metadata.namespace, `${rs.metadata.namespace}/${prefix}`)) {
      if (!x.metadata.name.startsWith(prefix)) return undefined;
      if (!x.metadata.deletionTimestamp) return x;
    }
    return undefined;
  };

  let timer: NodeJS.Timeout | undefined;
  if (p.churn > 0) {
    // Batches every 100 ms keep the rate steady without a timer per event. What is owed follows
    // the time that passed, not the ticks: a busy process runs its interval late, and counting
    // ticks lost a tenth of the rate at 150,000 pods (up to a second is caught up at once).
    let owed = 0;
    let last = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      owed = Math.min(owed + (p.churn * (now - last)) / 1000, p.churn);
      last = now;
      for (; owed >= 1; owed--) {
        const rs = replicaSets[Math.floor(Math.random() * replicaSets.length)]!;
        const victim = replicaOf(rs);
        if (victim) cluster.writer.delete(POD_TYPE, victim.metadata.namespace, victim.metadata.name, {});
      }
    }, 100);
  }
  return { stop: () => timer && clearInterval(timer) };
}
