// @ts-check
// What every stand-in reads from its environment. One place, so the README's interface table and
// the code cannot drift apart.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { setTimeout } from 'node:timers';

/** The directory holding the stand-in executables (snap, microk8s, sudo, usermod, sg, id). */
export const BIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin');
/** The names that resolve to stand-ins (never to the real programs), also under sudo. */
export const STANDIN_NAMES = ['snap', 'microk8s', 'sudo', 'usermod', 'sg', 'id'];

/**
 * @typedef {object} Settings
 * @property {string} stateDir       BERTH_STANDIN_STATE: folder of the shared state file
 * @property {string} user           BERTH_STANDIN_USER, else SUDO_USER, else USER
 * @property {string} sudoPassword   BERTH_STANDIN_SUDO_PASSWORD (default "berth")
 * @property {number} speed          BERTH_STANDIN_SPEED: time scale (1 = realistic, 0.05 = tests)
 * @property {Set<string>} fail      BERTH_STANDIN_FAIL: failure modes in effect
 * @property {string[]} sessionGroups BERTH_STANDIN_SESSION_GROUPS: groups this session already has
 * @property {boolean} root          BERTH_STANDIN_ROOT=1: running under the stand-in sudo
 * @property {string | undefined} simKubeconfig BERTH_SIM_KUBECONFIG: the simulated API server
 * @property {number} dashboardPort  BERTH_STANDIN_DASHBOARD_PORT (default 10443; 0 = any free port)
 */

/** @param {string | undefined} value */
const list = (value) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {Settings}
 */
export function readSettings(env = process.env) {
  const stateDir = env.BERTH_STANDIN_STATE;
  if (!stateDir) {
    // Without a state folder every command would invent its own world; say what to set instead.
    process.stderr.write('berth stand-in: BERTH_STANDIN_STATE is not set (the folder for the stand-ins\' shared state).\n');
    process.stderr.write('Create the environment with createStandinEnv() from main/simulator/standins.\n');
    process.exit(1);
  }
  const speed = Number(env.BERTH_STANDIN_SPEED ?? '1');
  const port = Number(env.BERTH_STANDIN_DASHBOARD_PORT ?? '10443');
  return {
    stateDir,
    user: env.BERTH_STANDIN_USER || env.SUDO_USER || env.USER || os.userInfo().username,
    sudoPassword: env.BERTH_STANDIN_SUDO_PASSWORD ?? 'berth',
    speed: Number.isFinite(speed) && speed > 0 ? speed : 1,
    fail: new Set(list(env.BERTH_STANDIN_FAIL)),
    sessionGroups: list(env.BERTH_STANDIN_SESSION_GROUPS),
    root: env.BERTH_STANDIN_ROOT === '1',
    simKubeconfig: env.BERTH_SIM_KUBECONFIG || undefined,
    dashboardPort: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 10443,
  };
}

/**
 * Waits `ms` of realistic time, scaled by BERTH_STANDIN_SPEED.
 * @param {Settings} s
 * @param {number} ms
 */
export function pause(s, ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.round(ms * s.speed))));
}
