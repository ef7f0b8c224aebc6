// @ts-check
// `usermod -a -G`, `id` and `sg`: the user's configured groups live in the state file (our
// /etc/group); the groups in effect for a session come from BERTH_STANDIN_SESSION_GROUPS, because
// on a real machine a new group only reaches processes started by a new login (or sg/newgrp).
import path from 'node:path';
import { readSettings } from './settings.mjs';
import { readState, updateState } from './state-file.mjs';
import { readSecretFromTerminal } from './secret-prompt.mjs';
import { runForeground } from './run-child.mjs';
import process from 'node:process';

/** @typedef {import('./settings.mjs').Settings} Settings */
/** @typedef {import('./state-file.mjs').StandinState} StandinState */

/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));

// Stable numbers for `id`, as a Debian/Ubuntu box would have them.
const GIDS = /** @type {Record<string, number>} */ ({ root: 0, adm: 4, sudo: 27, microk8s: 998, snap_microk8s: 997 });
const gidOf = (/** @type {string} */ g, /** @type {string} */ user) => GIDS[g] ?? (g === user ? 1000 : 1001);

/** Users that exist: the person, root, and anyone the state knows. @param {Settings} s @param {StandinState} st */
const users = (s, st) => new Set([s.user, 'root', ...Object.keys(st.groups)]);

/**
 * Groups configured for `user` in /etc/group: the primary group, then supplementary ones.
 * @param {Settings} s @param {StandinState} st @param {string} user
 */
export function configuredGroups(s, st, user) {
  if (user === 'root') return ['root'];
  return [user, ...(st.groups[user] ?? ['adm', 'sudo'])];
}

/**
 * Groups in effect for this process: those of the login (a desktop user's usual ones; anything
 * added since needs a new login) plus BERTH_STANDIN_SESSION_GROUPS.
 * @param {Settings} s
 */
export function sessionGroups(s) {
  if (s.root) return ['root'];
  const login = [s.user, 'adm', 'sudo'];
  return [...login, ...s.sessionGroups.filter((g) => !login.includes(g))];
}

/** @param {string[]} args */
export async function usermod(args) {
  const s = readSettings();
  let append = false;
  /** @type {string[] | undefined} */
  let groups;
  /** @type {string | undefined} */
  let user;
  for (let i = 0; i < args.length; i++) {
    const a = /** @type {string} */ (args[i]);
    if (a === '-a' || a === '--append') append = true;
    else if (a === '-G' || a === '--groups') groups = (args[++i] ?? '').split(',').filter(Boolean);
    else if (/^-a?G$|^-Ga$/.test(a)) {
      append = true;
      groups = (args[++i] ?? '').split(',').filter(Boolean);
    } else if (a.startsWith('-')) return err(`usermod: invalid option -- '${a.replace(/^-+/, '')}'`, 'Usage: usermod [options] LOGIN'), 2;
    else user = a;
  }
  if (!user || !groups) return err('Usage: usermod [options] LOGIN'), 2;
  if (!s.root) return err('usermod: Permission denied.', 'usermod: cannot lock /etc/passwd; try again later.'), 1;
  const st = readState(s.stateDir);
  if (!users(s, st).has(user)) return err(`usermod: user '${user}' does not exist`), 6;
  const missing = groups.find((g) => !st.groupNames.includes(g));
  if (missing) return err(`usermod: group '${missing}' does not exist`), 6;
  updateState(s.stateDir, (next) => {
    const current = next.groups[user] ?? ['adm', 'sudo'];
    next.groups[user] = append ? [...new Set([...current, ...groups])] : [...groups];
  });
  return 0;
}

/** @param {string[]} args */
export function id(args) {
  const s = readSettings();
  const st = readState(s.stateDir);
  const flags = args.filter((a) => a.startsWith('-')).join('').replace(/-/g, '');
  const name = args.find((a) => !a.startsWith('-'));
  if (name && !users(s, st).has(name)) return err(`id: '${name}': no such user`), 1;
  // `id USER` reads /etc/group; plain `id` reports this process, whose groups date from the login.
  const who = name ?? (s.root ? 'root' : s.user);
  const groups = name ? configuredGroups(s, st, name) : sessionGroups(s);
  const uid = who === 'root' ? 0 : 1000;
  const n = flags.includes('n');
  if (flags.includes('G')) return process.stdout.write(`${(n ? groups : groups.map((g) => String(gidOf(g, who)))).join(' ')}\n`), 0;
  if (flags.includes('g')) return process.stdout.write(`${n ? groups[0] : gidOf(/** @type {string} */ (groups[0]), who)}\n`), 0;
  if (flags.includes('u')) return process.stdout.write(`${n ? who : uid}\n`), 0;
  const list = groups.map((g) => `${gidOf(g, who)}(${g})`).join(',');
  process.stdout.write(`uid=${uid}(${who}) gid=${gidOf(/** @type {string} */ (groups[0]), who)}(${groups[0]}) groups=${list}\n`);
  return 0;
}

/** @param {string[]} args */
export async function sg(args) {
  const s = readSettings();
  const [group, ...rest] = args;
  if (!group || group.startsWith('-')) return err('Usage: sg group [[-c] command]'), 1;
  const st = readState(s.stateDir);
  if (!st.groupNames.includes(group) && !['root', s.user].includes(group)) return err(`sg: group '${group}' does not exist`), 1;
  const member = s.root || configuredGroups(s, st, s.user).includes(group);
  if (!member) {
    // The group has no password, so sg asks for one and then cannot check it (Ubuntu 22.04+).
    await readSecretFromTerminal('Password: ');
    return err('sg: failed to crypt password with previous salt: Invalid argument'), 1;
  }
  const command = rest[0] === '-c' ? rest.slice(1).join(' ') : rest.join(' ');
  const env = { ...process.env, BERTH_STANDIN_SESSION_GROUPS: [...new Set([...s.sessionGroups, group])].join(',') };
  if (!command) return runForeground(process.env.SHELL || '/bin/sh', [], env);
  return runForeground('/bin/sh', ['-c', command], env);
}

/** `path.resolve` that keeps `~/x` meaning $HOME/x when a shell did not expand it. */
export const resolveHome = (/** @type {string} */ p) => (p.startsWith('~/') || p === '~' ? path.join(process.env.HOME ?? '/', p.slice(1)) : path.resolve(p));
