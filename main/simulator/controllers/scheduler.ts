import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ITaint } from 'kubernetes-models/v1/Taint';
import { rfc3339, type KObj } from '../objects';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import { milliCpu, parseQuantity } from './quantity';
import type { Recorder } from './recorder';

// The scheduler stand-in: binds each pending pod to a Ready, schedulable node whose
// allocatable CPU / memory / pod count still fit the pod's requests, honouring nodeSelector
// and NoSchedule taints. Otherwise PodScheduled=False/Unschedulable with the real message
// ("0/1 nodes are available: 1 Insufficient cpu. ...") and a FailedScheduling event.
//
// At thousands of nodes it works as kube-scheduler does: each node's parsed allocatable is
// cached (refreshed on node events) beside the requests already placed on it (kept up to date
// on pod bind / delete), and filtering stops once enough feasible nodes are found
// (percentageOfNodesToScore, adaptive), continuing from where the previous pod stopped, so
// every node gets its turn. A pod that fits nowhere still visits every node, so the
// FailedScheduling counts cover the whole cluster as the real message does.

const NAME = 'scheduler';
const RETRY_MS = 10_000;

interface Usage {
  cpu: number; // millicores
  mem: number; // bytes
  pods: number;
}

/** What filtering and scoring need of a node, parsed once per node change rather than per pod. */
interface NodeInfo {
  name: string;
  ready: boolean;
  unschedulable: boolean;
  taints: ITaint[];
  labels: Record<string, string>;
  cpu: number; // allocatable millicores
  mem: number; // allocatable bytes
  maxPods: number;
}

function nodeInfo(node: INode): NodeInfo {
  const alloc = node.status?.allocatable ?? {};
  return {
    name: node.metadata!.name!,
    ready: node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True',
    unschedulable: Boolean(node.spec?.unschedulable),
    // Only the taints that keep pods off matter to placement.
    taints: (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'),
    labels: node.metadata?.labels ?? {},
    cpu: milliCpu(alloc.cpu as string),
    mem: parseQuantity(alloc.memory as string),
    maxPods: parseQuantity(alloc.pods as string) || 110,
  };
}

// kube-scheduler's defaults (pkg/scheduler/schedule_one.go numFeasibleNodesToFind).
const MIN_FEASIBLE_NODES = 100;
const MIN_PERCENTAGE = 5;

/** How many feasible nodes to find before scoring: all below 100 nodes, then 50% - n/125 (at least 5%, at least 100). */
export function feasibleNodesToFind(all: number): number {
  if (all < MIN_FEASIBLE_NODES) return all;
  const pct = Math.max(MIN_PERCENTAGE, 50 - all / 125);
  return Math.max(MIN_FEASIBLE_NODES, Math.floor((all * pct) / 100));
}

// Replicas share their request strings ("10m", "32Mi"): parse each distinct one once.
const parsed = new Map<string, number>();
function cachedQuantity(q: string | number | undefined, parse: (q: string | number | undefined) => number): number {
  if (typeof q !== 'string') return parse(q);
  const key = parse === milliCpu ? `c${q}` : `q${q}`;
  let v = parsed.get(key);
  if (v === undefined) {
    v = parse(q);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(key, v);
  }
  return v;
}

function requests(pod: IPod): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += cachedQuantity(c.resources?.requests?.cpu as string | undefined, milliCpu);
    mem += cachedQuantity(c.resources?.requests?.memory as string | undefined, parseQuantity);
  }
  return { cpu, mem };
}

const active = (p: IPod & KObj): boolean => Boolean(p.spec?.nodeName) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

export class Scheduler implements Controller {
  readonly name = NAME;
  readonly watches = ['pods', 'nodes'];
  private usage = new Map<string, Usage>();
  private readonly accounted = new Map<string, { node: string; cpu: number; mem: number }>();
  /** Pods waiting for a node, so node changes need not scan every pod. */
  private readonly waiting = new Set<string>();
  private readonly nodeInfos = new Map<string, NodeInfo>();
  /** The nodes in store (name) order; rebuilt when a node comes or goes. */
  private nodeOrder: NodeInfo[] | undefined;
  /** Where the next pod's search starts, as kube-scheduler's nextStartNodeIndex. */
  private nextStart = 0;

  constructor(
    private readonly store: Store,
    private readonly recorder: Recorder,
  ) {}

  private account(p: IPod & KObj): void {
    const uid = p.metadata.uid;
    const prev = this.accounted.get(uid);
    // Most pod events are status changes on the same node: requests cannot change in place.
    if (prev && active(p) && prev.node === p.spec!.nodeName) return;
    if (prev) {
      const u = this.usage.get(prev.node);
      if (u) {
        u.cpu -= prev.cpu;
        u.mem -= prev.mem;
        u.pods -= 1;
      }
      this.accounted.delete(uid);
    }
    if (!active(p)) return;
    const node = p.spec!.nodeName!;
    const r = requests(p);
    const u = this.usage.get(node) ?? { cpu: 0, mem: 0, pods: 0 };
    u.cpu += r.cpu;
    u.mem += r.mem;
    u.pods += 1;
    this.usage.set(node, u);
    this.accounted.set(uid, { node, ...r });
  }

  resync(q: Queue): void {
    for (const p of this.store.list<IPod>('pods')) {
      this.account(p);
      if (!p.spec?.nodeName && !p.metadata.deletionTimestamp) {
        const key = objectKey(p.metadata.namespace, p.metadata.name);
        this.waiting.add(key);
        q.add(NAME, key);
      }
    }
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === 'nodes') {
      const node = e.object as INode & KObj;
      const known = this.nodeOrder && e.type !== 'DELETED' ? this.nodeInfos.get(node.metadata.name) : undefined;
      // A changed node is refreshed in place; one coming or going rebuilds the order on next use.
      if (known) Object.assign(known, nodeInfo(node));
      else this.nodeOrder = undefined;
      // A node appearing or becoming schedulable may place the pending pods.
      if (e.type !== 'DELETED') for (const key of this.waiting) q.add(NAME, key, 100);
      return;
    }
    const p = e.object as IPod & KObj;
    const key = objectKey(p.metadata.namespace, p.metadata.name);
    if (e.type !== 'DELETED' && !p.spec?.nodeName && !p.metadata.deletionTimestamp) this.waiting.add(key);
    else this.waiting.delete(key);
    if (e.type === 'DELETED') {
      const prev = this.accounted.get(p.metadata.uid);
      if (prev) this.account({ ...p, spec: { ...p.spec, containers: p.spec?.containers ?? [], nodeName: '' } });
      return;
    }
    this.account(p);
    if (this.waiting.has(key)) q.add(NAME, key);
  }

  private nodes(): NodeInfo[] {
    if (!this.nodeOrder) {
      this.nodeInfos.clear();
      this.nodeOrder = [];
      for (const node of this.store.list<INode>('nodes')) {
        const info = nodeInfo(node);
        this.nodeInfos.set(info.name, info);
        this.nodeOrder.push(info);
      }
    }
    return this.nodeOrder;
  }

  reconcile(key: string, q: Queue): void {
    const [ns, name] = key.split('/') as [string, string];
    const pod = this.store.get<IPod>('pods', ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const req = requests(pod);
    const tolerations = pod.spec?.tolerations ?? [];
    const selector = Object.entries(pod.spec?.nodeSelector ?? {});
    const reasons = new Map<string, number>();
    const bump = (r: string): void => void reasons.set(r, (reasons.get(r) ?? 0) + 1);
    let best: { name: string; free: number } | undefined;
    const nodes = this.nodes();
    const total = nodes.length;
    const enough = feasibleNodesToFind(total);
    const start = total ? this.nextStart % total : 0;
    let feasible = 0;
    let visited = 0;
    for (; visited < total && feasible < enough; visited++) {
      const node = nodes[(start + visited) % total]!;
      if (!node.ready) {
        bump("node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
        continue;
      }
      if (node.unschedulable) {
        bump('node(s) were unschedulable');
        continue;
      }
      const blocking = node.taints.length ? node.taints.find((t) => !tolerations.some((tol) => (tol.operator === 'Exists' ? !tol.key || tol.key === t.key : tol.key === t.key && tol.value === t.value))) : undefined;
      if (blocking) {
        bump(`node(s) had untolerated taint {${blocking.key}: ${blocking.value ?? ''}}`);
        continue;
      }
      if (selector.some(([k, v]) => node.labels[k] !== v)) {
        bump("node(s) didn't match Pod's node affinity/selector");
        continue;
      }
      const u = this.usage.get(node.name) ?? { cpu: 0, mem: 0, pods: 0 };
      const freeCpu = node.cpu - u.cpu;
      const freeMem = node.mem - u.mem;
      let fits = true;
      if (u.pods + 1 > node.maxPods) {
        bump('Too many pods');
        fits = false;
      }
      if (req.cpu > freeCpu) {
        bump('Insufficient cpu');
        fits = false;
      }
      if (req.mem > freeMem) {
        bump('Insufficient memory');
        fits = false;
      }
      if (!fits) continue;
      feasible++;
      // Least-allocated scoring, roughly: prefer the node with the most free CPU and memory share.
      const free = freeCpu / Math.max(1, node.cpu) + freeMem / Math.max(1, node.mem);
      if (!best || free > best.free) best = { name: node.name, free };
    }
    this.nextStart = total ? (start + visited) % total : 0;
    if (best) {
      const target = best.name;
      const bound = this.store.mutate<IPod>('pods', ns, name, (p) => {
        p.spec = { ...p.spec!, nodeName: target };
        const conds = (p.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
        p.status = { ...(p.status ?? {}), conditions: [...conds, { type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339() }] };
      });
      if (bound) this.recorder.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${target}`, { component: 'default-scheduler' });
      return;
    }
    const parts = [...reasons].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${n} ${r}`);
    const message = `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} No preemption victims found for incoming pod.`;
    const cur = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (cur?.message !== message) {
      const updated = this.store.mutate<IPod>('pods', ns, name, (p) => {
        const conds = (p.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
        p.status = { ...(p.status ?? {}), phase: 'Pending', conditions: [...conds, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339() }] };
      });
      if (updated) this.recorder.record(updated, 'Warning', 'FailedScheduling', message, { component: 'default-scheduler' });
    }
    q.add(NAME, key, RETRY_MS);
  }
}
