import type { Pod } from '../../kube';
import type { Change } from './apply-events';
import { podRequests } from './quantity';
import type { NodeLoad } from './rows';

// Requests of the pods scheduled on each node (the "Allocated resources" of `kubectl describe
// node`), kept up to date from pod changes instead of summing 150,000 pods per render.
// Finished pods (Succeeded, Failed) no longer hold their requests.

const EMPTY: NodeLoad = Object.freeze({ cpu: 0, memory: 0, pods: 0 });

function counted(pod: Pod | undefined): pod is Pod {
  if (!pod?.spec?.nodeName) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export class NodeLoadIndex {
  private readonly byNode = new Map<string, NodeLoad>();

  get(node: string): NodeLoad {
    return this.byNode.get(node) ?? EMPTY;
  }

  private add(pod: Pod, sign: 1 | -1): void {
    const node = pod.spec!.nodeName!;
    const req = podRequests(pod);
    const cur = this.byNode.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    const next = { cpu: cur.cpu + sign * req.cpu, memory: cur.memory + sign * req.memory, pods: cur.pods + sign };
    if (next.pods <= 0) this.byNode.delete(node);
    else this.byNode.set(node, next);
  }

  /** Returns the nodes whose load changed. */
  apply(changes: readonly Change[]): Set<string> {
    const touched = new Set<string>();
    for (const c of changes) {
      const before = c.before as Pod | undefined;
      const after = c.after as Pod | undefined;
      if (counted(before)) {
        this.add(before, -1);
        touched.add(before.spec!.nodeName!);
      }
      if (counted(after)) {
        this.add(after, 1);
        touched.add(after.spec!.nodeName!);
      }
    }
    return touched;
  }

  clear(): void {
    this.byNode.clear();
  }
}
