import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { Cluster } from '../cluster';
import { resourceForKind } from '../resources';
import { load, makeClock, node } from './builders';
import { create, deployment, nsObj, probes, quota, res, svc, type Body } from './manifests';
import { freshMicrok8s } from './fresh-microk8s';
import { IMAGE_SIZES, setNodeImages } from './node-images';
import type { RunningScenario, ScenarioParams } from './index';

// A three-node microk8s that a team has been using: several namespaces, every workload kind,
// and the trouble a cluster view must show: CrashLoopBackOff, ImagePullBackOff, an
// unschedulable Pending pod, a rollout stuck at ProgressDeadlineExceeded, a failed Job,
// NodePort and LoadBalancer (<pending>) services, network policies in some namespaces,
// privileged / hostPath / root / probe-less / ":latest" workloads for the security check-up,
// and one namespace ("dev") without quotas. For the check-up every area has a failing case:
// an out-of-support Kubernetes (1.32), anonymous requests served, no RBAC, a serving
// certificate that expires in 12 days, added capabilities, a 1.9 GB image in the nodes' image
// lists, an untagged image in `default`. Everything below is created through the same
// write path a client uses, so the controllers bring it to life.

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
  // At most one frontend pod may be evicted at a time (a node drain waits for the budget).
  c({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'frontend', namespace: 'shop' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'frontend' } } } });

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
  // A claim for a storage class the cluster does not have: stays Pending, as on a real cluster.
  c({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'scratch', namespace: 'dev' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast-ssd', resources: { requests: { storage: '20Gi' } } } });

  // dev: more check-up cases: added capabilities, a 1.9 GB image, no requests or probes.
  c(deployment('dev', 'net-debug', 1, [{ name: 'netshoot', image: 'nicolaka/netshoot:v0.13', command: ['sleep', '3600000'], securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } }, ...res('50m', '64Mi') }]));
  c(deployment('dev', 'notebook', 1, [{ name: 'notebook', image: 'jupyter/tensorflow-notebook:2024-10-07', ports: [{ containerPort: 8888 }] }]));
  // default: someone's first try, by an untagged image.
  c(deployment('default', 'hello', 1, [{ name: 'hello', image: 'nginx', ports: [{ containerPort: 80 }] }]));

  // legacy: a ReplicationController behind a NodePort.
  c({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'old-web', namespace: 'legacy', labels: { app: 'old-web' } },
    spec: { replicas: 2, selector: { app: 'old-web' }, template: { metadata: { labels: { app: 'old-web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.19', ports: [{ containerPort: 80 }] }] } } },
  });
  c(svc('legacy', 'old-web', 'NodePort', [{ port: 80 }]));

  // Every node has pulled every image (sizes for the check-up's image checks).
  setNodeImages(cluster.store, Object.keys(IMAGE_SIZES));

  return {
    server: { anonymous: true, certificateValidDays: 12 },
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
