import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readState, updateState, type StandinState } from './lib/state-file.mjs';

export type { StandinState, InstalledSnap, JoinedNode } from './lib/state-file.mjs';

/**
 * Stand-in `snap`, `microk8s`, `sudo`, `usermod`, `sg` and `id` executables for tests and demo
 * mode: put `env` into a child's environment and the install wizard runs against them (and the
 * simulated cluster) on a machine with no snapd. The interface is documented in README.md.
 */

export interface StandinOptions {
  /** Folder for the state file; a fresh temporary one (removed by dispose) when left out. */
  dir?: string;
  /** The person (default $USER; a root login plays "berth", since root would skip every step). */
  user?: string;
  /** What the stand-in sudo accepts (default "berth"). */
  sudoPassword?: string;
  /** Failure modes: no-snapd, no-snap-command, network, store-503, wait-ready-timeout, addon:NAME, port-in-use, hook, disk-full, join. */
  fail?: string[];
  /** Time scale: 1 is realistic (an install takes ~20 s), 0.05 suits tests. */
  speed?: number;
  /** Kubeconfig of the running simulator (startSimulator's kubeconfigPath): microk8s' cluster. */
  simKubeconfig?: string;
  /** Start with microk8s already installed (1.32/stable). */
  installed?: boolean;
  /** Start with the user configured in the microk8s group (/etc/group). */
  inGroup?: boolean;
  /** The calling session already has the group in effect (as after a re-login). */
  sessionHasGroup?: boolean;
  /** Where the executables are, when this module runs from a bundle (default: ./bin beside it). */
  binDir?: string;
}

export interface StandinEnv {
  binDir: string;
  stateDir: string;
  /** Merge into a child's environment: PATH with binDir first, plus the BERTH_STANDIN_* variables. */
  env: Record<string, string>;
  readState(): StandinState;
  /** Shallow-merges `patch` into the state, under the same lock the commands use. */
  writeState(patch: Partial<StandinState>): StandinState;
  dispose(): void;
}

export const STANDIN_COMMANDS = ['snap', 'microk8s', 'sudo', 'usermod', 'sg', 'id'] as const;

export function standinBinDir(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bin');
  if (fs.existsSync(path.join(beside, 'microk8s'))) return beside;
  // Bundled into out/main the module no longer sits beside bin/: fall back to the source tree.
  return path.resolve(process.cwd(), 'main/simulator/standins/bin');
}

function defaultUser(): string {
  const user = process.env.USER || os.userInfo().username;
  return user === 'root' ? 'berth' : user;
}

export function createStandinEnv(opts: StandinOptions = {}): StandinEnv {
  const binDir = opts.binDir ?? standinBinDir();
  const ownDir = !opts.dir;
  const stateDir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'berth-standins-'));
  const user = opts.user ?? defaultUser();

  updateState(stateDir, (st) => {
    if (opts.installed) {
      st.snap = { channel: '1.32/stable', revision: 7964, version: 'v1.32.3', installedAt: Date.now() - 3_600_000 };
      st.fileAddons = ['ha-cluster', 'helm', 'helm3'];
    }
    if (opts.installed || opts.inGroup) st.groupNames = [...new Set([...st.groupNames, 'microk8s'])];
    if (opts.inGroup) st.groups[user] = [...new Set([...(st.groups[user] ?? ['adm', 'sudo']), 'microk8s'])];
  });

  const env: Record<string, string> = {
    PATH: [binDir, process.env.PATH ?? '/usr/bin:/bin'].join(path.delimiter),
    BERTH_STANDIN_STATE: stateDir,
    BERTH_STANDIN_USER: user,
    // So `sudo usermod -a -G microk8s $USER` in a shell names the stand-ins' person.
    USER: user,
    LOGNAME: user,
    BERTH_STANDIN_SUDO_PASSWORD: opts.sudoPassword ?? 'berth',
    BERTH_STANDIN_SPEED: String(opts.speed ?? 1),
    BERTH_STANDIN_FAIL: (opts.fail ?? []).join(','),
    BERTH_STANDIN_SESSION_GROUPS: opts.sessionHasGroup ? 'microk8s' : '',
    ...(opts.simKubeconfig ? { BERTH_SIM_KUBECONFIG: opts.simKubeconfig } : {}),
  };

  return {
    binDir,
    stateDir,
    env,
    readState: () => readState(stateDir),
    writeState: (patch) => updateState(stateDir, (st) => ({ ...st, ...patch })),
    dispose: () => {
      if (ownDir) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
