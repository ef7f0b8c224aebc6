// @ts-check
// The stand-in `sudo`: asks for the password on the terminal with echo off, three tries, a
// 15-minute timestamp in the state file, then runs the command "as root" (BERTH_STANDIN_ROOT=1).
// Only the stand-ins and a few harmless commands may run: nothing real is ever run as root.
import fs from 'node:fs';
import path from 'node:path';
import { BIN_DIR, STANDIN_NAMES, readSettings } from './settings.mjs';
import { readState, updateState } from './state-file.mjs';
import { readSecretFromStdin, readSecretFromTerminal } from './secret-prompt.mjs';
import { runForeground } from './run-child.mjs';
import { chownUnderHome } from './chown-under-home.mjs';
import process from 'node:process';

/** @typedef {import('./settings.mjs').Settings} Settings */

/** sudo's default timestamp_timeout. */
export const SUDO_CACHE_MS = 15 * 60 * 1000;
const ATTEMPTS = 3;

/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));

const USAGE = [
  'usage: sudo -h | -K | -k | -V',
  'usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]',
  'usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]',
  'usage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]',
];

/**
 * @param {string[]} argv
 */
function parse(argv) {
  const o = { nonInteractive: false, resetCache: false, removeCache: false, validate: false, stdin: false, prompt: /** @type {string | undefined} */ (undefined), user: 'root', command: /** @type {string[]} */ ([]), bad: /** @type {string | undefined} */ (undefined) };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = /** @type {string} */ (argv[i]);
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a.startsWith('--')) {
      const long = { '--non-interactive': 'n', '--reset-timestamp': 'k', '--remove-timestamp': 'K', '--validate': 'v', '--stdin': 'S', '--preserve-env': 'E', '--set-home': 'H' }[a];
      if (!long) return { ...o, bad: a };
      argv = [...argv.slice(0, i), `-${long}`, ...argv.slice(i + 1)];
      i--;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (f === 'n') o.nonInteractive = true;
      else if (f === 'k') o.resetCache = true;
      else if (f === 'K') o.removeCache = true;
      else if (f === 'v') o.validate = true;
      else if (f === 'S') o.stdin = true;
      else if (f === 'E' || f === 'H') continue;
      else if (f === 'u' || f === 'p') {
        const value = a.slice(j + 1) || argv[++i];
        if (value === undefined) return { ...o, bad: f };
        if (f === 'u') o.user = value;
        else o.prompt = value;
        break;
      } else return { ...o, bad: f };
    }
  }
  o.command = argv.slice(i);
  return o;
}

/**
 * What a command name resolves to under this sudo: a stand-in from our bin folder, a harmless
 * real program, our chown, or nothing (refused).
 * @param {Settings} s
 * @param {string} name
 * @returns {{ kind: 'standin' | 'harmless', file: string } | { kind: 'chown' } | { kind: 'refused' } | { kind: 'not-found' }}
 */
function resolveCommand(s, name) {
  const base = path.basename(name);
  if (name.includes('/') && path.resolve(name) !== path.join(BIN_DIR, base)) return { kind: 'refused' };
  if (STANDIN_NAMES.includes(base)) {
    // A stand-in for a program this machine does not have is "not found", as sudo says.
    if (base === 'snap' && s.fail.has('no-snap-command')) return { kind: 'not-found' };
    if (base === 'microk8s' && !readState(s.stateDir).snap) return { kind: 'not-found' };
    return { kind: 'standin', file: path.join(BIN_DIR, base) };
  }
  if (base === 'chown') return { kind: 'chown' };
  if (['true', 'false', 'echo'].includes(base)) {
    for (const dir of ['/usr/bin', '/bin']) if (fs.existsSync(path.join(dir, base))) return { kind: 'harmless', file: path.join(dir, base) };
  }
  return { kind: 'refused' };
}

/**
 * Asks for the password up to three times. Returns the exit code to stop with, or 0 when good.
 * @param {Settings} s
 * @param {{ stdin: boolean, prompt: string | undefined }} o
 */
async function authenticate(s, o) {
  const prompt = (o.prompt ?? '[sudo] password for %p: ').replace(/%p|%u/g, s.user);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const r = o.stdin ? await readSecretFromStdin(prompt) : await readSecretFromTerminal(prompt);
    if (r.kind === 'no-tty') {
      err('sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper', 'sudo: a password is required');
      return 1;
    }
    if (r.kind === 'interrupt') return 1;
    if (r.kind === 'eof') {
      err('sudo: a password is required');
      return 1;
    }
    if (r.value === s.sudoPassword) return 0;
    if (attempt < ATTEMPTS) err('Sorry, try again.');
  }
  err(`sudo: ${ATTEMPTS} incorrect password attempts`);
  return 1;
}

/** @param {string[]} argv */
export async function main(argv) {
  const s = readSettings();
  const o = parse(argv);
  if (o.bad) return err(`sudo: invalid option -- '${o.bad.replace(/^-+/, '')}'`, ...USAGE), 1;
  if (o.removeCache || (o.resetCache && o.command.length === 0 && !o.validate)) {
    updateState(s.stateDir, (st) => {
      delete st.sudo[s.user];
    });
    if (o.command.length === 0) return 0;
  }
  if (o.command.length === 0 && !o.validate) return err(...USAGE), 1;
  if (o.user !== 'root') return err(`sudo: the stand-in sudo runs commands as root only, not as ${o.user}`), 1;

  const name = o.command[0];
  const target = name === undefined ? undefined : resolveCommand(s, name);
  if (target?.kind === 'not-found') return err(`sudo: ${name}: command not found`), 1;
  if (target?.kind === 'refused') {
    err(`berth stand-in sudo: refusing to run "${name}" as root.`, `Only the stand-ins (${STANDIN_NAMES.filter((n) => n !== 'sudo').join(', ')}) and harmless commands (true, false, echo, chown under $HOME) run here.`);
    return 1;
  }

  const cachedAt = readState(s.stateDir).sudo[s.user] ?? 0;
  const cached = s.root || (!o.resetCache && Date.now() - cachedAt < SUDO_CACHE_MS);
  if (!cached) {
    if (o.nonInteractive) return err('sudo: a password is required'), 1;
    const code = await authenticate(s, o);
    if (code !== 0) return code;
  }
  // -k with a command ignores the timestamp for this run and leaves it as it was.
  if (!o.resetCache && !s.root) updateState(s.stateDir, (st) => void (st.sudo[s.user] = Date.now()));
  if (!target) return 0;

  const args = o.command.slice(1);
  if (target.kind === 'chown') return chownUnderHome(args);
  const env = {
    ...process.env,
    BERTH_STANDIN_ROOT: '1',
    BERTH_STANDIN_USER: s.user,
    SUDO_USER: s.user,
    SUDO_COMMAND: o.command.join(' '),
    USER: 'root',
    LOGNAME: 'root',
  };
  return runForeground(target.file, args, env);
}
