// @ts-check
// The stand-ins' shared world (what snapd, /etc/group and sudo's timestamp dir hold on a real
// machine) in one JSON file. Commands may run at the same time (a status poll during an enable),
// so every change is a locked read-modify-write, and the file is replaced atomically (temp file +
// rename) so a reader never sees half a file.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/**
 * @typedef {object} InstalledSnap
 * @property {string} channel  e.g. "1.32/stable"
 * @property {number} revision e.g. 7964
 * @property {string} version  e.g. "v1.32.3"
 * @property {number} [installedAt] ms since the epoch
 */
/**
 * @typedef {object} JoinedNode
 * @property {string} address
 * @property {boolean} worker
 */
/**
 * @typedef {object} StandinState
 * @property {InstalledSnap | null} snap          the microk8s snap, when installed
 * @property {{ pid: number, kind: string } | null} change  a snapd change in progress
 * @property {boolean} stopped                    `microk8s stop` ran (stopped.lock)
 * @property {number} readyAt                     ms: the services are still coming up before this
 * @property {string[]} fileAddons                addons whose status is a file, not cluster objects
 * @property {Record<string, string[]>} groups    user -> supplementary groups (/etc/group)
 * @property {string[]} groupNames                groups that exist on the machine
 * @property {Record<string, number>} sudo        user -> time of the last good password (ms)
 * @property {JoinedNode[]} joined                nodes that joined this one
 * @property {JoinedNode | null} member           this node joined another cluster
 * @property {string[]} tokens                    add-node tokens not used yet
 */

/** @returns {StandinState} */
export function emptyState() {
  return { snap: null, change: null, stopped: false, readyAt: 0, fileAddons: [], groups: {}, groupNames: ['adm', 'sudo'], sudo: {}, joined: [], member: null, tokens: [] };
}

/** @param {string} dir */
export const statePath = (dir) => path.join(dir, 'state.json');

/**
 * @param {string} dir
 * @returns {StandinState}
 */
export function readState(dir) {
  try {
    return { ...emptyState(), ...JSON.parse(fs.readFileSync(statePath(dir), 'utf8')) };
  } catch (e) {
    if (/** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT') return emptyState();
    throw e;
  }
}

/**
 * @param {string} dir
 * @param {StandinState} state
 */
export function writeStateFile(dir, state) {
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${statePath(dir)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, statePath(dir));
}

const LOCK_STALE_MS = 5000;
const sleepSync = (/** @type {number} */ ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Locked read-modify-write: `change` gets the current state and returns the new one (or mutates it).
 * @param {string} dir
 * @param {(state: StandinState) => StandinState | void} change
 * @returns {StandinState}
 */
export function updateState(dir, change) {
  fs.mkdirSync(dir, { recursive: true });
  const lock = `${statePath(dir)}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
      // A holder that died (SIGKILL mid-update) must not wedge every later command.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS) fs.rmSync(lock, { force: true });
      } catch {
        /* gone already */
      }
      if (Date.now() > deadline) throw new Error(`berth stand-in: state file ${lock} stays locked`, { cause: e });
      sleepSync(5);
    }
  }
  try {
    const state = readState(dir);
    const next = change(state) ?? state;
    writeStateFile(dir, next);
    return next;
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Whether a process still runs (for a snapd change whose client was killed).
 * @param {number} pid
 */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
  }
}
