import { statfs } from 'node:fs/promises';
import { lstat, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, freemem, platform, totalmem, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import type { InstallChoices, InstallRun, LogEntry, PreflightResult } from '../../contract';
import { ptyEnv, type TerminalSessions } from '../terminal';
import { apiWorkloadReader } from './addon-readiness';
import { planInstall, type PlannedStep } from './install-plan';
import { InstallRunner, type RunnerDeps } from './install-runner';
import { gatherFacts, runPreflight, type MachineFacts, type PreflightDeps } from './preflight';
import { commandRunner } from './run-command';
import { listRunLogs, pruneRunLogs, readRunLog, type LogChunk } from './run-log';

export interface InstallerDeps {
  sessions: TerminalSessions;
  dataDir: string;
  /** Berth's environment: HOME, USER, PATH and KUBECONFIG come from here, so tests can point them at stand-ins. */
  env: NodeJS.ProcessEnv;
  emit: (run: InstallRun) => void;
  /** The kubeconfig file to merge into when Berth was started with `--kubeconfig F`; else the first of KUBECONFIG, else ~/.kube/config. */
  kubeconfigPath?: string | undefined;
  onConnected: (context: string) => Promise<void> | void;
  /** Overrides for tests: shorter waits, a fake machine. */
  timing?: Partial<RunnerDeps['timing']>;
  machine?: Partial<Pick<PreflightDeps, 'platform' | 'arch' | 'totalMemBytes' | 'freeMemBytes' | 'diskFreeBytes' | 'portFree' | 'uid'>>;
}

/** Logs of older runs are removed beyond this many. */
const KEEP_LOGS = 100;

const DEFAULT_TIMING: RunnerDeps['timing'] = { addonReadyMs: 300_000, pollMs: 2_000, waitReadyS: 300, killGraceMs: 3_000, dashboardMs: 300_000 };

function busyError(): Error {
  return Object.assign(new Error('Another run is in progress.'), { code: 'busy', hint: 'Wait for it to finish, or cancel it first.' });
}

function noRun(runId: string): Error {
  return Object.assign(new Error(`There is no run ${runId.slice(0, 40)} in this Berth session.`), { code: 'unknown-run', hint: 'Reload the page to see the current run.' });
}

/** The installer: preflight, runs (install, add-node, join, remove), their logs. Keeps the run in progress or the last one. */
export class InstallerService {
  private runner: InstallRunner | undefined;
  private readonly home: string;
  private readonly user: string;
  private readonly kubeconfigPath: string;
  private readonly stepEnv: Record<string, string>;
  private readonly logFolder: string;
  private readonly preflightDeps: PreflightDeps;

  constructor(private readonly deps: InstallerDeps) {
    const env = deps.env;
    this.home = env.HOME || userInfo().homedir;
    this.user = env.USER || env.LOGNAME || userInfo().username;
    this.kubeconfigPath = deps.kubeconfigPath || (env.KUBECONFIG ?? '').split(delimiter).find((p) => p.trim() !== '') || join(this.home, '.kube', 'config');
    this.stepEnv = ptyEnv({ env, home: this.home, user: this.user, kubeconfig: this.kubeconfigPath });
    this.logFolder = join(deps.dataDir, 'install-logs');
    const uid = deps.machine?.uid ?? process.getuid?.() ?? -1;
    this.preflightDeps = {
      platform: platform(),
      arch: arch(),
      totalMemBytes: totalmem(),
      freeMemBytes: freemem(),
      diskFreeBytes: async (path) => {
        try {
          const s = await statfs(path);
          return s.bavail * s.bsize;
        } catch {
          return undefined;
        }
      },
      portFree,
      run: commandRunner(this.stepEnv, this.home),
      user: this.user,
      uid,
      kubeDirForeignOwner: () => foreignOwner(join(this.home, '.kube'), uid),
      ...deps.machine,
    };
  }

  isBusy(): boolean {
    return this.runner?.isBusy ?? false;
  }

  async preflight(): Promise<PreflightResult> {
    return (await runPreflight(this.preflightDeps)).result;
  }

  current(): { run: InstallRun | null } {
    return { run: this.runner?.snapshot() ?? null };
  }

  async start(choices: InstallChoices): Promise<InstallRun> {
    if (this.isBusy()) throw busyError();
    if (this.preflightDeps.platform !== 'linux') {
      throw Object.assign(new Error('Berth installs microk8s on Linux only.'), {
        code: 'unsupported-platform',
        hint: 'Use the microk8s installer for your system (it runs microk8s in a VM), then connect Berth to it with its kubeconfig.',
      });
    }
    const facts = await gatherFacts(this.preflightDeps);
    const plan = planInstall({ channel: choices.channel, addons: choices.addons, mergeKubeconfig: choices.mergeKubeconfig, reinstall: choices.reinstall ?? false }, facts);
    return this.begin('install', plan, facts, { mergeKubeconfig: choices.mergeKubeconfig });
  }

  async addNode(): Promise<InstallRun> {
    if (this.isBusy()) throw busyError();
    const facts = await gatherFacts(this.preflightDeps, { withStatus: false });
    return this.begin('add-node', [{ id: 'add-node', title: 'Create a join command', command: 'microk8s add-node', action: { kind: 'add-node' } }], facts);
  }

  async join(address: string, worker: boolean): Promise<InstallRun> {
    if (this.isBusy()) throw busyError();
    const facts = await gatherFacts(this.preflightDeps, { withStatus: false });
    const command = `microk8s join ${address}${worker ? ' --worker' : ''}`;
    return this.begin('join', [{ id: 'join', title: worker ? 'Join the cluster as a worker' : 'Join the cluster', command, action: { kind: 'join', address, worker } }], facts);
  }

  async remove(mode: 'reset' | 'remove'): Promise<InstallRun> {
    if (this.isBusy()) throw busyError();
    const facts = await gatherFacts(this.preflightDeps, { withStatus: false });
    const step: PlannedStep =
      mode === 'reset'
        ? { id: 'reset', title: 'Reset microk8s (remove all workloads and addons)', command: 'sudo microk8s reset', action: { kind: 'reset' } }
        : { id: 'remove', title: 'Remove microk8s', command: 'sudo snap remove microk8s', action: { kind: 'remove-snap' } };
    return this.begin('remove', [step], facts);
  }

  async cancel(runId: string): Promise<InstallRun> {
    return this.runnerFor(runId).cancel();
  }

  retry(runId: string): InstallRun {
    const runner = this.runnerFor(runId);
    if (runner.run.state !== 'failed' && runner.run.state !== 'cancelled') return runner.snapshot();
    return runner.retry();
  }

  inspect(runId: string): InstallRun {
    return this.runnerFor(runId).inspect();
  }

  async stopDashboardProxy(runId: string): Promise<boolean> {
    return this.runnerFor(runId).stopDashboardProxy();
  }

  logs(): { logs: LogEntry[]; folder: string } {
    const current = this.runner?.run;
    // A run that was in progress when Berth stopped never finished: it was cut short.
    const logs = listRunLogs(this.logFolder).map((entry) => (entry.state === 'running' && entry.runId !== current?.runId ? { ...entry, state: 'cancelled' as const } : entry));
    return { logs, folder: this.logFolder };
  }

  /** The end of a run's log, or the part before `before` (see readRunLog). */
  readLog(runId: string, before?: number): LogChunk {
    return readRunLog(this.logFolder, runId, before);
  }

  /** Resolves when the current run's steps have finished (tests). */
  settled(): Promise<void> {
    return this.runner?.settled() ?? Promise.resolve();
  }

  async dispose(): Promise<void> {
    await this.runner?.dispose();
  }

  private begin(kind: InstallRun['kind'], plan: PlannedStep[], facts: MachineFacts, options = { mergeKubeconfig: false }): InstallRun {
    const previous = this.runner;
    void previous?.dispose();
    pruneRunLogs(this.logFolder, KEEP_LOGS);
    this.runner = new InstallRunner(
      {
        sessions: this.deps.sessions,
        env: this.stepEnv,
        user: this.user,
        home: this.home,
        kubeconfigPath: this.kubeconfigPath,
        run: this.preflightDeps.run,
        // After installing or removing the snap; wait-ready then says whether it runs and which addons are on.
        gatherFacts: () => gatherFacts(this.preflightDeps, { withStatus: false }),
        workloadReader: apiWorkloadReader,
        onConnected: this.deps.onConnected,
        emit: this.deps.emit,
        logFolder: this.logFolder,
        timing: { ...DEFAULT_TIMING, ...this.deps.timing },
      },
      kind,
      plan,
      facts,
      options,
    );
    return this.runner.start();
  }

  private runnerFor(runId: string): InstallRunner {
    if (!this.runner || this.runner.run.runId !== runId) throw noRun(runId);
    return this.runner;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** Whether ~/.kube or anything in it (two levels; cache folders are deep) belongs to another user. */
async function foreignOwner(dir: string, uid: number): Promise<boolean | undefined> {
  if (uid < 0) return false;
  try {
    if ((await lstat(dir)).uid !== uid) return true;
  } catch {
    return undefined;
  }
  const walk = async (path: string, depth: number): Promise<boolean> => {
    let names: string[];
    try {
      names = await readdir(path);
    } catch {
      return false;
    }
    for (const name of names) {
      const child = join(path, name);
      const stat = await lstat(child).catch(() => undefined);
      if (!stat) continue;
      if (stat.uid !== uid) return true;
      if (stat.isDirectory() && depth > 0 && (await walk(child, depth - 1))) return true;
    }
    return false;
  };
  return walk(dir, 2);
}
