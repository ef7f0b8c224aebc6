import type { PreflightCheck, PreflightResult } from '../../contract';
import { addonCatalog } from './addon-catalog';
import { parseMicrok8sStatus } from './microk8s-status';
import type { RunCommand } from './run-command';
import { defaultChannel, parseSnapInfo, sortChannels } from './snap-info';

export interface PreflightDeps {
  platform: NodeJS.Platform;
  arch: string;
  totalMemBytes: number;
  freeMemBytes: number;
  /** Free bytes on the file system holding `path` (undefined when unknown). */
  diskFreeBytes: (path: string) => Promise<number | undefined>;
  /** Whether nothing listens on the TCP port. */
  portFree: (port: number) => Promise<boolean>;
  run: RunCommand;
  user: string;
  uid: number;
  /** Owner uid of ~/.kube and anything below it not owned by `uid` (undefined when ~/.kube does not exist). */
  kubeDirForeignOwner: () => Promise<boolean | undefined>;
}

/** What the plan needs to know about this machine; gathered again before each run so re-running is safe. */
export interface MachineFacts {
  snapAvailable: boolean;
  installed: boolean;
  running: boolean;
  version?: string;
  channel?: string;
  /** The user is in the microk8s group in /etc/group (future logins). */
  userInGroup: boolean;
  /** Berth's own session already has the group, so microk8s runs without `sg`. */
  sessionHasGroup: boolean;
  /** ~/.kube (or something in it) is owned by someone else, e.g. root after `sudo microk8s ...`. */
  kubeDirNeedsChown: boolean;
  enabledAddons: string[];
  statusAddons: Array<{ name: string; description: string; enabled: boolean }>;
}

const GiB = 1024 ** 3;
const API_PORT = 16443;
// microk8s runs in about 540 MB but recommends 4 GB of memory and 20 GB of disk; 1 GB machines
// never get past the configure hook (reference §8.11).
const MEMORY_MIN = 1 * GiB;
const MEMORY_RECOMMENDED = 4 * GiB;
const DISK_MIN = 2 * GiB;
const DISK_RECOMMENDED = 20 * GiB;

const gb = (bytes: number) => `${(bytes / GiB).toFixed(1)} GB`;
const words = (result: { stdout: string; stderr: string }) => `${result.stdout}\n${result.stderr}`;

/** The group name microk8s uses: strictly confined channels use snap_microk8s (reference §2). */
export const MICROK8S_GROUP = 'microk8s';

/** `withStatus: false` leaves out `microk8s status` (running, addons) where a run does not need it. */
export async function gatherFacts(deps: PreflightDeps, { withStatus = true } = {}): Promise<MachineFacts> {
  // `snap list microk8s` answers both questions: is snapd there, and is microk8s installed.
  const [snapList, idSession, idUser, kubeForeign] = await Promise.all([
    deps.run(['snap', 'list', 'microk8s']),
    deps.run(['id', '-nG']),
    deps.run(['id', '-nG', deps.user]),
    deps.kubeDirForeignOwner(),
  ]);
  const installed = snapList.exitCode === 0 && /^microk8s\s/m.test(snapList.stdout);
  const listLine = /^microk8s\s+(\S+)\s+\S+\s+(\S+)/m.exec(snapList.stdout);
  const sessionGroups = idSession.stdout.split(/\s+/);
  const userGroups = idUser.stdout.split(/\s+/);
  const facts: MachineFacts = {
    snapAvailable: !snapList.notFound && (snapList.exitCode === 0 || /no matching snaps installed/.test(snapList.stderr)),
    installed,
    running: false,
    ...(listLine ? { version: listLine[1], channel: listLine[2] } : {}),
    userInGroup: userGroups.includes(MICROK8S_GROUP),
    sessionHasGroup: sessionGroups.includes(MICROK8S_GROUP),
    kubeDirNeedsChown: kubeForeign === true,
    enabledAddons: [],
    statusAddons: [],
  };
  if (installed && withStatus) {
    const status = await deps.run(microk8sArgv(['status'], facts), { timeoutMs: 20_000 });
    const parsed = parseMicrok8sStatus(words(status));
    facts.running = parsed.running;
    facts.statusAddons = parsed.addons;
    facts.enabledAddons = parsed.addons.filter((a) => a.enabled).map((a) => a.name);
  }
  return facts;
}

/** A microk8s command as Berth must run it: through `sg microk8s` while its own session lacks the group. */
export function microk8sArgv(args: string[], facts: Pick<MachineFacts, 'sessionHasGroup'>): string[] {
  if (facts.sessionHasGroup) return ['microk8s', ...args];
  return ['sg', MICROK8S_GROUP, '-c', ['microk8s', ...args].map(shellQuote).join(' ')];
}

export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export async function runPreflight(deps: PreflightDeps): Promise<{ result: PreflightResult; facts: MachineFacts | undefined }> {
  const checks: PreflightCheck[] = [];
  const empty = { existing: { installed: false }, channels: [], defaultChannel: 'latest/stable', addons: addonCatalog() };

  if (deps.platform !== 'linux') {
    checks.push({
      id: 'os',
      title: 'Operating system',
      status: 'fail',
      detail: `This is ${deps.platform === 'darwin' ? 'macOS' : deps.platform === 'win32' ? 'Windows' : deps.platform}; Berth installs microk8s on Linux with snapd.`,
      fix:
        deps.platform === 'darwin'
          ? 'On macOS use the microk8s installer (brew install ubuntu/microk8s/microk8s, then microk8s install), which runs it in a Multipass VM; then connect Berth to it with its kubeconfig (microk8s config).'
          : deps.platform === 'win32'
            ? 'On Windows use the microk8s installer from microk8s.io (it runs microk8s in a Multipass VM) or WSL2 with systemd enabled; then connect Berth to it with its kubeconfig (microk8s config).'
            : 'Install microk8s on a Linux machine and connect Berth to it with its kubeconfig.',
    });
    return { result: { checks, canInstall: false, ...empty }, facts: undefined };
  }
  checks.push({ id: 'os', title: 'Operating system', status: 'pass', detail: 'Linux.' });

  const archOk = ['x64', 'arm64'].includes(deps.arch);
  checks.push({
    id: 'arch',
    title: 'Architecture',
    status: archOk ? 'pass' : ['s390x', 'ppc64'].includes(deps.arch) ? 'warn' : 'fail',
    detail: archOk ? `${deps.arch === 'x64' ? 'amd64' : 'arm64'}: microk8s is published for it.` : `${deps.arch}: microk8s may not be published for this architecture.`,
    ...(archOk ? {} : { fix: 'Check `snap info microk8s` for your architecture, or use an amd64 or arm64 machine.' }),
  });

  checks.push({
    id: 'memory',
    title: 'Memory',
    status: deps.totalMemBytes < MEMORY_MIN ? 'fail' : deps.totalMemBytes < MEMORY_RECOMMENDED ? 'warn' : 'pass',
    detail: `${gb(deps.totalMemBytes)} in total, ${gb(deps.freeMemBytes)} free; microk8s recommends 4 GB.`,
    ...(deps.totalMemBytes < MEMORY_RECOMMENDED ? { fix: 'Give the machine more memory: with less than 1 GB the install stalls; below 4 GB workloads may be evicted.' } : {}),
  });

  const disk = (await deps.diskFreeBytes('/var/lib/snapd')) ?? (await deps.diskFreeBytes('/'));
  checks.push(
    disk === undefined
      ? { id: 'disk', title: 'Disk space', status: 'warn', detail: 'Berth could not measure the free disk space.', fix: 'Make sure about 20 GB are free (df -h /var/lib/snapd).' }
      : {
          id: 'disk',
          title: 'Disk space',
          status: disk < DISK_MIN ? 'fail' : disk < DISK_RECOMMENDED ? 'warn' : 'pass',
          detail: `${gb(disk)} free; microk8s recommends 20 GB.`,
          ...(disk < DISK_RECOMMENDED ? { fix: 'Free some space: below 20 GB pods get evicted under disk pressure; snapd refuses below a few GB.' } : {}),
        },
  );

  const facts = await gatherFacts(deps);
  if (!facts.snapAvailable) {
    const version = await deps.run(['snap', 'list', 'microk8s']);
    checks.push(
      version.notFound
        ? { id: 'snapd', title: 'snapd', status: 'fail', detail: 'The `snap` command is not installed.', fix: 'Install snapd (sudo apt install snapd, or your distribution\'s package), log out and in, then check again.' }
        : {
            id: 'snapd',
            title: 'snapd',
            status: 'fail',
            detail: `snap is installed but snapd does not answer: ${firstLine(words(version))}`,
            fix: 'Start snapd: sudo systemctl enable --now snapd.socket. On WSL, enable systemd ([boot] systemd=true in /etc/wsl.conf) and restart WSL.',
          },
    );
  } else {
    checks.push({ id: 'snapd', title: 'snapd', status: 'pass', detail: 'snapd is installed and answers.' });
  }

  checks.push(
    facts.installed
      ? {
          id: 'existing',
          title: 'Existing microk8s',
          status: facts.running ? 'pass' : 'warn',
          detail: `microk8s ${facts.version ?? ''} (${facts.channel ?? 'unknown channel'}) is installed and ${facts.running ? 'running' : 'not running'}.`,
          fix: facts.running ? 'Connect to it, add addons, or reinstall.' : 'Berth can start and wait for it, or reinstall it.',
        }
      : { id: 'existing', title: 'Existing microk8s', status: 'pass', detail: 'microk8s is not installed yet.' },
  );

  const portFree = await deps.portFree(API_PORT);
  checks.push(
    portFree
      ? { id: 'port', title: 'Port 16443', status: 'pass', detail: 'Free for the Kubernetes API server.' }
      : facts.installed
        ? { id: 'port', title: 'Port 16443', status: 'pass', detail: 'In use, most likely by the installed microk8s itself.' }
        : {
            id: 'port',
            title: 'Port 16443',
            status: 'fail',
            detail: 'Another program listens on 16443, the port microk8s\' API server needs.',
            fix: "Find it with: sudo ss -ltnp 'sport = :16443' and stop it (another Kubernetes?), then check again.",
          },
  );

  checks.push(
    facts.userInGroup
      ? { id: 'group', title: 'microk8s group', status: 'pass', detail: `${deps.user} is in the microk8s group.` }
      : {
          id: 'group',
          title: 'microk8s group',
          status: 'warn',
          detail: `${deps.user} is not in the microk8s group yet.`,
          fix: 'Berth adds you (sudo usermod -a -G microk8s) and runs microk8s through `sg microk8s` until you log in again.',
        },
  );

  if (facts.kubeDirNeedsChown) {
    checks.push({
      id: 'kube-dir',
      title: '~/.kube ownership',
      status: 'warn',
      detail: '~/.kube or a file in it belongs to another user (often root), which makes kubectl and microk8s hang or fail.',
      fix: `Berth fixes it with sudo chown -R ${deps.user} ~/.kube.`,
    });
  }

  checks.push(await sudoCheck(deps));

  const snapInfo = facts.snapAvailable ? parseSnapInfo((await deps.run(['snap', 'info', 'microk8s'], { timeoutMs: 20_000 })).stdout) : { channels: [] };
  const canInstall = checks.every((c) => c.status !== 'fail');
  return {
    result: {
      checks,
      canInstall,
      existing: {
        installed: facts.installed,
        ...(facts.version ? { version: facts.version } : {}),
        ...(facts.channel ? { channel: facts.channel } : {}),
        ...(facts.installed ? { running: facts.running } : {}),
        inGroup: facts.userInGroup,
      },
      channels: sortChannels(snapInfo.channels),
      defaultChannel: facts.installed && facts.channel ? facts.channel : defaultChannel(snapInfo.channels),
      addons: addonCatalog(facts.running ? facts.statusAddons : undefined),
    },
    facts,
  };
}

async function sudoCheck(deps: PreflightDeps): Promise<PreflightCheck> {
  if (deps.uid === 0) return { id: 'sudo', title: 'sudo', status: 'pass', detail: 'Berth runs as root.' };
  const result = await deps.run(['sudo', '-n', 'true'], { timeoutMs: 5_000 });
  if (result.notFound) {
    return { id: 'sudo', title: 'sudo', status: 'fail', detail: 'sudo is not installed.', fix: 'Install sudo and add your user to the sudo group (as root: apt install sudo; usermod -a -G sudo USER).' };
  }
  if (result.exitCode === 0) return { id: 'sudo', title: 'sudo', status: 'pass', detail: 'sudo works without asking right now.' };
  if (/password is required|password/i.test(words(result))) {
    return { id: 'sudo', title: 'sudo', status: 'pass', detail: 'sudo will ask for your password in the terminal.' };
  }
  return {
    id: 'sudo',
    title: 'sudo',
    status: 'fail',
    detail: `sudo refused: ${firstLine(words(result))}`,
    fix: 'Ask an administrator to add you to the sudo group, then log in again.',
  };
}

const firstLine = (text: string) => text.trim().split(/\r?\n/)[0]?.slice(0, 200) ?? '';
