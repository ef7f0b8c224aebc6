import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { InstallRun, InstallStep } from '../../contract';
import type { TerminalSession, TerminalSessions } from '../terminal';
import { waitForAddon, type ReadWorkload } from './addon-readiness';
import { explainFailure } from './failure-explanations';
import { skipReason, WAIT_READY_TIMEOUT_S, type PlannedStep, type StepAction } from './install-plan';
import { mergeKubeconfigFile } from './kubeconfig-merge';
import { parseDashboardProxy, parseInspectReport, parseInspectWarnings, parseJoinCommands, parseMicrok8sStatus } from './microk8s-status';
import { microk8sArgv, type MachineFacts } from './preflight';
import type { RunCommand } from './run-command';
import { RunLog } from './run-log';
import { TailText } from './tail-text';

export interface RunnerDeps {
  sessions: TerminalSessions;
  /** The pinned environment every step runs with (see ptyEnv). */
  env: Record<string, string>;
  user: string;
  home: string;
  /** The kubeconfig file the cluster is merged into (first entry of KUBECONFIG, else ~/.kube/config). */
  kubeconfigPath: string;
  run: RunCommand;
  gatherFacts: () => Promise<MachineFacts>;
  workloadReader: (kubeconfigText: string) => ReadWorkload;
  /** Berth switches its cluster view to the new context (wired to the cluster service). */
  onConnected: (context: string) => Promise<void> | void;
  emit: (run: InstallRun) => void;
  logFolder: string;
  timing: { addonReadyMs: number; pollMs: number; waitReadyS: number; killGraceMs: number; dashboardMs: number };
}

type Outcome = { ok: true; reason?: string } | { ok: false; reason: string; hint: string } | { cancelled: true };

const GROUP_NOTICE =
  'You were added to the microk8s group. Berth runs microk8s through `sg microk8s` until then, but your own terminals only get the group after you log out and back in (or run `newgrp microk8s` in one).';

const OUTPUT_KEPT = 256 * 1024;

/**
 * One run of steps (an install, add-node, join or remove): runs them in order through terminal
 * sessions, skips what is already done, stops at the first failure, and can be cancelled (the
 * whole process tree of the step) or retried from the failed step.
 */
export class InstallRunner {
  readonly run: InstallRun;
  private readonly log: RunLog;
  private facts: MachineFacts;
  private current: { session?: TerminalSession; abort: AbortController } | undefined;
  private dashboardSession: TerminalSession | undefined;
  private inspectSession: TerminalSession | undefined;
  private groupAdded = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly deps: RunnerDeps,
    kind: InstallRun['kind'],
    private readonly planned: PlannedStep[],
    facts: MachineFacts,
    private readonly options: { mergeKubeconfig: boolean },
  ) {
    this.facts = facts;
    this.run = {
      runId: randomUUID(),
      kind,
      state: 'running',
      steps: planned.map((p) => ({ id: p.id, title: p.title, command: p.command, state: 'pending' })),
      startedAt: Date.now(),
      notices: [],
    };
    this.log = new RunLog(deps.logFolder, this.run);
  }

  get isBusy(): boolean {
    return this.run.state === 'running' || this.inspectSession?.isRunning === true;
  }

  snapshot(): InstallRun {
    return structuredClone(this.run);
  }

  start(): InstallRun {
    this.loop = this.runFrom(0);
    return this.snapshot();
  }

  /** Resolves when the steps started last have finished (tests, shutdown). */
  settled(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  async cancel(): Promise<InstallRun> {
    if (this.run.state !== 'running' || !this.current) return this.snapshot();
    this.current.abort.abort();
    await this.current.session?.kill();
    await this.loop;
    return this.snapshot();
  }

  retry(): InstallRun {
    if (this.run.state === 'running') return this.snapshot();
    const from = this.run.steps.findIndex((s) => s.state === 'failed' || s.state === 'cancelled');
    if (from < 0) return this.snapshot();
    for (const step of this.run.steps.slice(from)) resetStep(step);
    this.run.state = 'running';
    delete this.run.endedAt;
    this.log.note(`retry from step ${this.run.steps[from]?.id}`);
    this.emit();
    this.loop = this.runFrom(from);
    return this.snapshot();
  }

  async stopDashboardProxy(): Promise<boolean> {
    const session = this.dashboardSession;
    if (!session?.isRunning) return false;
    await session.kill();
    this.log.note('dashboard-proxy stopped');
    delete this.run.dashboard;
    this.emit();
    return true;
  }

  /** `sudo microk8s inspect`, offered when microk8s does not become ready: shows where the report went. */
  inspect(): InstallRun {
    if (this.inspectSession?.isRunning || this.run.state === 'running') return this.snapshot();
    const argv = ['sudo', 'microk8s', 'inspect'];
    this.log.note(`inspect: $ ${argv.join(' ')}`);
    const session = this.startSession(argv, true);
    this.inspectSession = session;
    const output = new TailText(OUTPUT_KEPT);
    session.onData((data) => output.add(data));
    this.run.inspection = { state: 'running', sessionId: session.id, startedAt: Date.now() };
    this.emit();
    void session.exited.then((exit) => {
      this.log.note(`inspect: exit code ${exit.exitCode ?? exit.signal}`);
      const report = parseInspectReport(output.text());
      const warnings = parseInspectWarnings(output.text());
      const found = warnings.length > 0 ? ` It warns: ${warnings.join(' ')}` : '';
      this.run.inspection = {
        ...this.run.inspection,
        state: report ? 'succeeded' : 'failed',
        endedAt: Date.now(),
        ...(report
          ? { reportPath: report, reason: `The report is at ${report} (readable with sudo).${found}` }
          : { reason: explainFailure({ kind: 'inspect' }, output.text(), exit).reason }),
      };
      this.emit();
    });
    return this.snapshot();
  }

  async dispose(): Promise<void> {
    this.current?.abort.abort();
    await Promise.all([this.current?.session?.kill(), this.dashboardSession?.kill(), this.inspectSession?.kill()]);
  }

  private async runFrom(index: number): Promise<void> {
    for (let i = index; i < this.planned.length; i++) {
      const plan = this.planned[i] as PlannedStep;
      const step = this.run.steps[i] as InstallStep;
      const skip = skipReason(plan.action, { facts: this.facts, mergeKubeconfig: this.options.mergeKubeconfig, groupAddedThisRun: this.groupAdded });
      if (skip) {
        Object.assign(step, { state: 'skipped', reason: skip });
        this.log.note(`step ${step.id}: skipped: ${skip}`);
        this.emit();
        continue;
      }
      Object.assign(step, { state: 'running', startedAt: Date.now() });
      this.log.note(`step ${step.id}: $ ${step.command}`);
      this.emit();
      const abort = new AbortController();
      this.current = { abort };
      let outcome: Outcome;
      try {
        outcome = await this.execute(plan.action, step, abort.signal);
      } catch (error) {
        outcome = { ok: false, reason: error instanceof Error ? error.message : String(error), hint: (error as { hint?: string }).hint ?? 'Retry the step.' };
      }
      if (abort.signal.aborted) outcome = { cancelled: true };
      this.current = undefined;
      step.endedAt = Date.now();
      if ('cancelled' in outcome) {
        Object.assign(step, { state: 'cancelled', reason: 'Cancelled: the command and everything it started were stopped.', hint: 'Retry runs this step again.' });
        this.finish('cancelled', `step ${step.id}: cancelled`);
        return;
      }
      if (!outcome.ok) {
        Object.assign(step, { state: 'failed', reason: outcome.reason, hint: outcome.hint });
        this.finish('failed', `step ${step.id}: failed: ${outcome.reason}`);
        return;
      }
      Object.assign(step, { state: 'succeeded', ...(outcome.reason ? { reason: outcome.reason } : {}) });
      this.log.note(`step ${step.id}: succeeded${outcome.reason ? `: ${outcome.reason}` : ''}`);
      this.emit();
    }
    this.finish('succeeded', 'all steps done');
  }

  private finish(state: InstallRun['state'], note: string): void {
    this.log.note(note);
    this.run.state = state;
    this.run.endedAt = Date.now();
    this.log.finish(state);
    this.emit();
  }

  private async execute(action: StepAction, step: InstallStep, signal: AbortSignal): Promise<Outcome> {
    const m = (args: string[]) => microk8sArgv(args, this.facts);
    switch (action.kind) {
      case 'remove-snap':
        return this.afterCommand(await this.command(step, ['sudo', 'snap', 'remove', 'microk8s'], action, signal), async () => {
          this.facts = await this.deps.gatherFacts();
        });
      case 'snap-install':
        return this.afterCommand(await this.command(step, ['sudo', 'snap', 'install', 'microk8s', '--classic', `--channel=${action.channel}`], action, signal), async () => {
          this.facts = await this.deps.gatherFacts();
        });
      case 'add-group':
        return this.afterCommand(await this.command(step, ['sudo', 'usermod', '-a', '-G', 'microk8s', this.deps.user], action, signal), () => {
          this.groupAdded = true;
          this.facts.userInGroup = true;
          if (!this.run.notices.includes(GROUP_NOTICE)) this.run.notices.push(GROUP_NOTICE);
        });
      case 'fix-kube-ownership':
        return this.afterCommand(await this.command(step, ['sudo', 'chown', '-f', '-R', this.deps.user, join(this.deps.home, '.kube')], action, signal), () => {
          this.facts.kubeDirNeedsChown = false;
        });
      case 'wait-ready':
        return this.waitReady(step, signal);
      case 'enable-addon':
        return this.enableAddon(step, action.addon, signal);
      case 'get-all':
        return this.afterCommand(await this.command(step, m(['kubectl', 'get', 'all', '--all-namespaces']), action, signal));
      case 'merge-kubeconfig':
        return this.mergeKubeconfig();
      case 'dashboard-proxy':
        return this.dashboardProxy(step, signal);
      case 'add-node': {
        const result = await this.command(step, m(['add-node']), action, signal);
        return this.afterCommand(result, () => {
          const commands = parseJoinCommands(result.output);
          if (commands.length > 0) this.run.joinCommands = commands;
        });
      }
      case 'join':
        return this.afterCommand(await this.command(step, m(['join', action.address, ...(action.worker ? ['--worker'] : [])]), action, signal));
      case 'reset':
        return this.afterCommand(await this.command(step, ['sudo', 'microk8s', 'reset'], action, signal));
      case 'inspect':
        return this.afterCommand(await this.command(step, ['sudo', 'microk8s', 'inspect'], action, signal));
    }
  }

  private async afterCommand(result: CommandOutcome, onSuccess?: () => void | Promise<void>): Promise<Outcome> {
    if (result.cancelled) return { cancelled: true };
    if (result.exit.exitCode !== 0) return { ok: false, ...explainFailure(result.action, result.output, result.exit) };
    await onSuccess?.();
    return { ok: true };
  }

  private async waitReady(step: InstallStep, signal: AbortSignal): Promise<Outcome> {
    const seconds = this.deps.timing.waitReadyS;
    const action: StepAction = { kind: 'wait-ready' };
    // Our own watchdog as well: `--timeout` has been known not to end every hang.
    const result = await this.command(step, microk8sArgv(['status', '--wait-ready', '--timeout', String(seconds)], this.facts), action, signal, (seconds + 60) * 1000);
    if (result.cancelled) return { cancelled: true };
    const status = parseMicrok8sStatus(result.output);
    if (status.running) {
      this.facts.running = true;
      this.facts.enabledAddons = status.addons.filter((a) => a.enabled).map((a) => a.name);
      return { ok: true };
    }
    if (status.permissionDenied || result.exit.exitCode !== 0) return { ok: false, ...explainFailure(action, result.output, result.exit) };
    return {
      ok: false,
      reason: `microk8s did not become ready within ${Math.round(seconds / 60) >= 1 ? `${Math.round(seconds / 60)} min` : `${seconds} s`}.`,
      hint: 'Run `microk8s inspect` (button below) to collect a report of what is wrong, then Retry. Common causes: ports in use, image pulls blocked by a proxy or firewall, low memory.',
    };
  }

  private async enableAddon(step: InstallStep, addon: string, signal: AbortSignal): Promise<Outcome> {
    const action: StepAction = { kind: 'enable-addon', addon };
    const result = await this.command(step, microk8sArgv(['enable', addon], this.facts), action, signal);
    if (result.cancelled) return { cancelled: true };
    if (result.exit.exitCode !== 0) return { ok: false, ...explainFailure(action, result.output, result.exit) };
    const name = addon.split(':')[0] as string;
    const config = await this.microk8sConfig();
    if (!config.ok) return config;
    step.hint = `Waiting for ${name}'s workloads to become ready.`;
    this.emit();
    const readiness = await waitForAddon(name, {
      read: this.deps.workloadReader(config.text),
      timeoutMs: this.deps.timing.addonReadyMs,
      pollMs: this.deps.timing.pollMs,
      signal,
      progress: (text) => {
        if (step.hint !== text) {
          step.hint = text;
          this.emit();
        }
      },
    });
    delete step.hint;
    if (signal.aborted) return { cancelled: true };
    if (!readiness.ready) {
      return {
        ok: false,
        reason: `${name} was enabled, but its workloads did not become ready in time: ${readiness.waitingFor}.`,
        hint: `See why with: microk8s kubectl get pods -A (look for Pending or ImagePullBackOff), then Retry.`,
      };
    }
    this.facts.enabledAddons.push(name);
    return { ok: true, reason: `${name} is enabled and ready.` };
  }

  private async microk8sConfig(): Promise<{ ok: true; text: string } | { ok: false; reason: string; hint: string }> {
    // Captured, never shown or logged: it holds the cluster's admin credentials.
    const result = await this.deps.run(microk8sArgv(['config'], this.facts), { timeoutMs: 30_000 });
    if (result.exitCode !== 0 || !/\bclusters:/.test(result.stdout)) {
      const explained = explainFailure({ kind: 'merge-kubeconfig' }, `${result.stdout}\n${result.stderr}`, { exitCode: result.exitCode, signal: null });
      return { ok: false, reason: `\`microk8s config\` gave no kubeconfig: ${explained.reason}`, hint: explained.hint };
    }
    return { ok: true, text: result.stdout };
  }

  private async mergeKubeconfig(): Promise<Outcome> {
    const config = await this.microk8sConfig();
    if (!config.ok) return config;
    const merged = mergeKubeconfigFile(this.deps.kubeconfigPath, config.text);
    this.run.context = merged.context;
    this.log.note(`kubeconfig: context ${merged.context} merged into ${merged.path}${merged.backupPath ? `, backup at ${merged.backupPath}` : ''}`);
    try {
      await this.deps.onConnected(merged.context);
    } catch (error) {
      this.log.note(`connecting the cluster view failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { ok: true, reason: `Added context "${merged.context}" to ${merged.path}${merged.backupPath ? ` (the old file is saved as ${merged.backupPath})` : ''}.` };
  }

  private async dashboardProxy(step: InstallStep, signal: AbortSignal): Promise<Outcome> {
    await this.dashboardSession?.kill();
    const session = this.startSession(microk8sArgv(['dashboard-proxy'], this.facts), false);
    this.dashboardSession = session;
    step.sessionId = session.id;
    this.emit();
    const output = new TailText(OUTPUT_KEPT);
    const found = await new Promise<{ url: string; token: string } | 'exited' | 'cancelled' | 'timeout'>((resolve) => {
      const stop = session.onData((data) => {
        this.log.output(data);
        output.add(data);
        const parsed = parseDashboardProxy(output.text());
        if (parsed) resolve(parsed);
      });
      void session.exited.then(() => resolve('exited'));
      signal.addEventListener('abort', () => resolve('cancelled'), { once: true });
      setTimeout(() => resolve('timeout'), this.deps.timing.dashboardMs).unref();
      // Keep logging after the token appeared (the proxy runs on), but stop once it ends.
      void session.exited.then(() => {
        this.log.flushOutput();
        stop();
      });
    });
    if (found === 'cancelled') {
      await session.kill();
      return { cancelled: true };
    }
    if (found === 'exited' || found === 'timeout') {
      if (found === 'timeout') await session.kill();
      const exit = await session.exited;
      return { ok: false, ...explainFailure({ kind: 'dashboard-proxy' }, output.text(), exit), ...(found === 'timeout' ? { reason: 'The dashboard did not come up in time.' } : {}) };
    }
    this.run.dashboard = found;
    void session.exited.then(() => {
      if (this.dashboardSession === session && this.run.dashboard) {
        delete this.run.dashboard;
        this.emit();
      }
    });
    return { ok: true, reason: `The dashboard is at ${found.url}; sign in with the token shown. It stays up until you stop it.` };
  }

  private startSession(argv: string[], completeOutput: boolean): TerminalSession {
    return this.deps.sessions.start({
      file: argv[0] as string,
      args: argv.slice(1),
      env: this.deps.env,
      cwd: this.deps.home,
      killGraceMs: this.deps.timing.killGraceMs,
      completeOutput,
    });
  }

  /** Runs one command in a terminal the page shows; its output goes to the log and is kept for checks. */
  private async command(step: InstallStep, argv: string[], action: StepAction, signal: AbortSignal, watchdogMs?: number): Promise<CommandOutcome> {
    const session = this.startSession(argv, true);
    if (this.current) this.current.session = session;
    step.sessionId = session.id;
    this.emit();
    const output = new TailText(OUTPUT_KEPT);
    session.onData((data) => {
      this.log.output(data);
      output.add(data);
    });
    const onAbort = () => void session.kill();
    signal.addEventListener('abort', onAbort, { once: true });
    const watchdog = watchdogMs ? setTimeout(() => void session.kill(), watchdogMs) : undefined;
    const exit = await session.exited;
    if (watchdog) clearTimeout(watchdog);
    signal.removeEventListener('abort', onAbort);
    this.log.flushOutput();
    step.exitCode = exit.exitCode;
    step.signal = exit.signal;
    this.log.note(`step ${step.id}: exit code ${exit.exitCode ?? 'none'}${exit.signal ? `, signal ${exit.signal}` : ''}`);
    return { exit, output: output.text(), action, cancelled: signal.aborted };
  }

  private emit(): void {
    this.deps.emit(this.snapshot());
  }
}

interface CommandOutcome {
  exit: { exitCode: number | null; signal: string | null };
  output: string;
  action: StepAction;
  cancelled: boolean;
}

function resetStep(step: InstallStep): void {
  step.state = 'pending';
  for (const key of ['reason', 'hint', 'sessionId', 'startedAt', 'endedAt', 'exitCode', 'signal'] as const) delete step[key];
}

export { WAIT_READY_TIMEOUT_S };
