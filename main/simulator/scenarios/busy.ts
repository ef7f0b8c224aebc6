import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { Cluster } from '../cluster';
import type { Incoming } from '../objects';
import { resourceForKind } from '../resources';
import { load, makeClock, node } from './builders';
import { freshMicrok8s } from './fresh-microk8s';
import type { RunningScenario, ScenarioParams } from './index';

// A three-node microk8s that a team has been using: several namespaces, every workload kind,
// and the trouble a cluster view must show: CrashLoopBackOff, ImagePullBackOff, an
// unschedulable Pending pod, a rollout stuck at ProgressDeadlineExceeded, a failed Job,
// NodePort and LoadBalancer (<pending>) services, network policies in some namespaces,
// privileged / hostPath / root / probe-less / ":latest" workloads for the security check-up,
// and one namespace ("dev") without quotas. Everything below is created through the same
// write path a client uses, so the controllers bring it to life.

type Body = Incoming & { metadata: { name: string; namespace?: string } };

function create(cluster: Cluster, body: Body): void {
  const rt = resourceForKind(body.apiVersion, body.kind);
  if (!rt) throw new Error(`no resource for ${body.apiVersion} ${body.kind}`);
  cluster.writer.create(rt, body.metadata.namespace as string | undefined, body);
}

const nsObj = (name: string, labels: Record<string, string> = {}): Body => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

function deployment(ns: string, name: string, replicas: number, containers: Record<string, unknown>[], extra: { spec?: Record<string, unknown>; podSpec?: Record<string, unknown>; labels?: Record<string, string> } = {}): Body {
  const labels = { app: name, ...(extra.labels ?? {}) };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels }, spec: { containers, ...(extra.podSpec ?? {}) } }, ...(extra.spec ?? {}) },
  };
}

function svc(ns: string, name: string, type: string, ports: Record<string, unknown>[], selector: Record<string, string> = { app: name }, extra: Record<string, unknown> = {}): Body {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels: { app: name } }, spec: { type, selector, ports, ...extra } };
}

const quota = (ns: string): Body => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'compute-resources', namespace: ns },
  spec: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '16Gi', pods: '50' } },
  status: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '16Gi', pods: '50' }, used: { 'requests.cpu': '850m', 'requests.memory': '1216Mi', 'limits.cpu': '1700m', 'limits.memory': '2432Mi', pods: '9' } },
});

const probes = (port: number, path = '/'): Record<string, unknown> => ({
  readinessProbe: { httpGet: { path, port }, initialDelaySeconds: 2, periodSeconds: 5 },
  livenessProbe: { httpGet: { path, port }, initialDelaySeconds: 10, periodSeconds: 10 },
});
const res = (cpu: string, mem: string): Record<string, unknown> => ({ resources: { requests: { cpu, memory: mem }, limits: { cpu: `${parseInt(cpu, 10) * 2}m`, memory: mem } } });

function nextIP(ip: string, n: number): string {
  const parts = ip.split('.').map(Number);
  parts[3] = ((parts[3] ?? 0) + n) % 254 || 1;
  return parts.join('.');
}

export function busy(cluster: Cluster, p: ScenarioParams): RunningScenario {
  freshMicrok8s(cluster.store, cluster.network, { nodeName: p.nodeName, nodeIP: p.nodeIP, addons: ['dns', 'metrics-server', 'ingress', 'hostpath-storage'] });
  const clock = makeClock();
  load(cluster.store, [1, 2].map((i) => node({ name: `${p.nodeName}-worker-${i}`, ip: nextIP(p.nodeIP, i), created: clock.ago(3600_000 * 5), tunnelAddr: cluster.network.tunnelAddress(`${p.nodeName}-worker-${i}`), worker: true, cpu: 8, memoryKi: 32_768_000 })));
  const c = (b: Body): void => create(cluster, b);
  const stopTimers: (() => void)[] = [];

  for (const ns of ['shop', 'monitoring', 'batch', 'dev', 'legacy']) c(nsObj(ns, { team: ns === 'dev' ? 'platform' : ns }));
  for (const ns of ['shop', 'monitoring', 'batch', 'dev', 'legacy']) {
    c({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    c({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: ns }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n(simulated)\n-----END CERTIFICATE-----\n' } });
  }
  for (const ns of ['shop', 'monitoring', 'batch', 'legacy']) c(quota(ns)); // "dev" has none
  c({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: 'shop' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } });

  // shop: a web shop with a crash-looping API and a rollout that will get stuck.
  c(deployment('shop', 'frontend', 3, [{ name: 'nginx', image: 'nginx:1.27.3', ports: [{ containerPort: 80, name: 'http' }], ...probes(80), ...res('100m', '128Mi') }], { labels: { tier: 'web' } }));
  c(svc('shop', 'frontend', 'NodePort', [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }]));
  c(deployment('shop', 'api', 2, [{ name: 'api', image: 'ghcr.io/example/shop-api:2.4.1', command: ['sh', '-c', 'echo "connecting to postgres"; exit 1'], ports: [{ containerPort: 8080 }], ...probes(8080, '/healthz'), ...res('200m', '256Mi') }], { labels: { tier: 'api' } }));
  c(svc('shop', 'api', 'ClusterIP', [{ name: 'http', port: 8080 }]));
  c(deployment('shop', 'checkout', 2, [{ name: 'checkout', image: 'ghcr.io/example/checkout:1.8.0', ports: [{ containerPort: 8080 }], ...probes(8080), ...res('100m', '128Mi') }], { spec: { progressDeadlineSeconds: 60 } }));
  c({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'redis', namespace: 'shop', labels: { app: 'redis' } },
    spec: {
      serviceName: 'redis',
      replicas: 1,
      selector: { matchLabels: { app: 'redis' } },
      template: { metadata: { labels: { app: 'redis' } }, spec: { containers: [{ name: 'redis', image: 'redis:7.2.5', ports: [{ containerPort: 6379, name: 'redis' }], ...res('100m', '256Mi'), volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  });
  c(svc('shop', 'redis', 'ClusterIP', [{ name: 'redis', port: 6379 }], { app: 'redis' }, { clusterIP: 'None' }));
  c({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials', namespace: 'shop' }, type: 'Opaque', data: { username: Buffer.from('shop').toString('base64'), password: Buffer.from('s3cr3t-not-real').toString('base64') } });
  c({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'frontend-config', namespace: 'shop' }, data: { 'nginx.conf': 'server { listen 80; location / { root /usr/share/nginx/html; } }\n' } });
  c({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny-ingress', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  c({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-frontend', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }] } });
  c({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'shop' }, spec: { ingressClassName: 'public', rules: [{ host: 'shop.example.local', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'frontend', port: { number: 80 } } } }] } }] } });

  // monitoring: root / privileged / hostPath / :latest / no probes, and a LoadBalancer with no load balancer.
  c({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'node-exporter', namespace: 'monitoring', labels: { app: 'node-exporter' } },
    spec: {
      selector: { matchLabels: { app: 'node-exporter' } },
      template: {
        metadata: { labels: { app: 'node-exporter' } },
        spec: {
          hostNetwork: true,
          hostPID: true,
          containers: [{ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', args: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys'], ports: [{ containerPort: 9100, hostPort: 9100 }], securityContext: { privileged: true, runAsUser: 0 }, volumeMounts: [{ name: 'proc', mountPath: '/host/proc', readOnly: true }, { name: 'sys', mountPath: '/host/sys', readOnly: true }], ...res('50m', '64Mi') }],
          volumes: [{ name: 'proc', hostPath: { path: '/proc' } }, { name: 'sys', hostPath: { path: '/sys' } }],
          tolerations: [{ operator: 'Exists' }],
        },
      },
    },
  });
  c(deployment('monitoring', 'prometheus', 1, [{ name: 'prometheus', image: 'quay.io/prometheus/prometheus:v2.54.1', ports: [{ containerPort: 9090 }], ...probes(9090, '/-/ready'), ...res('250m', '512Mi') }]));
  c(svc('monitoring', 'prometheus', 'ClusterIP', [{ name: 'web', port: 9090 }]));
  c(deployment('monitoring', 'grafana', 1, [{ name: 'grafana', image: 'grafana/grafana:latest', ports: [{ containerPort: 3000 }] }]));
  c(svc('monitoring', 'grafana', 'LoadBalancer', [{ name: 'http', port: 3000 }]));
  c({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-prometheus-scrape', namespace: 'monitoring' }, spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'prometheus' } } }] }] } });

  // batch: jobs that complete, one that fails, cron jobs.
  const job = (name: string, script: string, spec: Record<string, unknown> = {}): Body => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'batch' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name, image: 'busybox:1.36', command: ['sh', '-c', script], ...res('50m', '32Mi') }] } }, ...spec },
  });
  c(job('db-migrate', 'echo migrating; sleep 3; echo done'));
  c(job('monthly-report', 'echo building report; sleep 2', { completions: 3, parallelism: 1 }));
  c(job('import-customers', 'echo importing; exit 2', { backoffLimit: 1 }));
  const cron = (name: string, schedule: string): Body => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'batch' },
    spec: { schedule, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name, image: 'busybox:1.36', command: ['sh', '-c', `echo ${name}; sleep 2`] }] } } } } },
  });
  c(cron('nightly-backup', '0 2 * * *'));
  c(cron('cleanup', '*/5 * * * *'));

  // dev: no quotas, and the things a security check-up flags.
  c(
    deployment('dev', 'playground', 1, [{ name: 'playground', image: 'nginx:latest', securityContext: { privileged: true, runAsUser: 0, allowPrivilegeEscalation: true }, volumeMounts: [{ name: 'docker-sock', mountPath: '/var/run/docker.sock' }] }], {
      podSpec: { volumes: [{ name: 'docker-sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } }] },
    }),
  );
  c(deployment('dev', 'tooling', 1, [{ name: 'tool', image: 'registry.example.com/team/tool:does-not-exist', ...res('50m', '64Mi') }]));
  c({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big-batch', namespace: 'dev', labels: { app: 'big-batch' } }, spec: { containers: [{ name: 'crunch', image: 'python:3.12-slim', command: ['python', '-c', 'import time; time.sleep(86400)'], resources: { requests: { cpu: '64', memory: '256Gi' } } }] } });
  c({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug-shell', namespace: 'dev', labels: { app: 'debug' } }, spec: { containers: [{ name: 'shell', image: 'busybox:1.36', command: ['sleep', '3600000'] }] } });
  c({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api-token', namespace: 'dev' }, type: 'Opaque', data: { token: Buffer.from('not-a-real-token').toString('base64') } });

  // legacy: a ReplicationController behind a NodePort.
  c({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'old-web', namespace: 'legacy', labels: { app: 'old-web' } },
    spec: { replicas: 2, selector: { app: 'old-web' }, template: { metadata: { labels: { app: 'old-web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.19', ports: [{ containerPort: 80 }] }] } } },
  });
  c(svc('legacy', 'old-web', 'NodePort', [{ port: 80 }]));

  return {
    // Once checkout is rolled out, ship it a broken image: the rollout stalls and, after
    // progressDeadlineSeconds (simulated), reports ProgressDeadlineExceeded.
    afterStart(sim) {
      const timer = setInterval(() => {
        const d = sim.store.get<IDeployment>('apps/deployments', 'shop', 'checkout');
        if (!d) return clearInterval(timer);
        if ((d.status?.availableReplicas ?? 0) < 2) return;
        clearInterval(timer);
        const rt = resourceForKind('apps/v1', 'Deployment')!;
        cluster.writer.patch(rt, 'shop', 'checkout', 'application/strategic-merge-patch+json', {
          metadata: { annotations: { 'kubernetes.io/change-cause': 'deploy checkout 1.9.0' } },
          spec: { template: { spec: { containers: [{ name: 'checkout', image: 'ghcr.io/example/checkout:1.9.0-does-not-exist' }] } } },
        });
      }, 50);
      stopTimers.push(() => clearInterval(timer));
    },
    stop() {
      for (const s of stopTimers) s();
    },
  };
}
