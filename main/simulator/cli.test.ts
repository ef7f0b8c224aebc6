import { describe, expect, it } from 'vitest';
import { parseCli } from './cli';

describe('sim CLI', () => {
  it('parses every option', () => {
    expect(parseCli(['--scenario', 'scale', '--nodes', '50', '--pods', '1000', '--churn', '5', '--faults', 'latency=20ms', '--port', '16443', '--speed', '10', '--addons', 'dns,ingress'])).toEqual({
      scenario: 'scale',
      nodes: 50,
      pods: 1000,
      churn: 5,
      faults: 'latency=20ms',
      port: 16443,
      speed: 10,
      addons: ['dns', 'ingress'],
    });
    expect(parseCli([])).toEqual({ scenario: 'fresh-microk8s' });
  });
  it('rejects bad input', () => {
    expect(() => parseCli(['--scenario', 'huge'])).toThrow(/--scenario must be one of/);
    expect(() => parseCli(['--nodes=-3'])).toThrow(/--nodes must be a non-negative number/);
    expect(() => parseCli(['--speed', 'fast'])).toThrow(/--speed must be a non-negative number/);
    expect(() => parseCli(['--bogus'])).toThrow();
  });
});
