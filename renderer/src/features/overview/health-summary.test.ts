import { describe, expect, it } from 'vitest';
import { summariseHealth } from './health-summary';

describe('control-plane health summary', () => {
  it('counts checks per endpoint and names only the failing ones', () => {
    const groups = summariseHealth([
      { check: 'readyz: ping', ok: true },
      { check: 'readyz: etcd', ok: false },
      { check: 'readyz: poststarthook/rbac/bootstrap-roles', ok: true },
      { check: 'livez: ping', ok: true },
      { check: 'livez: log', ok: true },
    ]);
    expect(groups).toEqual([
      { endpoint: 'readyz', passing: 2, total: 3, failing: ['etcd'] },
      { endpoint: 'livez', passing: 2, total: 2, failing: [] },
    ]);
  });
  it('keeps a check without an endpoint prefix', () => {
    expect(summariseHealth([{ check: 'healthz', ok: false }])).toEqual([{ endpoint: 'health', passing: 0, total: 1, failing: ['healthz'] }]);
  });
});
