import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contract';
import { checkWorkloadHygiene } from './check-workload-hygiene';
import { container, pod } from './test-objects';

const byId = (snapshot: Parameters<typeof checkWorkloadHygiene>[0]) => Object.fromEntries(checkWorkloadHygiene(snapshot).map((x) => [x.id.split('.')[1], x] as const)) as Record<string, Finding>;

describe('workload hygiene', () => {
  it('passes pods with requests, limits, probes and an owner, and deployments with two replicas', () => {
    const f = byId({ pods: [pod()], deployments: [{ namespace: 'shop', name: 'web', replicas: 2 }], problems: [] });
    expect(Object.values(f).map((x) => x.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('names what each container lacks; finished init containers and jobs need no probes', () => {
    const f = byId({
      pods: [
        pod({ containers: [container({ name: 'init', type: 'init', requests: {}, limits: {}, livenessProbe: false, readinessProbe: false }), container({ requests: { cpu: '1' }, limits: {}, livenessProbe: false })] }),
        pod({ name: 'job-x', workload: { kind: 'Job', namespace: 'shop', name: 'import' }, owner: { kind: 'Job', name: 'import' }, containers: [container({ livenessProbe: false, readinessProbe: false })] }),
      ],
      problems: [],
    });
    expect(f.resources!.objects).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'web', detail: 'container app: no memory request, memory limit' }]);
    expect(f.probes!.objects).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'web', detail: 'container app: no liveness probe' }]);
  });

  it('checks native sidecars like containers', () => {
    const f = byId({ pods: [pod({ containers: [container(), container({ name: 'proxy', type: 'init', sidecar: true, requests: {} })] })], problems: [] });
    expect(f.resources!.objects[0]!.detail).toBe('init container proxy: no cpu request, memory request');
  });

  it('flags pods without owners and single-replica deployments', () => {
    const f = byId({ pods: [pod({ name: 'debug', owner: undefined, workload: { kind: 'Pod', namespace: 'dev', name: 'debug' }, namespace: 'dev' })], deployments: [{ namespace: 'dev', name: 'tool', replicas: 1 }, { namespace: 'kube-system', name: 'coredns', replicas: 1 }], problems: [] });
    expect(f['bare-pods']!.objects.map((o) => `${o.kind} ${o.name}`)).toEqual(['Pod debug']);
    expect(f['single-replica']!.objects.map((o) => o.name)).toEqual(['tool']);
    expect(f['single-replica']!.fix).toBe('kubectl scale deployment tool -n dev --replicas=2');
  });
});
