import { describe, expect, it } from 'vitest';
import { envVariableName, serviceDnsName, serviceEnvVars } from './service-env';

describe('envVariableName', () => {
  it('upper-cases and turns dashes into underscores, as kubelet does', () => {
    expect(envVariableName('redis-primary')).toBe('REDIS_PRIMARY');
    expect(envVariableName('web')).toBe('WEB');
  });
});

describe('serviceDnsName', () => {
  it('is NAME.NAMESPACE.svc.cluster.local', () => {
    expect(serviceDnsName('redis-primary', 'shop')).toBe('redis-primary.shop.svc.cluster.local');
  });
});

describe('serviceEnvVars', () => {
  it('matches what a pod sees for a two-port service (kubelet envvars_test.go shape)', () => {
    const vars = serviceEnvVars('redis-primary', '10.0.0.11', [
      { name: 'redis', port: 6379, protocol: 'TCP' },
      { name: 'metrics', port: 9121 },
    ]);
    expect(vars).toEqual([
      { name: 'REDIS_PRIMARY_SERVICE_HOST', value: '10.0.0.11' },
      { name: 'REDIS_PRIMARY_SERVICE_PORT', value: '6379' },
      { name: 'REDIS_PRIMARY_SERVICE_PORT_REDIS', value: '6379' },
      { name: 'REDIS_PRIMARY_SERVICE_PORT_METRICS', value: '9121' },
      { name: 'REDIS_PRIMARY_PORT', value: 'tcp://10.0.0.11:6379' },
      { name: 'REDIS_PRIMARY_PORT_6379_TCP', value: 'tcp://10.0.0.11:6379' },
      { name: 'REDIS_PRIMARY_PORT_6379_TCP_PROTO', value: 'tcp' },
      { name: 'REDIS_PRIMARY_PORT_6379_TCP_PORT', value: '6379' },
      { name: 'REDIS_PRIMARY_PORT_6379_TCP_ADDR', value: '10.0.0.11' },
      { name: 'REDIS_PRIMARY_PORT_9121_TCP', value: 'tcp://10.0.0.11:9121' },
      { name: 'REDIS_PRIMARY_PORT_9121_TCP_PROTO', value: 'tcp' },
      { name: 'REDIS_PRIMARY_PORT_9121_TCP_PORT', value: '9121' },
      { name: 'REDIS_PRIMARY_PORT_9121_TCP_ADDR', value: '10.0.0.11' },
    ]);
  });

  it('uses the protocol given and brackets IPv6 addresses in URLs', () => {
    const vars = serviceEnvVars('dns', 'fd00::a', [{ port: 53, protocol: 'UDP' }]);
    expect(vars).toContainEqual({ name: 'DNS_PORT', value: 'udp://[fd00::a]:53' });
    expect(vars).toContainEqual({ name: 'DNS_PORT_53_UDP_ADDR', value: 'fd00::a' });
    expect(vars.some((v) => v.name.startsWith('DNS_SERVICE_PORT_'))).toBe(false); // unnamed port
  });

  it('gives headless and ExternalName services no variables', () => {
    expect(serviceEnvVars('db', 'None', [{ port: 5432 }])).toEqual([]);
    expect(serviceEnvVars('ext', undefined, [])).toEqual([]);
    expect(serviceEnvVars('ext', '', [])).toEqual([]);
  });
});
