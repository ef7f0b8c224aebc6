import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../index';
import { call, watch } from '../testing';

// The scale scenario at a small size: the objects it promises, and churn that watchers see.

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'scale', nodes: 20, pods: 600, churn: 40, speed: 20, nodeName: 'bench' });
});
afterAll(() => sim.stop());

describe('scale scenario', () => {
  it('builds N nodes and P running pods in 30-replica deployments', async () => {
    expect(sim.store.count('nodes')).toBe(20);
    expect(sim.store.all('apps/deployments').filter((d) => d.metadata.namespace?.startsWith('team-'))).toHaveLength(20);
    // metrics-server runs, so the metrics API is served.
    expect((await call(sim, 'GET', '/apis/metrics.k8s.io/v1beta1/nodes')).json().items).toHaveLength(20);
    const pods = (await call(sim, 'GET', '/api/v1/pods?fieldSelector=status.phase%3DRunning&limit=1')).json();
    expect(pods.items).toHaveLength(1);
    expect(sim.store.count('pods')).toBeGreaterThanOrEqual(600);
    const nodes = new Set(sim.store.all<{ spec?: { nodeName?: string } }>('pods').map((p) => p.spec?.nodeName).filter(Boolean));
    expect(nodes.size).toBe(20);
  });

  it('churns: pods are deleted and replaced, and watchers see it', async () => {
    const rv = (await call(sim, 'GET', '/api/v1/pods?limit=1')).json().metadata.resourceVersion;
    const w = await watch(sim, `/api/v1/pods?watch=true&resourceVersion=${rv}`);
    await w.next((e) => e.type === 'DELETED', 10_000);
    await w.next((e) => e.type === 'ADDED', 10_000);
    await w.next((e) => e.type === 'MODIFIED' && e.object.status?.phase === 'Running' && !e.object.metadata.deletionTimestamp, 10_000);
    w.close();
    const running = sim.store.all<{ status?: { phase?: string } }>('pods').filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp).length;
    expect(running).toBeGreaterThan(560);
  });
});
