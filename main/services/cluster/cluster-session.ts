import type { ConnectionStatus, ListKind } from '../../contract';
import type { KubeObject, Pod } from '../../kube';
import { Informer, type InformerHealth, type InformerSettings, type ResourceSpec } from './informer';
import { KubeApiError } from './kube-errors';
import type { KubeTransport } from './kube-http';
import { NodeLoadIndex } from './node-load';
import { ReconnectGate, type GateDeps, type GateSettings } from './reconnect-gate';
import { SharedParts, slimPod } from './slim-pod';

// One connection to one context: its HTTP transport, its shared reconnect gate, the informers
// views and overviews hold (started on first use, stopped shortly after the last), and the
// connection state shown in the status bar.

export const resourceSpecs: Record<ListKind, Omit<ResourceSpec, 'labelSelector'>> = {
  pods: { path: '/api/v1/pods', kind: 'Pod', apiVersion: 'v1' },
  nodes: { path: '/api/v1/nodes', kind: 'Node', apiVersion: 'v1' },
  services: { path: '/api/v1/services', kind: 'Service', apiVersion: 'v1' },
  namespaces: { path: '/api/v1/namespaces', kind: 'Namespace', apiVersion: 'v1' },
  events: { path: '/api/v1/events', kind: 'Event', apiVersion: 'v1' },
  deployments: { path: '/apis/apps/v1/deployments', kind: 'Deployment', apiVersion: 'apps/v1' },
  replicasets: { path: '/apis/apps/v1/replicasets', kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  replicationcontrollers: { path: '/api/v1/replicationcontrollers', kind: 'ReplicationController', apiVersion: 'v1' },
  daemonsets: { path: '/apis/apps/v1/daemonsets', kind: 'DaemonSet', apiVersion: 'apps/v1' },
  statefulsets: { path: '/apis/apps/v1/statefulsets', kind: 'StatefulSet', apiVersion: 'apps/v1' },
  jobs: { path: '/apis/batch/v1/jobs', kind: 'Job', apiVersion: 'batch/v1' },
  cronjobs: { path: '/apis/batch/v1/cronjobs', kind: 'CronJob', apiVersion: 'batch/v1' },
  persistentvolumes: { path: '/api/v1/persistentvolumes', kind: 'PersistentVolume', apiVersion: 'v1' },
  persistentvolumeclaims: { path: '/api/v1/persistentvolumeclaims', kind: 'PersistentVolumeClaim', apiVersion: 'v1' },
  storageclasses: { path: '/apis/storage.k8s.io/v1/storageclasses', kind: 'StorageClass', apiVersion: 'storage.k8s.io/v1' },
  ingresses: { path: '/apis/networking.k8s.io/v1/ingresses', kind: 'Ingress', apiVersion: 'networking.k8s.io/v1' },
  networkpolicies: { path: '/apis/networking.k8s.io/v1/networkpolicies', kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1' },
};

/** /api/v1/pods -> /api/v1/namespaces/NS/pods (the collection path of one namespace). */
export function namespacedPath(path: string, namespace: string): string {
  const cut = path.lastIndexOf('/');
  return `${path.slice(0, cut)}/namespaces/${encodeURIComponent(namespace)}${path.slice(cut)}`;
}

export interface SessionDeps {
  context: string;
  transport: KubeTransport;
  informerSettings: InformerSettings;
  gateSettings: GateSettings;
  gateDeps: GateDeps;
  /** How long an informer outlives its last user, so remounting a view does not relist. */
  releaseDelayMs: number;
  /** How often /version is asked while nothing else talks to the server. */
  probeIntervalMs: number;
  onStatus(status: ConnectionStatus): void;
}

interface Held {
  informer: Informer;
  refs: number;
  stopTimer?: NodeJS.Timeout;
  unsubscribe: Array<() => void>;
}

export function describeError(error: KubeApiError): { state: ConnectionStatus['state']; reason: string; hint?: string } {
  switch (error.code) {
    case 'unauthorized':
      return { state: 'unauthorized', reason: error.message, hint: error.hint ?? 'Log in again and reconnect.' };
    case 'unreachable':
    case 'timeout':
      return { state: 'unreachable', reason: error.message, hint: error.hint ?? 'Berth keeps retrying.' };
    case 'tls':
    case 'credentials':
      return { state: 'error', reason: error.message, ...(error.hint ? { hint: error.hint } : {}) };
    case 'throttled':
    case 'unavailable':
      return {
        state: 'reconnecting',
        reason: `${error.message}${error.retryAfterSeconds !== undefined ? ` (retrying after ${error.retryAfterSeconds}s, as the server asked)` : ''}`,
        hint: 'Berth retries by itself.',
      };
    default:
      return { state: 'reconnecting', reason: error.message, hint: 'Berth retries by itself.' };
  }
}

export class ClusterSession {
  readonly gate: ReconnectGate;
  readonly nodeLoad = new NodeLoadIndex();
  /** What the session's slim pods share (see SharedParts). */
  private readonly podParts = new SharedParts();
  private readonly held = new Map<string, Held>();
  private status: ConnectionStatus;
  private probeError: KubeApiError | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private lastEmitted = '';
  private lastEmitAt = 0;
  private disposed = false;
  serverVersion: string | undefined;

  constructor(private readonly deps: SessionDeps) {
    this.gate = new ReconnectGate(deps.gateDeps, deps.gateSettings);
    this.status = { context: deps.context, state: 'connecting' };
  }

  get transport(): KubeTransport {
    return this.deps.transport;
  }

  get current(): ConnectionStatus {
    return this.status;
  }

  /** Asks /version now, then keeps asking while nothing else shows the server is there. */
  start(): Promise<ConnectionStatus> {
    return this.probe();
  }

  private async probe(): Promise<ConnectionStatus> {
    if (this.disposed) return this.status;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    try {
      const version = await this.deps.transport.request<{ gitVersion?: string }>({ path: '/version', idleTimeoutMs: 10_000 });
      this.serverVersion = version.gitVersion;
      this.probeError = undefined;
    } catch (error) {
      this.probeError = error instanceof KubeApiError ? error : new KubeApiError('server-error', (error as Error).message, undefined, undefined);
    }
    if (!this.disposed) {
      const delay = this.probeError ? Math.min(this.deps.probeIntervalMs, 5_000) : this.deps.probeIntervalMs;
      this.probeTimer = setTimeout(() => void this.probe(), delay);
      this.probeTimer.unref();
    }
    this.recompute();
    return this.status;
  }

  private key(kind: ListKind, labelSelector: string, namespace = '', name = ''): string {
    if (name) return `${kind}|${labelSelector}|${namespace}|${name}`;
    return namespace ? `${kind}|${labelSelector}|${namespace}` : `${kind}|${labelSelector}`;
  }

  /**
   * Holds the informer for `kind` (and a server-side label selector), starting it if needed.
   * With `namespace`, only that namespace is listed and watched: one object's detail does not
   * list 150,000 pods. With `name`, only that object (a field selector on metadata.name).
   * The cluster-wide pod lists keep slim pods (slimPod: what rows, the nodes' load and the
   * state compare read); a pod's detail asks for it by name, whole.
   */
  acquire(kind: ListKind, labelSelector = '', namespace = '', name = ''): Informer {
    const key = this.key(kind, labelSelector, namespace, name);
    let held = this.held.get(key);
    if (!held) {
      const spec = resourceSpecs[kind];
      const slim = kind === 'pods' && !namespace && !name;
      const informer = new Informer(
        {
          ...spec,
          path: namespace ? namespacedPath(spec.path, namespace) : spec.path,
          ...(labelSelector ? { labelSelector } : {}),
          ...(name ? { fieldSelector: `metadata.name=${name}` } : {}),
          ...(slim ? { slim: (obj: KubeObject) => slimPod(obj as Pod, this.podParts) } : {}),
        },
        { transport: this.deps.transport, gate: this.gate, settings: this.deps.informerSettings, sleep: this.deps.gateDeps.sleep, now: this.deps.gateDeps.now, random: this.deps.gateDeps.random },
      );
      held = { informer, refs: 0, unsubscribe: [] };
      held.unsubscribe.push(informer.onHealth(() => this.recompute()));
      if (kind === 'pods' && !labelSelector && !namespace) held.unsubscribe.push(informer.onChange((changes) => this.nodeLoad.apply(changes)));
      this.held.set(key, held);
      informer.start();
    }
    held.refs++;
    if (held.stopTimer) {
      clearTimeout(held.stopTimer);
      held.stopTimer = undefined;
    }
    return held.informer;
  }

  release(kind: ListKind, labelSelector = '', namespace = '', name = ''): void {
    const key = this.key(kind, labelSelector, namespace, name);
    const held = this.held.get(key);
    if (!held) return;
    held.refs--;
    if (held.refs > 0) return;
    held.stopTimer = setTimeout(() => this.drop(key), this.deps.releaseDelayMs);
    held.stopTimer.unref();
  }

  private drop(key: string): void {
    const held = this.held.get(key);
    if (!held || held.refs > 0) return;
    this.held.delete(key);
    for (const u of held.unsubscribe) u();
    held.informer.stop();
    if (key === this.key('pods', '')) this.nodeLoad.clear();
    this.recompute();
  }

  informer(kind: ListKind, labelSelector = '', namespace = '', name = ''): Informer | undefined {
    return this.held.get(this.key(kind, labelSelector, namespace, name))?.informer;
  }

  activeInformers(): Informer[] {
    return [...this.held.values()].map((h) => h.informer);
  }

  private recompute(): void {
    if (this.disposed) return;
    const healths: InformerHealth[] = [...this.held.values()].map((h) => h.informer.status).filter((h) => h.phase !== 'stopped');
    // A list RBAC refuses is shown by its view; it says nothing about the connection.
    const failing = healths.find((h) => h.error && h.phase !== 'watching' && h.error.code !== 'forbidden' && h.error.code !== 'not-found');
    const error = failing?.error ?? this.probeError;
    let lastSyncAt = Math.max(0, ...healths.map((h) => h.lastSyncAt ?? 0));
    if (!error && healths.length === 0 && this.serverVersion) lastSyncAt = Date.now();
    const next: ConnectionStatus = { context: this.deps.context, state: 'connected' };
    if (error) {
      const described = describeError(error);
      next.state = described.state;
      next.reason = described.reason;
      if (described.hint) next.hint = described.hint;
    } else if (!this.serverVersion && healths.every((h) => !h.synced)) {
      next.state = 'connecting';
    }
    if (this.serverVersion) next.serverVersion = this.serverVersion;
    if (lastSyncAt > 0) next.lastSyncAt = lastSyncAt;
    else if (this.status.lastSyncAt) next.lastSyncAt = this.status.lastSyncAt;
    this.status = next;
    // State changes go out at once; a ticking lastSyncAt at most every 2 seconds.
    const { lastSyncAt: _ignored, ...shape } = next;
    const text = JSON.stringify(shape);
    const now = Date.now();
    if (text !== this.lastEmitted || now - this.lastEmitAt > 2_000) {
      this.lastEmitted = text;
      this.lastEmitAt = now;
      this.deps.onStatus(next);
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    for (const key of [...this.held.keys()]) {
      const held = this.held.get(key)!;
      if (held.stopTimer) clearTimeout(held.stopTimer);
      held.refs = 0;
      this.drop(key);
    }
    this.deps.transport.close();
  }
}
