import { describe, expect, it } from 'vitest';
import { serviceOfBackend } from './ingress-backend';

describe('serviceOfBackend', () => {
  it('reads the service of a service backend, by port number or name', () => {
    expect(serviceOfBackend('frontend:80')).toBe('frontend');
    expect(serviceOfBackend('shop-api:http')).toBe('shop-api');
  });
  it('is undefined for resource backends and empty cells', () => {
    expect(serviceOfBackend('k8s.example.com/StorageBucket/static')).toBeUndefined();
    expect(serviceOfBackend('')).toBeUndefined();
  });
});
