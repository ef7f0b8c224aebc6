import type { Pod } from '../../kube';
import type { Change } from './apply-events';
import { bytes, millicores, podRequests } from './quantity';
import type { NodeLoad } from './rows';

// Requests of the pods scheduled on each node (the "Allocated resources" of `kubectl describe
// node`), kept up to date from pod changes instead of summing 150,000 pods per render.
// Finished pods (Succeeded, Failed) no longer hold their requests.
//
// Cost matters: this runs for every pod event (2,000/s at scale) and every listed pod. A map of
// what each pod added was tried and measured slower (150k string-keyed entries to grow and keep),
// so the old pod's requests are computed again, cheaply: quantities repeat ("100m", "128Mi"),
// so parsed values are remembered, and the common pod (no init containers, no overhead) is
// summed without the general rule's temporary arrays.

const EMPTY: NodeLoad = Object.freeze({ cpu: 0, memory: 0, pods: 0 });
const REMEMBERED = 4_096;

function remembered(cache: Map<string, number>, parse: (v: string | undefined) => number, value: string | undefined): number {
  if (value === undefined) return 0;
  let n = cache.get(value);
  if (n === undefined) {
    n = parse(value);
    // Bounded: a cluster with endless distinct quantities still parses correctly, just uncached.
    if (cache.size < REMEMBERED) cache.set(value, n);
  }
  return n;
}

function counted(pod: Pod | undefined): pod is Pod {
  if (!pod?.spec?.nodeName) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export class NodeLoadIndex {
  private readonly byNode = new Map<string, NodeLoad>();
  private readonly cpuOf = new Map<string, number>();
  private readonly memoryOf = new Map<string, number>();

  /** The node's load now; read it at once (the object is updated in place as pods change). */
  get(node: string): NodeLoad {
    return this.byNode.get(node) ?? EMPTY;
  }

  /** podRequests, with remembered quantities for pods whose request is a plain sum. */
  private add(pod: Pod, sign: 1 | -1): void {
    const spec = pod.spec!;
    let cpu = 0;
    let memory = 0;
    if ((spec.initContainers?.length ?? 0) > 0 || (spec as { overhead?: unknown }).overhead) {
      ({ cpu, memory } = podRequests(pod));
    } else {
      for (const c of spec.containers ?? []) {
        const requests = c.resources?.requests;
        if (!requests) continue;
        cpu += remembered(this.cpuOf, millicores, requests.cpu);
        memory += remembered(this.memoryOf, bytes, requests.memory);
      }
    }
    const node = spec.nodeName!;
    const cur = this.byNode.get(node);
    if (!cur) {
      if (sign > 0) this.byNode.set(node, { cpu, memory, pods: 1 });
      return;
    }
    // In place: node rows copy the numbers when they are built, nobody keeps the object.
    cur.pods += sign;
    if (cur.pods <= 0) {
      this.byNode.delete(node);
      return;
    }
    cur.cpu += sign * cpu;
    cur.memory += sign * memory;
  }

  apply(changes: readonly Change[]): void {
    for (const c of changes) {
      const before = c.before as Pod | undefined;
      const after = c.after as Pod | undefined;
      if (counted(before)) this.add(before, -1);
      if (counted(after)) this.add(after, 1);
    }
  }

  clear(): void {
    this.byNode.clear();
  }
}
