import type { CheckupState, ExportFormat } from '../../contract';
import type { KubeTransport } from '../cluster/kube-http';
import { KubeApiError } from '../cluster/kube-errors';
import type { Microk8sFacts } from './microk8s-facts';
import { exportReport } from './report-export';
import { runCheckup, type CheckupInputs } from './run-checkup';

// The check-up while someone looks at it: runs when the screen opens, then every `intervalMs`
// (or five times as long as the last run took, whichever is longer: a 150k-pod cluster is not
// listed back to back), and when asked; never while no client has it open. One run at a time: a
// request during a run gets that run's result.

/** The pause between automatic runs is at least this many times the last run's duration. */
export const PAUSE_PER_RUN_TIME = 5;
/** Progress goes out at most this often. */
const PROGRESS_EVERY_MS = 500;

export interface CheckupServiceDeps {
  /** The connected cluster, if any. */
  connection(): { transport: KubeTransport; context: string | null } | undefined;
  /** Asks the local microk8s about itself; undefined for contexts that are not Berth's local microk8s. */
  microk8s(context: string | null, server: string): (() => Promise<Microk8sFacts | undefined>) | undefined;
  intervalMs: number;
  now(): number;
  run?: (inputs: CheckupInputs) => ReturnType<typeof runCheckup>;
}

export class CheckupService {
  private readonly viewers = new Map<string, (state: CheckupState) => void>();
  private state: CheckupState = { report: null, running: false };
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<CheckupState> | undefined;
  private disposed = false;
  private lastDurationMs = 0;

  constructor(private readonly deps: CheckupServiceDeps) {}

  /** A client opened the check-up: it gets every new state until it closes it (or goes away). */
  open(clientId: string, emit: (state: CheckupState) => void): CheckupState {
    this.viewers.set(clientId, emit);
    if (!this.inflight && (!this.state.report || this.deps.now() - this.state.report.generatedAt >= this.deps.intervalMs || this.contextChanged())) void this.run();
    else if (!this.timer && !this.inflight) this.schedule();
    return this.state;
  }

  close(clientId: string): void {
    this.viewers.delete(clientId);
    if (this.viewers.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  get current(): CheckupState {
    return this.state;
  }

  private contextChanged(): boolean {
    const c = this.deps.connection();
    return Boolean(this.state.report && c && c.context !== this.state.report.context);
  }

  run(): Promise<CheckupState> {
    this.inflight ??= this.runOnce().finally(() => {
      this.inflight = undefined;
      this.schedule();
    });
    return this.inflight;
  }

  private async runOnce(): Promise<CheckupState> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const connection = this.deps.connection();
    if (!connection) {
      this.publish({ report: this.state.report, running: false, error: { message: 'Berth is not connected to a cluster, so there is nothing to check.', hint: 'Pick a context in the context switcher, or install microk8s first.' } });
      return this.state;
    }
    this.publish({ report: this.state.report, running: true });
    try {
      const microk8s = this.deps.microk8s(connection.context, connection.transport.server);
      let lastProgress = 0;
      const onProgress = (progress: string) => {
        const now = this.deps.now();
        if (now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        this.publish({ report: this.state.report, running: true, progress });
      };
      const report = await (this.deps.run ?? runCheckup)({ transport: connection.transport, context: connection.context, now: this.deps.now, onProgress, ...(microk8s ? { microk8s } : {}) });
      this.lastDurationMs = report.durationMs;
      this.publish({ report, running: false, ...this.next() });
    } catch (error) {
      const e = error instanceof KubeApiError ? error : undefined;
      this.publish({
        report: this.state.report,
        running: false,
        ...this.next(),
        error: { message: `The check-up could not read the cluster: ${(error as Error).message}`, hint: e?.hint ?? 'Berth tries again shortly; check the connection in the status bar.' },
      });
    }
    return this.state;
  }

  private delayMs(): number {
    return Math.max(this.deps.intervalMs, this.lastDurationMs * PAUSE_PER_RUN_TIME);
  }

  private next(): { nextCheckAt?: number } {
    return this.viewers.size > 0 ? { nextCheckAt: this.deps.now() + this.delayMs() } : {};
  }

  private schedule(): void {
    if (this.disposed || this.viewers.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.viewers.size > 0) void this.run();
    }, this.delayMs());
    this.timer.unref();
  }

  private publish(state: CheckupState): void {
    this.state = state;
    for (const emit of this.viewers.values()) emit(state);
  }

  exportReport(format: ExportFormat): { filename: string; mimeType: string; content: string } {
    const report = this.state.report;
    if (!report) throw Object.assign(new Error('There is no check-up report to export yet.'), { code: 'no-report', hint: 'Open the Check-up screen and wait for the first report.' });
    return exportReport(report, format);
  }

  dispose(): void {
    this.disposed = true;
    this.viewers.clear();
    if (this.timer) clearTimeout(this.timer);
  }
}
