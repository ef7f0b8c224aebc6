import type { KubeConfig } from '@kubernetes/client-node';
import type { ConnectionStatus, ContextInfo, ObjectRef, PropagationPolicy, RestartableKind, RunPodRequest, ScalableKind } from '../../contract';
import { quantityToMetrics } from './node-metrics';
import * as actions from './actions';
import { DrainRegistry, defaultDrainSettings, type DrainOptions, type DrainSettings } from './drain';
import * as workloads from './workload-actions';
import { ClusterSession } from './cluster-session';
import { configForContext, describeContexts, execSpec } from './contexts';
import { findExecutable, missingPluginMessage, type SearchPath } from './exec-plugin-path';
import { defaultInformerSettings, type InformerSettings } from './informer';
import { KubeApiError } from './kube-errors';
import { createKubeTransport, type KubeTransport } from './kube-http';
import { loadKubeconfig, type KubeconfigDeps, type KubeconfigOptions, type LoadedKubeconfig } from './kubeconfig';
import { LiveSubscriptions, defaultSubscriptionSettings, type SubscriptionSettings } from './live-subscriptions';
import { defaultGateSettings, realGateDeps, type GateDeps, type GateSettings } from './reconnect-gate';

// The cluster side of Berth's main process: which kubeconfig and context, the connection to it,
// and everything the renderer has open. Credentials never leave this module's objects: the
// renderer gets context descriptions, connection states and rows.

export interface ClusterServiceDeps {
  kubeconfig: KubeconfigOptions;
  kubeconfigDeps: KubeconfigDeps;
  /** The login shell's search path for exec plugins (resolved once, cached by the caller). */
  searchPath(): Promise<SearchPath>;
  isExecutable(path: string): boolean;
  onStatus(status: ConnectionStatus): void;
  createTransport?(config: KubeConfig): KubeTransport;
  informerSettings?: Partial<InformerSettings>;
  gateSettings?: Partial<GateSettings>;
  gateDeps?: GateDeps;
  subscriptionSettings?: Partial<SubscriptionSettings>;
  releaseDelayMs?: number;
  probeIntervalMs?: number;
  metricsIntervalMs?: number;
  drainSettings?: Partial<DrainSettings>;
}

export interface ContextList {
  contexts: ContextInfo[];
  current: string | null;
  sources: string[];
  problems: string[];
}

const notConnected = () =>
  new KubeApiError('unreachable', 'Berth is not connected to a cluster.', undefined, undefined, 'Pick a context in the context switcher, or install microk8s first.');

export class ClusterService {
  readonly live: LiveSubscriptions;
  /** Node drains started from any page; progress goes to every page (cluster.drain). */
  readonly drains: DrainRegistry;
  private session: ClusterSession | undefined;
  /** The session's context configuration, for clients that need client-node's own classes (pod exec). */
  private sessionConfig: KubeConfig | undefined;
  private status: ConnectionStatus = { context: null, state: 'idle' };
  private started: Promise<void> | undefined;
  private metricsTimer: NodeJS.Timeout | undefined;
  private metricsMissingUntil = 0;
  /** The context picked in this run; kept across kubeconfig reloads. */
  private chosen: string | undefined;

  constructor(private readonly deps: ClusterServiceDeps) {
    this.live = new LiveSubscriptions({ ...defaultSubscriptionSettings, ...deps.subscriptionSettings });
    this.chosen = deps.kubeconfig.context;
    this.drains = new DrainRegistry({ ...defaultDrainSettings, ...deps.drainSettings });
  }

  private load(): LoadedKubeconfig {
    return loadKubeconfig({ ...this.deps.kubeconfig, context: this.chosen }, this.deps.kubeconfigDeps);
  }

  async contexts(): Promise<ContextList> {
    const loaded = this.load();
    const needsSearch = loaded.config.getUsers().some((user) => execSpec(user));
    const search = needsSearch ? await this.deps.searchPath() : { dirs: [], fromLoginShell: false };
    const contexts = describeContexts(loaded.config, (command) => findExecutable(command, search.dirs, this.deps.isExecutable));
    const current = this.session ? this.status.context : loaded.config.getCurrentContext() || null;
    return { contexts, current, sources: loaded.sources, problems: loaded.problems };
  }

  /** Connects to the kubeconfig's current context the first time anything asks. */
  ensureStarted(): Promise<void> {
    this.started ??= (async () => {
      const loaded = this.load();
      const current = loaded.config.getCurrentContext();
      if (current && loaded.config.getContextObject(current)) await this.connectWith(loaded, current);
      else this.setStatus({ context: null, state: 'idle', reason: loaded.sources.length ? 'The kubeconfig names no current context.' : 'No kubeconfig found.', hint: loaded.sources.length ? 'Pick a context.' : 'Install microk8s with Berth, or point KUBECONFIG (or --kubeconfig) at a kubeconfig file.' });
    })();
    return this.started;
  }

  async connect(context: string): Promise<ConnectionStatus> {
    this.started ??= Promise.resolve();
    // Re-read the files: a context merged in by the installer (microk8s) is there now.
    this.chosen = context;
    return this.connectWith(this.load(), context);
  }

  private async connectWith(loaded: LoadedKubeconfig, context: string): Promise<ConnectionStatus> {
    this.dropSession();
    if (!loaded.config.getContextObject(context)) {
      this.setStatus({ context, state: 'error', reason: `There is no context "${context}" in ${loaded.sources.join(', ') || 'the kubeconfig'}.`, hint: 'Pick one of the listed contexts.' });
      return this.status;
    }
    const ctx = loaded.config.getContextObject(context)!;
    const user = ctx.user ? loaded.config.getUser(ctx.user) : null;
    const exec = execSpec(user);
    // Only an exec credential plugin needs the login shell's PATH; asking the shell costs about a
    // second and a half, which certificate and token contexts should not wait for.
    const search = exec && typeof exec.command === 'string' ? await this.deps.searchPath() : { dirs: [], fromLoginShell: false };
    let resolvedPath: string | null = null;
    if (exec && typeof exec.command === 'string') {
      const lookup = findExecutable(exec.command, search.dirs, this.deps.isExecutable);
      if (!lookup.resolvedPath) {
        this.setStatus({ context, state: 'error', ...missingPluginMessage(exec.command, lookup, search.fromLoginShell) });
        return this.status;
      }
      resolvedPath = lookup.resolvedPath;
    }
    let transport: KubeTransport;
    let sessionConfig: KubeConfig;
    try {
      const config = configForContext(loaded.config, context, { resolvedPath, searchPath: search.dirs });
      sessionConfig = config;
      transport = (this.deps.createTransport ?? createKubeTransport)(config);
    } catch (error) {
      const err = error instanceof KubeApiError ? error : new KubeApiError('credentials', (error as Error).message, undefined, undefined);
      this.setStatus({ context, state: 'error', reason: err.message, ...(err.hint ? { hint: err.hint } : {}) });
      return this.status;
    }
    const session = new ClusterSession({
      context,
      transport,
      informerSettings: { ...defaultInformerSettings, ...this.deps.informerSettings },
      gateSettings: { ...defaultGateSettings, ...this.deps.gateSettings },
      gateDeps: this.deps.gateDeps ?? realGateDeps,
      releaseDelayMs: this.deps.releaseDelayMs ?? 2_000,
      probeIntervalMs: this.deps.probeIntervalMs ?? 15_000,
      onStatus: (s) => {
        if (this.session === session) this.setStatus(s);
      },
    });
    this.session = session;
    this.sessionConfig = sessionConfig;
    this.setStatus({ context, state: 'connecting' });
    this.live.setSession(session);
    this.scheduleMetrics(session, 0);
    await session.start();
    return this.status;
  }

  private dropSession(): void {
    if (!this.session) return;
    const old = this.session;
    this.session = undefined;
    this.sessionConfig = undefined;
    this.live.setSession(undefined);
    if (this.metricsTimer) clearTimeout(this.metricsTimer);
    old.dispose();
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.deps.onStatus(status);
  }

  currentStatus(): ConnectionStatus {
    return this.status;
  }

  /** The live session (tests, the soak and benchmarks read its informers). */
  get activeSession(): ClusterSession | undefined {
    return this.session;
  }

  /** The connected context's KubeConfig (credentials included: main only, never sent to the page). */
  get activeKubeConfig(): KubeConfig | undefined {
    return this.sessionConfig;
  }

  private requireTransport(): KubeTransport {
    if (!this.session) throw notConnected();
    return this.session.transport;
  }

  deletePod(namespace: string, name: string): Promise<void> {
    return actions.deletePod(this.requireTransport(), namespace, name);
  }

  runPod(req: RunPodRequest): Promise<{ name: string; namespace: string }> {
    return actions.runPod(this.requireTransport(), req);
  }

  setUnschedulable(name: string, unschedulable: boolean): Promise<void> {
    return actions.setUnschedulable(this.requireTransport(), name, unschedulable);
  }

  scale(kind: ScalableKind, namespace: string, name: string, replicas: number): Promise<{ replicas: number }> {
    return workloads.scale(this.requireTransport(), kind, namespace, name, replicas);
  }

  restartRollout(kind: RestartableKind, namespace: string, name: string): Promise<{ restartedAt: string }> {
    return workloads.restartRollout(this.requireTransport(), kind, namespace, name);
  }

  rollback(namespace: string, name: string, toRevision: number): Promise<{ revision: number; unchanged: boolean }> {
    return workloads.rollback(this.requireTransport(), namespace, name, toRevision);
  }

  setPaused(namespace: string, name: string, paused: boolean): Promise<void> {
    return workloads.setPaused(this.requireTransport(), namespace, name, paused);
  }

  setSuspended(namespace: string, name: string, suspended: boolean): Promise<void> {
    return workloads.setSuspended(this.requireTransport(), namespace, name, suspended);
  }

  triggerCronJob(namespace: string, name: string, jobName?: string): Promise<{ namespace: string; name: string }> {
    return workloads.triggerCronJob(this.requireTransport(), namespace, name, jobName);
  }

  deleteObject(ref: ObjectRef, propagationPolicy: PropagationPolicy): Promise<void> {
    return workloads.deleteObject(this.requireTransport(), ref, propagationPolicy);
  }

  /** Starts a drain and returns at once; progress comes through `drains.onProgress`. */
  drainNode(opts: DrainOptions): { drainId: string } {
    this.drains.start(this.requireTransport(), opts);
    return { drainId: opts.drainId };
  }

  /** Node usage from metrics-server while a nodes view is open; a cluster without it is asked rarely. */
  private scheduleMetrics(session: ClusterSession, delay: number): void {
    const interval = this.deps.metricsIntervalMs ?? 15_000;
    this.metricsTimer = setTimeout(async () => {
      if (this.session !== session) return;
      if (this.live.hasNodeViews() && Date.now() >= this.metricsMissingUntil) {
        try {
          const list = await session.transport.request<{ items?: Array<{ metadata?: { name?: string }; usage?: { cpu?: string; memory?: string } }> }>({ path: '/apis/metrics.k8s.io/v1beta1/nodes', idleTimeoutMs: 10_000 });
          if (this.session === session) this.live.setNodeMetrics(quantityToMetrics(list.items ?? []));
        } catch (error) {
          // No metrics-server (404/503) or no permission: the columns show requests only.
          if (error instanceof KubeApiError && !['unreachable', 'timeout'].includes(error.code)) this.metricsMissingUntil = Date.now() + 5 * 60_000;
        }
      }
      if (this.session === session) this.scheduleMetrics(session, interval);
    }, delay);
    this.metricsTimer.unref();
  }

  dispose(): void {
    this.drains.cancelAll();
    this.dropSession();
  }
}
