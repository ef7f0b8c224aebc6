import { fork, spawn, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ViewUpdate } from '../../main/contract';
import { createClusterService } from '../../main/services/cluster';
import type { Owner } from '../../main/services/cluster/live-subscriptions';
import { startSimulator } from '../../main/simulator';
import type { KObj } from '../../main/simulator/objects';
import type { PageProbeTarget } from './cluster-page-probe';

// Scale benchmark: the simulator at 5,000 nodes and 150,000 pods with ~2,000 watch events/s,
// in a child process (its own CPU and heap, as a real API server would be), against Berth's main
// side in this process and real kubectl, in the same run:
//   - connect -> first rows (the first page of the pod list reaches the view);
//   - complete pod list in Berth vs `kubectl get pods -A -o json`;
//   - watch event latency p50/p99: the server commits a change -> the view has applied it and
//     sent its window (what crosses to the renderer);
//   - main-process memory and event-loop stalls (the main-side analogue of long tasks).
// What happens in the page (rows painted, long tasks, renderer memory) needs the UI: pass a
// `pageProbe` (test/bench/cluster-page-probe.ts) that drives the built app against
// `kubeconfigPath` and returns its own figures; it can create marker pods with `createMarker`.

export interface ScaleOptions {
  nodes?: number;
  pods?: number;
  /** Pod replacements per second in the simulator; each is several watch events. */
  churn?: number;
  /** How long to measure watch latency under churn. */
  latencySeconds?: number;
  /** kubectl is stopped after this long (at 150,000 pods it takes minutes). */
  kubectlLimitMs?: number;
  /** Runs with the simulator up; returns figures measured in the page (ms, MB...). */
  pageProbe?: (target: PageProbeTarget) => Promise<Record<string, number>>;
  log?: (line: string) => void;
}

export interface ScaleResult {
  nodes: number;
  pods: number;
  firstRowsMs: number;
  fullListMs: number;
  /** null: kubectl failed, was missing, or did not finish within kubectlLimitMs. */
  kubectlMs: number | null;
  eventsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencySamples: number;
  eventLoopMaxMs: number;
  mainRssMB: number;
  mainHeapMB: number;
  page?: Record<string, number>;
}

const CHILD_FLAG = '--berth-scale-simulator';

interface ChildReady {
  type: 'ready';
  url: string;
  kubeconfigPath: string;
}
interface ChildMarker {
  type: 'marker-done';
  name: string;
  /** wall-clock ms when the server committed the pod */
  at: number;
}
interface ChildTimes {
  type: 'times';
  /** resourceVersion -> wall-clock ms when the server committed it */
  times: Array<[string, number]>;
  events: number;
  seconds: number;
}

const wallNow = () => performance.timeOrigin + performance.now();

/** In the child: runs the simulator, and records commit times of pod events on request. */
export async function serveScaleSimulatorChild(): Promise<boolean> {
  if (!process.argv.includes(CHILD_FLAG) || !process.send) return false;
  const arg = (name: string) => Number(process.argv[process.argv.indexOf(name) + 1]);
  const sim = await startSimulator({ scenario: 'scale', nodes: arg('--nodes'), pods: arg('--pods'), churn: arg('--churn'),
    // Watch history for ~5 minutes at 2,000 events/s: a real API server keeps resuming continue
    // tokens until etcd compacts (every 5 minutes by default), and a 300-page list takes a while.
    historySize: 600_000,
  });
  let recording: Map<string, number> | undefined;
  let events = 0;
  let startedAt = 0;
  sim.store.subscribe((e) => {
    if (!recording || e.key !== 'pods') return;
    events++;
    recording.set(String(e.rv), wallNow());
  });
  process.on('message', (msg: { type: string; name?: string }) => {
    if (msg.type === 'marker' && msg.name) {
      // A pod that sorts first by name, copied from a running one but owned by nothing (no
      // controller replaces or deletes it): one ADDED event the page should show at the top.
      const template = sim.store.list<KObj>('pods').next().value as KObj;
      sim.store.create('pods', { ...template, metadata: { name: msg.name, namespace: 'default', labels: { 'berth-bench': 'marker' }, uid: '', creationTimestamp: '', resourceVersion: '' } });
      process.send!({ type: 'marker-done', name: msg.name, at: wallNow() } satisfies ChildMarker);
    } else if (msg.type === 'record') {
      recording = new Map();
      events = 0;
      startedAt = Date.now();
    } else if (msg.type === 'report' && recording) {
      const times: ChildTimes = { type: 'times', times: [...recording], events, seconds: (Date.now() - startedAt) / 1000 };
      recording = undefined;
      process.send!(times);
    } else if (msg.type === 'stop') {
      void sim.stop().then(() => process.exit(0));
    }
  });
  process.send({ type: 'ready', url: sim.url, kubeconfigPath: sim.kubeconfigPath } satisfies ChildReady);
  return true;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Milliseconds kubectl took, or `{ timedOut }` when it had not finished within the limit. */
function timeKubectl(kubeconfigPath: string, limitMs: number): Promise<number | { timedOut: number } | null> {
  return new Promise((resolve) => {
    const started = performance.now();
    // Output discarded: we time kubectl, not our buffering of its output.
    const child = spawn('kubectl', ['--kubeconfig', kubeconfigPath, 'get', 'pods', '-A', '-o', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-400)));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill();
    }, limitMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && !killed) console.log(`  kubectl failed (exit ${code}): ${stderr.trim()}`);
      resolve(killed ? { timedOut: limitMs } : code === 0 ? performance.now() - started : null);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function clusterScaleBench(options: ScaleOptions = {}): Promise<ScaleResult> {
  const log = options.log ?? console.log;
  const nodes = options.nodes ?? 5_000;
  const pods = options.pods ?? 150_000;
  const churn = options.churn ?? 450;
  log(`cluster scale: simulator with ${nodes} nodes, ${pods} pods, churn ${churn} pod replacements/s (child process)`);

  const child: ChildProcess = fork(process.argv[1]!, [CHILD_FLAG, '--nodes', String(nodes), '--pods', String(pods), '--churn', String(churn)], {
    // Same loader (tsx) as this process, more heap for 150,000 pods and their watch history.
    execArgv: [...process.execArgv.filter((a) => !a.startsWith('--max-old-space-size')), '--max-old-space-size=6144'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const fromChild = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMsg = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', onMsg);
        resolve(m as T);
      };
      child.on('message', onMsg);
      child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
    });
  const ready = await fromChild<ChildReady>('ready');
  log(`  simulator up at ${ready.url}`);

  const service = createClusterService({ kubeconfig: ready.kubeconfigPath, onStatus: () => undefined, overrides: { searchPath: async () => ({ dirs: [], fromLoginShell: false }) } });
  const updates: ViewUpdate[] = [];
  let firstRowsAt = 0;
  let fullAt = 0;
  const owner: Owner = {
    id: 'bench',
    emitView: (u) => {
      updates.push(u);
      if (!firstRowsAt && u.rows.length > 0) firstRowsAt = performance.now();
      if (!fullAt && !u.loading) fullAt = performance.now();
      if (updates.length > 100) updates.splice(0, 50);
    },
    emitObject: () => undefined,
    emitOverview: () => undefined,
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  try {
    // Connect -> first rows -> complete list.
    const t0 = performance.now();
    await service.connect('microk8s');
    service.live.openView(owner, 'pods', { kind: 'pods', namespaces: [], labelSelector: '', search: '', sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100 });
    while (!fullAt) await sleep(20);
    const firstRowsMs = firstRowsAt - t0;
    const fullListMs = fullAt - t0;
    log(`  connect -> first rows: ${firstRowsMs.toFixed(0)} ms; complete pod list in Berth: ${fullListMs.toFixed(0)} ms`);

    const kubectl = await timeKubectl(ready.kubeconfigPath, options.kubectlLimitMs ?? 15 * 60_000);
    const kubectlMs = typeof kubectl === 'number' ? kubectl : null;
    log(
      `  kubectl get pods -A -o json (same server, same run): ${
        kubectl === null ? 'failed or not installed' : typeof kubectl === 'number' ? `${kubectl.toFixed(0)} ms` : `not done after ${kubectl.timedOut} ms (stopped)`
      }`,
    );

    // Watch latency under churn: server commit time -> view applied and window sent. First make
    // sure the watch has caught up with the changes made during the long list: a pod created now
    // must have arrived.
    const informer = service.activeSession!.informer('pods', '')!;
    const caughtUpStart = performance.now();
    await service.runPod({ namespace: 'default', name: 'bench-marker', image: 'busybox:1.36', labels: {}, command: ['sleep', '3600'] });
    while (!informer.cache.has('default/bench-marker')) await sleep(50);
    log(`  watch caught up with the changes made during the list in ${(performance.now() - caughtUpStart).toFixed(0)} ms`);
    const seen = new Map<string, number>();
    const unsubscribe = informer.onChange((changes) => {
      const at = wallNow();
      for (const c of changes) {
        const rv = (c.after ?? c.before)?.metadata?.resourceVersion;
        if (rv && !seen.has(rv)) seen.set(rv, at);
      }
    });
    loopDelay.enable();
    child.send({ type: 'record' });
    await sleep((options.latencySeconds ?? 20) * 1000);
    child.send({ type: 'report' });
    const times = await fromChild<ChildTimes>('times');
    await sleep(500);
    unsubscribe();
    loopDelay.disable();
    const latencies: number[] = [];
    for (const [rv, committed] of times.times) {
      const at = seen.get(rv);
      if (at !== undefined) latencies.push(at - committed);
    }
    // Deletions arrive as the previous object's rv with the delete's rv; unmatched ones are dropped.
    latencies.sort((a, b) => a - b);
    const eventsPerSecond = Math.round(times.events / times.seconds);
    const latencyP50Ms = percentile(latencies, 50);
    const latencyP99Ms = percentile(latencies, 99);
    const eventLoopMaxMs = loopDelay.max / 1e6;
    log(`  watch events: ${eventsPerSecond}/s; latency to the view p50 ${latencyP50Ms.toFixed(0)} ms, p99 ${latencyP99Ms.toFixed(0)} ms (${latencies.length} of ${times.times.length} events matched)`);
    log(`  main event loop: longest stall ${eventLoopMaxMs.toFixed(0)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms`);

    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    const mainRssMB = Math.round(mem.rss / 2 ** 20);
    const mainHeapMB = Math.round(mem.heapUsed / 2 ** 20);
    log(`  main process memory: rss ${mainRssMB} MB, heap ${mainHeapMB} MB (target < 1,536 MB)`);

    const result: ScaleResult = { nodes, pods, firstRowsMs, fullListMs, kubectlMs, eventsPerSecond, latencyP50Ms, latencyP99Ms, latencySamples: latencies.length, eventLoopMaxMs, mainRssMB, mainHeapMB };
    if (options.pageProbe) {
      // The page's own Berth main (the web host) is the only client now: this process's watch
      // would otherwise compete with it for the CPU.
      service.dispose();
      log(`  page probe: the built web host and the renderer in Chromium against the same simulator (churn still running)`);
      const createMarker = (name: string) => {
        const done = new Promise<number>((resolve, reject) => {
          const onMsg = (m: { type: string; name?: string; at?: number }) => {
            if (m.type !== 'marker-done' || m.name !== name) return;
            child.off('message', onMsg);
            resolve(m.at!);
          };
          child.on('message', onMsg);
          // At 150,000 pods a CPU-starved simulator took over 10 s to answer (2-CPU machine).
          setTimeout(() => reject(new Error(`simulator did not create ${name} within 60 s`)), 60_000).unref();
        });
        child.send({ type: 'marker', name });
        return done;
      };
      result.page = await options.pageProbe({ kubeconfigPath: ready.kubeconfigPath, context: 'microk8s', createMarker });
      log(
        `  summary: first rows: main ${firstRowsMs.toFixed(0)} ms, page ${result.page.navToFirstRowsMs} ms after navigation (${result.page.warmNavToFirstRowsMs} ms on a reload); complete list: main ${fullListMs.toFixed(0)} ms, ` +
          `page ${result.page.navToCompleteListMs} ms, kubectl ${kubectlMs === null ? 'n/a' : `${kubectlMs.toFixed(0)} ms`}; event latency p50/p99: main ${latencyP50Ms.toFixed(0)}/${latencyP99Ms.toFixed(0)} ms, ` +
          `page ${result.page.eventToScreenP50Ms}/${result.page.eventToScreenP99Ms} ms; memory: main rss ${mainRssMB} MB, renderer rss ${result.page.rendererRssMB} MB, JS heap ${result.page.rendererJsHeapUsedMB} MB`,
      );
    } else {
      log('  page figures (rows on screen, long tasks, renderer memory): not measured here; pass pageProbe');
    }
    return result;
  } finally {
    service.dispose();
    child.send({ type: 'stop' });
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5_000)]);
    if (child.exitCode === null) child.kill();
  }
}
