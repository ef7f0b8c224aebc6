import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { startWebHostProcess, type RunningWebHost } from '../e2e/support/web-host-process';
import { launchBareChromium } from './bare-chromium';

// The page side of the scale benchmark (issue 5): the built web host (`out/main/web.js`, a second
// Berth main process of its own) against the simulator, and the real renderer in Debian's Chromium.
// Chromium is driven over a bare DevTools connection that enables nothing but Runtime, Performance
// and SystemInfo, not through Playwright: Playwright enables the Network domain, and Chromium then
// copies every WebSocket frame to the client (see test/bench/terminal-throughput.ts), which would
// distort exactly what is measured here.
//
// Measured in the page, on the page's wall clock (performance.timeOrigin + performance.now(), the
// same clock the simulator stamps commits with, on the same machine):
//   - navigation -> first pod rows on screen in the Pods view (and the sidebar click -> rows);
//   - watch event -> row on screen: the bench creates marker pods through the simulator's store
//     (named to sort first, so they land in the rows on screen) while churn runs; the page's
//     MutationObserver notes when the row appears, and the frame after it is painted;
//   - long tasks (PerformanceObserver 'longtask'), renderer JS heap and renderer process RSS;
//   - scrolling the grid to the end -> real rows (not placeholders) there.

export interface PageProbeTarget {
  kubeconfigPath: string;
  context: string;
  /** Creates a pod `default/<name>` in the simulator; resolves with the commit's wall-clock ms. */
  createMarker?: (name: string) => Promise<number>;
}

export interface PageProbeOptions {
  /** How long to create markers under churn. */
  latencySeconds?: number;
  /** Markers per second. */
  markersPerSecond?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Installed before the app's own scripts: observers that record into window.__probe. */
const PAGE_SCRIPT = `(() => {
  const wall = () => performance.timeOrigin + performance.now();
  const probe = window.__probe = { longTasks: [], seen: {}, painted: {}, firstRowsAt: 0, firstRowsPaintedAt: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ at: performance.timeOrigin + e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
  const nameOf = (row) => row.querySelector('[role="gridcell"][aria-colindex="1"]')?.textContent ?? '';
  const onRow = (row, at) => {
    if (!probe.firstRowsAt && row.closest('[role="grid"][aria-label="Pods"]')) {
      probe.firstRowsAt = at;
      afterPaint(() => (probe.firstRowsPaintedAt = wall()));
    }
    const name = nameOf(row);
    if (name.startsWith('0probe-') && !probe.seen[name]) {
      probe.seen[name] = at;
      afterPaint(() => (probe.painted[name] = wall()));
    }
  };
  // The page's own timeline, from the WebSocket the app opens (wrapped before its scripts run;
  // listeners added in the constructor run before the app's onmessage): connected, the pods view
  // asked for, the first pod rows received; and when each marker pod first arrived in a frame.
  probe.steps = {};
  probe.arrived = {};
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { probe.steps.connected ??= wall(); });
      this.addEventListener('message', (m) => {
        if (typeof m.data !== 'string') return;
        const at = wall();
        if (!probe.steps.firstRowsReceived && m.data.startsWith('{"type":"event","event":"cluster.view"') && m.data.includes('"kind":"pods"') && m.data.includes('"rows":[{')) probe.steps.firstRowsReceived = at;
        if (m.data.includes('0probe-')) for (const name of m.data.match(/0probe-\\d{5}/g)) probe.arrived[name] ??= at;
      });
    }
    send(data) {
      if (!probe.steps.viewRequested && typeof data === 'string' && data.includes('"cluster.openView"') && data.includes('"kind":"pods"')) probe.steps.viewRequested = wall();
      return super.send(data);
    }
  };
  const start = () => new MutationObserver((records) => {
    const at = wall();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (!probe.steps.podsGrid && (n.matches('[role="grid"][aria-label="Pods"]') || n.querySelector('[role="grid"][aria-label="Pods"]'))) probe.steps.podsGrid = at;
        if (n.matches('[role="row"][data-uid]')) onRow(n, at);
        else for (const row of n.querySelectorAll('[role="row"][data-uid]')) onRow(row, at);
      }
    }
  }).observe(document, { childList: true, subtree: true });
  start();
})();`;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** Total time of the main thread's complete events by name, in the renderer that was busiest, largest first. */
function mainThreadTimes(events: TraceEvent[]): string {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, Map<string, number>>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !e.dur || !mains.has(thread)) continue;
    const times = byThread.get(thread) ?? new Map<string, number>();
    byThread.set(thread, times);
    times.set(e.name, (times.get(e.name) ?? 0) + e.dur / 1000);
  }
  const busiest = [...byThread.values()].sort((a, b) => Math.max(0, ...b.values()) - Math.max(0, ...a.values()))[0];
  if (!busiest) return 'no events';
  return [...busiest].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ') + ' (nested events overlap)';
}

/** Renderer processes of this Chromium (by parent chain), with their RSS in MB and CPU seconds from /proc. */
function rendererRss(browserPid: number): Array<{ pid: number; rssMB: number; cpuSeconds: number }> {
  const parents = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  const descends = (pid: number) => {
    for (let p = parents.get(pid), hops = 0; p !== undefined && hops < 10; p = parents.get(p), hops++) if (p === browserPid) return true;
    return false;
  };
  return renderers.filter(descends).map((pid) => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').slice(readFileSync(`/proc/${pid}/stat`, 'utf8').lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15), in clock ticks (100 per second on Linux)
    const cpuSeconds = (Number(stat[11]) + Number(stat[12])) / 100;
    return { pid, rssMB: Math.round(kb / 1024), cpuSeconds };
  });
}

/**
 * The built web host against the simulator. BERTH_BENCH_WEB_HOST_NODE_ARGS: extra Node flags for it
 * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`). It runs with its memory route on and `--expose-gc`,
 * so the probe can read its live heap (after a full GC) before and after the page reloads.
 */
function startWebHost(target: PageProbeTarget): Promise<RunningWebHost> {
  const nodeArgs = ['--expose-gc', ...(process.env.BERTH_BENCH_WEB_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  return startWebHostProcess(['--kubeconfig', target.kubeconfigPath, '--context', target.context], { BERTH_WEB_HOST_DEBUG: '1' }, { nodeArgs, startTimeoutMs: 120_000 });
}

interface HostMemory {
  collected: boolean;
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
  clients: number;
}

/** The web host's memory after a full GC (its bench-only route; the GC pauses it for about a second at 150,000 pods). */
async function hostMemory(host: RunningWebHost): Promise<HostMemory> {
  const reply = await fetch(`${host.origin}/debug/memory?token=${host.token}`);
  if (!reply.ok) throw new Error(`web host memory route: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as HostMemory;
}

/**
 * A watch of the simulator's own, on the markers' namespace only (a few pods): when the server
 * sent each marker. Splits commit -> screen into the simulator's part and the web host's + page's.
 */
function watchMarkersAtServer(kubeconfigPath: string, context: string): { sentAt: Map<string, number>; stop: () => void } {
  const config = parseYaml(readFileSync(kubeconfigPath, 'utf8')) as {
    contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
    clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data'?: string } }>;
    users: Array<{ name: string; user: { token?: string } }>;
  };
  const ctx = config.contexts.find((c) => c.name === context)!.context;
  const cluster = config.clusters.find((c) => c.name === ctx.cluster)!.cluster;
  const token = config.users.find((u) => u.name === ctx.user)?.user.token;
  const sentAt = new Map<string, number>();
  const req = request(`${cluster.server}/api/v1/namespaces/default/pods?watch=1`, {
    ca: cluster['certificate-authority-data'] ? Buffer.from(cluster['certificate-authority-data'], 'base64') : undefined,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  let rest = '';
  req.on('response', (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const at = performance.timeOrigin + performance.now();
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        const name = /"name":"(0probe-\d{5})"/.exec(line)?.[1];
        if (name && !sentAt.has(name)) sentAt.set(name, at);
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return { sentAt, stop: () => req.destroy() };
}

/** utime + stime of a process, in seconds (from /proc; 100 ticks per second on Linux). */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function processRssMB(pid: number): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return NaN;
  }
}

/** A `pageProbe` for clusterScaleBench. */
export function clusterPageProbe(options: PageProbeOptions = {}): (target: PageProbeTarget) => Promise<Record<string, number>> {
  const log = options.log ?? console.log;
  return async (target) => {
    const figures: Record<string, number> = {};
    const host = await startWebHost(target);
    const browser = await launchBareChromium(['--window-size=1400,900']);
    let stopServerWatch = () => {};
    try {
      const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const send = (method: string, params: Record<string, unknown> = {}) => browser.send(method, params, sessionId);
      const evaluate = async <T>(expression: string): Promise<T> => {
        const reply = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
        if (reply.exceptionDetails) throw new Error(`page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
        return reply.result.value;
      };
      /** Polls `condition` in the page every animation frame; resolves with the wall time it held, or 0 on timeout. */
      const waitInPage = (condition: string, timeoutMs: number) =>
        evaluate<number>(
          `new Promise((done) => { const end = performance.now() + ${timeoutMs}; const poll = () => { let ok = false; try { ok = Boolean(${condition}); } catch {} if (ok) done(performance.timeOrigin + performance.now()); else if (performance.now() > end) done(0); else requestAnimationFrame(poll); }; poll(); })`,
        );
      // Page.enable: the script below is installed only while the Page domain is on (it sends a few lifecycle events, no network traffic).
      await send('Page.enable');
      await send('Page.addScriptToEvaluateOnNewDocument', { source: PAGE_SCRIPT });
      await send('Performance.enable', { timeDomain: 'timeTicks' });

      // BERTH_BENCH_PAGE_TRACE=DIR: a Chromium trace (devtools.timeline) from navigation to the
      // first rows painted, one file per run (open in DevTools' Performance panel or Perfetto),
      // and the renderer main thread's time by event (style, layout, paint, script) printed.
      const traceDir = process.env.BERTH_BENCH_PAGE_TRACE;
      let traceEvents: TraceEvent[] = [];
      let traceDone: (() => void) | undefined;
      browser.on('Tracing.dataCollected', (p) => traceEvents.push(...(p as { value: TraceEvent[] }).value));
      browser.on('Tracing.tracingComplete', () => traceDone?.());

      // Markers are pods created through the simulator's store under churn; their names sort first
      // (descending: the newest is the top row). A watch of the probe's own on their namespace
      // tells when the simulator sent each one.
      const server = watchMarkersAtServer(target.kubeconfigPath, target.context);
      stopServerWatch = server.stop;
      let serial = 99_999;
      const nextName = () => `0probe-${String(serial--).padStart(5, '0')}`;
      type Marker = { name: string; committed: number; painted?: number };
      /**
       * Creates markers one after another (each waits up to a second to be painted) until three in
       * a row are on screen within 250 ms of their commit; `ms` is from the first marker's commit to
       * the first of those three. One marker painted is no proof of a caught-up web host: last
       * session's single catch-up marker was painted while the next five still took 4 s (the lag
       * had refilled behind it).
       */
      const catchUp = async (createMarker: (name: string) => Promise<number>): Promise<{ ms: number; markers: Marker[] }> => {
        const markers: Marker[] = [];
        const started = Date.now();
        let inTime = 0;
        while (inTime < 3 && Date.now() - started < 300_000) {
          const marker: Marker = { name: nextName(), committed: 0 };
          marker.committed = await createMarker(marker.name);
          markers.push(marker);
          if (await waitInPage(`window.__probe.painted['${marker.name}']`, 1_000)) marker.painted = await evaluate<number>(`window.__probe.painted['${marker.name}']`);
          inTime = marker.painted !== undefined && marker.painted - marker.committed <= 250 ? inTime + 1 : 0;
        }
        await sleep(500);
        const late = await evaluate<Record<string, number>>('__probe.painted');
        for (const m of markers) m.painted ??= late[m.name];
        const first = markers[markers.length - 3];
        return { ms: inTime >= 3 && first ? first.committed - markers[0]!.committed : NaN, markers };
      };
      const describeMarkers = (markers: Marker[]) =>
        markers
          .map((m) => {
            const sent = server.sentAt.get(m.name);
            return `+${Math.round(m.committed - markers[0]!.committed)}: ${m.painted === undefined ? 'not painted' : `${Math.round(m.painted - m.committed)} ms`}${sent === undefined ? '' : ` (server sent ${Math.round(sent - m.committed)})`}`;
          })
          .join(', ');

      // Navigation -> first rows in the Pods view: once right after the web host started (its
      // first client: it connects to the cluster and lists everything), once more on a reload
      // (the web host is connected, caught up and has its caches; the page starts from nothing again).
      let previousOrigin = 0;
      for (const run of ['cold', 'warm'] as const) {
        const key = (name: string) => (run === 'cold' ? name : `warm${name[0]!.toUpperCase()}${name.slice(1)}`);
        // BERTH_BENCH_PAGE_PROFILE=DIR: a CPU profile of the page from navigation to the first rows
        // painted, one file per run (open it in Chrome DevTools' Performance panel).
        const profileDir = process.env.BERTH_BENCH_PAGE_PROFILE;
        if (profileDir) {
          await send('Profiler.enable');
          await send('Profiler.setSamplingInterval', { interval: 200 });
          await send('Profiler.start');
        }
        if (traceDir) {
          traceEvents = [];
          await browser.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
        }
        await send('Page.navigate', { url: host.url });
        let origin = 0;
        for (const end = Date.now() + 30_000; !origin && Date.now() < end; await sleep(20)) {
          origin = await evaluate<number>(`location.href.startsWith('http') && window.__probe && performance.timeOrigin > ${previousOrigin} ? performance.timeOrigin : 0`).catch(() => 0);
        }
        if (!origin) throw new Error(`the app did not load: ${await evaluate<string>('JSON.stringify([location.href, typeof window.__probe, document.title])').catch((e: Error) => e.message)}`);
        previousOrigin = origin;
        const clickedAt = await evaluate<number>(
          `new Promise((done, fail) => { const end = performance.now() + 30000; const poll = () => {
             const button = [...document.querySelectorAll('nav[aria-label="Screens"] button')].find((b) => /^Pods\\b/.test(b.textContent.trim()));
             if (button) { button.click(); done(performance.timeOrigin + performance.now()); }
             else if (performance.now() > end) fail(new Error('no Pods button in the sidebar'));
             else requestAnimationFrame(poll);
           }; poll(); })`,
        );
        const rowsAt = await waitInPage('window.__probe.firstRowsPaintedAt > 0', 300_000);
        if (!rowsAt) throw new Error('no pod rows on screen within 300 s');
        const painted = await evaluate<number>('__probe.firstRowsPaintedAt');
        if (traceDir) {
          const complete = new Promise<void>((r) => (traceDone = r));
          await browser.send('Tracing.end');
          await complete;
          const file = join(traceDir, `page-${run}-${Date.now()}.trace.json`);
          writeFileSync(file, JSON.stringify({ traceEvents }));
          log(`  page trace (navigation -> first rows): ${file}; renderer main thread: ${mainThreadTimes(traceEvents)}`);
        }
        if (profileDir) {
          const { profile } = (await send('Profiler.stop')) as { profile: unknown };
          await send('Profiler.disable');
          const file = join(profileDir, `page-${run}-${Date.now()}.cpuprofile`);
          writeFileSync(file, JSON.stringify(profile));
          log(`  page CPU profile (navigation -> first rows): ${file}`);
        }
        figures[key('navToFirstRowsMs')] = Math.round(painted - origin);
        figures[key('clickToFirstRowsMs')] = Math.round(painted - clickedAt);
        figures[key('navToPodsButtonMs')] = Math.round(clickedAt - origin);
        // Where the time went, each step from navigation (ms): the page's own timeline.
        const timeline = await evaluate<Record<string, number>>(`(() => {
          const o = performance.timeOrigin; const s = __probe.steps; const since = (t) => (t ? Math.round(t - o) : NaN);
          const nav = performance.getEntriesByType('navigation')[0];
          const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
          const entry = scripts.find((r) => r.name === document.querySelector('script[type="module"][src]')?.src);
          const podsCode = scripts.find((r) => r.name.includes('/pods-page-'));
          // The app's own User Timing marks (renderer/src: main.tsx, app/lazy-screen.tsx, live-view).
          const mark = (name) => Math.round(performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN);
          const fcp = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
          return { html: Math.round(nav ? nav.responseEnd : NaN), script: Math.round(entry ? entry.responseEnd : NaN), scriptKB: Math.round((entry ? entry.decodedBodySize : NaN) / 1024),
            scripts: scripts.length, scriptsKB: Math.round(scripts.reduce((n, r) => n + (r.decodedBodySize || 0), 0) / 1024), firstPaint: Math.round(fcp ? fcp.startTime : NaN),
            appStart: mark('berth:app-start'), podsScreenCode: mark('berth:screen-code:pods'), viewOpened: mark('berth:view-open:pods'),
            podsCode: Math.round(podsCode ? podsCode.responseEnd : NaN), podsCodeFetchedKB: Math.round((podsCode ? podsCode.transferSize : NaN) / 1024),
            connected: since(s.connected), podsGrid: since(s.podsGrid), viewRequested: since(s.viewRequested), firstRowsReceived: since(s.firstRowsReceived), firstRowsInDom: since(__probe.firstRowsAt) };
        })()`);
        for (const [name, value] of Object.entries(timeline)) figures[key(`step${name[0]!.toUpperCase()}${name.slice(1)}Ms`)] = value;
        log(
          `  page steps from navigation: html ${timeline.html} ms, entry script loaded ${timeline.script} ms (${timeline.scriptKB} kB; ${timeline.scripts} scripts, ${timeline.scriptsKB} kB by now), app code running ${timeline.appStart}, first paint ${timeline.firstPaint}, ` +
            `Pods screen code fetched ${timeline.podsCode} (${timeline.podsCodeFetchedKB} kB over the wire) and ready ${timeline.podsScreenCode}, connected ${timeline.connected}, ` +
            `Pods clicked ${figures[key('navToPodsButtonMs')]}, Pods grid in the DOM ${timeline.podsGrid}, pods view opened ${timeline.viewOpened} and sent ${timeline.viewRequested}, first rows received ${timeline.firstRowsReceived}, in the DOM ${timeline.firstRowsInDom}, painted ${figures[key('navToFirstRowsMs')]}`,
        );
        const loadedAt = await waitInPage(`document.querySelector('[role="grid"][aria-label="Pods"]:not([aria-busy])')`, 900_000);
        figures[key('navToCompleteListMs')] = loadedAt ? Math.round(loadedAt - origin) : NaN;
        figures.gridRowCount = await evaluate<number>(`Number(document.querySelector('[role="grid"][aria-label="Pods"]').getAttribute('aria-rowcount')) - 1`);
        const loadTasks = await evaluate<Array<{ at: number; ms: number }>>('__probe.longTasks.splice(0)');
        figures[key('loadLongTasksOver200')] = loadTasks.filter((t) => t.ms > 200).length;
        figures[key('loadLongestTaskMs')] = Math.round(Math.max(0, ...loadTasks.map((t) => t.ms)));
        log(
          `  page (${run === 'cold' ? "web host's first client" : 'reload, web host connected'}): navigation -> first pod rows on screen ${figures[key('navToFirstRowsMs')]} ms ` +
            `(Pods clicked at ${figures[key('navToPodsButtonMs')]} ms, click -> rows ${figures[key('clickToFirstRowsMs')]} ms); complete list (grid not busy) ${figures[key('navToCompleteListMs')]} ms, ` +
            `${figures.gridRowCount} rows (target: first rows < 1 s); ${loadTasks.length} long tasks, ${figures[key('loadLongTasksOver200')]} over 200 ms, longest ${figures[key('loadLongestTaskMs')]} ms`,
        );
        // The web host listed the pods when the page first asked; its watch then replays every
        // change made during that list (at 2,000 events/s and 150,000 pods, tens of thousands)
        // before a new one can reach the page. The reload below and the memory reading wait for
        // that catch-up (timed here on its own), so neither is measured against the replay.
        if (run === 'cold' && target.createMarker) {
          const caught = await catchUp(target.createMarker);
          figures.watchCatchUpMs = Math.round(caught.ms);
          figures.watchCatchUpFirstMarkerMs = caught.markers[0]!.painted !== undefined ? Math.round(caught.markers[0]!.painted - caught.markers[0]!.committed) : NaN;
          figures.watchCatchUpMarkers = caught.markers.length;
          log(
            `  page: after the cold list, the web host's watch caught up (3 markers in a row painted within 250 ms of commit) ${figures.watchCatchUpMs} ms after the first marker; ` +
              `${caught.markers.length} markers, commit -> painted: ${describeMarkers(caught.markers)}`,
          );
        }
        // The web host's live heap (after a full GC) with the first page's views open, and again
        // after the reload: the first page's views, row windows and sorted indexes must be gone
        // with its WebSocket, leaving one page's worth.
        const rssBefore = processRssMB(host.pid);
        const memory = await hostMemory(host);
        figures[key('webHostHeapAfterGcMB')] = memory.heapUsedMB;
        figures[key('webHostRssBeforeGcMB')] = rssBefore;
        figures[key('webHostClients')] = memory.clients;
        log(
          `  web host memory ${run === 'cold' ? 'with the first page open (its list complete, the watch caught up)' : 'after the reload (the first page gone, the second one\'s list complete)'}: heap ${memory.heapUsedMB} MB live after a full GC ` +
            `(of ${memory.heapTotalMB} MB; external ${memory.externalMB} MB${memory.collected ? '' : '; NOT collected: no --expose-gc'}), RSS ${rssBefore} MB before that GC, ${memory.rssMB} MB after; ${memory.clients} page(s) connected`,
        );
      }

      // Watch event -> screen under churn, with marker pods that sort first (descending names: the newest is the top row).
      if (target.createMarker) {
        const seconds = options.latencySeconds ?? 20;
        const rate = options.markersPerSecond ?? 10;
        const count = Math.max(1, Math.round(seconds * rate));
        // The reload left no backlog, but its view rebuilt its sorted rows: settle before measuring.
        const settled = await catchUp(target.createMarker);
        log(`  page: after the reload, 3 markers in a row painted within 250 ms ${Math.round(settled.ms)} ms after the first (${settled.markers.length} markers); latency markers start now`);
        const committed = new Map<string, number>();
        const hostCpu0 = processCpuSeconds(host.pid);
        const rendererCpu0 = Math.max(0, ...rendererRss(browser.pid).map((r) => r.cpuSeconds));
        const churnStarted = Date.now();
        for (let i = 0; i < count; i++) {
          const name = nextName();
          committed.set(name, await target.createMarker(name));
          await sleep(1000 / rate);
        }
        const churnSeconds = (Date.now() - churnStarted) / 1000;
        figures.webHostChurnCpuShare = Math.round(((processCpuSeconds(host.pid) - hostCpu0) / churnSeconds) * 100) / 100;
        figures.rendererChurnCpuShare = Math.round(((Math.max(0, ...rendererRss(browser.pid).map((r) => r.cpuSeconds)) - rendererCpu0) / churnSeconds) * 100) / 100;
        log(`  page: CPU under churn: web host main ${Math.round(figures.webHostChurnCpuShare * 100)}% of a core, renderer ${Math.round(figures.rendererChurnCpuShare * 100)}% (load-independent headroom)`);
        await sleep(2_000);
        const seen = await evaluate<{ seen: Record<string, number>; painted: Record<string, number>; arrived: Record<string, number> }>('({ seen: __probe.seen, painted: __probe.painted, arrived: __probe.arrived })');
        const toDom: number[] = [];
        const toScreen: number[] = [];
        // Commit -> the first WebSocket frame naming the marker: the web host's share (and the simulator's).
        const toPage: number[] = [];
        const toServer: number[] = [];
        for (const [name, at] of committed) {
          if (server.sentAt.has(name)) toServer.push(server.sentAt.get(name)! - at);
          if (seen.seen[name] !== undefined) toDom.push(seen.seen[name] - at);
          if (seen.painted[name] !== undefined) toScreen.push(seen.painted[name] - at);
          if (seen.arrived[name] !== undefined) toPage.push(seen.arrived[name] - at);
        }
        // Which markers were late (index in creation order): a slow start and a slow spell read differently.
        const late = [...committed.keys()]
          .map((name, index) => ({
            index,
            ms: seen.painted[name] === undefined ? Infinity : seen.painted[name] - committed.get(name)!,
            inPage: (seen.arrived[name] ?? NaN) - committed.get(name)!,
            atServer: (server.sentAt.get(name) ?? NaN) - committed.get(name)!,
          }))
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 5);
        const slowest = late.map((m) => `#${m.index} ${Math.round(m.ms)} ms (server sent at ${Math.round(m.atServer)}, page frame at ${Math.round(m.inPage)})`).join(', ');
        toServer.sort((a, b) => a - b);
        figures.eventToServerSentP50Ms = Math.round(percentile(toServer, 50));
        figures.eventToServerSentP99Ms = Math.round(percentile(toServer, 99));
        toDom.sort((a, b) => a - b);
        toScreen.sort((a, b) => a - b);
        toPage.sort((a, b) => a - b);
        figures.eventToPageP50Ms = Math.round(percentile(toPage, 50));
        figures.eventToPageP99Ms = Math.round(percentile(toPage, 99));
        figures.eventToScreenP50Ms = Math.round(percentile(toScreen, 50));
        figures.eventToScreenP99Ms = Math.round(percentile(toScreen, 99));
        figures.eventToScreenMaxMs = Math.round(toScreen[toScreen.length - 1] ?? NaN);
        figures.eventToDomP50Ms = Math.round(percentile(toDom, 50));
        figures.eventToDomP99Ms = Math.round(percentile(toDom, 99));
        figures.markersSeen = toScreen.length;
        figures.markersCreated = count;
        log(
          `  page: watch event -> row on screen p50 ${figures.eventToScreenP50Ms} ms, p99 ${figures.eventToScreenP99Ms} ms, max ${figures.eventToScreenMaxMs} ms ` +
            `(-> sent by the simulator, to a watch of its own, p50 ${figures.eventToServerSentP50Ms}, p99 ${figures.eventToServerSentP99Ms}; -> frame received by the page p50 ${figures.eventToPageP50Ms}, p99 ${figures.eventToPageP99Ms}; -> in the DOM p50 ${figures.eventToDomP50Ms}, p99 ${figures.eventToDomP99Ms}); ${toScreen.length} of ${count} markers seen (target p99 <= 250 ms); slowest: ${slowest}`,
        );
      } else {
        log('  page: no createMarker hook: watch event -> screen not measured');
        await sleep((options.latencySeconds ?? 20) * 1000);
      }
      const churnTasks = await evaluate<Array<{ at: number; ms: number }>>('__probe.longTasks.splice(0)');
      figures.churnLongTasks = churnTasks.length;
      figures.churnLongTasksOver200 = churnTasks.filter((t) => t.ms > 200).length;
      figures.churnLongestTaskMs = Math.round(Math.max(0, ...churnTasks.map((t) => t.ms)));
      log(`  page under churn: ${churnTasks.length} long tasks, ${figures.churnLongTasksOver200} over 200 ms, longest ${figures.churnLongestTaskMs} ms (target: none over 200 ms)`);

      // Scroll to the end -> real rows there. The list lives (churn): its length moves while we
      // wait, so "the end" is judged against the row count at each check (the last run compared
      // with the count taken at the scroll, and printed NaN once the list had shrunk by two rows).
      const scroll = await evaluate<{ startedAt: number }>(
        `(() => { const g = document.querySelector('[role="grid"][aria-label="Pods"]'); g.scrollTop = g.scrollHeight; return { startedAt: performance.timeOrigin + performance.now() }; })()`,
      );
      const lastRowReal = `(() => { const g = document.querySelector('[role="grid"][aria-label="Pods"]'); const count = Number(g.getAttribute('aria-rowcount')); const rows = [...g.querySelectorAll('.dt-body [role="row"]')]; return rows.length > 0 && rows.some((r) => Number(r.getAttribute('aria-rowindex')) >= count - 20) && rows.every((r) => !r.classList.contains('dt-placeholder')); })()`;
      const scrolledAt = await waitInPage(lastRowReal, 60_000);
      figures.scrollToEndRealRowsMs = scrolledAt ? Math.round(scrolledAt - scroll.startedAt) : NaN;
      await sleep(500);
      const scrollTasks = await evaluate<Array<{ at: number; ms: number }>>('__probe.longTasks.splice(0)');
      figures.scrollLongestTaskMs = Math.round(Math.max(0, ...scrollTasks.map((t) => t.ms)));
      log(`  page: scroll to the end -> real rows there ${figures.scrollToEndRealRowsMs} ms (longest task meanwhile ${figures.scrollLongestTaskMs} ms)`);

      // Smoothness: scroll up through the list a screenful per frame for 2 s (a fast fling) and
      // time the frames; a virtualised grid keeps them short whatever the list's size.
      const frames = await evaluate<number[]>(
        `new Promise((done) => { const g = document.querySelector('[role="grid"][aria-label="Pods"]'); const out = []; let last = performance.now(); const end = last + 2000;
           const step = () => { const now = performance.now(); out.push(now - last); last = now; g.scrollTop = Math.max(0, g.scrollTop - g.clientHeight); if (now < end) requestAnimationFrame(step); else done(out.slice(1)); };
           requestAnimationFrame(step); })`,
      );
      const sortedFrames = [...frames].sort((a, b) => a - b);
      figures.scrollFrames = frames.length;
      figures.scrollFrameP95Ms = Math.round(percentile(sortedFrames, 95));
      figures.scrollFrameMaxMs = Math.round(sortedFrames[sortedFrames.length - 1] ?? NaN);
      log(`  page: fling scroll (a screenful per frame, 2 s): ${frames.length} frames, p95 ${figures.scrollFrameP95Ms} ms, longest ${figures.scrollFrameMaxMs} ms`);
      await evaluate<number>('__probe.longTasks.splice(0).length');

      // Memory: JS heap after a GC, and the renderer process's RSS.
      await send('HeapProfiler.collectGarbage').catch(() => undefined);
      const { metrics } = (await send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      figures.rendererJsHeapUsedMB = Math.round(metric('JSHeapUsedSize') / 2 ** 20);
      figures.rendererJsHeapTotalMB = Math.round(metric('JSHeapTotalSize') / 2 ** 20);
      figures.domNodes = metric('Nodes');
      const renderers = rendererRss(browser.pid);
      // The app's renderer is the one that did the work (the others: the first blank tab, a spare).
      const appRenderer = [...renderers].sort((a, b) => b.cpuSeconds - a.cpuSeconds)[0];
      figures.rendererRssMB = appRenderer?.rssMB ?? NaN;
      figures.rendererCpuSeconds = appRenderer?.cpuSeconds ?? NaN;
      figures.rendererProcesses = renderers.length;
      figures.webHostMainRssMB = processRssMB(host.pid);
      const endMemory = await hostMemory(host);
      figures.webHostEndHeapAfterGcMB = endMemory.heapUsedMB;
      log(
        `  page memory: JS heap used ${figures.rendererJsHeapUsedMB} MB (total ${figures.rendererJsHeapTotalMB} MB), ${figures.domNodes} DOM nodes; ` +
          `renderer RSS ${figures.rendererRssMB} MB (${figures.rendererCpuSeconds} s CPU; other renderers: ${renderers.filter((r) => r !== appRenderer).map((r) => `${r.rssMB} MB`).join(', ') || 'none'}) (target < 300 MB); web host main RSS ${figures.webHostMainRssMB} MB (live heap after a full GC then: ${endMemory.heapUsedMB} MB, RSS after it ${endMemory.rssMB} MB)`,
      );
      return figures;
    } finally {
      stopServerWatch();
      // Cleanup problems (Chromium still writing its profile as it dies) must not lose the figures.
      await browser.close().catch((e: unknown) => log(`  (closing Chromium: ${(e as Error).message})`));
      await host.stop().catch((e: unknown) => log(`  (stopping the web host: ${(e as Error).message})`));
    }
  };
}
