import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { rfc3339, type KObj } from '../objects';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import { milliCpu, parseQuantity } from './quantity';
import type { Recorder } from './recorder';

// The scheduler stand-in: binds each pending pod to a Ready, schedulable node whose
// allocatable CPU / memory / pod count still fit the pod's requests, honouring nodeSelector
// and NoSchedule taints. Otherwise PodScheduled=False/Unschedulable with the real message
// ("0/1 nodes are available: 1 Insufficient cpu. ...") and a FailedScheduling event.

const NAME = 'scheduler';
const RETRY_MS = 10_000;

interface Usage {
  cpu: number; // millicores
  mem: number; // bytes
  pods: number;
}

function requests(pod: IPod): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += milliCpu(c.resources?.requests?.cpu as string | undefined);
    mem += parseQuantity(c.resources?.requests?.memory as string | undefined);
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

  constructor(
    private readonly store: Store,
    private readonly recorder: Recorder,
  ) {}

  private account(p: IPod & KObj): void {
    const uid = p.metadata.uid;
    const prev = this.accounted.get(uid);
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

  reconcile(key: string, q: Queue): void {
    const [ns, name] = key.split('/') as [string, string];
    const pod = this.store.get<IPod>('pods', ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const req = requests(pod);
    const reasons = new Map<string, number>();
    const bump = (r: string): void => void reasons.set(r, (reasons.get(r) ?? 0) + 1);
    let best: { name: string; free: number } | undefined;
    let total = 0;
    for (const node of this.store.list<INode>('nodes')) {
      total++;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      if (!ready) {
        bump("node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
        continue;
      }
      if (node.spec?.unschedulable) {
        bump('node(s) were unschedulable');
        continue;
      }
      const tolerations = pod.spec?.tolerations ?? [];
      const blocking = (node.spec?.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerations.some((tol) => tol.operator === 'Exists' ? !tol.key || tol.key === t.key : tol.key === t.key && tol.value === t.value));
      if (blocking) {
        bump(`node(s) had untolerated taint {${blocking.key}: ${blocking.value ?? ''}}`);
        continue;
      }
      const selector = pod.spec?.nodeSelector ?? {};
      if (Object.entries(selector).some(([k, v]) => node.metadata?.labels?.[k] !== v)) {
        bump("node(s) didn't match Pod's node affinity/selector");
        continue;
      }
      const alloc = node.status?.allocatable ?? {};
      const u = this.usage.get(node.metadata!.name!) ?? { cpu: 0, mem: 0, pods: 0 };
      const freeCpu = milliCpu(alloc.cpu as string) - u.cpu;
      const freeMem = parseQuantity(alloc.memory as string) - u.mem;
      const maxPods = parseQuantity(alloc.pods as string) || 110;
      let fits = true;
      if (u.pods + 1 > maxPods) {
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
      // Least-allocated scoring, roughly: prefer the node with the most free CPU share.
      const free = freeCpu / Math.max(1, milliCpu(alloc.cpu as string)) + freeMem / Math.max(1, parseQuantity(alloc.memory as string));
      if (!best || free > best.free) best = { name: node.metadata!.name!, free };
    }
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
