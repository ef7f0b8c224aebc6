import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contract';
import { checkPodSecurity } from './check-pod-security';
import { podFacts } from './cluster-snapshot';
import { container, pod } from './test-objects';

const byId = (pods: Parameters<typeof checkPodSecurity>[0], ns: Parameters<typeof checkPodSecurity>[1] = [{ name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } }], version = 'v1.32.2') =>
  Object.fromEntries(checkPodSecurity(pods, ns, version).map((f) => [f.id.split('.')[1], f] as const)) as Record<string, Finding>;

describe('pod security', () => {
  it('passes a non-root, unprivileged pod in a labelled namespace', () => {
    const f = byId([pod()]);
    expect(Object.values(f).map((x) => `${x.id}:${x.status}`)).toEqual([
      'pod-security.psp:pass',
      'pod-security.admission-labels:pass',
      'pod-security.privileged:pass',
      'pod-security.host-namespaces:pass',
      'pod-security.host-path:pass',
      'pod-security.root:pass',
      'pod-security.capabilities:pass',
      'pod-security.privilege-escalation:pass',
    ]);
  });

  it('says PodSecurityPolicy is gone since 1.25, and warns on older servers', () => {
    expect(byId([pod()]).psp!.summary).toMatch(/removed in Kubernetes 1\.25/);
    expect(byId([pod()], undefined, 'v1.24.9').psp!.status).toBe('warning');
  });

  it('flags namespaces without an enforce label, or enforcing privileged, but not platform namespaces', () => {
    const f = byId([], [
      { name: 'dev', labels: {} },
      { name: 'lab', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } },
      { name: 'kube-system', labels: {} },
      { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    ]);
    expect(f['admission-labels']!.status).toBe('warning');
    expect(f['admission-labels']!.objects.map((o) => o.name)).toEqual(['dev', 'lab']);
  });

  it('flags privileged init containers and names the Deployment, not each pod', () => {
    const p = (n: string) => pod({ name: `web-7d9f8b6c5d-${n}`, containers: [container({ name: 'setup', type: 'init', securityContext: { privileged: true, runAsNonRoot: true, allowPrivilegeEscalation: false } }), container()] });
    const f = byId([p('aaaaa'), p('bbbbb')]);
    expect(f.privileged!.status).toBe('fail');
    expect(f.privileged!.objects).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'web', detail: 'init container setup' }]);
  });

  it('flags host namespaces and hostPath volumes', () => {
    const f = byId([pod({ hostNetwork: true, hostPID: true, hostPaths: ['/var/run/docker.sock'] })]);
    expect(f['host-namespaces']!.status).toBe('fail');
    expect(f['host-namespaces']!.objects[0]!.detail).toBe('hostNetwork, hostPID');
    expect(f['host-path']!.objects[0]!.detail).toBe('hostPath /var/run/docker.sock');
  });

  it('combines the pod and container securityContext as the kubelet does for the user', () => {
    // The pod says non-root; the container overrides with uid 0: root.
    const overridden = byId([pod({ securityContext: { runAsNonRoot: true }, containers: [container({ securityContext: { runAsUser: 0, allowPrivilegeEscalation: false } })] })]);
    expect(overridden.root!.status).toBe('fail');
    // The container says nothing; the pod's runAsUser applies.
    const fromPod = byId([pod({ securityContext: { runAsUser: 1000 }, containers: [container({ securityContext: { allowPrivilegeEscalation: false } })] })]);
    expect(fromPod.root!.status).toBe('pass');
    // Nothing anywhere: the image decides, which is usually root.
    const unknown = byId([pod({ containers: [container({ securityContext: { allowPrivilegeEscalation: false } })] })]);
    expect(unknown.root!.status).toBe('warning');
  });

  it('flags added capabilities except NET_BIND_SERVICE', () => {
    expect(byId([pod({ containers: [container({ securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'] } } })] })]).capabilities!.status).toBe('pass');
    const f = byId([pod({ containers: [container({ securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } } })] })]);
    expect(f.capabilities!.status).toBe('fail');
    expect(f.capabilities!.objects[0]!.detail).toBe('container app: adds SYS_ADMIN');
  });

  it('warns when allowPrivilegeEscalation is not false, ephemeral containers included', () => {
    const f = byId([pod({ containers: [container(), container({ name: 'debugger', type: 'ephemeral', securityContext: { runAsNonRoot: true } })] })]);
    expect(f['privilege-escalation']!.status).toBe('warning');
    expect(f['privilege-escalation']!.objects[0]!.detail).toBe('ephemeral container debugger: allowPrivilegeEscalation not set');
  });

  it('leaves out platform namespaces and finished pods', () => {
    const f = byId([pod({ namespace: 'kube-system', hostNetwork: true }), pod({ phase: 'Succeeded', hostNetwork: true })]);
    expect(f['host-namespaces']!.status).toBe('pass');
  });

  it('reads a raw pod: owners, volumes, init containers and security contexts', () => {
    const p = podFacts({
      metadata: { name: 'web-7d9f8b6c5d-x', namespace: 'shop', labels: { 'pod-template-hash': '7d9f8b6c5d' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d9f8b6c5d', controller: true }] },
      spec: {
        hostPID: true,
        securityContext: { runAsUser: 1000 },
        volumes: [{ name: 'a', hostPath: { path: '/etc' } }, { name: 'b', emptyDir: {} }],
        initContainers: [{ name: 'init', image: 'busybox', restartPolicy: 'Always' }],
        containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['NET_ADMIN'] } }, resources: { requests: { cpu: '1' } }, livenessProbe: { exec: { command: ['true'] } } }],
      },
      status: { phase: 'Running', containerStatuses: [{ image: 'docker.io/library/nginx:latest', imageID: 'docker.io/library/nginx@sha256:abc' }] },
    });
    expect(p.workload).toEqual({ kind: 'Deployment', namespace: 'shop', name: 'web' });
    expect(p.hostPaths).toEqual(['/etc']);
    expect(p.containers.map((c) => `${c.type}:${c.name}:${c.sidecar}`)).toEqual(['init:init:true', 'container:app:false']);
    expect(p.containers[1]!.securityContext).toEqual({ capabilities: { add: ['NET_ADMIN'] } });
    expect(p.containers[1]!.livenessProbe).toBe(true);
    expect(p.containers[1]!.readinessProbe).toBe(false);
    expect(p.runningImages).toEqual(['docker.io/library/nginx:latest', 'docker.io/library/nginx@sha256:abc']);
  });
});
