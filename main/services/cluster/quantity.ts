import type { Container, Pod } from '../../kube';

// Resource requests as the scheduler counts them; quantities parse with main/kube/quantity.
import { bytes, millicores } from '../../kube/quantity';

export { bytes, millicores, parseQuantity } from '../../kube/quantity';

function sum(containers: Container[] | undefined, resource: string, toUnit: (v: string | undefined) => number): number {
  let total = 0;
  for (const c of containers ?? []) total += toUnit(c.resources?.requests?.[resource]);
  return total;
}

/**
 * A pod's effective request, as the scheduler counts it (and `kubectl describe node` shows it):
 * max(sum of app containers + sidecars, largest init container) + pod overhead.
 * https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers
 */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  const spec = pod.spec;
  if (!spec) return { cpu: 0, memory: 0 };
  const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  const regular = (spec.initContainers ?? []).filter((c) => c.restartPolicy !== 'Always');
  const result = { cpu: 0, memory: 0 };
  for (const [key, unit] of [
    ['cpu', millicores],
    ['memory', bytes],
  ] as const) {
    const app = sum(spec.containers, key, unit) + sum(sidecars, key, unit);
    let init = 0;
    for (const c of regular) init = Math.max(init, unit(c.resources?.requests?.[key]));
    const overhead = unit((spec as { overhead?: Record<string, string> }).overhead?.[key]);
    result[key] = Math.max(app, init) + overhead;
  }
  return result;
}
