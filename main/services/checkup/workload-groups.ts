import type { AffectedObject } from '../../contract';
import type { ContainerFacts, PodFacts, SecurityContext } from './cluster-snapshot';
import { isUserNamespace } from './finding';

// Findings name workloads (what a person edits), not each of their pods: 30 replicas of one
// Deployment are one line. Details say which containers and why.

export class WorkloadFindings {
  private readonly byKey = new Map<string, { object: AffectedObject; details: Set<string> }>();

  add(pod: PodFacts, detail: string): void {
    const w = pod.workload;
    const key = `${w.kind}/${w.namespace}/${w.name}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { object: { kind: w.kind, namespace: w.namespace, name: w.name }, details: new Set() };
      this.byKey.set(key, entry);
    }
    entry.details.add(detail);
  }

  get size(): number {
    return this.byKey.size;
  }

  objects(): AffectedObject[] {
    return [...this.byKey.values()]
      .map(({ object, details }) => ({ ...object, detail: [...details].join('; ') }))
      .sort((a, b) => `${a.namespace}/${a.kind}/${a.name}`.localeCompare(`${b.namespace}/${b.kind}/${b.name}`));
  }

  names(): string[] {
    return this.objects().map((o) => `${o.namespace}/${o.name}`);
  }
}

/** Pods of people's workloads: not the platform's, and not finished ones. */
export const userPods = (pods: PodFacts[]): PodFacts[] => pods.filter((p) => isUserNamespace(p.namespace) && p.phase !== 'Succeeded' && p.phase !== 'Failed');

/** The security settings that apply to a container: its own, falling back to the pod's (as the kubelet does for runAsUser / runAsNonRoot). */
export function effectiveSecurity(pod: PodFacts, c: ContainerFacts): SecurityContext {
  const own = c.securityContext ?? {};
  const podSc = pod.securityContext ?? {};
  const out: SecurityContext = { ...own };
  const runAsUser = own.runAsUser ?? podSc.runAsUser;
  const runAsNonRoot = own.runAsNonRoot ?? podSc.runAsNonRoot;
  if (runAsUser !== undefined) out.runAsUser = runAsUser;
  if (runAsNonRoot !== undefined) out.runAsNonRoot = runAsNonRoot;
  return out;
}

export const containerLabel = (c: ContainerFacts): string => (c.type === 'container' ? `container ${c.name}` : `${c.type} container ${c.name}`);
