// @ts-check
// The stand-in `snap`: install, remove, refresh, list, info and `wait system seed.loaded` for the
// microk8s snap, with snapd's texts, exit codes and terminal progress (reference §1).
import fs from 'node:fs';
import os from 'node:os';
import { releaseOf, normalizeChannel, CHANNELS, DEFAULT_CHANNEL, strictGroupOf } from './snap-catalog.mjs';
import { createMeter } from './snap-progress.mjs';
import { alignColumns } from './text-table.mjs';
import { readSettings, pause } from './settings.mjs';
import { readState, updateState, isAlive } from './state-file.mjs';
import process from 'node:process';
import { setTimeout } from 'node:timers';

/** @typedef {import('./settings.mjs').Settings} Settings */

const SOCKET_ERROR = (/** @type {string} */ verb, /** @type {string} */ url) =>
  `error: cannot communicate with server: ${verb} "http://localhost${url}": dial unix /run/snapd.socket: connect: no such file or directory`;

const CLASSIC_ERROR = [
  'error: This revision of snap "microk8s" was published using classic confinement and thus may perform',
  '       arbitrary system changes outside of the security sandbox that snaps are usually confined to,',
  '       which may put your system at risk.',
  '',
  '       If you understand and want to proceed repeat the command including --classic.',
];

/** @param {string[]} lines */
const err = (...lines) => process.stderr.write(lines.map((l) => `${l}\n`).join(''));
/** @param {string[]} lines */
const out = (...lines) => process.stdout.write(lines.map((l) => `${l}\n`).join(''));

/** snapd writes the verified-publisher mark as ✓ in a UTF-8 locale and ** otherwise. */
function verified() {
  const locale = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '';
  return /utf-?8/i.test(locale) ? '✓' : '**';
}

/**
 * Splits `--channel=X`, `--channel X`, `--edge` etc. from the rest.
 * @param {string[]} args
 */
function parseFlags(args) {
  /** @type {{ classic: boolean, purge: boolean, channel: string | undefined, names: string[], unknown: string | undefined }} */
  const r = { classic: false, purge: false, channel: undefined, names: [], unknown: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = /** @type {string} */ (args[i]);
    if (a === '--classic') r.classic = true;
    else if (a === '--purge') r.purge = true;
    else if (a.startsWith('--channel=')) r.channel = a.slice('--channel='.length);
    else if (a === '--channel') r.channel = args[++i];
    else if (['--stable', '--candidate', '--beta', '--edge'].includes(a)) r.channel = a.slice(2);
    else if (a.startsWith('-')) r.unknown ??= a.replace(/^-+/, '').replace(/=.*/, '');
    else r.names.push(a);
  }
  return r;
}

/** The final-line channel: snapd leaves it out for latest/stable. */
const channelNote = (/** @type {string} */ channel) => (channel === 'latest/stable' ? '' : ` (${channel})`);

/**
 * The snap client's wait loop: one redrawn status line per task, then the final line.
 * @param {Settings} s
 * @param {{ label: string, ms: number, download?: number }[]} tasks
 * @param {(label: string, fraction: number) => string | undefined} failAt  an error text to stop with
 * @returns {Promise<string | undefined>} the error, if one stopped the change
 */
async function runChange(s, tasks, failAt) {
  const meter = createMeter(process.stdout);
  // snapd's client redraws about every 100 ms; sped-up runs redraw less often, not faster than 15 ms.
  const tick = Math.max(15, 100 * s.speed);
  meter.start('', 0);
  for (const task of tasks) {
    // A download always shows some steps of its bar, however fast the run.
    const steps = Math.max(task.download ? 10 : 1, Math.round((task.ms * s.speed) / tick));
    if (task.download) meter.start(task.label, task.download);
    for (let i = 1; i <= steps; i++) {
      const fraction = i / steps;
      // Shown speed and time left are in realistic time, whatever the speed-up.
      if (task.download) meter.set(task.download * fraction, (task.ms * fraction) / 1000);
      else meter.spin(task.label);
      await new Promise((resolve) => setTimeout(resolve, tick));
      const failure = failAt(task.label, fraction);
      if (failure) {
        meter.finished();
        return failure;
      }
    }
  }
  meter.finished();
  return undefined;
}

/** @param {number} revision @param {string} channel @param {number} size */
function installTasks(revision, channel, size) {
  const n = `"microk8s"`;
  return [
    { label: `Ensure prerequisites for ${n} are available`, ms: 400 },
    { label: `Download snap ${n} (${revision}) from channel "${channel}"`, ms: 6000, download: size },
    { label: `Fetch and check assertions for snap ${n} (${revision})`, ms: 300 },
    { label: `Mount snap ${n} (${revision})`, ms: 800 },
    { label: `Copy snap ${n} data`, ms: 200 },
    { label: `Setup snap ${n} (${revision}) security profiles`, ms: 900 },
    { label: `Make snap ${n} (${revision}) available to the system`, ms: 400 },
    { label: `Automatically connect eligible plugs and slots of snap ${n}`, ms: 500 },
    { label: `Set automatic aliases for snap ${n}`, ms: 200 },
    { label: `Setup snap ${n} aliases`, ms: 200 },
    { label: `Run install hook of ${n} snap if present`, ms: 4000 },
    { label: `Start snap ${n} (${revision}) services`, ms: 1500 },
    { label: `Run configure hook of ${n} snap if present`, ms: 4000 },
  ];
}

/**
 * Marks a snapd change as running, or says which one is (snapd allows one per snap).
 * @param {Settings} s
 * @param {string} kind
 * @returns {boolean}
 */
function claimChange(s, kind) {
  let busy = '';
  updateState(s.stateDir, (st) => {
    if (st.change && st.change.pid !== process.pid && isAlive(st.change.pid)) busy = st.change.kind;
    else st.change = { pid: process.pid, kind };
  });
  if (busy) err(`error: snap "microk8s" has "${busy}" change in progress`);
  return !busy;
}

/** @param {Settings} s */
function releaseChange(s) {
  updateState(s.stateDir, (st) => {
    if (st.change?.pid === process.pid) st.change = null;
  });
}

/** A Ctrl-C or kill mid-change must leave the cursor visible and the change released. */
function onInterrupt(/** @type {Settings} */ s) {
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => {
      if (process.stdout.isTTY) process.stdout.write('\r\x1b[0m\x1b[?25h\x1b[K');
      releaseChange(s);
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[sig]);
    });
  }
}

/** @param {Settings} s @param {string[]} args */
async function install(s, args) {
  if (s.fail.has('no-snapd')) return err(SOCKET_ERROR('Post', '/v2/snaps/microk8s')), 1;
  const f = parseFlags(args);
  if (f.unknown) return err(`error: unknown flag \`${f.unknown}'`), 1;
  const name = f.names[0];
  if (!name) return err('error: the required argument `<snap> (at least 1 argument)` was not provided'), 1;
  if (name !== 'microk8s') return err(`error: snap "${name}" not found`), 1;
  if (!s.root) return err('error: access denied (try with sudo)'), 1;
  if (readState(s.stateDir).snap) return err(`snap "microk8s" is already installed, see 'snap help refresh'`), 0;
  const channel = normalizeChannel(f.channel);
  const release = releaseOf(channel);
  if (!release) return err(`error: snap "microk8s" not available on channel "${channel}" (see 'snap info microk8s')`), 1;
  if (s.fail.has('store-503')) return err('error: cannot install "microk8s": cannot get nonce from store: store server', '       returned status 503'), 1;
  if (!f.classic && release.notes === 'classic') return err(...CLASSIC_ERROR), 1;
  if (s.fail.has('disk-full')) return err('error: insufficient space in "/var/lib/snapd" to perform "install" change for the following snaps: microk8s'), 1;
  if (!claimChange(s, 'install-snap')) return 1;
  onInterrupt(s);
  const size = Number.parseInt(release.size, 10) * 1_000_000;
  const failure = await runChange(s, installTasks(release.revision, channel, size), (label, fraction) => {
    if (s.fail.has('network') && label.startsWith('Download') && fraction >= 0.35) {
      return [
        'error: cannot install "microk8s": persistent network error: Post',
        '       "https://api.snapcraft.io/v2/snaps/refresh": dial tcp 185.125.188.59:443: connect: network',
        '       is unreachable',
      ].join('\n');
    }
    if (s.fail.has('hook') && label.startsWith('Run configure hook') && fraction >= 0.6) {
      const rev = release.revision;
      return [
        'error: cannot perform the following tasks:',
        '- Run configure hook of "microk8s" snap if present (run hook "configure":',
        '-----',
        `+ /snap/microk8s/${rev}/kubectl --kubeconfig=/var/snap/microk8s/${rev}/credentials/client.config apply -f /var/snap/microk8s/${rev}/args/cni-network/cni.yaml`,
        'The connection to the server 127.0.0.1:16443 was refused - did you specify the right host or port?',
        '-----)',
      ].join('\n');
    }
    return undefined;
  });
  if (failure) {
    releaseChange(s);
    return err(failure), 1;
  }
  updateState(s.stateDir, (st) => {
    st.snap = { channel, revision: release.revision, version: release.version, installedAt: Date.now() };
    st.change = null;
    st.stopped = false;
    // kubelite, dqlite and Calico need about half a minute before `status` says running.
    st.readyAt = Date.now() + 30_000 * s.speed;
    // On by default since 1.27/1.28 (reference §4): their status is a file, not cluster objects.
    st.fileAddons = ['ha-cluster', 'helm', 'helm3'];
    // The snap's install hook creates the group the permission check relies on.
    const group = strictGroupOf(channel);
    if (!st.groupNames.includes(group)) st.groupNames.push(group);
  });
  out(`microk8s${channelNote(channel)} ${release.version} from Canonical${verified()} installed`);
  return 0;
}

/** @param {Settings} s @param {string[]} args */
async function remove(s, args) {
  if (s.fail.has('no-snapd')) return err(SOCKET_ERROR('Post', '/v2/snaps/microk8s')), 1;
  const f = parseFlags(args);
  if (f.unknown) return err(`error: unknown flag \`${f.unknown}'`), 1;
  const name = f.names[0];
  if (!name) return err('error: the required argument `<snap> (at least 1 argument)` was not provided'), 1;
  if (!s.root) return err('error: access denied (try with sudo)'), 1;
  const snap = readState(s.stateDir).snap;
  if (name !== 'microk8s' || !snap) return err(`snap "${name}" is not installed`), 0;
  if (!claimChange(s, 'remove-snap')) return 1;
  onInterrupt(s);
  const n = '"microk8s"';
  const tasks = [
    { label: `Stop snap ${n} services`, ms: 1500 },
    { label: `Run remove hook of ${n} snap if present`, ms: 2500 },
    ...(f.purge ? [] : [{ label: `Save data of snap ${n} in automatic snapshot set #1`, ms: 1500 }]),
    { label: `Disconnect interfaces of snap ${n}`, ms: 300 },
    { label: `Remove security profile for snap ${n} (${snap.revision})`, ms: 400 },
    { label: `Remove data for snap ${n} (${snap.revision})`, ms: 800 },
    { label: `Remove snap ${n} (${snap.revision}) from the system`, ms: 500 },
  ];
  await runChange(s, tasks, () => undefined);
  updateState(s.stateDir, (st) => {
    st.snap = null;
    st.change = null;
    st.stopped = false;
    st.fileAddons = [];
    st.joined = [];
    st.member = null;
    st.tokens = [];
  });
  out(f.purge ? 'microk8s removed' : 'microk8s removed (snap data snapshot saved)');
  return 0;
}

/** @param {Settings} s @param {string[]} args */
async function refresh(s, args) {
  if (s.fail.has('no-snapd')) return err(SOCKET_ERROR('Post', '/v2/snaps/microk8s')), 1;
  const f = parseFlags(args);
  if (f.unknown) return err(`error: unknown flag \`${f.unknown}'`), 1;
  if (!s.root) return err('error: access denied (try with sudo)'), 1;
  const snap = readState(s.stateDir).snap;
  if (f.names.length && f.names[0] !== 'microk8s') return err(`error: snap "${f.names[0]}" is not installed`), 1;
  if (!snap) return f.names.length ? (err('error: snap "microk8s" is not installed'), 1) : (out('All snaps up to date.'), 0);
  const channel = f.channel ? normalizeChannel(f.channel) : snap.channel;
  const release = releaseOf(channel);
  if (!release) return err(`error: snap "microk8s" not available on channel "${channel}" (see 'snap info microk8s')`), 1;
  if (release.revision === snap.revision && channel === snap.channel) return err('snap "microk8s" has no updates available'), 0;
  if (s.fail.has('network')) return err('error: cannot refresh "microk8s": persistent network error: Post', '       "https://api.snapcraft.io/v2/snaps/refresh": dial tcp 185.125.188.59:443: connect: network', '       is unreachable'), 1;
  if (!claimChange(s, 'refresh-snap')) return 1;
  onInterrupt(s);
  const size = Number.parseInt(release.size, 10) * 1_000_000;
  const n = '"microk8s"';
  const tasks =
    release.revision === snap.revision
      ? [{ label: `Switch snap ${n} to ${channel}`, ms: 300 }]
      : [
          { label: `Ensure prerequisites for ${n} are available`, ms: 300 },
          { label: `Download snap ${n} (${release.revision}) from channel "${channel}"`, ms: 6000, download: size },
          { label: `Fetch and check assertions for snap ${n} (${release.revision})`, ms: 300 },
          { label: `Mount snap ${n} (${release.revision})`, ms: 800 },
          { label: `Run pre-refresh hook of ${n} snap if present`, ms: 1500 },
          { label: `Stop snap ${n} services`, ms: 1500 },
          { label: `Copy snap ${n} data`, ms: 1000 },
          { label: `Make snap ${n} (${release.revision}) available to the system`, ms: 400 },
          { label: `Start snap ${n} (${release.revision}) services`, ms: 1500 },
          { label: `Run post-refresh hook of ${n} snap if present`, ms: 3000 },
        ];
  await runChange(s, tasks, () => undefined);
  updateState(s.stateDir, (st) => {
    st.snap = { ...snap, channel, revision: release.revision, version: release.version };
    st.change = null;
  });
  out(`microk8s${channelNote(channel)} ${release.version} from Canonical${verified()} refreshed`);
  return 0;
}

/** @param {Settings} s @param {string[]} args */
function list(s, args) {
  if (s.fail.has('no-snapd')) return err(SOCKET_ERROR('Get', '/v2/snaps')), 1;
  const snap = readState(s.stateDir).snap;
  const v = verified();
  /** @type {string[][]} */
  const rows = [['Name', 'Version', 'Rev', 'Tracking', 'Publisher', 'Notes']];
  if (snap) rows.push(['core20', '20250407', '2582', 'latest/stable', `canonical${v}`, 'base']);
  if (snap) rows.push(['microk8s', snap.version, String(snap.revision), snap.channel, `canonical${v}`, 'classic']);
  rows.push(['snapd', '2.68.4', '24505', 'latest/stable', `canonical${v}`, 'snapd']);
  const wanted = args.filter((a) => !a.startsWith('-'));
  const shown = wanted.length ? [rows[0], ...rows.slice(1).filter((r) => wanted.includes(/** @type {string} */ (r[0])))] : rows;
  if (shown.length === 1) return err('error: no matching snaps installed'), 1;
  out(...alignColumns(/** @type {string[][]} */ (shown)));
  return 0;
}

/** @param {Settings} s @param {string[]} args */
function info(s, args) {
  if (s.fail.has('no-snapd')) return err(SOCKET_ERROR('Get', '/v2/find?name=microk8s')), 1;
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return err('error: the required argument `<snap|assertion|file> (at least 1 argument)` was not provided'), 1;
  if (name !== 'microk8s') return err(`error: no snap found for "${name}"`), 1;
  if (s.fail.has('network')) return err('error: cannot find "microk8s": persistent network error: Get', '       "https://api.snapcraft.io/v2/snaps/info/microk8s": dial tcp 185.125.188.59:443: connect: network', '       is unreachable'), 1;
  const snap = readState(s.stateDir).snap;
  const v = verified();
  out(
    'name:      microk8s',
    'summary:   Kubernetes for workstations and appliances',
    `publisher: Canonical${v}`,
    'store-url: https://snapcraft.io/microk8s',
    'contact:   https://github.com/canonical/microk8s',
    'license:   Apache-2.0',
    'description: |',
    '  MicroK8s is a small, fast, secure, certified Kubernetes distribution that',
    '  installs on just about any Linux box. It provides the functionality of core',
    '  Kubernetes components, in a small footprint, scalable from a single node to',
    '  a high-availability production multi-node cluster.',
  );
  if (snap) {
    const commands = ['add-node', 'addons', 'config', 'ctr', 'dashboard-proxy', 'dbctl', 'disable', 'enable', 'helm', 'helm3', 'images', 'inspect', 'join', 'kubectl', 'leave'];
    out('commands:', ...commands.map((c) => `  - microk8s.${c}`), '  - microk8s', ...['refresh-certs', 'remove-node', 'reset', 'start', 'status', 'stop', 'version'].map((c) => `  - microk8s.${c}`));
    const st = readState(s.stateDir);
    const active = st.stopped ? 'inactive' : 'active';
    out(
      'services:',
      ...alignColumns(
        [
          ['  microk8s.daemon-apiserver-kicker:', `simple, enabled, ${active}`],
          ['  microk8s.daemon-apiserver-proxy:', 'simple, enabled, inactive'],
          ['  microk8s.daemon-cluster-agent:', `simple, enabled, ${active}`],
          ['  microk8s.daemon-containerd:', `notify, enabled, ${active}`],
          ['  microk8s.daemon-etcd:', 'simple, enabled, inactive'],
          ['  microk8s.daemon-flanneld:', 'simple, enabled, inactive'],
          ['  microk8s.daemon-k8s-dqlite:', `simple, enabled, ${active}`],
          ['  microk8s.daemon-kubelite:', `simple, enabled, ${active}`],
        ],
        1,
      ),
    );
  }
  out('snap-id:      EaXqgt1lyCaxKaQCU349mlodBkDCXRcg');
  if (snap) {
    const at = new Date(snap.installedAt ?? Date.now());
    const hhmm = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    out(`tracking:     ${snap.channel}`, `refresh-date: today at ${hhmm} UTC`);
  }
  /** @type {string[][]} */
  const rows = CHANNELS.map((c) => {
    const r = /** @type {import('./snap-catalog.mjs').Release} */ (releaseOf(c));
    return [`  ${c}:`, r.version, r.date, `(${r.revision})`, r.size, r.notes];
  });
  if (snap) {
    const r = releaseOf(snap.channel) ?? releaseOf(DEFAULT_CHANNEL);
    rows.push(['installed:', snap.version, `(${snap.revision})`, r?.size ?? '172MB', 'classic']);
  }
  out('channels:', ...alignColumns(rows, 1));
  return 0;
}

/** @param {Settings} s */
function snapVersion(s) {
  let distro = ['-', '-'];
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    distro = [/^ID=(.*)$/m.exec(release)?.[1]?.replace(/"/g, '') ?? '-', /^VERSION_ID=(.*)$/m.exec(release)?.[1]?.replace(/"/g, '') ?? '-'];
  } catch {
    /* no os-release: snap prints dashes */
  }
  const server = s.fail.has('no-snapd') ? 'unavailable' : '2.68.4';
  out(...alignColumns([['snap', '2.68.4'], ['snapd', server], ['series', '16'], [distro[0] ?? '-', distro[1] ?? '-'], ['kernel', os.release()]], 2));
  return 0;
}

/**
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
export async function main(argv) {
  const s = readSettings();
  if (s.fail.has('no-snap-command')) {
    // bash's command-not-found helper on Ubuntu, not snap itself, prints this.
    err("Command 'snap' not found, but can be installed with:", 'sudo apt install snapd');
    return 127;
  }
  const [command, ...args] = argv;
  switch (command) {
    case 'install':
      return install(s, args);
    case 'remove':
      return remove(s, args);
    case 'refresh':
      return refresh(s, args);
    case 'list':
      return list(s, args);
    case 'info':
      return info(s, args);
    case 'version':
    case '--version':
      return snapVersion(s);
    case 'wait':
      if (s.fail.has('no-snapd')) return err(SOCKET_ERROR('Get', '/v2/system-info')), 1;
      if (args[0] !== 'system' || args[1] !== 'seed.loaded') return err('error: the required arguments `<snap>` and `<key>` were not provided'), 1;
      await pause(s, 200);
      return 0;
    case undefined:
      out('The snap command lets you install, configure, refresh and remove snaps.', "Snaps are packages that work across many different Linux distributions,", 'enabling secure delivery and operation of the latest apps and utilities.', '', 'Usage: snap <command> [<options>...]');
      return 0;
    default:
      err(`error: unknown command "${command}", see 'snap help'.`);
      return 1;
  }
}
