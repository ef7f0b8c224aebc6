import { describe, expect, it } from 'vitest';
import { ClusterService } from '../services/cluster/cluster-service';
import { clusterHandlers } from './cluster-handlers';
import { ClientHub } from './client-hub';
import { createRouter, type Handlers } from './router';

// The cluster calls through the real router (schema validation) with no kubeconfig at all:
// what a fresh machine sees before microk8s is installed.

function setup() {
  const service = new ClusterService({
    kubeconfig: {},
    kubeconfigDeps: { env: {}, home: '/nonexistent', readFile: () => '', exists: () => false, delimiter: ':' },
    searchPath: async () => ({ dirs: [], fromLoginShell: false }),
    isExecutable: () => false,
    onStatus: () => undefined,
  });
  const router = createRouter(clusterHandlers(service) as Handlers);
  const hub = new ClientHub();
  const events: Array<[string, unknown]> = [];
  const { client, close } = hub.connect((event, payload) => events.push([event, payload]));
  return { router, client, close, events, service };
}

describe('cluster handlers', () => {
  it('reports no kubeconfig as idle, with what to do', async () => {
    const { router, client } = setup();
    const status = await router.dispatch('cluster.status', {}, { client });
    expect(status).toMatchObject({ ok: true, value: { state: 'idle', context: null, reason: 'No kubeconfig found.' } });
    expect((status as { value: { hint: string } }).value.hint).toMatch(/KUBECONFIG|--kubeconfig/);
    const contexts = await router.dispatch('cluster.contexts', {}, { client });
    expect(contexts).toMatchObject({ ok: true, value: { contexts: [], current: null, sources: [] } });
  });

  it('opens a view (defaults filled by the schema) that reports loading until connected', async () => {
    const { router, client, events } = setup();
    const opened = await router.dispatch('cluster.openView', { viewId: 'pods-1', kind: 'pods' }, { client });
    expect(opened).toEqual({ ok: true, value: { viewId: 'pods-1' } });
    expect(events.at(-1)).toEqual(['cluster.view', { viewId: 'pods-1', kind: 'pods', total: 0, offset: 0, rows: [], loading: true }]);
    const bad = await router.dispatch('cluster.openView', { viewId: 'x', kind: 'pods', namespaces: ['Not_A_Namespace'] }, { client });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('says an unknown view is unknown, and forgets views when the client goes', async () => {
    const { router, client, close, service } = setup();
    const unknown = await router.dispatch('cluster.updateView', { viewId: 'nope', offset: 10 }, { client });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-view' } });
    await router.dispatch('cluster.openView', { viewId: 'v', kind: 'services' }, { client });
    expect(service.live.viewRows(client.id, 'v')).toEqual([]);
    close();
    expect(service.live.viewRows(client.id, 'v')).toBeUndefined();
  });

  it('refuses actions while not connected, saying what to do', async () => {
    const { router, client } = setup();
    const result = await router.dispatch('cluster.deletePod', { namespace: 'default', name: 'web' }, { client });
    expect(result).toMatchObject({ ok: false, error: { message: 'Berth is not connected to a cluster.', hint: expect.stringContaining('context') } });
  });

  it('validates the day-two operations before anything is sent', async () => {
    const { router, client } = setup();
    const negative = await router.dispatch('cluster.scale', { kind: 'deployments', namespace: 'shop', name: 'web', replicas: -1 }, { client });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const daemonSetScale = await router.dispatch('cluster.scale', { kind: 'daemonsets', namespace: 'shop', name: 'agent', replicas: 2 }, { client });
    expect(daemonSetScale).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const cascade = await router.dispatch('cluster.deleteObject', { ref: { kind: 'deployments', namespace: 'shop', name: 'web' }, propagationPolicy: 'Sideways' }, { client });
    expect(cascade).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Valid requests reach the service, which refuses while disconnected.
    for (const [call, req] of [
      ['cluster.rollback', { namespace: 'shop', name: 'web', toRevision: 2 }],
      ['cluster.triggerCronJob', { namespace: 'shop', name: 'report' }],
      ['cluster.drainNode', { drainId: 'd1', name: 'node-a' }],
    ] as const) {
      const result = await router.dispatch(call, req, { client });
      expect(result).toMatchObject({ ok: false, error: { message: 'Berth is not connected to a cluster.' } });
    }
    expect(await router.dispatch('cluster.cancelDrain', { drainId: 'nope' }, { client })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('sends drain progress to every page that talks to the cluster', async () => {
    const { router, client, events, service } = setup();
    await router.dispatch('cluster.status', {}, { client });
    await router.dispatch('cluster.openView', { viewId: 'n', kind: 'nodes' }, { client });
    const progress = { drainId: 'd9', node: 'node-a', phase: 'evicting' as const, pods: [], skipped: [], startedAt: 1 };
    service.drains.publish(progress);
    expect(events.at(-1)).toEqual(['cluster.drain', progress]);
  });
});
