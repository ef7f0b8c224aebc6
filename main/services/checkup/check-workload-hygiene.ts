import type { Finding } from '../../contract';
import type { ClusterSnapshot, PodFacts } from './cluster-snapshot';
import { agree, isUserNamespace, listNames, makeFinding, plural } from './finding';
import { containerLabel, userPods, WorkloadFindings } from './workload-groups';

// Workload hygiene: requests and limits, probes, single-replica Deployments, pods nobody owns.
// https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/

/** Jobs' pods run to completion: probes do not apply to them. */
const BATCH_OWNERS = new Set(['Job', 'CronJob']);
const isBatch = (p: PodFacts) => BATCH_OWNERS.has(p.workload.kind);

export function checkWorkloadHygiene(snapshot: ClusterSnapshot): Finding[] {
  const out: Finding[] = [];
  if (snapshot.pods) {
    const pods = userPods(snapshot.pods);
    const resources = new WorkloadFindings();
    const probes = new WorkloadFindings();
    const bare = new WorkloadFindings();
    for (const pod of pods) {
      if (!pod.owner) bare.add(pod, 'no owner: nothing recreates it');
      for (const c of pod.containers) {
        // Init containers that finish do not hold resources for long; sidecars do.
        if (c.type === 'ephemeral' || (c.type === 'init' && !c.sidecar)) continue;
        const missing = [!c.requests?.cpu && 'cpu request', !c.requests?.memory && 'memory request', !c.limits?.memory && 'memory limit'].filter(Boolean);
        if (missing.length) resources.add(pod, `${containerLabel(c)}: no ${missing.join(', ')}`);
        if (c.type === 'container' && !isBatch(pod)) {
          const noProbe = [!c.readinessProbe && 'readiness', !c.livenessProbe && 'liveness'].filter(Boolean);
          if (noProbe.length) probes.add(pod, `${containerLabel(c)}: no ${noProbe.join(' or ')} probe`);
        }
      }
    }
    const scope = `Checked ${plural(pods.length, 'running pod')}.`;
    out.push(
      makeFinding('workload-hygiene', {
        id: 'resources',
        title: 'Resource requests and limits',
        status: resources.size ? 'warning' : 'pass',
        summary: resources.size ? `${agree(resources.size, 'workload', 'lacks', 'lack')} CPU/memory requests or a memory limit: ${listNames(resources.names())}. ${scope}` : `Every container declares CPU and memory requests and a memory limit. ${scope}`,
        why: 'The scheduler places pods by their requests: without them a node gets overloaded and pods are evicted first when memory runs short. Without a memory limit one leaking container can take a node\'s memory.',
        fix: 'containers:\n  - name: app\n    resources:\n      requests: { cpu: 100m, memory: 128Mi }\n      limits: { memory: 256Mi }',
        fixFormat: 'yaml',
        objects: resources.objects(),
      }),
      makeFinding('workload-hygiene', {
        id: 'probes',
        title: 'Liveness and readiness probes',
        status: probes.size ? 'warning' : 'pass',
        summary: probes.size ? `${agree(probes.size, 'workload', 'has', 'have')} containers without probes: ${listNames(probes.names())}. Jobs are left out. ${scope}` : `Every long-running container has liveness and readiness probes. ${scope}`,
        why: 'Without a readiness probe, a Service sends traffic to a pod before it can answer; without a liveness probe, a hung process is never restarted.',
        fix: 'containers:\n  - name: app\n    readinessProbe:\n      httpGet: { path: /healthz, port: 8080 }\n      periodSeconds: 5\n    livenessProbe:\n      httpGet: { path: /healthz, port: 8080 }\n      initialDelaySeconds: 10\n      periodSeconds: 10',
        fixFormat: 'yaml',
        objects: probes.objects(),
      }),
      makeFinding('workload-hygiene', {
        id: 'bare-pods',
        title: 'Pods without owners',
        status: bare.size ? 'warning' : 'pass',
        summary: bare.size ? `${agree(bare.size, 'pod', 'has', 'have')} no controller: ${listNames(bare.names())}.` : 'Every pod belongs to a controller (Deployment, StatefulSet, DaemonSet, Job...).',
        why: 'A pod created on its own is gone for good when its node fails or it is evicted: nothing recreates it.',
        fix: '# run it as a Deployment instead\nkubectl create deployment NAME --image=IMAGE -n NAMESPACE\nkubectl delete pod NAME -n NAMESPACE',
        fixFormat: 'shell',
        objects: bare.objects(),
      }),
    );
  }
  if (snapshot.deployments) {
    const single = snapshot.deployments.filter((d) => isUserNamespace(d.namespace) && d.replicas === 1);
    out.push(
      makeFinding('workload-hygiene', {
        id: 'single-replica',
        title: 'Single-replica deployments',
        status: single.length ? 'warning' : 'pass',
        summary: single.length ? `${agree(single.length, 'Deployment', 'runs', 'run')} one replica: ${listNames(single.map((d) => `${d.namespace}/${d.name}`))}.` : 'Every Deployment runs more than one replica (or is scaled to zero on purpose).',
        why: 'With one replica, every rollout, node drain or crash is an outage. Two or more, with a PodDisruptionBudget, keep the app up while Kubernetes moves pods around.',
        fix: single[0] ? `kubectl scale deployment ${single[0].name} -n ${single[0].namespace} --replicas=2` : 'kubectl scale deployment NAME --replicas=2',
        fixFormat: 'shell',
        objects: single.map((d) => ({ kind: 'Deployment', namespace: d.namespace, name: d.name, detail: 'replicas: 1' })),
      }),
    );
  }
  return out;
}
