import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../index';
import { call, eventually, watch } from '../testing';

// The API server's list / watch / write semantics, over real HTTPS.

let sim: Simulator;

const configMap = (name: string, labels: Record<string, string> = {}, ns = 'default'): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels }, data: { k: name } });

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 50, nodeName: 'ubuntu', bookmarkIntervalMs: 200, historySize: 50 });
  for (let i = 0; i < 25; i++) {
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', configMap(`cm-${String(i).padStart(2, '0')}`, { tier: i % 2 ? 'odd' : 'even', idx: String(i) }));
    expect(r.status).toBe(201);
  }
});
afterAll(() => sim.stop());

describe('authentication and discovery', () => {
  it('answers 401 with a Status without the right token', async () => {
    for (const token of [null, 'wrong']) {
      const r = await call(sim, 'GET', '/api/v1/pods', undefined, {}, token);
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    }
  });

  it('serves /version, /api, /apis and resource lists with short names and categories', async () => {
    expect((await call(sim, 'GET', '/version')).json().gitVersion).toBe('v1.32.2');
    expect((await call(sim, 'GET', '/api')).json().versions).toEqual(['v1']);
    const groups = (await call(sim, 'GET', '/apis')).json().groups.map((g: { name: string }) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['apps', 'batch', 'networking.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'storage.k8s.io']));
    // A fresh microk8s has no metrics-server, hence no metrics API.
    expect(groups).not.toContain('metrics.k8s.io');
    expect((await call(sim, 'GET', '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(404);
    const core = (await call(sim, 'GET', '/api/v1')).json().resources as { name: string; shortNames?: string[]; categories?: string[] }[];
    const byName = new Map(core.map((r) => [r.name, r]));
    expect(byName.get('pods')?.shortNames).toEqual(['po']);
    expect(byName.get('pods')?.categories).toEqual(['all']);
    expect(byName.get('services')?.shortNames).toEqual(['svc']);
    expect(byName.get('configmaps')?.categories).toBeUndefined();
    expect(byName.has('pods/log') && byName.has('pods/exec') && byName.has('pods/eviction')).toBe(true);
    const apps = (await call(sim, 'GET', '/apis/apps/v1')).json().resources as { name: string; group?: string; kind: string }[];
    expect(apps.find((r) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', kind: 'Scale' });
    expect((await call(sim, 'GET', '/readyz?verbose')).text).toContain('readyz check passed');
    expect((await call(sim, 'GET', '/livez?verbose')).text).toContain('[+]ping ok');
    expect((await call(sim, 'GET', '/openapi/v2')).json().swagger).toBe('2.0');
    expect((await call(sim, 'GET', '/openapi/v3')).status).toBe(404);
  });
});

describe('list', () => {
  it('paginates with limit/continue in key order, with remainingItemCount', async () => {
    const names: string[] = [];
    let cont = '';
    let pages = 0;
    const rvs = new Set<string>();
    do {
      const r = (await call(sim, 'GET', `/api/v1/namespaces/default/configmaps?limit=10${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`)).json();
      names.push(...r.items.map((i: { metadata: { name: string } }) => i.metadata.name));
      rvs.add(r.metadata.resourceVersion);
      if (r.metadata.continue) expect(r.metadata.remainingItemCount).toBe(25 + 1 - names.length);
      cont = r.metadata.continue ?? '';
      pages++;
    } while (cont);
    expect(pages).toBe(3);
    expect(names).toEqual([...names].sort());
    expect(names.filter((n) => n.startsWith('cm-'))).toHaveLength(25);
    expect(rvs.size).toBe(1); // every page reports the list's resourceVersion
  });

  it('filters with label and field selectors, and rejects invalid ones with 400', async () => {
    const odd = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps?labelSelector=tier%3Dodd,idx%20notin%20(1,3)')).json();
    expect(odd.items.map((i: { metadata: { labels: { idx: string } } }) => i.metadata.labels.idx).sort()).toEqual(['11', '13', '15', '17', '19', '21', '23', '5', '7', '9']);
    const byName = (await call(sim, 'GET', '/api/v1/configmaps?fieldSelector=metadata.name%3Dcm-03')).json();
    expect(byName.items).toHaveLength(1);
    const running = (await call(sim, 'GET', '/api/v1/pods?fieldSelector=status.phase%3DRunning,spec.nodeName%3Dubuntu')).json();
    expect(running.items.length).toBe(3);
    const bad = await call(sim, 'GET', '/api/v1/configmaps?labelSelector=a%20in%20b');
    expect(bad.status).toBe(400);
    expect(bad.json().message).toContain("unable to parse requirement: found 'b' expected: '('");
    const badField = await call(sim, 'GET', '/api/v1/configmaps?fieldSelector=spec.nodeName%3Dx');
    expect(badField.status).toBe(400);
    expect(badField.json().message).toBe('field label not supported: spec.nodeName');
  });

  it('answers 410 Expired for a continue token older than the history', async () => {
    const first = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps?limit=5')).json();
    for (let i = 0; i < 60; i++) await call(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/cm-00', { data: { n: String(i) } }, { 'Content-Type': 'application/merge-patch+json' });
    const r = await call(sim, 'GET', `/api/v1/namespaces/default/configmaps?limit=5&continue=${encodeURIComponent(first.metadata.continue)}`);
    expect(r.status).toBe(410);
    expect(r.json()).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    expect((await call(sim, 'GET', '/api/v1/configmaps?limit=5&continue=garbage')).status).toBe(400);
  });

  it('returns a Table with the server-side columns', async () => {
    const r = (await call(sim, 'GET', '/api/v1/namespaces/kube-system/pods', undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' })).json();
    expect(r.kind).toBe('Table');
    expect(r.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    const row = r.rows.find((x: { cells: unknown[] }) => String(x.cells[0]).startsWith('coredns-'));
    expect(row.cells.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
    expect(row.object.kind).toBe('PartialObjectMetadata');
    const svc = (await call(sim, 'GET', '/api/v1/namespaces/kube-system/services/kube-dns', undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' })).json();
    expect(svc.rows[0].cells.slice(0, 5)).toEqual(['kube-dns', 'ClusterIP', '10.152.183.10', '<none>', '53/UDP,53/TCP,9153/TCP']);
  });
});

describe('watch', () => {
  it('sends current objects as ADDED, then changes; resumes from a resourceVersion', async () => {
    const w = await watch(sim, '/api/v1/namespaces/default/configmaps?watch=true&labelSelector=idx%3D7');
    const added = await w.next((e) => e.type === 'ADDED');
    expect(added.object.metadata.name).toBe('cm-07');
    const patched = await call(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/cm-07', { data: { x: '1' } }, { 'Content-Type': 'application/merge-patch+json' });
    const mod = await w.next((e) => e.type === 'MODIFIED');
    expect(mod.object.metadata.resourceVersion).toBe(patched.json().metadata.resourceVersion);
    // An object leaving the selector reads as DELETED.
    await call(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/cm-07', { metadata: { labels: { idx: 'seven' } } }, { 'Content-Type': 'application/merge-patch+json' });
    const gone = await w.next((e) => e.type === 'DELETED');
    expect(gone.object.metadata.labels.idx).toBe('7');
    w.close();

    const rv = patched.json().metadata.resourceVersion;
    const resumed = await watch(sim, `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}&fieldSelector=metadata.name%3Dcm-07`);
    const e = await resumed.next(() => true);
    expect(e.type).toBe('MODIFIED');
    expect(e.object.metadata.labels.idx).toBe('seven');
    resumed.close();
  });

  it('answers a too-old resourceVersion with an ERROR event carrying 410 Expired', async () => {
    const w = await watch(sim, '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1');
    const e = await w.next(() => true);
    expect(e.type).toBe('ERROR');
    expect(e.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    expect(await w.ended).toBe('end');
  });

  it('sends BOOKMARKs when allowed, ends at timeoutSeconds, and supports sendInitialEvents', async () => {
    const w = await watch(sim, '/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan');
    const initialEnd = await w.next((e) => e.type === 'BOOKMARK' && e.object.metadata.annotations?.['k8s.io/initial-events-end'] === 'true');
    expect(w.events.indexOf(initialEnd)).toBe(w.events.filter((e) => e.type === 'ADDED').length);
    const bm = await w.next((e) => e.type === 'BOOKMARK' && !e.object.metadata.annotations);
    expect(bm.object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' });
    const started = Date.now();
    expect(await w.ended).toBe('end');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('watches cluster-wide and per namespace, as Tables when asked', async () => {
    const w = await watch(sim, '/api/v1/pods?watch=true', { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    const first = await w.next(() => true);
    expect(first.object.kind).toBe('Table');
    expect(first.object.columnDefinitions).toHaveLength(9);
    const second = await w.next((e) => e !== first);
    expect(second.object.columnDefinitions).toBeNull();
    w.close();
  });
});

describe('writes', () => {
  it('creates with generateName and defaults, rejects invalid names (422) and duplicates (409)', async () => {
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    expect(r.status).toBe(201);
    const pod = r.json();
    expect(pod.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(pod.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.status.phase).toBe('Pending');
    const bad = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', configMap('Bad_Name'));
    expect(bad.status).toBe(422);
    expect(bad.json()).toMatchObject({ reason: 'Invalid', code: 422, details: { name: 'Bad_Name', kind: 'ConfigMap', causes: [{ field: 'metadata.name', reason: 'FieldValueInvalid' }] } });
    expect(bad.json().message).toContain('ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
    const noImage = await call(sim, 'POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'x' }] } });
    expect(noImage.json().message).toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
    const dup = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', configMap('cm-01'));
    expect(dup.status).toBe(409);
    expect(dup.json()).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "cm-01" already exists' });
    const noNs = await call(sim, 'POST', '/api/v1/namespaces/nope/configmaps', configMap('x', {}, 'nope'));
    expect(noNs.status).toBe(404);
    expect(noNs.json().message).toBe('namespaces "nope" not found');
  });

  it('rejects a stale update with 409 Conflict', async () => {
    const cur = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps/cm-02')).json();
    const ok = await call(sim, 'PUT', '/api/v1/namespaces/default/configmaps/cm-02', { ...cur, data: { v: '1' } });
    expect(ok.status).toBe(200);
    const stale = await call(sim, 'PUT', '/api/v1/namespaces/default/configmaps/cm-02', { ...cur, data: { v: '2' } });
    expect(stale.status).toBe(409);
    expect(stale.json().reason).toBe('Conflict');
  });

  it('applies merge, strategic merge and JSON patches to the fields Berth patches', async () => {
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'side', image: 'busybox:1.36' }] } } } };
    expect((await call(sim, 'POST', '/apis/apps/v1/namespaces/default/deployments', dep)).status).toBe(201);
    const merge = await call(sim, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web', { spec: { replicas: 3, paused: true }, metadata: { labels: { team: 'a' }, annotations: { note: 'x' } } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(merge.json()).toMatchObject({ spec: { replicas: 3, paused: true }, metadata: { labels: { app: 'web', team: 'a' }, annotations: { note: 'x' }, generation: 2 } });
    const smp = await call(sim, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web', { spec: { paused: null, template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    const body = smp.json();
    expect(body.spec.paused).toBeUndefined();
    expect(body.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2025-01-01T00:00:00Z');
    expect(body.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`)).toEqual(['web=nginx:1.28', 'side=busybox:1.36']);
    const jp = await call(sim, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web', [{ op: 'replace', path: '/spec/replicas', value: 0 }, { op: 'add', path: '/metadata/labels/x', value: 'y' }], { 'Content-Type': 'application/json-patch+json' });
    expect(jp.json()).toMatchObject({ spec: { replicas: 0 }, metadata: { labels: { x: 'y' } } });
    const node = await call(sim, 'PATCH', '/api/v1/nodes/ubuntu', { spec: { unschedulable: true } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    expect(node.json().spec.unschedulable).toBe(true);
    await call(sim, 'PATCH', '/api/v1/nodes/ubuntu', { spec: { unschedulable: null } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    const scale = await call(sim, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', { spec: { replicas: 2 } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(scale.json()).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 } });
    expect((await call(sim, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web', { spec: {} }, { 'Content-Type': 'application/apply-patch+yaml' })).status).toBe(415);
  });

  it('deletes pods gracefully: Terminating first, then gone', async () => {
    await call(sim, 'POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'doomed' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    await eventually(async () => (await call(sim, 'GET', '/api/v1/namespaces/default/pods/doomed')).json().status?.phase === 'Running', 10_000, 'doomed running');
    // The kubelet's events, through both event APIs.
    const core = (await call(sim, 'GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Ddoomed,reason%3DStarted')).json();
    expect(core.items[0]).toMatchObject({ type: 'Normal', message: 'Started container c', source: { component: 'kubelet', host: 'ubuntu' }, involvedObject: { kind: 'Pod', fieldPath: 'spec.containers{c}' } });
    const v1 = (await call(sim, 'GET', '/apis/events.k8s.io/v1/namespaces/default/events?fieldSelector=regarding.name%3Ddoomed')).json();
    expect(v1.kind).toBe('EventList');
    expect(v1.items.find((e: { reason: string }) => e.reason === 'Started')).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'Started container c', reportingController: 'kubelet', regarding: { name: 'doomed' } });
    const w = await watch(sim, '/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Ddoomed', { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    const del = await call(sim, 'DELETE', '/api/v1/namespaces/default/pods/doomed');
    expect(del.status).toBe(200);
    expect(del.json().metadata.deletionTimestamp).toBeTruthy();
    const terminating = await w.next((e) => e.type === 'MODIFIED' && e.object.rows[0].cells[2] === 'Terminating');
    expect(terminating.object.rows[0].object.metadata.deletionGracePeriodSeconds).toBe(30);
    await w.next((e) => e.type === 'DELETED');
    w.close();
    await eventually(async () => (await call(sim, 'GET', '/api/v1/namespaces/default/pods/doomed')).status === 404, 10_000, 'doomed gone');
  });

  it('propagates deletion through ownerReferences: Background, Foreground and Orphan', async () => {
    const mk = async (name: string): Promise<void> => {
      const r = await call(sim, 'POST', '/apis/apps/v1/namespaces/default/replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name }, spec: { replicas: 2, selector: { matchLabels: { rs: name } }, template: { metadata: { labels: { rs: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } });
      expect(r.status).toBe(201);
      await eventually(() => sim.store.all('pods', 'default').filter((p) => p.metadata.labels?.rs === name).length === 2, 10_000, `${name} pods`);
    };
    const pods = (name: string): number => sim.store.all('pods', 'default').filter((p) => p.metadata.labels?.rs === name && !p.metadata.deletionTimestamp).length;
    await mk('bg');
    await call(sim, 'DELETE', '/apis/apps/v1/namespaces/default/replicasets/bg?propagationPolicy=Background');
    expect((await call(sim, 'GET', '/apis/apps/v1/namespaces/default/replicasets/bg')).status).toBe(404);
    await eventually(() => pods('bg') === 0, 10_000, 'background collection');

    await mk('fg');
    const fg = await call(sim, 'DELETE', '/apis/apps/v1/namespaces/default/replicasets/fg', { propagationPolicy: 'Foreground' });
    expect(fg.json().metadata.finalizers).toContain('foregroundDeletion');
    await eventually(async () => (await call(sim, 'GET', '/apis/apps/v1/namespaces/default/replicasets/fg')).status === 404, 10_000, 'foreground owner gone');
    expect(sim.store.all('pods', 'default').filter((p) => p.metadata.labels?.rs === 'fg')).toHaveLength(0);

    await mk('or');
    await call(sim, 'DELETE', '/apis/apps/v1/namespaces/default/replicasets/or?propagationPolicy=Orphan');
    await new Promise((r) => setTimeout(r, 200));
    const orphans = sim.store.all('pods', 'default').filter((p) => p.metadata.labels?.rs === 'or');
    expect(orphans).toHaveLength(2);
    expect(orphans.every((p) => !p.metadata.ownerReferences)).toBe(true);
  });

  it('deletes a namespace: Terminating, contents removed, then gone', async () => {
    await call(sim, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'temp' } });
    // A finalizer holds the namespace in Terminating until it is removed.
    await call(sim, 'POST', '/api/v1/namespaces/temp/configmaps', { ...configMap('inside', {}, 'temp'), metadata: { name: 'inside', finalizers: ['example.com/hold'] } });
    await call(sim, 'POST', '/api/v1/namespaces/temp/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    const del = await call(sim, 'DELETE', '/api/v1/namespaces/temp');
    expect(del.json().status.phase).toBe('Terminating');
    const refused = await call(sim, 'POST', '/api/v1/namespaces/temp/configmaps', configMap('late', {}, 'temp'));
    expect(refused.status).toBe(403);
    expect(refused.json().message).toBe('configmaps "late" is forbidden: unable to create new content in namespace temp because it is being terminated');
    await eventually(() => sim.store.get('configmaps', 'temp', 'inside')?.metadata.deletionTimestamp, 5000, 'held configmap marked for deletion');
    expect((await call(sim, 'GET', '/api/v1/namespaces/temp')).json().status.phase).toBe('Terminating');
    await call(sim, 'PATCH', '/api/v1/namespaces/temp/configmaps/inside', { metadata: { finalizers: null } }, { 'Content-Type': 'application/merge-patch+json' });
    await eventually(async () => (await call(sim, 'GET', '/api/v1/namespaces/temp')).status === 404, 10_000, 'namespace gone');
    expect(sim.store.all('configmaps', 'temp')).toHaveLength(0);
  });
});
