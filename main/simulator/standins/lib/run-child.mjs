// @ts-check
// Runs a program in the foreground the way sudo and sg do: same terminal, same process group (so
// a group kill from the installer reaches it), signals we receive passed on, and its exit status
// passed back (128 + signal number when a signal ended it).
import { spawn } from 'node:child_process';
import os from 'node:os';
import process from 'node:process';

const FORWARDED = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']);

/**
 * @param {string} file
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
export function runForeground(file, args, env) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env });
    /** @type {Array<[string, () => void]>} */
    const handlers = FORWARDED.map((sig) => [sig, () => child.kill(sig)]);
    for (const [sig, h] of handlers) process.on(sig, h);
    const done = (/** @type {number} */ code) => {
      for (const [sig, h] of handlers) process.off(sig, h);
      resolve(code);
    };
    child.on('error', (e) => {
      process.stderr.write(`${file}: ${/** @type {Error} */ (e).message}\n`);
      done(127);
    });
    child.on('exit', (code, signal) => done(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1)));
  });
}
