// @ts-check
// `sudo chown -f -R USER ~/.kube`, the step microk8s' permission message asks for. Nothing here
// ran as real root, so the files under $HOME already belong to the person: the stand-in checks
// what real chown would check (the user exists, the paths exist) and changes nothing on disk.
// Paths outside $HOME are refused outright.
import fs from 'node:fs';
import path from 'node:path';
import { readSettings } from './settings.mjs';
import { resolveHome } from './group-commands.mjs';
import process from 'node:process';

/** @param {string[]} args */
export function chownUnderHome(args) {
  const s = readSettings();
  const home = path.resolve(process.env.HOME ?? '/nonexistent');
  let quiet = false;
  const operands = [];
  for (const a of args) {
    if (/^-[fRvhcH]+$/.test(a)) quiet ||= a.includes('f');
    else if (a.startsWith('--')) quiet ||= a === '--silent' || a === '--quiet';
    else operands.push(a);
  }
  const [owner, ...paths] = operands;
  if (!owner || paths.length === 0) return process.stderr.write("chown: missing operand\nTry 'chown --help' for more information.\n"), 1;
  const user = owner.split(':')[0];
  if (user && user !== s.user && user !== 'root') return process.stderr.write(`chown: invalid user: '${owner}'\n`), 1;
  let code = 0;
  for (const p of paths) {
    const full = resolveHome(p);
    if (full !== home && !full.startsWith(home + path.sep)) {
      process.stderr.write(`berth stand-in sudo: refusing to chown ${p}: only paths under ${home} are allowed.\n`);
      return 1;
    }
    if (!fs.existsSync(full)) {
      if (!quiet) process.stderr.write(`chown: cannot access '${p}': No such file or directory\n`);
      code = 1;
    }
  }
  return code;
}
