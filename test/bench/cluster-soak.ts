import type { ConnectionStatus, ListKind, ViewUpdate } from '../../main/contract';
import { createClusterService } from '../../main/services/cluster';
import type { Owner } from '../../main/services/cluster/live-subscriptions';
import { diffState, type StateDifference } from '../../main/services/cluster/state-diff';
import { startSimulator, type FaultPatch } from '../../main/simulator';

// Soak: Berth's cluster service against the simulator under churn, with a fault every couple of
// seconds (dropped watches, 410s, 429/503 with Retry-After, 500s, stalls, continue-token 410s, a
// restart). At the end the churn stops, and every pod, node and service Berth holds is compared
// with the server's: the verdict is the number of differences (must be 0), unhandled errors
// (must be 0) and the heap before and after.

export interface SoakOptions {
  durationMs: number;
  faultEveryMs?: number;
  nodes?: number;
  pods?: number;
  /** Pods deleted per second (their ReplicaSets replace them). */
  churnPerSecond?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  faults: string[];
  differences: Record<string, StateDifference[]>;
  unhandledErrors: string[];
  states: string[];
  listRequests: number;
  heapStartMB: number;
  heapEndMB: number;
  settleMs: number;
  /** Each informer's phase, last error and counters at the end. */
  diagnosis: string[];
}

interface Fault {
  name: string;
  apply(sim: Awaited<ReturnType<typeof startSimulator>>): void | Promise<void>;
}

const knobs = (name: string, patch: FaultPatch): Fault => ({ name, apply: (sim) => void sim.faults.set(patch) });

const FAULTS: Fault[] = [
  knobs('drop watches', { dropWatchesAfterMs: 300 }),
  knobs('watch 410', { watchExpired: true, dropWatchesAfterMs: 300 }),
  { name: 'restart 1s', apply: (sim) => void sim.restart(1) },
  knobs('429 with Retry-After', { rate429: 0.5, retryAfterSeconds: 1, dropWatchesAfterMs: 500 }),
  knobs('503 with Retry-After', { rate503: 0.5, retryAfterSeconds: 1, dropWatchesAfterMs: 500 }),
  knobs('500s', { rate500: 0.3, dropWatchesAfterMs: 500 }),
  knobs('stalled watches', { stallWatches: true }),
  knobs('continue 410', { continueExpired: true, watchExpired: true, dropWatchesAfterMs: 300 }),
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const heapMB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
};

export async function runClusterSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const faultEveryMs = options.faultEveryMs ?? 2_000;
  const unhandledErrors: string[] = [];
  const onUnhandled = (reason: unknown) => unhandledErrors.push(String((reason as Error)?.stack ?? reason));
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);

  const sim = await startSimulator({ scenario: 'scale', nodes: options.nodes ?? 20, pods: options.pods ?? 900, churn: 0, bookmarkIntervalMs: 1_000, historySize: 500 });
  const states: string[] = [];
  const service = createClusterService({
    kubeconfig: sim.kubeconfigPath,
    onStatus: (s: ConnectionStatus) => {
      const text = `${s.state}${s.reason ? `: ${s.reason}` : ''}`;
      if (states.at(-1) !== text) states.push(text);
    },
    overrides: {
      searchPath: async () => ({ dirs: [], fromLoginShell: false }),
      informerSettings: { pageSize: 100, watchTimeoutSeconds: 5, watchdogMs: 2_500, flushMs: 20 },
      gateSettings: { baseDelayMs: 100, maxDelayMs: 2_000 },
      probeIntervalMs: 1_000,
    },
  });
  const updates = new Map<string, ViewUpdate>();
  const owner: Owner = { id: 'soak', emitView: (u) => updates.set(u.viewId, u), emitObject: () => undefined, emitOverview: () => undefined };
  const kinds: ListKind[] = ['pods', 'nodes', 'services'];
  const faults: string[] = [];
  let churn: NodeJS.Timeout | undefined;
  try {
    await service.connect('microk8s');
    for (const kind of kinds) {
      service.live.openView(owner, kind, { kind, namespaces: [], labelSelector: '', search: '', sort: { column: kind === 'pods' ? 'restarts' : 'name', direction: 'desc' }, offset: 0, limit: 50 });
    }
    service.live.openOverview(owner);
    while (kinds.some((k) => updates.get(k)?.loading !== false)) await sleep(50);
    const heapStartMB = heapMB();

    // Churn: delete running pods; the ReplicaSet controller replaces them (ADDED, MODIFIED...).
    const rate = options.churnPerSecond ?? 20;
    churn = setInterval(() => {
      const pods = sim.store.all<{ metadata: { name: string; namespace: string; deletionTimestamp?: string } }>('pods').filter((p) => p.metadata.namespace.startsWith('team-'));
      for (let i = 0; i < rate / 10 && pods.length > 0; i++) {
        const victim = pods[Math.floor(Math.random() * pods.length)]!;
        try {
          sim.store.remove('pods', victim.metadata.namespace, victim.metadata.name);
        } catch {
          // Already gone.
        }
      }
    }, 100);

    const end = Date.now() + options.durationMs;
    let i = 0;
    while (Date.now() < end) {
      const fault = FAULTS[i++ % FAULTS.length]!;
      faults.push(fault.name);
      log(`  fault ${faults.length}: ${fault.name}`);
      await fault.apply(sim);
      await sleep(Math.min(faultEveryMs * 0.75, Math.max(0, end - Date.now())));
      sim.faults.reset();
      await sleep(Math.min(faultEveryMs * 0.25, Math.max(0, end - Date.now())));
    }
    clearInterval(churn);
    churn = undefined;
    sim.faults.reset();

    // The server settles (replacement pods scheduled and started), then Berth must equal it.
    const settleStart = Date.now();
    let differences: Record<string, StateDifference[]> = {};
    for (;;) {
      differences = {};
      const session = service.activeSession!;
      for (const kind of kinds) {
        const informer = session.informer(kind, '');
        informer?.flush();
        const diff = diffState(sim.store.all(kind), informer?.cache ?? new Map());
        const view = updates.get(kind);
        if (view && view.total !== sim.store.count(kind)) diff.push({ key: `(${kind} view total ${view.total} vs ${sim.store.count(kind)})`, problem: 'stale' });
        if (diff.length) differences[kind] = diff;
      }
      if (Object.keys(differences).length === 0 || Date.now() - settleStart > 20_000) break;
      await sleep(100);
    }
    const settleMs = Date.now() - settleStart;
    const diagnosis = kinds.map((kind) => {
      const informer = service.activeSession!.informer(kind, '');
      const h = informer?.status;
      return `${kind}: ${h?.phase ?? 'none'}${h?.error ? ` (${h.error.code}: ${h.error.message})` : ''} ${JSON.stringify(informer?.stats ?? {})}`;
    });
    service.live.closeOwner('soak');
    await sleep(200);
    const heapEndMB = heapMB();
    return { faults, differences, unhandledErrors, states, listRequests: service.activeSession!.gate.listsStarted, heapStartMB, heapEndMB, settleMs, diagnosis };
  } finally {
    if (churn) clearInterval(churn);
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    service.dispose();
    await sim.stop();
  }
}

/** `npm run bench` entry: a bounded soak, printed. */
export async function clusterSoakBench(minutes = 2): Promise<SoakResult> {
  console.log(`cluster soak: ${minutes} min, churn 50 pods/s, a fault every 2 s`);
  const result = await runClusterSoak({ durationMs: minutes * 60_000, nodes: 50, pods: 3_000, churnPerSecond: 50, log: console.log });
  const diffCount = Object.values(result.differences).reduce((n, d) => n + d.length, 0);
  console.log(`  faults injected: ${result.faults.length}; LIST requests: ${result.listRequests}`);
  console.log(`  differences with the server: ${diffCount}${diffCount ? ` ${JSON.stringify(result.differences).slice(0, 500)}` : ''} (settled in ${result.settleMs} ms)`);
  console.log(`  unhandled errors: ${result.unhandledErrors.length}`);
  if (diffCount) for (const line of result.diagnosis) console.log(`  ${line}`);
  console.log(`  heap: ${result.heapStartMB} MB at start, ${result.heapEndMB} MB at end`);
  console.log(`  connection states seen: ${result.states.length} (${[...new Set(result.states.map((s) => s.split(':')[0]))].join(', ')})`);
  return result;
}
