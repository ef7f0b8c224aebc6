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

/**
 * Lines kept outside the JS heap (one Buffer, offsets): the inputs, ~700 MB of text at 150,000
 * pods, would otherwise make every major GC of this process far dearer than Berth's own.
 */
class OffHeapLines {
  private readonly starts: Float64Array;
  constructor(private readonly text: Buffer) {
    const starts = [0];
    for (let at = text.indexOf(10); at >= 0; at = text.indexOf(10, at + 1)) starts.push(at + 1);
    starts.push(text.length + 1);
    this.starts = Float64Array.from(starts);
  }

  static of(lines: string[]): OffHeapLines {
    return new OffHeapLines(Buffer.from(lines.join('\n')));
  }

  get length(): number {
    return this.starts.length - 1;
  }

  get(i: number): string {
    return this.text.toString('utf8', this.starts[i], this.starts[i + 1]! - 1);
  }
}

async function podLines(pods: number): Promise<OffHeapLines> {
  const i = argv.indexOf('--pods-file');
  const file = i >= 0 ? argv[i + 1]! : join(tmpdir(), `berth-replay-pods-${pods}.ndjson`);
  if (!existsSync(file)) {
    console.log(`generating ${pods} pods with the simulator's scale scenario into ${file} ...`);
    await new Promise<void>((resolve, reject) => {
      const child = fork(process.argv[1]!, [CHILD, file, String(pods)], { execArgv: [...process.execArgv, '--max-old-space-size=6144'], stdio: 'inherit' });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pod generator exited with ${code}`))));
    });
  }
  return new OffHeapLines(readFileSync(file));
}

/** Status updates to random pods (a container restart), every 20th a replacement (DELETED + ADDED). */
function watchLines(listed: OffHeapLines, count: number, firstRv: number): OffHeapLines {
  let rv = firstRv;
  const out: string[] = [];
  const changed = new Map<number, string>();
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const now = new Date().toISOString();
  while (out.length < count) {
    const at = Math.floor(random() * listed.length);
    const pod = JSON.parse(changed.get(at) ?? listed.get(at)) as Pod;
    if (out.length % 20 === 0) {
      out.push(JSON.stringify({ type: 'DELETED', object: { ...pod, metadata: { ...pod.metadata, resourceVersion: String(++rv) } } }));
      const name = `${pod.metadata.name.replace(/-[a-z0-9]{5}$/, '')}-r${rv}`;
      const next = { ...pod, metadata: { ...pod.metadata, name, uid: `replay-${rv}`, resourceVersion: String(++rv) } };
      changed.set(at, JSON.stringify(next));
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
    changed.set(at, text);
    out.push(`{"type":"MODIFIED","object":${text}}`);
  }
  return OffHeapLines.of(out);
}

/** Serves the list from `pods` in pages and, once `replay` is set, the watch from its lines. */
function memoryTransport(pods: OffHeapLines, listRv: number, replay: { lines: OffHeapLines | undefined; done?: () => void }): KubeTransport {
  return {
    server: 'memory',
    async request<T>(req: KubeRequest): Promise<T> {
      if (req.path === '/version') return { gitVersion: 'v1.32.0' } as T;
      const limit = Number(req.query?.limit ?? pods.length);
      const from = Number(req.query?.continue ?? 0);
      const to = Math.min(pods.length, from + limit);
      const more = to < pods.length ? `,"continue":"${to}"` : '';
      const items: string[] = [];
      for (let i = from; i < to; i++) items.push(pods.get(i));
      const text = `{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"${listRv}"${more}},"items":[${items.join(',')}]}`;
      // A page arrives over the network: the next turn, as the real transport would.
      await new Promise((r) => setImmediate(r));
      return JSON.parse(text) as T;
    },
    async text() {
      return { status: 200, body: 'ok' };
    },
    stream(req, onLine, onOpen) {
      let aborted = false;
      let paused: { resume: () => void; resumed: Promise<void> } | undefined;
      const done = (async () => {
        onOpen?.();
        const first = req.path === '/api/v1/pods' && req.query?.resourceVersion === String(listRv);
        // The first watch waits for the measure to start the replay.
        while (first && !replay.lines && !aborted) await new Promise((r) => setTimeout(r, 5));
        const lines = first ? replay.lines : undefined;
        // Lines arrive in socket-sized chunks (64 KiB ~ 16 pods), one chunk per turn.
        for (let i = 0; lines && i < lines.length && !aborted; i += 16) {
          if (paused) await paused.resumed;
          for (let j = i; j < Math.min(lines.length, i + 16); j++) onLine(lines.get(j));
          await new Promise((r) => setImmediate(r));
        }
        if (lines) replay.done?.();
        while (!aborted) await new Promise((r) => setTimeout(r, 50));
      })();
      const resume = () => {
        paused?.resume();
        paused = undefined;
      };
      const pause = () => {
        if (paused) return;
        let resolve!: () => void;
        paused = { resumed: new Promise<void>((r) => (resolve = r)), resume: () => resolve() };
      };
      return { done, abort: () => ((aborted = true), resume()), pause, resume };
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
  const replayLines = watchLines(pods, eventCount, listRv);
  const replay: { lines: OffHeapLines | undefined; done?: () => void } = { lines: undefined };
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
  // The forced GC's entry reaches the observer a turn later: not part of the replay.
  await new Promise((r) => setTimeout(r, 50));
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
  // A second view on the full cache, sorted by age (a reload, a sort change): first rows, whole sort.
  let warmRowsAt = 0;
  const warmOwner = { id: 'warm', emitView: (u: ViewUpdate) => void (warmRowsAt ||= u.rows.length > 0 ? performance.now() : 0), emitObject: () => undefined, emitOverview: () => undefined };
  const cpu2 = process.cpuUsage();
  const t2 = performance.now();
  live.openView(warmOwner, 'pods', { kind: 'pods', namespaces: [], labelSelector: '', search: '', sort: { column: 'age', direction: 'asc' }, offset: 0, limit: 100 });
  while (!warmRowsAt) await new Promise((r) => setImmediate(r));
  while (live.viewRebuilding('warm', 'pods')) await new Promise((r) => setImmediate(r));
  const warmCpu = process.cpuUsage(cpu2);
  console.log(`a second view sorted by age: rows sent after ${Math.round(warmRowsAt - t2)} ms, whole sort ${Math.round(performance.now() - t2)} ms, CPU ${Math.round((warmCpu.user + warmCpu.system) / 1000)} ms`);
  live.closeOwner('warm');

  gc();
  const mem = process.memoryUsage();
  console.log(`memory: peak during the replay rss ${mb(peakRss)} MB, heap total ${mb(peakHeapTotal)} MB; after a full GC rss ${mb(mem.rss)} MB, heap ${mb(mem.heapUsed)} MB used of ${mb(mem.heapTotal)} MB`);
  observer.disconnect();
  live.closeOwner('bench');
  session.dispose();
  process.exit(0);
}

void main();
