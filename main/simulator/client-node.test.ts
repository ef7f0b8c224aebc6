import { AppsV1Api, CoreV1Api, KubeConfig, makeInformer, Watch, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import { eventually } from './testing';

// @kubernetes/client-node 1.4 (what Berth's main process uses) against the simulator: typed
// list with pagination, a raw watch, and an informer that lists, watches and follows changes.

let sim: Simulator;
let kc: KubeConfig;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 30, nodeName: 'ubuntu' });
  kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
});
afterAll(() => sim.stop());

describe('@kubernetes/client-node', () => {
  it('loads the kubeconfig microk8s writes', () => {
    expect(kc.getCurrentContext()).toBe('microk8s');
    expect(kc.getCurrentCluster()?.name).toBe('microk8s-cluster');
    expect(kc.getCurrentUser()?.name).toBe('admin');
  });

  it('lists typed objects, with pagination', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['ubuntu']);
    expect(nodes.items[0]?.status?.nodeInfo?.kubeletVersion).toBe('v1.32.2');
    const first = await core.listPodForAllNamespaces({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.metadata?._continue).toBeTruthy();
    const rest = await core.listPodForAllNamespaces({ limit: 2, _continue: first.metadata!._continue! });
    expect(rest.items).toHaveLength(1);
    const apps = kc.makeApiClient(AppsV1Api);
    const deps = await apps.listNamespacedDeployment({ namespace: 'kube-system' });
    expect(deps.items.map((d) => d.metadata?.name).sort()).toEqual(['calico-kube-controllers', 'coredns']);
    // creationTimestamp parses into a Date: the simulator's timestamps are RFC 3339.
    expect(deps.items[0]?.metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  it('watches with Watch and sees ADDED then DELETED', async () => {
    const seen: string[] = [];
    const w = new Watch(kc);
    const list = await kc.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: 'default' });
    const ctl = await w.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: list.metadata?.resourceVersion, allowWatchBookmarks: true }, (phase, obj: { metadata?: { name?: string } }) => seen.push(`${phase}:${obj.metadata?.name ?? ''}`), () => undefined);
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' }, data: { a: '1' } } });
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'watched' });
    await eventually(() => seen.includes('ADDED:watched') && seen.includes('DELETED:watched'), 5000, 'watch events');
    ctl.abort();
  });

  it('runs an informer through list, watch, add, update and delete', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/default/pods', () => core.listNamespacedPod({ namespace: 'default' }));
    const events: string[] = [];
    informer.on('add', (p) => events.push(`add:${p.metadata?.name}`));
    informer.on('update', (p) => events.push(`update:${p.metadata?.name}:${p.status?.phase}`));
    informer.on('delete', (p) => events.push(`delete:${p.metadata?.name}`));
    await informer.start();
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'inf' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } });
    await eventually(() => events.includes('update:inf:Running'), 10_000, 'pod running in informer');
    expect(informer.get('inf', 'default')?.status?.podIP).toMatch(/^10\.1\./);
    await core.deleteNamespacedPod({ namespace: 'default', name: 'inf' });
    await eventually(() => events.includes('delete:inf'), 10_000, 'informer delete');
    expect(events[0]).toBe('add:inf');
    await informer.stop();
  });

  it('an informer recovers from a dropped watch', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/kube-system/pods', () => core.listNamespacedPod({ namespace: 'kube-system' }));
    let errors = 0;
    informer.on('error', () => {
      errors++;
      setTimeout(() => void informer.start(), 50);
    });
    await informer.start();
    expect(informer.list().length).toBe(3);
    sim.faults.dropWatchesAfter(100);
    await eventually(() => errors > 0, 5000, 'informer error after the drop');
    sim.faults.dropWatchesAfter(0);
    await eventually(() => informer.list().length === 3, 5000, 'informer relisted');
    await informer.stop();
  });
});
