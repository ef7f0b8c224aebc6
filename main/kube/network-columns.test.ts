import { describe, expect, it } from 'vitest';
import { describeNetworkPolicy, ingressCells, ingressHosts, ingressRules } from './network-columns';

// Ingresses and NetworkPolicies from the Kubernetes documentation's examples.

describe('ingress columns', () => {
  const ingress = {
    metadata: { name: 'shop', namespace: 'shop' },
    spec: {
      ingressClassName: 'public',
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      rules: [
        { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }, { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } }] } },
        { http: { paths: [{ path: '/icons', pathType: 'ImplementationSpecific', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'icon-assets' } } }] } },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }, { ip: '10.0.0.5' }, { ip: '127.0.0.1' }] } },
  };

  it('prints CLASS HOSTS ADDRESS PORTS as kubectl get ingress', () => {
    expect(ingressCells(ingress)).toEqual({ class: 'public', hosts: 'shop.example.com', address: '10.0.0.5,127.0.0.1', ports: '80, 443' });
    expect(ingressCells({ metadata: { name: 'x' }, spec: { rules: [{ http: { paths: [] } }] } })).toEqual({ class: '<none>', hosts: '*', address: '', ports: '80' });
  });

  it('lists three hosts then "+ N more..." (formatHosts)', () => {
    const rules = ['a', 'b', 'c', 'd', 'e'].map((h) => ({ host: `${h}.example.com` }));
    expect(ingressHosts({ spec: { rules } })).toBe('a.example.com,b.example.com,c.example.com + 2 more...');
  });

  it('spells out every path and backend', () => {
    expect(ingressRules(ingress)).toEqual([
      { host: 'shop.example.com', path: '/', pathType: 'Prefix', backend: 'web:80' },
      { host: 'shop.example.com', path: '/api', pathType: 'Prefix', backend: 'api:http' },
      { host: '*', path: '/icons', pathType: 'ImplementationSpecific', backend: 'k8s.example.com/StorageBucket/icon-assets' },
    ]);
  });
});

describe('network policies in words', () => {
  it('reads the documentation example (ingress and egress rules, ipBlock with except)', () => {
    const np = {
      metadata: { name: 'test-network-policy', namespace: 'default' },
      spec: {
        podSelector: { matchLabels: { role: 'db' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }, { namespaceSelector: { matchLabels: { project: 'myproject' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }],
            ports: [{ protocol: 'TCP', port: 6379 }],
          },
        ],
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
      },
    };
    expect(describeNetworkPolicy(np)).toEqual({
      podSelector: 'role=db',
      policyTypes: ['Ingress', 'Egress'],
      selects: 'Selects pods with role=db in namespace default',
      ingress: ['Allows TCP 6379 from addresses in 172.17.0.0/16 except 172.17.1.0/24 or all pods in namespaces with project=myproject or pods with role=frontend in this namespace'],
      egress: ['Allows TCP 5978 to addresses in 10.0.0.0/24'],
    });
  });

  it('says deny-all and allow-all plainly', () => {
    const denyAll = describeNetworkPolicy({ metadata: { name: 'default-deny-ingress', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    expect(denyAll).toMatchObject({ podSelector: '<none>', selects: 'Selects all pods in namespace shop', ingress: ['Denies all incoming traffic'], egress: [] });
    const allowAll = describeNetworkPolicy({ metadata: { name: 'allow-all-egress', namespace: 'shop' }, spec: { podSelector: {}, egress: [{}], policyTypes: ['Egress'] } });
    expect(allowAll.egress).toEqual(['Allows all outgoing traffic']);
    expect(allowAll.ingress).toEqual([]);
  });

  it('defaults policyTypes as the API does and reads port ranges, named ports and pods in a namespace', () => {
    const np = describeNetworkPolicy({
      metadata: { name: 'p', namespace: 'shop' },
      spec: {
        podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'web'] }] },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'prom' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ port: 'metrics' }] }],
        egress: [{ ports: [{ protocol: 'UDP', port: 32000, endPort: 32768 }] }],
      },
    });
    expect(np.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.selects).toBe('Selects pods with tier in (api,web) in namespace shop');
    expect(np.ingress).toEqual(['Allows TCP port "metrics" from pods with app=prom in namespaces with kubernetes.io/metadata.name=monitoring']);
    expect(np.egress).toEqual(['Allows UDP 32000-32768 to anywhere']);
  });
});
