// @ts-check
// The stand-in `microk8s`: checks what the wrappers check before any subcommand (installed,
// permission, root, worker lock, stopped), then hands over to the subcommand.
import { readSettings } from './settings.mjs';
import { readState } from './state-file.mjs';
import { sessionGroups } from './group-commands.mjs';
import { strictGroupOf } from './snap-catalog.mjs';
import process from 'node:process';

/** @typedef {import('./settings.mjs').Settings} Settings */

/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));
/** @param {string[]} lines */
const out = (...lines) => process.stdout.write(lines.map((l) => `${l}\n`).join(''));

/** Subcommands of microk8s 1.32, as the wrapper lists them. */
const SUBCOMMANDS = ['add-node', 'addons', 'config', 'ctr', 'dashboard-proxy', 'dbctl', 'disable', 'enable', 'helm', 'helm3', 'images', 'inspect', 'join', 'kubectl', 'leave', 'refresh-certs', 'remove-node', 'reset', 'start', 'status', 'stop', 'version'];

// Those the stand-in plays; the rest say plainly that they are not emulated. Each is loaded only
// when asked for: every run pays for what it imports, and the installer runs many.
const status = () => import('./microk8s-status.mjs');
const addons = () => import('./microk8s-enable.mjs');
const cluster = () => import('./microk8s-cluster.mjs');
const tools = () => import('./microk8s-tools.mjs');
/** @type {Record<string, (s: Settings, args: string[]) => Promise<number>>} */
const COMMANDS = {
  status: async (s, a) => (await status()).status(s, a),
  enable: async (s, a) => (await addons()).enable(s, a),
  disable: async (s, a) => (await addons()).disable(s, a),
  config: async (s) => (await tools()).config(s),
  kubectl: async (s, a) => (await tools()).kubectl(s, a),
  'dashboard-proxy': async (s) => (await tools()).dashboardProxy(s),
  'add-node': async (s) => (await cluster()).addNode(s),
  join: async (s, a) => (await cluster()).join(s, a),
  leave: async (s) => (await cluster()).leave(s),
  reset: async (s) => (await cluster()).reset(s),
  stop: async (s) => (await cluster()).stop(s),
  start: async (s) => (await cluster()).start(s),
  inspect: async (s) => (await tools()).inspect(s),
  version: async (s) => (await tools()).version(s),
};

/** Commands that need root outright, with their messages and exit codes (utils.py, inspect.sh). */
const ROOT_ONLY = /** @type {Record<string, [string, number]>} */ ({
  reset: ['Elevated permissions is needed for this operation. Please run this command with sudo.', 50],
  inspect: ['Elevated permissions are needed for this command. Please use sudo.', 1],
});
/** Commands the worker lock (clustered.lock) refuses. */
const CONTROL_PLANE_ONLY = ['status', 'enable', 'disable', 'add-node', 'dashboard-proxy', 'config', 'reset'];
/** Commands exit_if_stopped guards. */
const NEED_RUNNING = ['enable', 'disable', 'dashboard-proxy', 'add-node'];

/** @param {Settings} s @param {string} group */
function permissionMessage(s, group) {
  err(
    'Insufficient permissions to access MicroK8s.',
    `You can either try again with sudo or add the user ${s.user} to the '${group}' group:`,
    '',
    `    sudo usermod -a -G ${group} ${s.user}`,
    `    sudo chown -f -R ${s.user} ~/.kube`,
    '',
    `After this, reload the user groups either via a reboot or by running 'newgrp ${group}'.`,
  );
}

/** @param {string[]} argv */
export async function main(argv) {
  const s = readSettings();
  const st = readState(s.stateDir);
  if (!st.snap) {
    // Without the snap there is no microk8s command at all; this is the shell speaking.
    err('bash: microk8s: command not found');
    return 127;
  }
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out('Available subcommands are:', ...SUBCOMMANDS.map((c) => `\t${c}`));
    return 0;
  }
  if (!SUBCOMMANDS.includes(command)) {
    err(`'${command}' is not a valid MicroK8s subcommand.`, 'Available subcommands are:', ...SUBCOMMANDS.map((c) => `\t${c}`));
    return 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    err(`berth stand-in: 'microk8s ${command}' is not emulated; the stand-ins cover status, enable, disable, config, kubectl, dashboard-proxy, add-node, join, leave, reset, stop, start, inspect and version.`);
    return 1;
  }
  if (command !== 'version') {
    const rootRule = ROOT_ONLY[command];
    if (rootRule && !s.root) return err(rootRule[0]), rootRule[1];
    const group = strictGroupOf(st.snap.channel);
    if (!s.root && !sessionGroups(s).includes(group)) return permissionMessage(s, group), 1;
    if (st.member?.worker && CONTROL_PLANE_ONLY.includes(command)) {
      err('This MicroK8s deployment is acting as a node in a cluster.', 'Please use the master node.');
      return 1;
    }
    if (st.stopped && NEED_RUNNING.includes(command)) return out('microk8s is not running, try microk8s start'), 0;
  }
  return run(s, args);
}
