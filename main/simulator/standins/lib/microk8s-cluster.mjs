// @ts-check
// Cluster membership and lifecycle (reference §7): add-node, join, leave, stop, start, reset.
import crypto from 'node:crypto';
import os from 'node:os';
import { ADDONS } from './addon-catalog.mjs';
import { apiRequest, listItems } from './kube-api.mjs';
import { clusterTarget, currentAddons, isClusterReady } from './cluster-view.mjs';
import { disableOne } from './microk8s-enable.mjs';
import { pause } from './settings.mjs';
import { readState, updateState } from './state-file.mjs';
import process from 'node:process';

/** @typedef {import('./settings.mjs').Settings} Settings */

/** @param {string[]} lines */
const out = (...lines) => process.stdout.write(lines.map((l) => `${l}\n`).join(''));
/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));

/** The machine's IPv4 addresses, default interface first (what get_default_ip would pick). */
export function hostAddresses() {
  const all = Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => /** @type {os.NetworkInterfaceInfo} */ (i).address);
  return all.length ? all : ['127.0.0.1'];
}

const hex = (/** @type {number} */ n) => crypto.randomBytes(n).toString('hex').slice(0, n * 2);

/** @param {Settings} s */
export function addNode(s) {
  const token = hex(16);
  const suffix = hex(6);
  updateState(s.stateDir, (st) => void st.tokens.push(token));
  const [first, ...rest] = hostAddresses();
  const join = (/** @type {string} */ ip) => `microk8s join ${ip}:25000/${token}/${suffix}`;
  out(
    'From the node you wish to join to this cluster, run the following:',
    join(/** @type {string} */ (first)),
    '',
    "Use the '--worker' flag to join a node as a worker not running the control plane, eg:",
    `${join(/** @type {string} */ (first))} --worker`,
    '',
    'If the node you are adding is not reachable through the default interface you can use one of the following:',
    ...[first, ...rest, '10.1.38.36'].map((ip) => join(/** @type {string} */ (ip))),
  );
  return 0;
}

/** @param {Settings} s @param {string[]} args */
export async function join(s, args) {
  const worker = args.includes('--worker');
  const target = args.find((a) => !a.startsWith('-'));
  const m = target?.match(/^([^/]+):(\d+)\/([0-9a-f]{32})(\/[0-9a-f]{12})?$/);
  if (!m) {
    err('Usage: microk8s join [OPTIONS] CONNECTION', "Try 'microk8s join --help' for help.", '', "Error: Missing argument 'CONNECTION'.");
    return 2;
  }
  const ip = /** @type {string} */ (m[1]);
  out(`Contacting cluster at ${ip}`);
  await pause(s, 2000);
  if (s.fail.has('join')) {
    err(`Connection failed. The joining node (${hostAddresses()[0]}) is unable to join the cluster (${ip}:${m[2]}). (No route to host)`);
    return 1;
  }
  updateState(s.stateDir, (st) => void (st.member = { address: `${ip}:${m[2]}`, worker }));
  if (worker) {
    out(
      '',
      'The node has joined the cluster and will appear in the nodes list in a few seconds.',
      '',
      'This worker node gets automatically configured with the API server endpoints.',
      "If the API servers are behind a loadbalancer please set the '--refresh-interval' to '0s' in:",
      '    /var/snap/microk8s/current/args/apiserver-proxy',
      'and replace the API server endpoints with the one provided by the loadbalancer in:',
      '    /var/snap/microk8s/current/args/traefik/provider.yaml',
      '',
    );
  } else {
    process.stdout.write('Waiting for this node to finish joining the cluster.');
    for (let i = 0; i < 3; i++) {
      await pause(s, 1500);
      process.stdout.write(' ..');
    }
    out('');
  }
  out('Successfully joined the cluster.');
  return 0;
}

/** @param {Settings} s */
export async function leave(s) {
  if (!readState(s.stateDir).member) return err('This MicroK8s deployment is not part of a cluster.'), 1;
  out('Generating new cluster certificates.', 'Waiting for node to start.');
  await pause(s, 3000);
  updateState(s.stateDir, (st) => void (st.member = null));
  return 0;
}

/** @param {Settings} s */
export function stop(s) {
  updateState(s.stateDir, (st) => void (st.stopped = true));
  out('Stopped.');
  return 0;
}

/** @param {Settings} s */
export async function start(s) {
  updateState(s.stateDir, (st) => {
    st.stopped = false;
    st.readyAt = Date.now() + 10_000 * s.speed;
  });
  // Prints nothing, then waits (up to 60 s) for the node, as the wrapper does.
  const deadline = Date.now() + 60_000 * s.speed;
  while (Date.now() < deadline && !(await isClusterReady(s, readState(s.stateDir)))) await pause(s, 2000);
  return 0;
}

/** @param {Settings} s */
export async function reset(s) {
  const st = readState(s.stateDir);
  if (st.joined.length > 0) {
    out('This is a multi-node MicroK8s deployment. Reset is applicable for single node clusters.', 'Please remove all joined nodes before calling reset.');
    return 1;
  }
  const target = await clusterTarget(s);
  if (!target || !(await isClusterReady(s, st))) return out('microk8s is not running. Use microk8s inspect for a deeper inspection.'), 1;
  const on = await currentAddons(s, st);
  out('Disabling all addons');
  for (const a of [...ADDONS].sort((x, y) => x.name.localeCompare(y.name))) {
    if (a.name === 'ha-cluster' || a.name === 'community') continue;
    out(`Disabling addon : core/${a.name}`);
    if (on.has(a.name) && !a.aliasOf) await disableOne(s, target, a.name, () => {});
  }
  out('All addons are disabled.', 'Deleting the CNI');
  const namespaces = ((await listItems(target, '/api/v1/namespaces')) ?? []).map((n) => String(n?.metadata?.name));
  for (const ns of namespaces.sort()) {
    out(`Cleaning resources in namespace ${ns}`);
    await cleanNamespace(target, ns);
  }
  out('Removing CRDs', 'Removing PriorityClasses', 'Removing StorageClasses');
  for (const sc of (await listItems(target, '/apis/storage.k8s.io/v1/storageclasses')) ?? []) await apiRequest(target, 'DELETE', `/apis/storage.k8s.io/v1/storageclasses/${sc.metadata.name}`);
  out('Restarting cluster');
  await pause(s, 3000);
  out('Setting up the CNI');
  await pause(s, 1500);
  updateState(s.stateDir, (next) => void (next.fileAddons = ['ha-cluster']));
  return 0;
}

/**
 * Deletes the workloads and services of a namespace. The CNI (calico) is left in place: reset
 * deletes it and sets it up again, which ends where it started.
 * @param {import('./kube-api.mjs').KubeTarget} target @param {string} ns
 */
async function cleanNamespace(target, ns) {
  const keep = (/** @type {any} */ o) => /^calico/.test(o?.metadata?.name ?? '') || (ns === 'default' && o?.metadata?.name === 'kubernetes');
  for (const path of [`/apis/apps/v1/namespaces/${ns}/deployments`, `/apis/apps/v1/namespaces/${ns}/daemonsets`, `/apis/apps/v1/namespaces/${ns}/statefulsets`, `/api/v1/namespaces/${ns}/services`, `/api/v1/namespaces/${ns}/pods`]) {
    for (const o of (await listItems(target, path)) ?? []) {
      if (keep(o) || (path.endsWith('/pods') && (o?.metadata?.ownerReferences ?? []).length > 0)) continue;
      await apiRequest(target, 'DELETE', `${path}/${encodeURIComponent(o.metadata.name)}`, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    }
  }
}
