import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ConnectionStatus, ObjectUpdate, Overview, PodRow, Row, ViewUpdate } from '../../contract';
import { startSimulator, type Simulator } from '../../simulator';
import type { ClusterService } from './cluster-service';
import { createClusterService } from './index';
import type { ListViewQuery } from './list-view';
import type { Owner } from './live-subscriptions';
import { diffState } from './state-diff';

// Integration: Berth's cluster service against the simulated API server over HTTPS, with its
// fault knobs. Timings are shortened (watchdog 1.5 s, backoff from 50 ms) so this runs in seconds.

const FAST = {
  searchPath: async () => ({ dirs: [], fromLoginShell: false }),
  informerSettings: { pageSize: 7, watchTimeoutSeconds: 2, watchdogMs: 1_500, flushMs: 15 },
  gateSettings: { baseDelayMs: 50, maxDelayMs: 1_000 },
  releaseDelayMs: 50,
  probeIntervalMs: 300,
  subscriptionSettings: { nodeResortMs: 50, overviewThrottleMs: 50, healthIntervalMs: 60_000 },
};

async function waitFor<T>(what: string, fn: () => T | undefined | false, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const q = (over: Partial<ListViewQuery> = {}): ListViewQuery => ({
  kind: 'pods',
  namespaces: [],
  labelSelector: '',
  search: '',
  sort: { column: 'name', direction: 'asc' },
  offset: 0,
  limit: 1000,
  ...over,
});

let sim: Simulator;
let service: ClusterService;
const statuses: ConnectionStatus[] = [];
const views = new Map<string, ViewUpdate>();
const owner: Owner = {
  id: 'test-client',
  emitView: (u) => views.set(u.viewId, u),
  emitObject: () => undefined,
  emitOverview: () => undefined,
};

const serverPods = () => sim.store.all('pods');
const berthPods = () => service.activeSession!.informer('pods', '')!.cache;
const inSync = () => {
  service.activeSession!.informer('pods', '')?.flush();
  return diffState(serverPods(), berthPods()).length === 0;
};

function newPod(name: string, labels: Record<string, string> = {}) {
  return sim.store.create('pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
  } as never);
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'busy', bookmarkIntervalMs: 500 });
  service = createClusterService({ kubeconfig: sim.kubeconfigPath, onStatus: (s) => statuses.push(s), overrides: FAST });
  const status = await service.connect('microk8s');
  expect(status.state).toBe('connected');
  service.live.openView(owner, 'all-pods', q());
  await waitFor('initial pod list', () => views.get('all-pods')?.loading === false);
});

afterAll(async () => {
  service?.dispose();
  await sim?.stop();
});

afterEach(async () => {
  sim.faults.reset();
  await waitFor('pods back in sync', inSync);
});

describe('cluster service against the simulator', () => {
  it('lists in pages and shows exactly the server\'s pods, with kubectl columns', async () => {
    const informer = service.activeSession!.informer('pods', '')!;
    expect(informer.stats.pages).toBeGreaterThan(2);
    await waitFor('in sync', inSync);
    const update = views.get('all-pods')!;
    expect(update.total).toBe(serverPods().length);
    const statusesSeen = new Set(update.rows.map((r) => (r as PodRow).status));
    expect(statusesSeen).toContain('Running');
    // The busy scenario always has pods a person should look at (crash loops, pull errors...).
    expect(update.rows.some((r) => (r as PodRow).problem && (r as PodRow).status !== 'Running')).toBe(true);
    expect(update.rows.every((r) => !('managedFields' in (r as Row)))).toBe(true);
  });

  it('shows a new pod live, and its deletion', async () => {
    newPod('live-one');
    await waitFor('new pod row', () => views.get('all-pods')!.rows.some((r) => r.name === 'live-one'));
    sim.store.remove('pods', 'default', 'live-one');
    await waitFor('pod row gone', () => !views.get('all-pods')!.rows.some((r) => r.name === 'live-one'));
  });

  it('relists after a 410 on the watch, and ends equal to the server', async () => {
    const informer = service.activeSession!.informer('pods', '')!;
    const relists = informer.stats.relists;
    sim.faults.set({ watchExpired: true, dropWatchesAfterMs: 200 });
    newPod('during-410');
    await waitFor('a relist', () => informer.stats.relists > relists);
    sim.faults.reset();
    await waitFor('in sync after 410', inSync);
  });

  it('falls back to one full list when a continue token expires', async () => {
    const informer = service.activeSession!.informer('pods', '')!;
    const lists = informer.stats.lists;
    sim.faults.set({ continueExpired: true, watchExpired: true, dropWatchesAfterMs: 200 });
    await waitFor('a relist with expired continue tokens', () => informer.stats.lists > lists && informer.status.phase === 'watching');
    sim.faults.reset();
    await waitFor('in sync', inSync);
  });

  it('notices a stalled watch with the watchdog and resumes', async () => {
    const informer = service.activeSession!.informer('pods', '')!;
    const fired = informer.stats.watchdogFired;
    sim.faults.set({ stallWatches: true });
    newPod('while-stalled');
    await waitFor('watchdog', () => informer.stats.watchdogFired > fired, 6_000);
    sim.faults.set({ stallWatches: false });
    await waitFor('stalled pod shown', () => views.get('all-pods')!.rows.some((r) => r.name === 'while-stalled'));
  });

  it('honours Retry-After on 429 and says so', async () => {
    const gate = service.activeSession!.gate;
    sim.faults.set({ rate429: 1, retryAfterSeconds: 1 });
    const started = gate.listsStarted;
    service.live.openView(owner, 'svc-429', q({ kind: 'services', labelSelector: 'team=none' }));
    await waitFor('throttled status', () => statuses.at(-1)?.state === 'reconnecting' && statuses.at(-1)?.reason?.includes('retrying after 1s'));
    await new Promise((r) => setTimeout(r, 2_200));
    // Without Retry-After the 50 ms backoff would have sent a dozen LISTs by now.
    expect(gate.listsStarted - started).toBeLessThanOrEqual(4);
    sim.faults.reset();
    await waitFor('connected again', () => statuses.at(-1)?.state === 'connected', 5_000);
    await waitFor('services view loaded', () => views.get('svc-429')?.loading === false);
    service.live.closeView(owner, 'svc-429');
  });

  it('applies the label selector on the server, and rejects an invalid one next to the rows', async () => {
    newPod('labelled', { tier: 'gold' });
    service.live.openView(owner, 'gold', q({ labelSelector: 'tier in (gold, silver)' }));
    await waitFor('selector view', () => views.get('gold')?.loading === false && views.get('gold')!.total === 1);
    const informer = service.activeSession!.informer('pods', 'tier in (gold,silver)')!;
    expect(informer.spec.labelSelector).toBe('tier in (gold,silver)');
    expect([...informer.cache.keys()]).toEqual(['default/labelled']);
    service.live.updateView(owner, 'gold', { labelSelector: 'tier in (gold' });
    await waitFor('selector error', () => views.get('gold')?.error?.message.startsWith('Label selector:'));
    expect(views.get('gold')!.rows.map((r) => r.name)).toEqual(['labelled']);
    service.live.closeView(owner, 'gold');
    sim.store.remove('pods', 'default', 'labelled');
  });

  it('runs, refuses a duplicate (409), refuses bad labels before sending, and deletes a pod until gone', async () => {
    await service.runPod({ namespace: 'default', name: 'hello', image: 'nginx:1.27', labels: { app: 'hello' }, command: [] });
    await waitFor('run pod shown', () => views.get('all-pods')!.rows.some((r) => r.name === 'hello'));
    const created = sim.store.get<{ metadata: { labels: Record<string, string> } }>('pods', 'default', 'hello')!;
    expect(created.metadata.labels).toEqual({ run: 'hello', app: 'hello' });
    await expect(service.runPod({ namespace: 'default', name: 'hello', image: 'nginx:1.27', labels: {}, command: [] })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already exists') });
    await expect(service.runPod({ namespace: 'default', name: 'x', image: 'nginx', labels: { 'bad key!': 'v' }, command: [] })).rejects.toMatchObject({ code: 'invalid-request' });
    expect(sim.store.get('pods', 'default', 'x')).toBeUndefined();
    await service.deletePod('default', 'hello');
    const row = () => views.get('all-pods')!.rows.find((r) => r.name === 'hello') as PodRow | undefined;
    // Terminating while the kubelet stops it (unless it was already gone by the next frame).
    await waitFor('Terminating', () => !row() || (row()!.status === 'Terminating' && row()!.terminating));
    await waitFor('pod gone', () => !views.get('all-pods')!.rows.some((r) => r.name === 'hello'), 15_000);
    await expect(service.deletePod('default', 'hello')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('already gone') });
  });

  it('cordons and uncordons a node (SchedulingDisabled in its status)', async () => {
    service.live.openView(owner, 'nodes', q({ kind: 'nodes' }));
    await waitFor('nodes', () => views.get('nodes')?.loading === false && views.get('nodes')!.total > 0);
    const name = views.get('nodes')!.rows[0]!.name;
    await service.setUnschedulable(name, true);
    await waitFor('cordoned', () => views.get('nodes')!.rows.find((r) => r.name === name)?.kind === 'nodes' && (views.get('nodes')!.rows.find((r) => r.name === name) as { status: string }).status.endsWith(',SchedulingDisabled'));
    await service.setUnschedulable(name, false);
    await waitFor('uncordoned', () => !(views.get('nodes')!.rows.find((r) => r.name === name) as { status: string }).status.includes('SchedulingDisabled'));
    const row = views.get('nodes')!.rows[0] as { pods: { count: number }; cpu: { requests: number; capacity: number } };
    expect(row.pods.count).toBeGreaterThan(0);
    expect(row.cpu.capacity).toBeGreaterThan(0);
    service.live.closeView(owner, 'nodes');
  });

  it('recovers after an API server restart without anyone doing anything', async () => {
    const restart = sim.restart(1);
    await waitFor('unreachable', () => ['unreachable', 'reconnecting'].includes(statuses.at(-1)!.state), 5_000);
    newPod('during-restart');
    await restart;
    await waitFor('connected', () => statuses.at(-1)?.state === 'connected', 10_000);
    await waitFor('in sync after restart', inSync, 10_000);
    expect(views.get('all-pods')!.rows.some((r) => r.name === 'during-restart')).toBe(true);
  });
});

describe('detail and overview', () => {
  it('sends one opened object live: YAML without managedFields, and its events', async () => {
    const objects: ObjectUpdate[] = [];
    const detailOwner: Owner = { ...owner, id: 'detail-client', emitObject: (u) => objects.push(u) };
    const withEvents = new Set(sim.store.all<{ involvedObject: { kind: string; name: string; namespace: string } }>('events').filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.namespace === 'shop').map((e) => e.involvedObject.name));
    const pod = serverPods().find((p) => p.metadata.namespace === 'shop' && withEvents.has(p.metadata.name))!;
    service.live.openObject(detailOwner, 'd1', { kind: 'pods', namespace: 'shop', name: pod.metadata.name });
    await waitFor('object update with events', () => objects.at(-1)?.exists === true && objects.at(-1)!.events.length > 0);
    const update = objects.at(-1)!;
    expect(update.yaml).toContain(`name: ${pod.metadata.name}`);
    expect(update.yaml).not.toContain('managedFields');
    // The whole object as the server has it (what kubectl -o yaml prints), though the pod lists
    // open here keep slim pods: the detail watches the pod by name.
    expect(views.has('all-pods')).toBe(true);
    const whole = (u: ObjectUpdate) => {
      const server = sim.store.get('pods', 'shop', pod.metadata.name);
      return server !== undefined && isDeepStrictEqual(parse(u.yaml), { ...server, kind: 'Pod', apiVersion: 'v1' });
    };
    await waitFor('the YAML of the whole server object', () => whole(objects.at(-1)!));
    expect(parse(objects.at(-1)!.yaml).spec.containers[0].image).toBeTruthy();
    expect(update.events.length).toBeGreaterThan(0);
    expect(update.events.every((e) => e.object === `pod/${pod.metadata.name}`)).toBe(true);
    sim.store.remove('pods', 'shop', pod.metadata.name);
    await waitFor('object gone', () => objects.at(-1)?.exists === false);
    service.live.closeOwner('detail-client');
  });

  it('builds the overview from the caches, with control-plane health', async () => {
    const overviews: Overview[] = [];
    const ovOwner: Owner = { ...owner, id: 'overview-client', emitOverview: (o) => overviews.push(o) };
    service.live.openOverview(ovOwner);
    await waitFor('overview with health and pods', () => {
      const o = overviews.at(-1);
      return o && o.health && o.health.length > 0 && o.nodes.total > 0 && Object.keys(o.podsByStatus).length > 0 && o.servicesByType.ClusterIP && o;
    });
    const o = overviews.at(-1)!;
    expect(o.serverVersion).toMatch(/^v1\./);
    expect(Object.values(o.podsByStatus).reduce((a, b) => a + b, 0)).toBe(serverPods().length);
    expect(o.servicesByType.ClusterIP).toBeGreaterThan(0);
    expect(o.health!.some((h) => h.check.startsWith('readyz: ') && h.ok)).toBe(true);
    service.live.closeOwner('overview-client');
  });
});

describe('connection states', () => {
  it('says unauthorised when the token is refused', async () => {
    const config = parse(readFileSync(sim.kubeconfigPath, 'utf8')) as { users: Array<{ user: { token: string } }> };
    config.users[0]!.user.token = 'wrong';
    const path = join(tmpdir(), `berth-bad-token-${process.pid}.yaml`);
    writeFileSync(path, stringify(config), { mode: 0o600 });
    const seen: ConnectionStatus[] = [];
    const other = createClusterService({ kubeconfig: path, onStatus: (s) => seen.push(s), overrides: FAST });
    const status = await other.connect('microk8s');
    other.dispose();
    expect(status.state).toBe('unauthorized');
    expect(status.hint).toMatch(/credentials|Log in/);
    expect(JSON.stringify(seen)).not.toContain(sim.token);
  });

  it('names the missing exec plugin and where it looked', async () => {
    const path = join(tmpdir(), `berth-exec-${process.pid}.yaml`);
    writeFileSync(
      path,
      stringify({
        clusters: [{ name: 'c', cluster: { server: sim.url } }],
        users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'kubelogin-not-installed' } } }],
        contexts: [{ name: 'aks', context: { cluster: 'c', user: 'u' } }],
      }),
    );
    const other = createClusterService({ kubeconfig: path, onStatus: () => undefined, overrides: { ...FAST, searchPath: async () => ({ dirs: ['/usr/local/bin', '/usr/bin'], fromLoginShell: true }) } });
    const status = await other.connect('aks');
    other.dispose();
    expect(status.state).toBe('error');
    expect(status.reason).toContain('"kubelogin-not-installed"');
    expect(status.reason).toContain('/usr/local/bin, /usr/bin');
  });

  it('asks the login shell for PATH only when a context uses an exec plugin', async () => {
    let asked = 0;
    const other = createClusterService({
      kubeconfig: sim.kubeconfigPath,
      onStatus: () => undefined,
      overrides: { ...FAST, searchPath: async () => (asked++, { dirs: [], fromLoginShell: true }) },
    });
    // The simulator's kubeconfig uses a bearer token: no shell round trip (~1.5 s) before connecting.
    expect((await other.connect('microk8s')).state).toBe('connected');
    await other.contexts();
    other.dispose();
    expect(asked).toBe(0);
  });
});
