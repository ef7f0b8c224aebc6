// Micro-measure of Berth main's cost per pod, without HTTP or a simulator in the way: the real
// cluster session, informer, row cache and one open pods view (sorted by name, 100 rows), fed by
// a transport that serves list pages and watch lines from memory.
// - cold list: pages of 500 pods, each page one JSON text parsed as the real transport does;
// - heap per cached pod after a full GC (needs --expose-gc);
// - replay: the watch events a long cold list leaves buffered (status updates to random pods,
//   5% replacements), delivered as fast as the informer takes them; events/s applied and GC.
// Pods come from the simulator's scale scenario, generated in a child process (so the simulator's
// own store is not in this heap) and kept in a file between runs: `--pods-file F` reuses one.
//
//   node --expose-gc --import tsx test/bench/cluster-replay.ts [--pods 150000] [--events 70000] [--pods-file F]
import { fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ViewUpdate } from '../../main/contract';
import { ClusterSession } from '../../main/services/cluster/cluster-session';
import { defaultInformerSettings } from '../../main/services/cluster/informer';
import type { KubeRequest, KubeTransport } from '../../main/services/cluster/kube-http';
import { LiveSubscriptions } from '../../main/services/cluster/live-subscriptions';
import { defaultGateSettings, realGateDeps } from '../../main/services/cluster/reconnect-gate';

const argv = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const CHILD = '--berth-replay-generate';

interface Pod {
  metadata: { name: string; namespace: string; resourceVersion: string; uid: string };
  status?: { containerStatuses?: Array<{ restartCount?: number; state?: unknown; lastState?: unknown }> };
}

/** In the child: the scale scenario's pods, one JSON line each, written to `file`. */
async function generate(file: string, pods: number): Promise<void> {
  const { startSimulator } = await import('../../main/simulator/index');
  const sim = await startSimulator({ scenario: 'scale', nodes: Math.max(1, Math.round(pods / 30)), pods, churn: 0 });
  const lines = sim.store.all<Record<string, unknown>>('pods').map((p) => JSON.stringify({ ...p, kind: undefined, apiVersion: undefined }));
  writeFileSync(file, lines.join('\n'));
  await sim.stop();
}

async function podLines(pods: number): Promise<string[]> {
  const i = argv.indexOf('--pods-file');
  const file = i >= 0 ? argv[i + 1]! : join(tmpdir(), `berth-replay-pods-${pods}.ndjson`);
  if (!existsSync(file)) {
    console.log(`generating ${pods} pods with the simulator's scale scenario into ${file} ...`);
    await new Promise<void>((resolve, reject) => {
      const child = fork(process.argv[1]!, [CHILD, file, String(pods)], { execArgv: [...process.execArgv, '--max-old-space-size=6144'], stdio: 'inherit' });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pod generator exited with ${code}`))));
    });
  }
  return readFileSync(file, 'utf8').split('\n');
}

/** Status updates to random pods (a container restart), every 20th a replacement (DELETED + ADDED). */
function watchLines(pods: string[], count: number, firstRv: number): string[] {
  let rv = firstRv;
  const out: string[] = [];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const now = new Date().toISOString();
  while (out.length < count) {
    const at = Math.floor(random() * pods.length);
    const pod = JSON.parse(pods[at]!) as Pod;
    if (out.length % 20 === 0) {
      out.push(JSON.stringify({ type: 'DELETED', object: { ...pod, metadata: { ...pod.metadata, resourceVersion: String(++rv) } } }));
      const name = `${pod.metadata.name.replace(/-[a-z0-9]{5}$/, '')}-r${rv}`;
      const next = { ...pod, metadata: { ...pod.metadata, name, uid: `replay-${rv}`, resourceVersion: String(++rv) } };
      pods[at] = JSON.stringify(next);
      out.push(JSON.stringify({ type: 'ADDED', object: next }));
      continue;
    }
    const first = pod.status?.containerStatuses?.[0];
    if (first) {
      first.restartCount = (first.restartCount ?? 0) + 1;
      first.lastState = { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: now } };
      first.state = { running: { startedAt: now } };
    }
    pod.metadata.resourceVersion = String(++rv);
    const text = JSON.stringify(pod);
    pods[at] = text;
    out.push(`{"type":"MODIFIED","object":${text}}`);
  }
  return out;
}

/** Serves the list from `pods` in pages and, once `replay` is set, the watch from its lines. */
function memoryTransport(pods: string[], listRv: number, replay: { lines: string[] | undefined; done?: () => void }): KubeTransport {
  return {
    server: 'memory',
    async request<T>(req: KubeRequest): Promise<T> {
      if (req.path === '/version') return { gitVersion: 'v1.32.0' } as T;
      const limit = Number(req.query?.limit ?? pods.length);
      const from = Number(req.query?.continue ?? 0);
      const to = Math.min(pods.length, from + limit);
      const more = to < pods.length ? `,"continue":"${to}"` : '';
      const text = `{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"${listRv}"${more}},"items":[${pods.slice(from, to).join(',')}]}`;
      // A page arrives over the network: the next turn, as the real transport would.
      await new Promise((r) => setImmediate(r));
      return JSON.parse(text) as T;
    },
    async text() {
      return { status: 200, body: 'ok' };
    },
    stream(req, onLine, onOpen) {
      let aborted = false;
      let paused = false;
      const done = (async () => {
        onOpen?.();
        const first = req.path === '/api/v1/pods' && req.query?.resourceVersion === String(listRv);
        // The first watch waits for the measure to start the replay.
        while (first && !replay.lines && !aborted) await new Promise((r) => setTimeout(r, 5));
        const lines = first ? replay.lines : undefined;
        // Lines arrive in socket-sized chunks (64 KiB ~ 16 pods), one chunk per turn.
        for (let i = 0; lines && i < lines.length && !aborted; i += 16) {
          while (paused && !aborted) await new Promise((r) => setImmediate(r));
          for (let j = i; j < Math.min(lines.length, i + 16); j++) onLine(lines[j]!);
          await new Promise((r) => setImmediate(r));
        }
        if (lines) replay.done?.();
        while (!aborted) await new Promise((r) => setTimeout(r, 50));
      })();
      return { done, abort: () => void (aborted = true), pause: () => void (paused = true), resume: () => void (paused = false) };
    },
    close() {},
  };
}

const mb = (n: number) => Math.round(n / 2 ** 20);

async function main(): Promise<void> {
  if (process.argv.includes(CHILD)) {
    const i = process.argv.indexOf(CHILD);
    await generate(process.argv[i + 1]!, Number(process.argv[i + 2]));
    process.exit(0);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const podCount = num('--pods', 150_000);
  const eventCount = num('--events', 70_000);
  const pods = await podLines(podCount);
  const listRv = 1_000_000_000;
  const replayLines = watchLines([...pods], eventCount, listRv);
  const replay: { lines: string[] | undefined; done?: () => void } = { lines: undefined };
  gc();
  const heap0 = process.memoryUsage().heapUsed;

  let gcMs = 0;
  let gcMax = 0;
  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      gcMax = Math.max(gcMax, e.duration);
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === 1) scavenges++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const takeGc = () => {
    const out = { gcMs: Math.round(gcMs), gcMaxMs: Math.round(gcMax), scavenges };
    gcMs = 0;
    gcMax = 0;
    scavenges = 0;
    return out;
  };

  const transport = memoryTransport(pods, listRv, replay);
  const session = new ClusterSession({
    context: 'memory',
    transport,
    informerSettings: { ...defaultInformerSettings },
    gateSettings: defaultGateSettings,
    gateDeps: realGateDeps,
    releaseDelayMs: 60_000,
    probeIntervalMs: 60_000,
    onStatus: () => undefined,
  });
  const live = new LiveSubscriptions();
  live.setSession(session);
  let last: ViewUpdate | undefined;
  let sent = 0;
  const owner = { id: 'bench', emitView: (u: ViewUpdate) => ((last = u), sent++), emitObject: () => undefined, emitOverview: () => undefined };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  live.openView(owner, 'pods', { kind: 'pods', namespaces: [], labelSelector: '', search: '', sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100 });
  const informer = session.informer('pods', '')!;
  while (!informer.status.synced || last?.loading !== false) await new Promise((r) => setTimeout(r, 5));
  const listMs = performance.now() - t0;
  const listCpu = process.cpuUsage(cpu0);
  loop.disable();
  const listGc = takeGc();
  console.log(
    `cold list of ${pods.length} pods (one pods view): ${Math.round(listMs)} ms, CPU ${Math.round((listCpu.user + listCpu.system) / 1000)} ms, longest stall ${Math.round(loop.max / 1e6)} ms; GC ${listGc.gcMs} ms (longest ${listGc.gcMaxMs} ms, ${listGc.scavenges} scavenges)`,
  );
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  console.log(`heap per cached pod (cache, rows, view, node load): ${Math.round((heap1 - heap0) / informer.cache.size)} B (${mb(heap1 - heap0)} MB for ${informer.cache.size})`);

  // The replay: a re-watch from the list's resourceVersion, with the events made meanwhile.
  replay.lines = replayLines;
  const drained = new Promise<void>((resolve) => (replay.done = resolve));
  loop.reset();
  loop.enable();
  takeGc();
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const sentBefore = sent;
  let peakHeapTotal = 0;
  let peakRss = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeapTotal = Math.max(peakHeapTotal, m.heapTotal);
    peakRss = Math.max(peakRss, m.rss);
  }, 50);
  await drained;
  informer.flush();
  clearInterval(sampler);
  const replayMs = performance.now() - t1;
  const replayCpu = process.cpuUsage(cpu1);
  loop.disable();
  const replayGc = takeGc();
  const rows = live.viewRows('bench', 'pods')!.length;
  console.log(
    `replay of ${replayLines.length} watch events: ${Math.round(replayMs)} ms, ${Math.round(replayLines.length / (replayMs / 1000))} events/s, CPU ${Math.round((replayCpu.user + replayCpu.system) / 1000)} ms, longest stall ${Math.round(loop.max / 1e6)} ms; GC ${replayGc.gcMs} ms (longest ${replayGc.gcMaxMs} ms, ${replayGc.scavenges} scavenges); ${sent - sentBefore} view updates, ${rows} rows`,
  );
  gc();
  const mem = process.memoryUsage();
  console.log(`memory: peak during the replay rss ${mb(peakRss)} MB, heap total ${mb(peakHeapTotal)} MB; after a full GC rss ${mb(mem.rss)} MB, heap ${mb(mem.heapUsed)} MB used of ${mb(mem.heapTotal)} MB`);
  observer.disconnect();
  live.closeOwner('bench');
  session.dispose();
  process.exit(0);
}

void main();
