import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import { eventually, hasKubectl, kubectl } from './testing';

// Real kubectl (1.32) as an independent client: if it cannot tell the simulator from a small
// microk8s for these commands, neither can Berth. Skipped, with a note, when kubectl is absent.

const available = await hasKubectl();
if (!available) console.warn('kubectl is not on PATH: skipping the kubectl conformance tests (install kubectl 1.32 to run them)');

describe.skipIf(!available)('kubectl against the simulator', () => {
  let sim: Simulator;
  const k = (...args: string[]): ReturnType<typeof kubectl> => kubectl(sim, args);

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 20, nodeName: 'ubuntu', addons: ['dns', 'metrics-server'] });
  });
  afterAll(() => sim.stop());

  it('get nodes,pods,services -A -o json', async () => {
    const r = await k('get', 'nodes,pods,services', '-A', '-o', 'json');
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as { kind: string; items: { kind: string; metadata: { name: string } }[] };
    expect(list.kind).toBe('List');
    const names = list.items.map((i) => `${i.kind}/${i.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(['Node/ubuntu', 'Pod/coredns-79b94494c7-twdrh', 'Pod/calico-node-t82dn', 'Service/kubernetes', 'Service/kube-dns']));
  });

  it('get pods prints the server-side Table columns', async () => {
    const r = await k('get', 'pods', '-n', 'kube-system');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.find((l) => l.startsWith('coredns-79b94494c7-twdrh'))).toMatch(/^coredns-79b94494c7-twdrh\s+1\/1\s+Running\s+0\s+2m\d+s$/);
    const wide = await k('get', 'pods', '-n', 'kube-system', '-o', 'wide');
    expect(wide.stdout.split('\n')[0]).toMatch(/IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    const nodes = await k('get', 'nodes');
    expect(nodes.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nubuntu\s+Ready\s+<none>\s+3m\d+s\s+v1\.32\.2\n$/);
  });

  it('get all -A matches a fresh microk8s (reference §6)', async () => {
    const r = await k('get', 'all', '-A');
    expect(r.code).toBe(0);
    const out = r.stdout;
    for (const line of [
      /kube-system\s+pod\/calico-kube-controllers-5947598c79-kdspq\s+1\/1\s+Running\s+0/,
      /kube-system\s+pod\/calico-node-t82dn\s+1\/1\s+Running\s+0/,
      /kube-system\s+pod\/coredns-79b94494c7-twdrh\s+1\/1\s+Running\s+0/,
      /default\s+service\/kubernetes\s+ClusterIP\s+10\.152\.183\.1\s+<none>\s+443\/TCP/,
      /kube-system\s+service\/kube-dns\s+ClusterIP\s+10\.152\.183\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP/,
      /kube-system\s+daemonset\.apps\/calico-node\s+1\s+1\s+1\s+1\s+1\s+kubernetes\.io\/os=linux/,
      /kube-system\s+deployment\.apps\/coredns\s+1\/1\s+1\s+1/,
      /kube-system\s+replicaset\.apps\/coredns-79b94494c7\s+1\s+1\s+1/,
    ]) {
      expect(out).toMatch(line);
    }
    // Same section order as the reference: pods, services, daemonsets, deployments, replicasets.
    const order = ['pod/', 'service/', 'daemonset.apps/', 'deployment.apps/', 'replicaset.apps/'].map((s) => out.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('run, describe pod, logs -f, exec -- ls, delete pod', async () => {
    const run = await k('run', 'web', '--image=nginx:1.27', '--port=80');
    expect(run.stdout.trim()).toBe('pod/web created');
    await eventually(async () => /Running/.test((await k('get', 'pod', 'web')).stdout), 15_000, 'web running');
    const describe = await k('describe', 'pod', 'web');
    expect(describe.stdout).toMatch(/Status:\s+Running/);
    expect(describe.stdout).toMatch(/Image:\s+nginx:1\.27/);
    expect(describe.stdout).toMatch(/Normal\s+Scheduled\s+.*default-scheduler\s+Successfully assigned default\/web to ubuntu/);
    expect(describe.stdout).toMatch(/Normal\s+Started\s+.*kubelet\s+Started container web/);

    // logs -f keeps streaming new lines until stopped.
    const follow = spawn('kubectl', ['--kubeconfig', sim.kubeconfigPath, '--cache-dir', `${sim.kubeconfigPath}.cache`, 'logs', '-f', 'web']);
    let out = '';
    follow.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await eventually(() => out.includes('Configuration complete; ready for start up'), 10_000, 'startup lines');
    const before = out.split('\n').length;
    await eventually(() => out.split('\n').length > before + 1, 10_000, 'followed lines');
    follow.kill();

    const ls = await k('exec', 'web', '--', 'ls', '/etc');
    expect(ls.code).toBe(0);
    expect(ls.stdout.split('\n')).toEqual(expect.arrayContaining(['hostname', 'resolv.conf']));
    const fail = await k('exec', 'web', '--', 'sh', '-c', 'exit 3');
    expect(fail.code).toBe(3);
    expect(fail.stderr).toContain('command terminated with exit code 3');

    const del = await k('delete', 'pod', 'web');
    expect(del.stdout.trim()).toBe('pod "web" deleted');
    expect((await k('get', 'pod', 'web')).stderr).toContain('pods "web" not found');
  });

  it('get pods -w sees a change', async () => {
    const w = spawn('kubectl', ['--kubeconfig', sim.kubeconfigPath, '--cache-dir', `${sim.kubeconfigPath}.cache`, 'get', 'pods', '-w', '-n', 'default']);
    let out = '';
    w.stdout.on('data', (c: Buffer) => (out += c.toString()));
    w.stderr.on('data', (c: Buffer) => (out += c.toString()));
    // With nothing to list yet kubectl prints nothing; give it time to open the watch.
    await new Promise((r) => setTimeout(r, 1500));
    await k('run', 'watched', '--image=busybox:1.36', '--', 'sleep', '3600');
    await eventually(() => /watched\s+0\/1\s+Pending/.test(out), 10_000, 'Pending row');
    await eventually(() => /watched\s+1\/1\s+Running/.test(out), 10_000, 'Running row');
    w.kill();
  });

  it('scale deployment and rollout undo', async () => {
    // `kubectl create deployment` sends protobuf, which the simulator does not decode (415);
    // manifests go through the JSON path like Berth's own writes.
    const manifest = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop', labels: { app: 'shop' } }, spec: { replicas: 2, selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    const created = await kubectl(sim, ['create', '-f', '-'], { input: manifest });
    expect(created.stdout.trim()).toBe('deployment.apps/shop created');
    await eventually(async () => /shop\s+2\/2/.test((await k('get', 'deploy', 'shop')).stdout), 15_000, 'shop 2/2');
    const scaled = await k('scale', 'deployment', 'shop', '--replicas=3');
    expect(scaled.stdout.trim()).toBe('deployment.apps/shop scaled');
    await eventually(async () => /shop\s+3\/3\s+3\s+3/.test((await k('get', 'deploy', 'shop')).stdout), 15_000, 'shop 3/3');

    const setImage = await k('set', 'image', 'deployment/shop', 'nginx=nginx:1.27');
    expect(setImage.stdout.trim()).toBe('deployment.apps/shop image updated');
    const status = await k('rollout', 'status', 'deployment/shop', '--timeout=20s');
    expect(status.stdout).toContain('deployment "shop" successfully rolled out');
    const history = await k('rollout', 'history', 'deployment/shop');
    expect(history.stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
    // A change-cause set after the rollout follows onto the current ReplicaSet, as the controller does.
    await k('annotate', 'deployment/shop', 'kubernetes.io/change-cause=nginx 1.27 for the TLS fix');
    await eventually(async () => /\n2\s+nginx 1\.27 for the TLS fix/.test((await k('rollout', 'history', 'deployment/shop')).stdout), 10_000, 'change-cause in rollout history');
    const undo = await k('rollout', 'undo', 'deployment/shop');
    expect(undo.stdout.trim()).toBe('deployment.apps/shop rolled back');
    await eventually(async () => (await k('get', 'deploy', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}')).stdout === 'nginx:1.26 3', 10_000, 'rolled back to 1.26 as revision 3');
    await eventually(async () => /shop\s+3\/3\s+3\s+3/.test((await k('get', 'deploy', 'shop')).stdout), 15_000, 'shop 3/3 after undo');
    const rs = await k('get', 'rs', '-l', 'app=shop', '-o', 'jsonpath={range .items[*]}{.spec.replicas}{" "}{end}');
    expect(rs.stdout.trim().split(' ').map(Number).sort()).toEqual([0, 3]);
    // The reused ReplicaSet keeps the revision it had in revision-history.
    const reused = await k('get', 'rs', '-l', 'app=shop', '-o', 'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}={.metadata.annotations.deployment\\.kubernetes\\.io/revision-history}{" "}{end}');
    expect(reused.stdout.trim().split(' ').sort()).toEqual(['2=', '3=1']);
  });

  it('cordons a node and top works', async () => {
    expect((await k('cordon', 'ubuntu')).stdout.trim()).toBe('node/ubuntu cordoned');
    expect((await k('get', 'nodes')).stdout).toMatch(/ubuntu\s+Ready,SchedulingDisabled/);
    expect((await k('uncordon', 'ubuntu')).stdout.trim()).toBe('node/ubuntu uncordoned');
    const top = await k('top', 'pods', '-n', 'kube-system');
    expect(top.stdout).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    expect(top.stdout).toContain('coredns-79b94494c7-twdrh');
  });

  it('drain is held by a PodDisruptionBudget with the API server message, and goes once the budget allows', async () => {
    const manifest = (o: unknown) => JSON.stringify(o);
    await kubectl(sim, ['create', '-f', '-'], { input: manifest({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'guarded' }, spec: { replicas: 1, selector: { matchLabels: { app: 'guarded' } }, template: { metadata: { labels: { app: 'guarded' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } }) });
    const pdb = await kubectl(sim, ['create', '-f', '-'], { input: manifest({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guarded' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } }) });
    expect(pdb.stdout.trim()).toBe('poddisruptionbudget.policy/guarded created');
    // One ready pod, minAvailable 1: the budget allows no disruption.
    await eventually(async () => /guarded\s+1\/1/.test((await k('get', 'deploy', 'guarded')).stdout), 15_000, 'guarded ready');
    await eventually(async () => /guarded\s+1\s+N\/A\s+0\s/.test((await k('get', 'pdb', 'guarded')).stdout), 15_000, 'budget at 0 disruptions');
    const held = await k('drain', 'ubuntu', '--ignore-daemonsets', '--delete-emptydir-data', '--pod-selector', 'app=guarded', '--timeout=2s');
    expect(held.code).not.toBe(0);
    expect(held.stdout).toContain('node/ubuntu cordoned');
    expect(held.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget.");
    await k('patch', 'pdb', 'guarded', '--type=merge', '-p', '{"spec":{"minAvailable":0}}');
    const drained = await k('drain', 'ubuntu', '--ignore-daemonsets', '--delete-emptydir-data', '--pod-selector', 'app=guarded', '--timeout=20s');
    expect(drained.stderr).not.toContain('disruption budget');
    expect(drained.stdout).toMatch(/pod\/guarded-[a-z0-9-]+ evicted/);
    expect(drained.stdout).toContain('node/ubuntu drained');
    expect((await k('uncordon', 'ubuntu')).stdout.trim()).toBe('node/ubuntu uncordoned');
  });
});
