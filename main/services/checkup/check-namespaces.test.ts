import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contract';
import { checkNamespaces } from './check-namespaces';
import { checkNetworkPolicies, detectNetworkPlugin } from './check-network-policies';
import { pod } from './test-objects';

describe('namespaces', () => {
  it('warns about workloads in default, and namespaces with pods but no quota or limit range', () => {
    const snapshot = {
      pods: [pod({ namespace: 'default' }), pod({ namespace: 'shop' }), pod({ namespace: 'dev' }), pod({ namespace: 'kube-system' })],
      resourceQuotas: [{ namespace: 'shop', name: 'q' }],
      limitRanges: [{ namespace: 'shop', name: 'l' }, { namespace: 'dev', name: 'l' }],
      problems: [],
    };
    const f = Object.fromEntries(checkNamespaces(snapshot).map((x) => [x.id, x] as const)) as Record<string, Finding>;
    expect(f['namespaces.default']!.status).toBe('warning');
    expect(f['namespaces.default']!.objects.map((o) => o.name)).toEqual(['web']);
    expect(f['namespaces.resource-quotas']!.objects.map((o) => o.name)).toEqual(['default', 'dev']);
    expect(f['namespaces.limit-ranges']!.objects.map((o) => o.name)).toEqual(['default']);
  });

  it('passes when every namespace with pods has both, and leaves unreadable lists out', () => {
    const ok = checkNamespaces({ pods: [pod()], resourceQuotas: [{ namespace: 'shop', name: 'q' }], limitRanges: [{ namespace: 'shop', name: 'l' }], problems: [] });
    expect(ok.map((f) => f.status)).toEqual(['pass', 'pass', 'pass']);
    expect(checkNamespaces({ pods: [pod()], problems: [] }).map((f) => f.id)).toEqual(['namespaces.default']);
  });
});

describe('network policies', () => {
  const calico = pod({ namespace: 'kube-system', name: 'calico-node-abcde', labels: { 'k8s-app': 'calico-node' } });
  const flannel = pod({ namespace: 'kube-flannel', name: 'kube-flannel-ds-x', labels: { app: 'flannel' } });

  it('fails namespaces with pods and no policy', () => {
    const f = checkNetworkPolicies({ pods: [calico, pod({ namespace: 'shop' }), pod({ namespace: 'dev' })], networkPolicies: [{ namespace: 'shop', name: 'deny' }], problems: [] });
    expect(f[0]!.status).toBe('pass');
    expect(f[1]!.status).toBe('fail');
    expect(f[1]!.objects.map((o) => o.name)).toEqual(['dev']);
    expect(f[1]!.fix).toContain('namespace: dev');
  });

  it('knows Calico enforces policies and flannel does not; Canal (both) enforces', () => {
    expect(detectNetworkPlugin([calico])).toMatchObject({ name: 'Calico', enforces: true });
    expect(detectNetworkPlugin([flannel])).toMatchObject({ name: 'flannel', enforces: false });
    expect(detectNetworkPlugin([flannel, calico])).toMatchObject({ name: 'Calico' });
    const f = checkNetworkPolicies({ pods: [flannel], networkPolicies: [], problems: [] })[0]!;
    expect(f.status).toBe('fail');
    expect(f.summary).toContain('silently ignored');
    expect(checkNetworkPolicies({ pods: [pod()], networkPolicies: [], problems: [] })[0]!.status).toBe('warning');
  });
});
