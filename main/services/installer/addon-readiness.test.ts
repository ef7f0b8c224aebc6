import { describe, expect, it } from 'vitest';
import { waitForAddon, type WorkloadState } from './addon-readiness';

const deps = (read: (name: string) => WorkloadState | undefined | Error, timeoutMs = 1_000) => {
  const progress: string[] = [];
  return {
    progress,
    deps: {
      read: async (_kind: 'Deployment' | 'DaemonSet', _ns: string, name: string) => {
        const state = read(name);
        if (state instanceof Error) throw state;
        return state;
      },
      timeoutMs,
      pollMs: 5,
      signal: new AbortController().signal,
      progress: (text: string) => progress.push(text),
    },
  };
};

describe('waitForAddon', () => {
  it('waits until every workload of the addon is ready, reporting progress', async () => {
    let polls = 0;
    const { deps: d, progress } = deps((name) => {
      polls++;
      if (name === 'kubernetes-dashboard') return polls < 6 ? undefined : { ready: 1, desired: 1 };
      return { ready: polls < 4 ? 0 : 1, desired: 1 };
    });
    expect(await waitForAddon('dashboard', d)).toEqual({ ready: true });
    expect(progress[0]).toMatch(/kube-system\/kubernetes-dashboard not created yet/);
    expect(progress.some((p) => /dashboard-metrics-scraper 0\/1 ready/.test(p))).toBe(true);
  });

  it('gives up after the timeout, naming what it waited for; a DaemonSet with nothing scheduled is not ready', async () => {
    const { deps: d } = deps(() => ({ ready: 0, desired: 0 }), 50);
    expect(await waitForAddon('ingress', d)).toEqual({ ready: false, waitingFor: 'ingress/nginx-ingress-microk8s-controller 0/0 ready' });
  });

  it('keeps waiting through API errors, and addons without workloads are ready at once', async () => {
    let calls = 0;
    const { deps: d, progress } = deps(() => (++calls < 3 ? new Error('connect ECONNREFUSED') : { ready: 1, desired: 1 }));
    expect(await waitForAddon('dns', d)).toEqual({ ready: true });
    expect(progress[0]).toMatch(/API not answering/);
    expect(await waitForAddon('rbac', deps(() => undefined).deps)).toEqual({ ready: true });
  });
});
