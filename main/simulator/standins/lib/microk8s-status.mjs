// @ts-check
// `microk8s status` (reference §3): pretty (default), short and yaml formats, `-a ADDON`,
// `--wait-ready` (silent polling every 2 s) with `--timeout N`, which gives up and prints the
// not-running line with exit code 0, as the real one does.
import { ADDONS, findAddon } from './addon-catalog.mjs';
import { isClusterReady, currentAddons } from './cluster-view.mjs';
import { pause } from './settings.mjs';
import { readState } from './state-file.mjs';
import process from 'node:process';

/** @typedef {import('./settings.mjs').Settings} Settings */
/** @typedef {import('./addon-catalog.mjs').Addon} Addon */

export const NOT_RUNNING = 'microk8s is not running. Use microk8s inspect for a deeper inspection.';
/** @param {string[]} lines */
const out = (...lines) => process.stdout.write(lines.map((l) => `${l}\n`).join(''));
/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));

/** @param {string[]} args */
function parse(args) {
  const o = { format: 'pretty', wait: false, timeout: 0, addon: 'all', shortYaml: false, bad: /** @type {string | undefined} */ (undefined) };
  for (let i = 0; i < args.length; i++) {
    const a = /** @type {string} */ (args[i]);
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--format') o.format = value() ?? '';
    else if (flag === '-w' || flag === '--wait-ready') o.wait = true;
    else if (flag === '-t' || flag === '--timeout') o.timeout = Number(value());
    else if (flag === '-a' || flag === '--addon') o.addon = value() ?? 'all';
    else if (flag === '--yaml') o.shortYaml = true;
    else o.bad = a;
  }
  if (!['pretty', 'short', 'yaml'].includes(o.format)) o.bad = `--format ${o.format}`;
  if (!Number.isFinite(o.timeout) || o.timeout < 0) o.bad = '--timeout';
  return o;
}

/**
 * The HA header: voters are this node and up to two joined control-plane nodes.
 * @param {import('./state-file.mjs').StandinState} st
 */
function datastoreNodes(st) {
  const peers = st.joined.filter((n) => !n.worker).map((n) => `${n.address.split(':')[0]}:19001`);
  const voters = ['127.0.0.1:19001', ...peers].slice(0, 3);
  const standby = ['127.0.0.1:19001', ...peers].slice(3);
  return { voters, standby, ha: voters.length >= 3 };
}

/** @param {Addon} a */
const bySortKey = (a) => `${a.repository}/${a.name}`;

/**
 * @param {Settings} s
 * @param {string[]} args
 */
export async function status(s, args) {
  const o = parse(args);
  if (o.bad) {
    err('Usage: microk8s status [OPTIONS]', "Try 'microk8s status --help' for help.", '', `Error: No such option: ${o.bad}`);
    return 2;
  }
  let st = readState(s.stateDir);
  if (st.stopped) return out('microk8s is not running, try microk8s start'), 0;
  let ready = await isClusterReady(s, st);
  if (o.wait && !ready) {
    // Realistic seconds scaled like every other wait, so a test's --timeout 20 lasts one second.
    const deadline = o.timeout > 0 ? Date.now() + o.timeout * 1000 * s.speed : Infinity;
    // SIGTERM and SIGHUP keep node's default (die at once); Ctrl-C looks like Python's.
    process.once('SIGINT', () => {
      err('Traceback (most recent call last):', `  File "/snap/microk8s/${st.snap?.revision}/scripts/wrappers/status.py", line 182, in <module>`, '    isReady = wait_for_ready(timeout)', `  File "/snap/microk8s/${st.snap?.revision}/scripts/wrappers/common/utils.py", line 137, in wait_for_ready`, '    time.sleep(2)', 'KeyboardInterrupt');
      process.exit(130);
    });
    while (!ready && Date.now() < deadline) {
      await pause(s, 2000);
      st = readState(s.stateDir);
      ready = await isClusterReady(s, st);
    }
  }
  const addon = o.addon !== 'all' ? findAddon(o.addon) : undefined;
  const on = ready ? await currentAddons(s, st) : new Set();
  if (o.addon !== 'all') return out(addon && on.has(addon.name) ? 'enabled' : 'disabled'), 0;
  const sorted = [...ADDONS].sort((a, b) => bySortKey(a).localeCompare(bySortKey(b)));
  const enabled = sorted.filter((a) => on.has(a.name));
  const disabled = sorted.filter((a) => !on.has(a.name));
  const { voters, standby, ha } = datastoreNodes(st);
  if (o.format === 'yaml' || o.shortYaml) {
    out('microk8s:', `  running: ${ready ? 'True' : 'False'}`);
    if (!ready) return out(`  message: ${NOT_RUNNING}`), 0;
    if (o.shortYaml) return out('addons:', ...enabled.map((a) => `  ${a.name}: enabled`), ...disabled.map((a) => `  ${a.name}: disabled`)), 0;
    out('high-availability:', `  enabled: ${st.fileAddons.includes('ha-cluster') ? 'True' : 'False'}`, '  nodes:');
    for (const v of voters) out(`    - address: ${v}`, '      role: voter');
    for (const v of standby) out(`    - address: ${v}`, '      role: standby');
    out('addons:');
    for (const a of [...enabled, ...disabled]) out(`  - name: ${a.name}`, `    description: ${a.description}`, `    version: ${a.version}`, `    status: ${on.has(a.name) ? 'enabled' : 'disabled'}`);
    return 0;
  }
  if (!ready) return out(NOT_RUNNING), 0;
  out('microk8s is running');
  if (o.format === 'short') {
    out('addons:', ...enabled.map((a) => `${a.repository}/${a.name}: enabled`), ...disabled.map((a) => `${a.repository}/${a.name}: disabled`));
    return 0;
  }
  out(`high-availability: ${ha ? 'yes' : 'no'}`, `  datastore master nodes: ${voters.join(' ')}`, `  datastore standby nodes: ${standby.length ? standby.join(' ') : 'none'}`);
  const line = (/** @type {Addon} */ a) => `    ${a.name.padEnd(20)} # (${a.repository}) ${a.description}`;
  out('addons:', '  enabled:', ...enabled.map(line), '  disabled:', ...disabled.map(line));
  return 0;
}
