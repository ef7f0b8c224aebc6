import type { Finding } from '../../contract';
import type { ClusterSnapshot } from './cluster-snapshot';
import { agree, listNames, makeFinding, plural } from './finding';
import { userPods, WorkloadFindings } from './workload-groups';

// Namespaces: people's workloads in `default`, and namespaces with workloads but no ResourceQuota
// or LimitRange (https://kubernetes.io/docs/concepts/policy/resource-quotas/).

/** Namespaces where people run things: those holding pods, outside the platform's own. */
export function workloadNamespaces(snapshot: Pick<ClusterSnapshot, 'pods'>): string[] {
  return [...new Set(userPods(snapshot.pods ?? []).map((p) => p.namespace))].sort();
}

export function checkNamespaces(snapshot: ClusterSnapshot): Finding[] {
  const out: Finding[] = [];
  if (!snapshot.pods) return out;
  const inDefault = new WorkloadFindings();
  for (const pod of userPods(snapshot.pods)) if (pod.namespace === 'default') inDefault.add(pod, 'in namespace default');
  out.push(
    makeFinding('namespaces', {
      id: 'default',
      title: 'Workloads in the default namespace',
      status: inDefault.size ? 'warning' : 'pass',
      summary: inDefault.size ? `${agree(inDefault.size, 'workload', 'runs', 'run')} in \`default\`: ${listNames(inDefault.names())}.` : 'Nothing runs in the `default` namespace.',
      why: 'Everything lands in `default` unless told otherwise, so it mixes unrelated apps under one set of permissions, quotas and network rules. A namespace per app or team keeps them apart.',
      fix: 'kubectl create namespace my-app\nkubectl -n default get deploy NAME -o yaml | sed "s/namespace: default/namespace: my-app/" | kubectl apply -f -\nkubectl -n default delete deploy NAME',
      fixFormat: 'shell',
      objects: inDefault.objects(),
    }),
  );
  const namespaces = workloadNamespaces(snapshot);
  if (snapshot.resourceQuotas) {
    out.push(
      coverageFinding(namespaces, snapshot.resourceQuotas, {
        id: 'resource-quotas',
        title: 'Resource quotas',
        objectKind: 'ResourceQuota',
        why: 'Without a quota, one namespace can take all the cluster\'s CPU, memory or pods (a runaway Deployment, a forgotten test), starving everything else.',
        fix: (namespace) => `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: ${namespace}
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 8Gi
    limits.cpu: "8"
    limits.memory: 16Gi
    pods: "50"`,
      }),
    );
  }
  if (snapshot.limitRanges) {
    out.push(
      coverageFinding(namespaces, snapshot.limitRanges, {
        id: 'limit-ranges',
        title: 'Limit ranges',
        objectKind: 'LimitRange',
        why: 'A LimitRange gives containers that declare no requests or limits sensible defaults, so the scheduler can place them and a quota can count them.',
        fix: (namespace) => `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: ${namespace}
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m, memory: 128Mi }
      default: { cpu: 500m, memory: 256Mi }`,
      }),
    );
  }
  return out;
}

/** The namespaces that run pods but hold none of `present` (e.g. no ResourceQuota), as one finding. */
function coverageFinding(
  namespaces: string[],
  present: { namespace: string }[],
  o: { id: string; title: string; objectKind: string; why: string; fix: (namespace: string) => string },
): Finding {
  const covered = new Set(present.map((q) => q.namespace));
  const missing = namespaces.filter((n) => !covered.has(n));
  const scope = `Checked the ${plural(namespaces.length, 'namespace')} that run pods.`;
  return makeFinding('namespaces', {
    id: o.id,
    title: o.title,
    status: missing.length ? 'warning' : 'pass',
    summary: missing.length
      ? `${agree(missing.length, 'namespace', 'has', 'have')} no ${o.objectKind}: ${listNames(missing)}. ${scope}`
      : `Every namespace with workloads has a ${o.objectKind}. ${scope}`,
    why: o.why,
    fix: o.fix(missing[0] ?? 'NAMESPACE'),
    fixFormat: 'yaml',
    objects: missing.map((n) => ({ kind: 'Namespace', name: n, detail: `no ${o.objectKind}` })),
  });
}
