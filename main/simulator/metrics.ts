import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { formatCpuNano, formatMemKi, milliCpu, parseQuantity } from './controllers/quantity';
import { rfc3339, type KObj } from './objects';
import type { Store } from './store';

// metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics, computed on read as metrics-server
// would report them: each running container uses a share of its request that drifts slowly
// (a hash of the pod and the current 15-second window), nodes add system overhead.

const WINDOW_MS = 15_000;

function noise(seed: string, window: number): number {
  let h = 2166136261;
  const s = `${seed}:${window}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return (h % 1000) / 1000;
}

interface Usage {
  cpu: number; // cores
  mem: number; // bytes
}

function containerUsage(pod: IPod & KObj, name: string, requests: Record<string, unknown> | undefined, window: number): Usage {
  const seed = `${pod.metadata.uid}/${name}`;
  const n = noise(seed, window);
  const reqCpu = milliCpu(requests?.cpu as string | undefined) / 1000;
  const reqMem = parseQuantity(requests?.memory as string | undefined);
  return {
    cpu: reqCpu > 0 ? reqCpu * (0.1 + 0.5 * n) : 0.001 + 0.02 * n,
    mem: reqMem > 0 ? reqMem * (0.3 + 0.5 * noise(seed, 0)) : (10 + 90 * noise(seed, 0)) * 1024 * 1024,
  };
}

const running = (p: IPod): boolean => p.status?.phase === 'Running';

export function podMetrics(store: Store, namespace: string | undefined, now = Date.now()): KObj[] {
  const window = Math.floor(now / WINDOW_MS);
  const out: KObj[] = [];
  for (const pod of store.list<IPod>('pods', namespace)) {
    if (!running(pod)) continue;
    const containers = (pod.spec?.containers ?? []).map((c) => {
      const u = containerUsage(pod, c.name, c.resources?.requests as Record<string, unknown> | undefined, window);
      return { name: c.name, usage: { cpu: formatCpuNano(u.cpu), memory: formatMemKi(u.mem) } };
    });
    out.push({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: '', resourceVersion: '', creationTimestamp: rfc3339(now), labels: pod.metadata.labels ?? {} },
      timestamp: rfc3339(window * WINDOW_MS),
      window: '15s',
      containers,
    } as KObj);
  }
  return out;
}

export function nodeMetrics(store: Store, now = Date.now()): KObj[] {
  const window = Math.floor(now / WINDOW_MS);
  const perNode = new Map<string, Usage>();
  for (const pod of store.list<IPod>('pods')) {
    const node = pod.spec?.nodeName;
    if (!node || !running(pod)) continue;
    const acc = perNode.get(node) ?? { cpu: 0, mem: 0 };
    for (const c of pod.spec?.containers ?? []) {
      const u = containerUsage(pod, c.name, c.resources?.requests as Record<string, unknown> | undefined, window);
      acc.cpu += u.cpu;
      acc.mem += u.mem;
    }
    perNode.set(node, acc);
  }
  const out: KObj[] = [];
  for (const node of store.list<INode>('nodes')) {
    const name = node.metadata.name;
    const u = perNode.get(name) ?? { cpu: 0, mem: 0 };
    // kubelite, containerd and dqlite cost a microk8s node about a quarter core and 700 MiB.
    const sys = 0.2 + 0.1 * noise(name, window);
    out.push({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: { name, uid: '', resourceVersion: '', creationTimestamp: rfc3339(now), labels: node.metadata.labels ?? {} },
      timestamp: rfc3339(window * WINDOW_MS),
      window: '15s',
      usage: { cpu: formatCpuNano(u.cpu + sys), memory: formatMemKi(u.mem + 700 * 1024 * 1024) },
    } as KObj);
  }
  return out;
}
