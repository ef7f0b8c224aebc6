// @ts-check
// The stand-in `microk8s`: checks what the wrappers check before any subcommand (installed,
// permission, root, worker lock, stopped), then hands over to the subcommand.
import { readSettings } from './settings.mjs';
import { readState } from './state-file.mjs';
import { sessionGroups } from './group-commands.mjs';
import { strictGroupOf } from './snap-catalog.mjs';
import { status } from './microk8s-status.mjs';
import { enable, disable } from './microk8s-enable.mjs';
import { addNode, join, leave, reset, start, stop } from './microk8s-cluster.mjs';
import { config, dashboardProxy, inspect, kubectl, version } from './microk8s-tools.mjs';
import process from 'node:process';

/** @typedef {import('./settings.mjs').Settings} Settings */

/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));
/** @param {string[]} lines */
const out = (...lines) => process.stdout.write(lines.map((l) => `${l}\n`).join(''));

/** Subcommands of microk8s 1.32, as the wrapper lists them. */
const SUBCOMMANDS = ['add-node', 'addons', 'config', 'ctr', 'dashboard-proxy', 'dbctl', 'disable', 'enable', 'helm', 'helm3', 'images', 'inspect', 'join', 'kubectl', 'leave', 'refresh-certs', 'remove-node', 'reset', 'start', 'status', 'stop', 'version'];

/** Those the stand-in plays; the rest say plainly that they are not emulated. */
/** @type {Record<string, (s: Settings, args: string[]) => number | Promise<number>>} */
const COMMANDS = {
  status,
  enable,
  disable,
  config: (s) => config(s),
  kubectl,
  'dashboard-proxy': (s) => dashboardProxy(s),
  'add-node': (s) => addNode(s),
  join,
  leave: (s) => leave(s),
  reset: (s) => reset(s),
  stop: (s) => stop(s),
  start: (s) => start(s),
  inspect: (s) => inspect(s),
  version: (s) => version(s),
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
