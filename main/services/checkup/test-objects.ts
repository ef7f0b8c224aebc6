import type { ContainerFacts, PodFacts } from './cluster-snapshot';

// Small objects for the checks' unit tests.

export function container(over: Partial<ContainerFacts> = {}): ContainerFacts {
  return {
    name: 'app',
    type: 'container',
    image: 'nginx:1.27.3',
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { memory: '128Mi' },
    livenessProbe: true,
    readinessProbe: true,
    sidecar: false,
    ...over,
  };
}

export function pod(over: Partial<PodFacts> = {}): PodFacts {
  const namespace = over.namespace ?? 'shop';
  const name = over.name ?? 'web-7d9f8b6c5d-abcde';
  return {
    namespace,
    name,
    labels: { app: 'web', 'pod-template-hash': '7d9f8b6c5d' },
    owner: { kind: 'ReplicaSet', name: 'web-7d9f8b6c5d' },
    workload: { kind: 'Deployment', namespace, name: 'web' },
    hostNetwork: false,
    hostPID: false,
    hostIPC: false,
    hostPaths: [],
    containers: [container()],
    phase: 'Running',
    runningImages: [],
    ...over,
  };
}
