// @ts-check
// `microk8s config`, `kubectl`, `dashboard-proxy`, `inspect` and `version` (reference §5, §7).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN_DIR, pause } from './settings.mjs';
import { readState } from './state-file.mjs';
import { apiRequest } from './kube-api.mjs';
import { clusterTarget, currentAddons, isClusterReady } from './cluster-view.mjs';
import { enable } from './microk8s-enable.mjs';
import { waitForDeployment } from './apply-objects.mjs';
import { runForeground } from './run-child.mjs';
import process from 'node:process';
import { Buffer } from 'node:buffer';

/** @typedef {import('./settings.mjs').Settings} Settings */

/** @param {string[]} lines */
const out = (...lines) => process.stdout.write(lines.map((l) => `${l}\n`).join(''));
/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));

const REFUSED = 'The connection to the server 127.0.0.1:16443 was refused - did you specify the right host or port?';

/**
 * Prints the cluster's kubeconfig. The real command swaps 127.0.0.1 for the default interface's
 * IP unless -l; the simulator only listens on loopback, so both forms print it unchanged.
 * @param {Settings} s
 */
export function config(s) {
  if (!s.simKubeconfig || !fs.existsSync(s.simKubeconfig)) return err(REFUSED), 1;
  process.stdout.write(fs.readFileSync(s.simKubeconfig, 'utf8'));
  return 0;
}

/** The real kubectl on PATH, skipping our own bin folder. */
function findKubectl() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || path.resolve(dir) === BIN_DIR) continue;
    const file = path.join(dir, 'kubectl');
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** @param {Settings} s @param {string[]} args */
export async function kubectl(s, args) {
  if (readState(s.stateDir).stopped || !s.simKubeconfig || s.fail.has('port-in-use')) return err(REFUSED), 1;
  const file = findKubectl();
  if (!file) {
    err('berth stand-in: `microk8s kubectl` runs the real kubectl against the simulated cluster, and no kubectl was found on PATH.', 'Install kubectl (https://kubernetes.io/docs/tasks/tools/) and try again.');
    return 1;
  }
  return runForeground(file, [`--kubeconfig=${s.simKubeconfig}`, ...args], process.env);
}

/** @param {Settings} s */
export async function dashboardProxy(s) {
  const target = await clusterTarget(s);
  if (!target || !(await isClusterReady(s, readState(s.stateDir)))) return out('microk8s is not running. Use microk8s inspect for a deeper inspection.'), 1;
  out('Checking if Dashboard is running.');
  if (!(await currentAddons(s, readState(s.stateDir))).has('dashboard')) {
    const code = await enable(s, ['dashboard']);
    if (code !== 0) return code;
  } else err('Infer repository core for addon dashboard');
  out('Waiting for Dashboard to come up.');
  if (!(await waitForDeployment(target, 'kube-system', 'kubernetes-dashboard', 240_000 * s.speed + 5000, (ms) => pause(s, ms)))) {
    err('error: timed out waiting for the condition on deployments/kubernetes-dashboard');
    return 1;
  }
  out('Trying to get token from microk8s-dashboard-token');
  let token = '';
  for (let attempt = 0; !token; attempt++) {
    out(`Waiting for secret token (attempt ${attempt})`);
    const res = await apiRequest(target, 'GET', '/api/v1/namespaces/kube-system/secrets/microk8s-dashboard-token').catch(() => undefined);
    const data = res?.status === 200 ? res.body?.data?.token : undefined;
    if (typeof data === 'string') token = Buffer.from(data, 'base64').toString('utf8');
    else if (res?.status === 404) {
      out('Create token for accessing the dashboard');
      const { dashboardToken } = await import('./addon-manifests.mjs');
      await apiRequest(target, 'POST', '/api/v1/namespaces/kube-system/secrets', dashboardToken());
    }
    if (!token) await pause(s, 2000);
  }
  // The child holds the port; it stays in our process group so a group kill reaches it, and we
  // pass on SIGTERM/SIGHUP for a kill of this process alone.
  const forwarder = spawn(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), 'port-forward.mjs'), String(s.dashboardPort)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise((resolve) => {
    forwarder.once('message', (m) => resolve(/** @type {{port: number}} */ (m).port));
    forwarder.once('exit', () => resolve(undefined));
  });
  if (port === undefined) return 1;
  out(`Dashboard will be available at https://127.0.0.1:${port}`, 'Use the following token to login:', token);
  forwarder.stdout?.pipe(process.stdout);
  return new Promise((resolve) => {
    const stopChild = () => forwarder.kill('SIGTERM');
    for (const sig of /** @type {const} */ (['SIGTERM', 'SIGHUP', 'SIGINT'])) process.on(sig, stopChild);
    // Ctrl-C ends the proxy normally: exit 0, as the real one does.
    forwarder.on('exit', () => resolve(0));
  });
}

/** @param {Settings} s */
export async function inspect(s) {
  const st = readState(s.stateDir);
  const rev = st.snap?.revision ?? 0;
  const portInUse = s.fail.has('port-in-use');
  const line = async (/** @type {string} */ l, ms = 150) => {
    out(l);
    await pause(s, ms);
  };
  await line('Inspecting system');
  await line('Inspecting Certificates', 400);
  await line('Inspecting services');
  const services = ['cluster-agent', 'containerd', 'kubelite', 'k8s-dqlite', 'apiserver-kicker'];
  let failed = false;
  for (const svc of services) {
    const down = st.stopped || (portInUse && svc === 'kubelite');
    if (down) {
      failed = true;
      out(`\x1b[31m FAIL:\x1b[0m  Service snap.microk8s.daemon-${svc} is not running`, `For more details look at: sudo journalctl -u snap.microk8s.daemon-${svc}`);
    } else await line(`  Service snap.microk8s.daemon-${svc} is running`, 100);
  }
  await line('  Copy service arguments to the final report tarball');
  await line('Inspecting AppArmor configuration');
  await line('Gathering system information');
  for (const what of ['processes list', 'disk usage information', 'memory usage information', 'server uptime', 'openSSL information', 'snap list', 'VM name (or none)', 'current linux distribution', 'asnycio usage and limits', 'inotify max_user_instances and max_user_watches', 'network configuration']) {
    await line(`  Copy ${what} to the final report tarball`, 100);
  }
  await line('Inspecting kubernetes cluster');
  await line('  Inspect kubernetes cluster', 600);
  await line('Inspecting dqlite');
  await line('  Inspect dqlite', 300);
  out(`cp: cannot stat '/var/snap/microk8s/${rev}/var/kubernetes/backend/localnode.yaml': No such file or directory`);
  if (portInUse) out('\x1b[33mWARNING:\x1b[0m  Port 16443 seems to be in use by another application.');
  out('', 'Building the report tarball');
  await pause(s, 800);
  const d = new Date();
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}_${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
  out(`  Report tarball is at /var/snap/microk8s/${rev}/inspection-report-${stamp}.tar.gz`);
  return failed ? 1 : 0;
}

/** @param {Settings} s */
export function version(s) {
  const snap = readState(s.stateDir).snap;
  out(`MicroK8s ${snap?.version ?? 'v1.32.3'} revision ${snap?.revision ?? 7964}`);
  return 0;
}
