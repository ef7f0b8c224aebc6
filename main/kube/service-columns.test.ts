import { describe, expect, it } from 'vitest';
import { serviceColumns, serviceExternalIP, servicePorts } from './service-columns';
import type { Service } from './types';

const kubeDns: Service = {
  metadata: { name: 'kube-dns', namespace: 'kube-system' },
  spec: {
    type: 'ClusterIP',
    clusterIP: '10.152.183.10',
    clusterIPs: ['10.152.183.10'],
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ],
  },
};

describe('service columns', () => {
  it('prints kube-dns as in the reference', () => {
    expect(serviceColumns(kubeDns)).toEqual({ type: 'ClusterIP', clusterIP: '10.152.183.10', externalIP: '<none>', ports: '53/UDP,53/TCP,9153/TCP' });
  });
  it('prints NodePorts as port:nodePort/proto', () => {
    expect(servicePorts({ spec: { type: 'NodePort', ports: [{ port: 5000, nodePort: 32000, protocol: 'TCP' }] } })).toBe('5000:32000/TCP');
    expect(servicePorts({ spec: { ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } })).toBe('80:30080/TCP,53/UDP');
    expect(servicePorts({ spec: { clusterIP: 'None' } })).toBe('<none>');
  });
  it('shows <pending> for a LoadBalancer without an address, then its IPs', () => {
    const lb: Service = { spec: { type: 'LoadBalancer', ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }] } };
    expect(serviceExternalIP(lb)).toBe('<pending>');
    expect(serviceExternalIP({ ...lb, status: { loadBalancer: { ingress: [{ ip: '10.64.140.44' }, { ip: '10.64.140.43' }] } } }, true)).toBe('10.64.140.43,10.64.140.44');
    expect(serviceExternalIP({ ...lb, status: { loadBalancer: { ingress: [{ hostname: 'a-very-long-hostname.example.com' }] } } })).toBe('a-very-long-h...');
    expect(serviceExternalIP({ spec: { type: 'LoadBalancer', externalIPs: ['1.2.3.4'] } })).toBe('1.2.3.4');
  });
  it('covers ExternalName and headless services', () => {
    expect(serviceExternalIP({ spec: { type: 'ExternalName', externalName: 'db.example.com' } })).toBe('db.example.com');
    expect(serviceColumns({ spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] } }).clusterIP).toBe('None');
    expect(serviceExternalIP({ spec: { type: 'ClusterIP', externalIPs: ['5.6.7.8', '1.1.1.1'] } })).toBe('5.6.7.8,1.1.1.1');
  });
});
