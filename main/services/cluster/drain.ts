import type { DrainPodState, DrainProgress } from '../../contract/cluster';
import type { Pod } from '../../kube';
import { setUnschedulable } from './actions';
import { KubeApiError } from './kube-errors';
import type { KubeTransport } from './kube-http';
import { controllerOwner } from './workload-rows';

// `kubectl drain`: cordon the node, pick the pods to evict with kubectl's filters
// (k8s.io/kubectl/pkg/drain/filters.go), evict each through the Eviction API, retry the ones a
// PodDisruptionBudget protects (429) with backoff until the timeout, then wait for the evicted
// pods to be gone. Progress goes out after every change; cancel stops it between steps.
// https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/

export interface DrainOptions {
  drainId: string;
  node: string;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
  /** -1: the pod's own grace period. */
  gracePeriodSeconds: number;
  timeoutSeconds: number;
}

export interface DrainSettings {
  /** First retry after a 429; doubles up to maxBackoffMs (kubectl waits a fixed 5 s). */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** How often evicted pods are checked for being gone. */
  pollMs: number;
}

export const defaultDrainSettings: DrainSettings = { initialBackoffMs: 1_000, maxBackoffMs: 5_000, pollMs: 1_000 };

export interface DrainDeps {
  transport: KubeTransport;
  emit(progress: DrainProgress): void;
  settings: DrainSettings;
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

interface PodItem extends Pod {
  spec?: Pod['spec'] & { volumes?: Array<{ emptyDir?: unknown }> };
}

type PodEntry = DrainProgress['pods'][number] & { uid: string };

export interface DrainPlan {
  evict: PodItem[];
  skipped: DrainProgress['skipped'];
  /** Reasons kubectl refuses to drain, each with the pods it names. */
  errors: string[];
}

const finished = (p: PodItem): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const nameOf = (p: PodItem): string => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;

/** kubectl's filters, in its order: DaemonSet pods, mirror pods, local storage, pods without a controller. */
export function planDrain(pods: PodItem[], opts: Pick<DrainOptions, 'ignoreDaemonSets' | 'deleteEmptyDirData' | 'force'>): DrainPlan {
  const evict: PodItem[] = [];
  const skipped: DrainProgress['skipped'] = [];
  const refused = { daemonSet: [] as string[], localStorage: [] as string[], unreplicated: [] as string[] };
  for (const pod of pods) {
    const ns = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const owner = controllerOwner(pod);
    if (owner?.kind === 'DaemonSet') {
      if (opts.ignoreDaemonSets) skipped.push({ namespace: ns, name, reason: 'DaemonSet-managed (the DaemonSet would recreate it)' });
      else refused.daemonSet.push(nameOf(pod));
      continue;
    }
    if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
      skipped.push({ namespace: ns, name, reason: 'mirror pod (managed by the kubelet, not the API)' });
      continue;
    }
    if (!finished(pod) && (pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined) && !opts.deleteEmptyDirData) {
      refused.localStorage.push(nameOf(pod));
      continue;
    }
    if (!owner && !finished(pod) && !opts.force) {
      refused.unreplicated.push(nameOf(pod));
      continue;
    }
    evict.push(pod);
  }
  const errors: string[] = [];
  if (refused.daemonSet.length) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${refused.daemonSet.join(', ')}`);
  if (refused.localStorage.length) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${refused.localStorage.join(', ')}`);
  if (refused.unreplicated.length) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${refused.unreplicated.join(', ')}`);
  return { evict, skipped, errors };
}

const seg = encodeURIComponent;

export class NodeDrain {
  private readonly abort = new AbortController();
  private readonly progress: DrainProgress;
  private readonly entries: PodEntry[] = [];
  private readonly deadline: number;

  constructor(
    private readonly opts: DrainOptions,
    private readonly deps: DrainDeps,
  ) {
    this.progress = { drainId: opts.drainId, node: opts.node, phase: 'cordoning', pods: [], skipped: [], startedAt: deps.now() };
    this.deadline = deps.now() + opts.timeoutSeconds * 1000;
  }

  get current(): DrainProgress {
    return this.progress;
  }

  get finished(): boolean {
    return ['done', 'failed', 'cancelled', 'timeout'].includes(this.progress.phase);
  }

  cancel(): boolean {
    if (this.finished) return false;
    this.abort.abort();
    return true;
  }

  private emit(): void {
    this.progress.pods = this.entries.map(({ uid: _uid, ...rest }) => ({ ...rest }));
    this.deps.emit({ ...this.progress, pods: this.progress.pods, skipped: [...this.progress.skipped] });
  }

  private end(phase: DrainProgress['phase'], message?: string, hint?: string): void {
    this.progress.phase = phase;
    if (message) this.progress.message = message;
    if (hint) this.progress.hint = hint;
    this.emit();
  }

  private set(entry: PodEntry, state: DrainPodState, message?: string): void {
    entry.state = state;
    if (message === undefined) delete entry.message;
    else entry.message = message;
    this.emit();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Runs the drain to a final phase; never throws (failures are a phase with a message). */
  async run(): Promise<DrainProgress> {
    try {
      this.emit();
      await setUnschedulable(this.deps.transport, this.opts.node, true);
      if (this.stopped) return this.cancelled();
      const list = await this.deps.transport.request<{ items?: PodItem[] }>({ path: '/api/v1/pods', query: { fieldSelector: `spec.nodeName=${this.opts.node}` } });
      const plan = planDrain(list.items ?? [], this.opts);
      this.progress.skipped = plan.skipped;
      if (plan.errors.length) {
        this.end('failed', `Node ${this.opts.node} is cordoned, but no pod was evicted: ${plan.errors.join('; ')}.`, 'Choose the matching drain options (or move those pods yourself), then drain again; uncordon the node to undo.');
        return this.progress;
      }
      for (const pod of plan.evict) {
        this.entries.push({ namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '', state: 'pending', attempts: 0 });
      }
      this.progress.phase = 'evicting';
      this.emit();
      await Promise.all(this.entries.map((e) => this.evict(e)));
      if (this.stopped) return this.cancelled();
      const blocked = this.entries.filter((e) => e.state === 'blocked' || e.state === 'pending' || e.state === 'evicting');
      if (blocked.length) {
        this.end(
          'timeout',
          `Drain of ${this.opts.node} timed out after ${this.opts.timeoutSeconds}s: ${blocked.map((e) => `${e.namespace}/${e.name}`).join(', ')} could not be evicted (${blocked[0]?.message ?? 'still pending'}).`,
          'A PodDisruptionBudget allows no disruption now: wait for its pods to be ready elsewhere, scale the workload up, or relax the budget; then drain again.',
        );
        return this.progress;
      }
      const failed = this.entries.filter((e) => e.state === 'failed');
      if (failed.length) {
        this.end('failed', `Some pods could not be evicted: ${failed.map((e) => `${e.namespace}/${e.name} (${e.message ?? 'error'})`).join('; ')}.`, 'Fix what the messages say and drain again.');
        return this.progress;
      }
      this.progress.phase = 'waiting';
      this.emit();
      await this.waitGone();
      if (this.stopped) return this.cancelled();
      const left = this.entries.filter((e) => e.state !== 'gone');
      if (left.length) {
        this.end('timeout', `Drain of ${this.opts.node} timed out waiting for ${left.map((e) => `${e.namespace}/${e.name}`).join(', ')} to terminate.`, 'The pods are still shutting down; check them, or drain again with a longer timeout.');
        return this.progress;
      }
      this.end('done', `Node ${this.opts.node} drained: ${this.entries.length} pod(s) evicted${plan.skipped.length ? `, ${plan.skipped.length} left alone` : ''}.`);
    } catch (error) {
      if (this.stopped) return this.cancelled();
      const err = error instanceof KubeApiError ? error : undefined;
      this.end('failed', `Drain of ${this.opts.node} failed: ${(error as Error).message}`, err?.hint ?? 'Check the connection and try again.');
    }
    return this.progress;
  }

  private cancelled(): DrainProgress {
    for (const e of this.entries) if (e.state === 'blocked' || e.state === 'pending' || e.state === 'evicting') e.state = 'pending';
    this.end('cancelled', `Drain of ${this.opts.node} cancelled: no further pods are evicted.`, 'The node stays cordoned; uncordon it to take new pods again.');
    return this.progress;
  }

  private async evict(entry: PodEntry): Promise<void> {
    let backoff = this.deps.settings.initialBackoffMs;
    const body: Record<string, unknown> = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: entry.name, namespace: entry.namespace } };
    if (this.opts.gracePeriodSeconds >= 0) body.deleteOptions = { gracePeriodSeconds: this.opts.gracePeriodSeconds };
    while (!this.stopped) {
      entry.attempts++;
      this.set(entry, 'evicting', entry.message);
      try {
        await this.deps.transport.request({ method: 'POST', path: `/api/v1/namespaces/${seg(entry.namespace)}/pods/${seg(entry.name)}/eviction`, body, signal: this.abort.signal });
        this.set(entry, 'evicted');
        return;
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof KubeApiError && error.code === 'not-found') {
          this.set(entry, 'gone');
          return;
        }
        if (error instanceof KubeApiError && error.code === 'throttled') {
          // A PodDisruptionBudget says not now: retry until the drain's deadline, as kubectl does.
          const wait = Math.min(backoff, this.deadline - this.deps.now());
          this.set(entry, 'blocked', error.message);
          if (wait <= 0) return;
          try {
            await this.deps.sleep(wait, this.abort.signal);
          } catch {
            return; // cancelled
          }
          if (this.deps.now() >= this.deadline) return;
          backoff = Math.min(backoff * 2, this.deps.settings.maxBackoffMs);
          continue;
        }
        this.set(entry, 'failed', (error as Error).message);
        return;
      }
    }
  }

  private async waitGone(): Promise<void> {
    while (!this.stopped) {
      const pending = this.entries.filter((e) => e.state === 'evicted');
      if (pending.length === 0) return;
      for (const e of pending) {
        try {
          const pod = await this.deps.transport.request<PodItem>({ path: `/api/v1/namespaces/${seg(e.namespace)}/pods/${seg(e.name)}`, signal: this.abort.signal });
          // A pod of the same name with another uid is its replacement (a StatefulSet's): ours is gone.
          if (pod.metadata?.uid !== e.uid) this.set(e, 'gone');
        } catch (error) {
          if (error instanceof KubeApiError && error.code === 'not-found') this.set(e, 'gone');
          else if (this.stopped) return;
          else throw error;
        }
      }
      if (this.entries.every((e) => e.state !== 'evicted')) return;
      const wait = Math.min(this.deps.settings.pollMs, this.deadline - this.deps.now());
      if (wait <= 0) return;
      try {
        await this.deps.sleep(wait, this.abort.signal);
      } catch {
        return;
      }
    }
  }
}

const KEEP_FINISHED = 20;

/** The drains running in this process, by drainId (a page that reloads can cancel by id). */
export class DrainRegistry {
  private readonly drains = new Map<string, NodeDrain>();
  private readonly listeners = new Set<(p: DrainProgress) => void>();

  constructor(private readonly settings: DrainSettings = defaultDrainSettings) {}

  onProgress(listener: (p: DrainProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends one progress report to every listener (each page). */
  publish(progress: DrainProgress): void {
    for (const l of this.listeners) l(progress);
  }

  start(transport: KubeTransport, opts: DrainOptions): NodeDrain {
    const running = this.drains.get(opts.drainId);
    if (running && !running.finished) {
      throw new KubeApiError('conflict', `A drain with id ${opts.drainId} is already running.`, undefined, undefined, 'Wait for it, or cancel it first.');
    }
    for (const d of this.drains.values()) {
      if (!d.finished && d.current.node === opts.node) throw new KubeApiError('conflict', `Node ${opts.node} is already being drained.`, undefined, undefined, 'Follow that drain, or cancel it first.');
    }
    const drain = new NodeDrain(opts, {
      transport,
      emit: (p) => this.publish(p),
      settings: this.settings,
      now: Date.now,
      sleep: abortableSleep,
    });
    this.drains.set(opts.drainId, drain);
    // Finished drains are kept for a late cancel (answered "not running") but not for ever.
    const finished = [...this.drains].filter(([, d]) => d.finished);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.drains.delete(id);
    void drain.run();
    return drain;
  }

  cancel(drainId: string): boolean {
    return this.drains.get(drainId)?.cancel() ?? false;
  }

  get(drainId: string): NodeDrain | undefined {
    return this.drains.get(drainId);
  }

  cancelAll(): void {
    for (const d of this.drains.values()) d.cancel();
  }
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
