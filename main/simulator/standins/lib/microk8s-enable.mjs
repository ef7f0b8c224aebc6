// @ts-check
// `microk8s enable` and `microk8s disable` (reference §4): the Infer lines, the multi-addon
// WARNING, "already enabled", each addon's printed lines, and its objects created in the
// simulated cluster so that the simulator's controllers start real (simulated) pods.
import readline from 'node:readline';
import { findAddon } from './addon-catalog.mjs';
import { clusterTarget, currentAddons, isClusterReady } from './cluster-view.mjs';
import { applyObjects, deleteObjects, waitForDeployment } from './apply-objects.mjs';
import { COREDNS, DASHBOARD, HOSTPATH, INGRESS, METALLB, METRICS_SERVER, REGISTRY, namespace, workload } from './addon-manifests.mjs';
import { NOT_RUNNING } from './microk8s-status.mjs';
import { pause } from './settings.mjs';
import { readState, updateState } from './state-file.mjs';
import process from 'node:process';

/** @typedef {import('./settings.mjs').Settings} Settings */
/** @typedef {import('./kube-api.mjs').KubeTarget} KubeTarget */
/** @typedef {import('./addon-catalog.mjs').Addon} Addon */

/** @param {string} line */
const say = (line) => process.stdout.write(`${line}\n`);
/** @param {string} line */
const warn = (line) => process.stderr.write(`${line}\n`);

class AddonFailure extends Error {
  /** @param {string} message @param {number} code */
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/**
 * @typedef {object} Run
 * @property {Settings} s
 * @property {KubeTarget} target
 * @property {Set<string>} on        addons enabled now (kept current as this run enables more)
 * @property {(name: string) => Promise<void>} dependency  enables another addon first, as the scripts do
 */

/** The realistic error for BERTH_STANDIN_FAIL=addon:NAME: the API server stops answering mid-apply. */
function failIfAsked(/** @type {Run} */ r, /** @type {string} */ name) {
  if (r.s.fail.has(`addon:${name}`)) throw new AddonFailure('The connection to the server 127.0.0.1:16443 was refused - did you specify the right host or port?', 1);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const validRange = (/** @type {string} */ r) => {
  const [a, b] = r.split('-');
  if (b !== undefined) return IPV4.test(a ?? '') && IPV4.test(b);
  const [ip, bits] = r.split('/');
  return IPV4.test(ip ?? '') && bits !== undefined && Number(bits) >= 0 && Number(bits) <= 32;
};

/** @returns {Promise<string | undefined>} */
function askLine(/** @type {string} */ prompt) {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: false });
    process.stdout.write(prompt);
    let answered = false;
    rl.once('line', (l) => {
      answered = true;
      rl.close();
      resolve(l.trim());
    });
    rl.once('close', () => !answered && resolve(undefined));
  });
}

/** @type {Record<string, (r: Run, arg: string | undefined) => Promise<void>>} */
const ENABLE = {
  async dns(r, arg) {
    say('Enabling DNS');
    if (arg && !arg.split(',').every((ip) => IPV4.test(ip))) throw new AddonFailure(`Your input value (${arg}) is not a valid and reachable IP address`, 1);
    say(arg ? `Will use ${arg.split(',').join(' ')} as upstream nameservers` : 'Using host configuration from /run/systemd/resolve/resolv.conf');
    say('Applying manifest');
    failIfAsked(r, 'dns');
    await applyObjects(r.target, COREDNS(), say);
    say('CoreDNS service deployed with IP address 10.152.183.10');
    say('Restarting kubelet');
    await pause(r.s, 1500);
    say('DNS is enabled');
  },
  async 'metrics-server'(r) {
    say('Enabling Metrics-Server');
    failIfAsked(r, 'metrics-server');
    await applyObjects(r.target, METRICS_SERVER(), say);
    say('Metrics-Server is enabled');
  },
  async dashboard(r) {
    say('Enabling Kubernetes Dashboard');
    await r.dependency('metrics-server');
    say('Applying manifest');
    failIfAsked(r, 'dashboard');
    await applyObjects(r.target, DASHBOARD(), say);
    for (const l of [
      '',
      'If RBAC is not enabled access the dashboard using the token retrieved with:',
      '',
      'microk8s kubectl describe secret -n kube-system microk8s-dashboard-token',
      '',
      'Use this token in the https login UI of the kubernetes-dashboard service.',
      '',
      'In an RBAC enabled setup (microk8s enable RBAC) you need to create a user with restricted',
      'permissions as shown in:',
      'https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/creating-sample-user.md',
    ])
      say(l);
  },
  async ingress(r) {
    say('Enabling Ingress');
    failIfAsked(r, 'ingress');
    await applyObjects(r.target, INGRESS(), say);
    say('Ingress is enabled');
  },
  async 'hostpath-storage'(r) {
    say('Enabling default storage class.');
    say('WARNING: Hostpath storage is not suitable for production environments.');
    say('         A hostpath volume can grow beyond the size limit set in the volume claim manifest.');
    say('');
    failIfAsked(r, 'hostpath-storage');
    await applyObjects(r.target, HOSTPATH(), say);
    say('Storage will be available soon.');
  },
  async registry(r) {
    await r.dependency('hostpath-storage');
    say('The registry will be created with the size of 20Gi.');
    say('Default storage class will be used.');
    failIfAsked(r, 'registry');
    await applyObjects(r.target, REGISTRY(), say);
  },
  async metallb(r, arg) {
    say('Enabling MetalLB');
    const ranges = arg ?? (await askLine("Enter each IP address range delimited by comma (e.g. '10.64.140.43-10.64.140.49,192.168.0.105-192.168.0.111'): "));
    if (ranges === undefined) throw new AddonFailure('Aborted!', 1);
    if (!ranges.split(',').every(validRange)) throw new AddonFailure(`Your input value (${ranges}) is not a valid IP Range`, 1);
    say('Applying Metallb manifest');
    failIfAsked(r, 'metallb');
    const objects = METALLB(ranges);
    await applyObjects(r.target, objects.slice(0, 4), say);
    say('Waiting for Metallb controller to be ready.');
    if (!(await waitForDeployment(r.target, 'metallb-system', 'controller', 120_000 * r.s.speed + 5000, (ms) => pause(r.s, ms)))) {
      throw new AddonFailure('error: timed out waiting for the condition on deployments/controller', 1);
    }
    say('deployment.apps/controller condition met');
    await applyObjects(r.target, objects.slice(4), say);
    say('MetalLB is enabled');
  },
  async 'cert-manager'(r) {
    say('Enable DNS addon');
    await r.dependency('dns');
    say('Enable helm');
    await r.dependency('helm');
    say('Enabling cert-manager');
    failIfAsked(r, 'cert-manager');
    const deploy = (/** @type {string} */ name, /** @type {string} */ image) => workload('Deployment', name, 'cert-manager', { podLabels: { app: name, 'app.kubernetes.io/instance': 'cert-manager' }, image });
    await applyObjects(r.target, [namespace('cert-manager'), deploy('cert-manager', 'quay.io/jetstack/cert-manager-controller:v1.19.1'), deploy('cert-manager-cainjector', 'quay.io/jetstack/cert-manager-cainjector:v1.19.1'), deploy('cert-manager-webhook', 'quay.io/jetstack/cert-manager-webhook:v1.19.1')], say);
    process.stdout.write('Waiting for cert-manager to be ready.');
    const ok = await waitForDeployment(r.target, 'cert-manager', 'cert-manager-webhook', 300_000 * r.s.speed + 5000, async (ms) => {
      process.stdout.write('.');
      await pause(r.s, ms);
    });
    say(ok ? 'ready' : 'timed out');
    if (!ok) throw new AddonFailure('cert-manager did not become ready', 1);
    say('Enabled cert-manager');
    say('');
    say('===========================');
    say('');
    say('Cert-manager is installed. As a next step, try creating an Issuer');
    say("for Let's Encrypt (see the Issuer example YAML).");
  },
  async rbac(r) {
    say('Enabling RBAC');
    failIfAsked(r, 'rbac');
    say('Reconfiguring apiserver');
    say('Restarting apiserver');
    await pause(r.s, 2000);
    setFileAddon(r.s, 'rbac', true);
    say('RBAC is enabled');
  },
  async helm(r) {
    setFileAddon(r.s, 'helm', true);
    say('Helm is enabled');
  },
  async helm3(r) {
    setFileAddon(r.s, 'helm3', true);
    say('Helm 3 is enabled');
  },
  async 'host-access'(r) {
    say('Setting 10.0.1.1 as host-access');
    setFileAddon(r.s, 'host-access', true);
    say('Host-access is enabled');
  },
  async 'ha-cluster'(r) {
    setFileAddon(r.s, 'ha-cluster', true);
    say('HA enabled');
  },
};
ENABLE.storage = /** @type {(r: Run, arg: string | undefined) => Promise<void>} */ (ENABLE['hostpath-storage']);

/** The objects each object-backed addon owns, for disable and reset. */
/** @type {Record<string, () => import('./addon-manifests.mjs').Manifest[]>} */
export const OWNED = {
  dns: COREDNS,
  'metrics-server': METRICS_SERVER,
  dashboard: DASHBOARD,
  ingress: INGRESS,
  'hostpath-storage': HOSTPATH,
  storage: HOSTPATH,
  registry: () => REGISTRY().filter((o) => o.kind !== 'ConfigMap'),
  metallb: () => METALLB(''),
  'cert-manager': () => [namespace('cert-manager')],
};

/** @param {Settings} s @param {string} name @param {boolean} on */
function setFileAddon(s, name, on) {
  updateState(s.stateDir, (st) => {
    st.fileAddons = on ? [...new Set([...st.fileAddons, name])] : st.fileAddons.filter((a) => a !== name);
  });
}

/**
 * Resolves names the way the wrappers do: one Infer line per addon, "not found" stops everything.
 * @param {string[]} specs
 * @returns {{ addon: Addon, arg: string | undefined }[] | undefined}
 */
function resolve(specs, /** @type {'enable' | 'disable'} */ verb) {
  const found = [];
  for (const spec of specs) {
    const addon = findAddon(spec);
    const name = spec.split(':')[0] ?? spec;
    if (!addon) {
      warn(`Addon ${name.split('/').pop()} was not found in any repository`);
      return undefined;
    }
    if (!name.includes('/')) warn(`Infer repository core for addon ${addon.name}`);
    const arg = spec.includes(':') ? spec.slice(spec.indexOf(':') + 1) : undefined;
    found.push({ addon, arg });
  }
  if (found.length > 1) {
    warn('WARNING: Do not enable or disable multiple addons in one command.');
    warn('         This form of chained operations on addons will be DEPRECATED in the future.');
    warn(`         Please, ${verb} one addon at a time: 'microk8s ${verb} <addon>'`);
  }
  return found;
}

/**
 * @param {Settings} s
 * @param {string[]} args
 * @param {'enable' | 'disable'} verb
 */
async function prepare(s, args, verb) {
  const specs = args.filter((a) => !a.startsWith('-'));
  if (specs.length === 0) {
    warn(`Usage: microk8s ${verb} [OPTIONS] ADDONS...`);
    warn(`Try 'microk8s ${verb} --help' for help.`);
    warn('');
    warn("Error: Missing argument 'ADDONS...'.");
    return { code: 2 };
  }
  const st = readState(s.stateDir);
  const target = await clusterTarget(s);
  if (!target || !(await isClusterReady(s, { ...st, stopped: false }))) {
    // Without a working API server the scripts' kubectl calls are what fails first.
    say(NOT_RUNNING);
    return { code: 1 };
  }
  const wanted = resolve(specs, verb);
  if (!wanted) return { code: 1 };
  return { code: 0, target, wanted, on: await currentAddons(s, st) };
}

/**
 * @param {Settings} s
 * @param {string[]} args
 */
export async function enable(s, args) {
  const p = await prepare(s, args, 'enable');
  if (p.code !== 0 || !p.target || !p.wanted || !p.on) return p.code;
  const { target, on } = p;
  /** @type {Run} */
  const run = {
    s,
    target,
    on,
    async dependency(name) {
      warn(`Infer repository core for addon ${name}`);
      await enableOne(run, name, undefined);
    },
  };
  try {
    for (const { addon, arg } of p.wanted) await enableOne(run, addon.name, arg);
    return 0;
  } catch (e) {
    warn(e instanceof Error ? e.message : String(e));
    return e instanceof AddonFailure ? e.code : 1;
  }
}

/** @param {Run} run @param {string} name @param {string | undefined} arg */
async function enableOne(run, name, arg) {
  const addon = findAddon(name);
  const key = addon?.aliasOf && !ENABLE[name] ? addon.aliasOf : name;
  if (run.on.has(name) || (addon?.aliasOf && run.on.has(addon.aliasOf))) return say(`Addon core/${name} is already enabled`);
  const script = ENABLE[key];
  if (!script) throw new AddonFailure(`berth stand-in: enabling ${name} is not emulated (it installs software the simulated cluster cannot run).`, 1);
  await script(run, arg);
  run.on.add(name);
}

/**
 * @param {Settings} s
 * @param {string[]} args
 */
export async function disable(s, args) {
  const p = await prepare(s, args, 'disable');
  if (p.code !== 0 || !p.target || !p.wanted || !p.on) return p.code;
  for (const { addon } of p.wanted) {
    if (!p.on.has(addon.name)) {
      say(`Addon core/${addon.name} is already disabled`);
      continue;
    }
    await disableOne(s, p.target, addon.name, say);
  }
  return 0;
}

/**
 * @param {Settings} s @param {KubeTarget} target @param {string} name @param {(l: string) => void} print
 */
export async function disableOne(s, target, name, print) {
  const owned = OWNED[name];
  const title = { dns: 'DNS', 'metrics-server': 'Metrics-Server', dashboard: 'Dashboard', ingress: 'Ingress', rbac: 'RBAC', metallb: 'MetalLB', 'ha-cluster': 'HA' }[name] ?? name;
  print(`Disabling ${title}`);
  if (owned) await deleteObjects(target, owned(), print);
  else setFileAddon(s, name, false);
  print(name === 'ha-cluster' ? 'HA disabled' : `${title} is disabled`);
}
