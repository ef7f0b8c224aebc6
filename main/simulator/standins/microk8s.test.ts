import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../index';
import { createStandinEnv, type StandinEnv, type StandinOptions } from './index';
import { runInPty, runPiped } from './run-standin';

const run = promisify(execFile);
const hasKubectl = await run('kubectl', ['version', '--client']).then(
  () => true,
  () => false,
);
if (!hasKubectl) console.warn('microk8s stand-in tests: kubectl is not on PATH, so the `kubectl get` checks are skipped.');

let sim: Simulator;
let s: StandinEnv;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 20 });
});
afterAll(async () => sim?.stop());
afterEach(() => s?.dispose());

/** Installed, in the group, with the group in effect (as after a re-login). */
const make = (extra: StandinOptions = {}): StandinEnv =>
  (s = createStandinEnv({ user: 'alice', speed: 0.02, installed: true, inGroup: true, sessionHasGroup: true, simKubeconfig: sim.kubeconfigPath, ...extra }));
const mk = (args: string[], env = s.env) => runPiped('microk8s', args, env);

describe('stand-in microk8s: before it can be used', () => {
  it('is "command not found" until installed', async () => {
    make({ installed: false });
    expect(await mk(['status'])).toMatchObject({ exitCode: 127, stderr: 'bash: microk8s: command not found\n' });
  });

  it('prints the permission block until the group is in effect for the session', async () => {
    make({ sessionHasGroup: false });
    const r = await runInPty('microk8s', ['status'], s.env);
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(
      [
        'Insufficient permissions to access MicroK8s.',
        "You can either try again with sudo or add the user alice to the 'microk8s' group:",
        '',
        '    sudo usermod -a -G microk8s alice',
        '    sudo chown -f -R alice ~/.kube',
        '',
        "After this, reload the user groups either via a reboot or by running 'newgrp microk8s'.",
        '',
      ].join('\r\n'),
    );
    expect((await runPiped('sg', ['microk8s', '-c', 'microk8s status -a dns'], s.env)).stdout).toBe('enabled\n');
    expect((await mk(['status', '-a', 'dns'], { ...s.env, BERTH_STANDIN_ROOT: '1' })).stdout).toBe('enabled\n');
  });
});

describe('stand-in microk8s status', () => {
  it('prints the pretty, short and yaml forms from the cluster', async () => {
    make();
    const pretty = await mk(['status']);
    expect(pretty.exitCode).toBe(0);
    expect(pretty.stdout).toMatch(
      /^microk8s is running\nhigh-availability: no\n {2}datastore master nodes: 127\.0\.0\.1:19001\n {2}datastore standby nodes: none\naddons:\n {2}enabled:\n {4}dns {18}# \(core\) CoreDNS\n {4}ha-cluster {11}# \(core\) Configure high availability on the current node\n {4}helm {17}# \(core\) Helm - the package manager for Kubernetes\n {4}helm3 {16}# \(core\) Helm 3 - the package manager for Kubernetes\n {2}disabled:\n {4}cert-manager {9}# \(core\) Cloud native certificate management\n/,
    );
    expect(pretty.stdout).toContain('\n    storage              # (core) Alias to hostpath-storage add-on, deprecated\n');
    const short = await mk(['status', '--format', 'short']);
    expect(short.stdout).toMatch(/^microk8s is running\naddons:\ncore\/dns: enabled\ncore\/ha-cluster: enabled\n(.*\n)*core\/cert-manager: disabled\n/);
    const yaml = await mk(['status', '--format=yaml']);
    expect(yaml.stdout).toMatch(/^microk8s:\n {2}running: True\nhigh-availability:\n {2}enabled: True\n {2}nodes:\n {4}- address: 127\.0\.0\.1:19001\n {6}role: voter\naddons:\n {2}- name: dns\n {4}description: CoreDNS\n {4}version: 1\.9\.0\n {4}status: enabled\n/);
    expect((await mk(['status', '-a', 'core/dashboard'])).stdout).toBe('disabled\n');
  });

  it('--wait-ready returns at once on a ready cluster, and on timeout prints not running with exit 0', async () => {
    make();
    expect((await mk(['status', '--wait-ready', '--timeout', '30'])).stdout).toMatch(/^microk8s is running\n/);
    s.dispose();
    make({ fail: ['wait-ready-timeout'] });
    const started = Date.now();
    const r = await mk(['status', '--wait-ready', '--timeout', '20']);
    expect([r.exitCode, r.stdout]).toEqual([0, 'microk8s is not running. Use microk8s inspect for a deeper inspection.\n']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    const yaml = await mk(['status', '--format', 'yaml']);
    expect(yaml.stdout).toBe('microk8s:\n  running: False\n  message: microk8s is not running. Use microk8s inspect for a deeper inspection.\n');
  });

  it('after a fresh snap install, is not running until the services come up; --wait-ready waits for that', async () => {
    make({ installed: false, speed: 0.05 });
    s.writeState({ sudo: { alice: Date.now() } });
    expect((await runPiped('sudo', ['snap', 'install', 'microk8s', '--classic'], s.env)).exitCode).toBe(0);
    expect((await mk(['status'])).stdout).toBe('microk8s is not running. Use microk8s inspect for a deeper inspection.\n');
    const r = await mk(['status', '--wait-ready', '--timeout', '120']);
    expect([r.exitCode, r.stdout.split('\n')[0]]).toEqual([0, 'microk8s is running']);
    expect(Date.now()).toBeGreaterThanOrEqual(s.readState().readyAt);
  });

  it('--wait-ready without a timeout dies promptly on SIGTERM', async () => {
    make({ fail: ['wait-ready-timeout'] });
    const { spawn } = await import('node:child_process');
    const child = spawn('microk8s', ['status', '--wait-ready'], { env: { ...process.env, ...s.env } });
    await new Promise((r) => setTimeout(r, 1200));
    expect(child.exitCode).toBeNull();
    const ended = new Promise((r) => child.on('exit', (_code, signal) => r(signal)));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
  });

  it('reports a stopped microk8s and a port conflict like the real one', async () => {
    make();
    expect((await mk(['stop'])).stdout).toBe('Stopped.\n');
    expect((await mk(['status'])).stdout).toBe('microk8s is not running, try microk8s start\n');
    expect((await mk(['kubectl', 'get', 'nodes'])).stderr).toBe('The connection to the server 127.0.0.1:16443 was refused - did you specify the right host or port?\n');
    expect(await mk(['start'])).toMatchObject({ exitCode: 0, stdout: '' });
    expect((await mk(['status', '-a', 'dns'])).stdout).toBe('enabled\n');
    s.dispose();
    make({ fail: ['port-in-use'] });
    expect((await mk(['status'])).stdout).toBe('microk8s is not running. Use microk8s inspect for a deeper inspection.\n');
    const inspect = await mk(['inspect'], { ...s.env, BERTH_STANDIN_ROOT: '1' });
    expect(inspect.exitCode).toBe(1);
    expect(inspect.stdout).toContain('WARNING:\x1b[0m  Port 16443 seems to be in use by another application.');
    expect(inspect.stdout).toContain(' FAIL:\x1b[0m  Service snap.microk8s.daemon-kubelite is not running');
  });
});

describe('stand-in microk8s enable', () => {
  it('creates the addon objects in the cluster, where the simulator brings their pods up', async () => {
    make();
    const r = await runInPty('microk8s', ['enable', 'dns', 'ingress', 'hostpath-storage'], s.env, { timeoutMs: 20_000 });
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain(
      [
        'Infer repository core for addon dns',
        'Infer repository core for addon ingress',
        'Infer repository core for addon hostpath-storage',
        'WARNING: Do not enable or disable multiple addons in one command.',
        '         This form of chained operations on addons will be DEPRECATED in the future.',
        "         Please, enable one addon at a time: 'microk8s enable <addon>'",
        'Addon core/dns is already enabled',
        'Enabling Ingress',
        'ingressclass.networking.k8s.io/public created',
      ].join('\r\n'),
    );
    expect(r.output).toContain('daemonset.apps/nginx-ingress-microk8s-controller created\r\nIngress is enabled\r\n');
    expect(r.output).toContain('storageclass.storage.k8s.io/microk8s-hostpath created\r\n');
    if (hasKubectl) {
      const ds = await run('kubectl', ['--kubeconfig', sim.kubeconfigPath, 'get', 'daemonset', '-n', 'ingress', '-o', 'name']);
      expect(ds.stdout).toBe('daemonset.apps/nginx-ingress-microk8s-controller\n');
      const sc = await run('kubectl', ['--kubeconfig', sim.kubeconfigPath, 'get', 'storageclass']);
      expect(sc.stdout).toMatch(/microk8s-hostpath \(default\) +microk8s\.io\/hostpath/);
    }
    // The simulator's controllers start the pods; status then sees them, as the real one does.
    let status = '';
    for (let i = 0; i < 40 && !/enabled:\n(.*\n)*\s+ingress /.test(status); i++) {
      await new Promise((res) => setTimeout(res, 250));
      status = (await mk(['status'])).stdout;
    }
    expect(status).toMatch(/ {2}enabled:\n(.*\n)*? {4}hostpath-storage +# .*\n(.*\n)*? {4}ingress +# .*\n(.*\n)* {2}disabled:/);
  });

  it('fails an addon on addon:NAME, and names an unknown one', async () => {
    make({ fail: ['addon:metrics-server'] });
    const r = await mk(['enable', 'metrics-server']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('Enabling Metrics-Server\n');
    expect(r.stderr).toBe('Infer repository core for addon metrics-server\nThe connection to the server 127.0.0.1:16443 was refused - did you specify the right host or port?\n');
    const unknown = await mk(['enable', 'nosuch']);
    expect([unknown.exitCode, unknown.stderr]).toEqual([1, 'Addon nosuch was not found in any repository\n']);
  });
});

describe('stand-in microk8s: config, kubectl, dashboard-proxy and the rest', () => {
  it('config prints the cluster kubeconfig and kubectl talks to the simulator', async () => {
    make();
    expect((await mk(['config'])).stdout).toBe(fs.readFileSync(sim.kubeconfigPath, 'utf8'));
    if (!hasKubectl) return;
    const nodes = await mk(['kubectl', 'get', 'nodes', '-o', 'name']);
    expect(nodes.exitCode).toBe(0);
    expect(nodes.stdout).toMatch(/^node\/\S+\n$/);
  });

  it('dashboard-proxy enables the dashboard, prints URL and token, and leaves no process when killed', async () => {
    make({ speed: 0.01 });
    const { spawn } = await import('node:child_process');
    const child = spawn('microk8s', ['dashboard-proxy'], { env: { ...process.env, ...s.env, BERTH_STANDIN_DASHBOARD_PORT: '0' }, detached: true });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 120 && !/Use the following token to login:\n\S+\n/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toMatch(/^Checking if Dashboard is running\.\nEnabling Kubernetes Dashboard\n/);
    expect(out).toMatch(/Dashboard will be available at https:\/\/127\.0\.0\.1:\d+\nUse the following token to login:\neyJ[\w-]+\.[\w-]+\.[\w-]+\n/);
    const group = child.pid as number;
    // Field 5 of /proc/PID/stat is the process group; processes may vanish while we look.
    const groupOf = (pid: string): string | undefined => {
      try {
        return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[2];
      } catch {
        return undefined;
      }
    };
    const members = () => fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p) && groupOf(p) === String(group));
    expect(members().length).toBeGreaterThanOrEqual(2);
    // What the installer does on cancel: SIGTERM to the process group.
    process.kill(-group, 'SIGTERM');
    await new Promise((r) => child.on('exit', r));
    for (let i = 0; i < 20 && members().length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(members()).toEqual([]);
  });

  it('add-node prints join commands; reset and inspect need root; version names the revision', async () => {
    make();
    const add = await mk(['add-node']);
    expect(add.stdout).toMatch(/^From the node you wish to join to this cluster, run the following:\nmicrok8s join [\d.]+:25000\/[0-9a-f]{32}\/[0-9a-f]{12}\n\nUse the '--worker' flag/);
    expect(await mk(['reset'])).toMatchObject({ exitCode: 50, stderr: 'Elevated permissions is needed for this operation. Please run this command with sudo.\n' });
    expect(await mk(['inspect'])).toMatchObject({ exitCode: 1, stderr: 'Elevated permissions are needed for this command. Please use sudo.\n' });
    const inspect = await mk(['inspect'], { ...s.env, BERTH_STANDIN_ROOT: '1' });
    expect(inspect.exitCode).toBe(0);
    expect(inspect.stdout).toMatch(/\n {2}Report tarball is at \/var\/snap\/microk8s\/7964\/inspection-report-\d{8}_\d{6}\.tar\.gz\n$/);
    expect((await mk(['version'])).stdout).toBe('MicroK8s v1.32.3 revision 7964\n');
  });
});
