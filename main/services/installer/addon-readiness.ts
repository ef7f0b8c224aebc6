import { AppsV1Api, KubeConfig } from '@kubernetes/client-node';
import { ADDON_WORKLOADS } from './addon-catalog';

export interface WorkloadState {
  ready: number;
  desired: number;
}

/** Reads one workload's readiness; undefined when it does not exist (yet). */
export type ReadWorkload = (kind: 'Deployment' | 'DaemonSet', namespace: string, name: string) => Promise<WorkloadState | undefined>;

/** Workload readiness from the Kubernetes API, with the kubeconfig `microk8s config` printed (held in main only). */
export function apiWorkloadReader(kubeconfigText: string): ReadWorkload {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfigText);
  const apps = kc.makeApiClient(AppsV1Api);
  return async (kind, namespace, name) => {
    try {
      if (kind === 'Deployment') {
        const d = await apps.readNamespacedDeployment({ name, namespace });
        return { ready: d.status?.readyReplicas ?? 0, desired: d.spec?.replicas ?? 1 };
      }
      const ds = await apps.readNamespacedDaemonSet({ name, namespace });
      return { ready: ds.status?.numberReady ?? 0, desired: ds.status?.desiredNumberScheduled ?? 0 };
    } catch (error) {
      if ((error as { code?: number }).code === 404) return undefined;
      throw error;
    }
  };
}

export interface ReadinessDeps {
  read: ReadWorkload;
  timeoutMs: number;
  pollMs: number;
  signal: AbortSignal;
  /** Progress in plain words, e.g. "kube-system/coredns 0/1 ready". */
  progress: (text: string) => void;
}

export type ReadinessResult = { ready: true } | { ready: false; waitingFor: string };

/**
 * Waits until every workload the addon starts is ready: `microk8s enable` returns before they are
 * (issue 4, known traps). A workload counts as ready when all its desired pods are, and at least one is desired.
 */
export async function waitForAddon(addon: string, deps: ReadinessDeps): Promise<ReadinessResult> {
  const workloads = ADDON_WORKLOADS[addon.split(':')[0] as string] ?? [];
  const deadline = Date.now() + deps.timeoutMs;
  for (;;) {
    if (deps.signal.aborted) return { ready: false, waitingFor: 'cancelled' };
    const states = await Promise.all(
      workloads.map(async (w) => {
        const state = await deps.read(w.kind, w.namespace, w.name).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
        const label = `${w.namespace}/${w.name}`;
        if (state === undefined) return { ok: false, text: `${label} not created yet` };
        if ('error' in state) return { ok: false, text: `${label}: API not answering (${state.error.slice(0, 80)})` };
        return { ok: state.desired > 0 && state.ready >= state.desired, text: `${label} ${state.ready}/${state.desired} ready` };
      }),
    );
    const pending = states.filter((s) => !s.ok);
    if (pending.length === 0) return { ready: true };
    const waitingFor = pending.map((s) => s.text).join(', ');
    deps.progress(`Waiting for ${waitingFor}`);
    if (Date.now() >= deadline) return { ready: false, waitingFor };
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, deps.pollMs);
      deps.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}
