import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:https';
import { startSimulator, type Simulator } from '../../main/simulator/index';
import { call } from '../../main/simulator/testing';
import { startWebHostProcess } from '../e2e/support/web-host-process';
import { launchBareChromium } from './bare-chromium';

// Pod logs at 100 MB: a simulated pod runs `yes LINE | head -c 104857600` and the simulator serves
// its log at the reader's pace. Measured in one run, one after the other:
//   1. straight HTTPS read of pods/log?follow=true (the API server's pace on this machine);
//   2. `kubectl logs -f` to /dev/null (what a person would compare with);
//   3. the built app (web host child process + renderer in headless Chromium over a bare DevTools
//      connection): the logs dialog of that pod, following from the first line to the last.
// For the app: time to the stream's end, lines the page took in and lines main skipped, the
// page's longest task, animation-frame intervals p50/p99/max while streaming, JS heap and process
// RSS of the renderer and of main before, at peak and after closing the dialog.

export interface PodLogsBenchOptions {
  megabytes?: number;
  log?: (line: string) => void;
}

const LINE = 'Berth pod-logs bench: the same line of a busy service, printed as fast as it can 0123456789';
const UNIT = LINE.length + 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

function rssMB(pid: number): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return NaN;
  }
}

/** utime + stime in seconds (/proc/PID/stat, 100 ticks per second). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** The renderer processes descending from Chromium's browser process. */
function rendererPids(browserPid: number): number[] {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(Number(d));
    } catch {
      // The process ended meanwhile.
    }
  }
  return renderers.filter((pid) => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 10; p = parent.get(p), hops++) if (p === browserPid) return true;
    return false;
  });
}

async function straightRead(sim: Simulator, pod: string): Promise<{ bytes: number; lines: number; seconds: number }> {
  const started = performance.now();
  return new Promise((done, reject) => {
    let bytes = 0;
    let lines = 0;
    const req = request(new URL(`/api/v1/namespaces/default/pods/${pod}/log?follow=true`, sim.url), { headers: { Authorization: `Bearer ${sim.token}` }, ca: sim.caPem, agent: false }, (res) => {
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
      });
      res.on('end', () => done({ bytes, lines, seconds: (performance.now() - started) / 1000 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function kubectlRead(sim: Simulator, pod: string): Promise<{ seconds: number } | { error: string }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = execFile('sh', ['-c', `kubectl --kubeconfig "$1" logs -f -n default "$2" > /dev/null`, 'bench', sim.kubeconfigPath, pod], { timeout: 300_000 }, (error) =>
      done(error ? { error: error.message.split('\n')[0] ?? 'failed' } : { seconds: (performance.now() - started) / 1000 }),
    );
    void child;
  });
}

/** Records long tasks and animation-frame intervals from the moment `window.__logsBench.start()` runs. */
const PAGE_SCRIPT = `(() => {
  const b = window.__logsBench = { longTasks: [], frames: [], recording: false };
  try { new PerformanceObserver((l) => { if (b.recording) for (const e of l.getEntries()) b.longTasks.push(e.duration); }).observe({ type: 'longtask' }); } catch {}
  let last = 0;
  const tick = (t) => { if (b.recording && last) b.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  b.start = () => { b.recording = true; b.longTasks = []; b.frames = []; };
  b.stop = () => { b.recording = false; };
})();`;

/** Sets a React-controlled input's value the way typing does. */
const SET_VALUE = `(el, value) => { const proto = el.tagName === 'SELECT' ? HTMLSelectElement.prototype : HTMLInputElement.prototype; Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value); el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true })); }`;

export async function runPodLogsBench(options: PodLogsBenchOptions = {}): Promise<Record<string, number>> {
  const log = options.log ?? ((line: string) => console.log(line));
  const bytes = Math.round((options.megabytes ?? 100) * 1024 * 1024);
  const totalLines = Math.floor(bytes / UNIT);
  if (!existsSync('out/main/web.js') || !existsSync('out/renderer/index.html')) throw new Error('Build first: npx electron-vite build --config electron.config.ts');
  const figures: Record<string, number> = {};
  const sim = await startSimulator({ scenario: 'empty', speed: 20 });
  const makePod = async (name: string): Promise<void> => {
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name: 'yes', image: 'busybox:1.36', command: ['sh', '-c', `yes '${LINE}' | head -c ${bytes}`] }] },
    });
    if (r.status !== 201) throw new Error(`could not create ${name}: ${r.text}`);
    for (const end = Date.now() + 30_000; ; await sleep(100)) {
      if ((await call(sim, 'GET', `/api/v1/namespaces/default/pods/${name}`)).json<{ status: { phase?: string } }>().status.phase === 'Running') return;
      if (Date.now() > end) throw new Error(`${name} did not start`);
    }
  };
  const host = await startWebHostProcess(['--kubeconfig', sim.kubeconfigPath, '--context', 'microk8s']);
  const browser = await launchBareChromium(['--window-size=1400,900']);
  try {
    log(`pod-logs: a pod printing ${(bytes / 1048576).toFixed(0)} MiB (${totalLines.toLocaleString('en-US')} lines of ${UNIT} bytes); load average ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    await makePod('flood');

    const straight = await straightRead(sim, 'flood');
    figures.straightSeconds = straight.seconds;
    figures.straightLinesPerSecond = straight.lines / straight.seconds;
    log(`pod-logs: straight HTTPS read of pods/log: ${(straight.bytes / 1048576).toFixed(1)} MiB in ${straight.seconds.toFixed(2)} s = ${(straight.bytes / 1048576 / straight.seconds).toFixed(1)} MiB/s, ${Math.round(figures.straightLinesPerSecond).toLocaleString('en-US')} lines/s`);
    const kubectl = await kubectlRead(sim, 'flood');
    if ('seconds' in kubectl) {
      figures.kubectlSeconds = kubectl.seconds;
      log(`pod-logs: kubectl logs -f > /dev/null: ${kubectl.seconds.toFixed(2)} s = ${Math.round(totalLines / kubectl.seconds).toLocaleString('en-US')} lines/s`);
    } else log(`pod-logs: kubectl logs: not measured (${kubectl.error})`);

    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const send = (method: string, params: Record<string, unknown> = {}) => browser.send(method, params, sessionId);
    const evaluate = async <T>(expression: string): Promise<T> => {
      const reply = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (reply.exceptionDetails) throw new Error(`page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
      return reply.result.value;
    };
    const waitFor = async (condition: string, timeoutMs: number, what: string): Promise<void> => {
      const ok = await evaluate<boolean>(`new Promise((done) => { const end = performance.now() + ${timeoutMs}; const poll = () => { let ok = false; try { ok = Boolean(${condition}); } catch {} if (ok) done(true); else if (performance.now() > end) done(false); else setTimeout(poll, 50); }; poll(); })`);
      if (!ok) throw new Error(`page: ${what} did not happen within ${timeoutMs / 1000} s`);
    };
    const heapMB = async (): Promise<number> => Math.round(((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1048576);
    const gc = () => send('HeapProfiler.collectGarbage');
    await send('Page.enable');
    await send('Runtime.enable');
    await send('HeapProfiler.enable');
    await send('Page.addScriptToEvaluateOnNewDocument', { source: PAGE_SCRIPT });
    await send('Page.navigate', { url: host.url });
    await waitFor(`document.querySelector('[data-testid="connection-state"]')?.textContent.includes('Connected')`, 60_000, 'connecting to the cluster');
    await gc();
    const renderer = rendererPids(browser.pid);
    const rendererRss = (): number => renderer.reduce((n, pid) => n + rssMB(pid), 0);
    figures.heapBeforeMB = await heapMB();
    figures.rendererRssBeforeMB = rendererRss();
    figures.mainRssBeforeMB = rssMB(host.pid);

    // A fresh flood pod, so the app reads from its first line; its detail on the Pods screen.
    await makePod('flood-app');
    await evaluate(`[...document.querySelectorAll('nav[aria-label="Screens"] button')].find((b) => b.textContent.trim() === 'Pods').click()`);
    await waitFor(`document.querySelector('main input[type="search"]')`, 15_000, 'the Pods screen');
    await evaluate(`(${SET_VALUE})(document.querySelector('main input[type="search"]'), 'flood-app')`);
    await waitFor(`[...document.querySelectorAll('[role="row"] [aria-colindex="1"]')].find((c) => c.textContent === 'flood-app')`, 15_000, 'the flood-app row');
    await evaluate(`[...document.querySelectorAll('[role="row"] [aria-colindex="1"]')].find((c) => c.textContent === 'flood-app').click()`);
    await waitFor(`[...document.querySelectorAll('[data-testid="detail-pane"] button')].find((b) => b.textContent === 'Logs' && !b.disabled)`, 15_000, 'the Logs button');
    const cpuNow = (): { page: number; main: number } => ({ page: renderer.reduce((n, pid) => n + cpuSeconds(pid), 0), main: cpuSeconds(host.pid) });
    await evaluate('window.__logsBench.start()');
    const cpuBefore = cpuNow();
    const started = performance.now();
    await evaluate(`[...document.querySelectorAll('[data-testid="detail-pane"] button')].find((b) => b.textContent === 'Logs').click()`);
    await waitFor(`document.querySelector('dialog.io-dialog[open] select[aria-label="How many lines"]')`, 10_000, 'the logs dialog');
    await evaluate(`(${SET_VALUE})(document.querySelector('dialog.io-dialog[open] select[aria-label="How many lines"]'), '-1')`);

    let peakHeap = 0;
    let peakRenderer = 0;
    let peakMain = 0;
    const status = () => evaluate<string>(`document.querySelector('dialog.io-dialog[open] [data-testid="logs-status"]')?.textContent ?? ''`);
    for (const end = Date.now() + 600_000; ; await sleep(500)) {
      peakHeap = Math.max(peakHeap, await heapMB());
      peakRenderer = Math.max(peakRenderer, rendererRss());
      peakMain = Math.max(peakMain, rssMB(host.pid));
      if (/ended/.test(await status())) break;
      if (Date.now() > end) throw new Error(`the stream did not end within 10 minutes: ${await status()}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuNow();
    figures.pageCpuSeconds = cpuAfter.page - cpuBefore.page;
    figures.mainCpuSeconds = cpuAfter.main - cpuBefore.main;
    await evaluate('window.__logsBench.stop()');
    const page = await evaluate<{ longTasks: number[]; frames: number[]; notes: string[]; shown: number }>(
      `({ longTasks: window.__logsBench.longTasks, frames: window.__logsBench.frames, notes: [...document.querySelectorAll('dialog.io-dialog[open] .logs-note')].map((n) => n.textContent), shown: Number((document.querySelector('dialog.io-dialog[open] [data-testid="logs-status"]').textContent.match(/^([\\d,]+) lines/) ?? [0, '0'])[1].replace(/,/g, '')) })`,
    );
    const count = (re: RegExp) => page.notes.reduce((n, t) => n + Number((re.exec(t)?.[1] ?? '0').replace(/,/g, '')), 0);
    const trimmed = count(/^([\d,]+) older lines dropped/);
    const skipped = count(/^([\d,]+) lines skipped/);
    const frames = [...page.frames].sort((a, b) => a - b);
    figures.appSeconds = seconds;
    figures.appLinesPerSecond = totalLines / seconds;
    figures.pageTookInLines = page.shown + trimmed;
    figures.mainSkippedLines = skipped;
    figures.longestTaskMs = Math.max(0, ...page.longTasks);
    figures.longTasks = page.longTasks.length;
    figures.frameP50Ms = pct(frames, 50);
    figures.frameP99Ms = pct(frames, 99);
    figures.frameMaxMs = frames.at(-1) ?? NaN;
    figures.heapPeakMB = peakHeap;
    figures.rendererRssPeakMB = peakRenderer;
    figures.mainRssPeakMB = peakMain;
    figures.heapEndMB = await heapMB();
    await evaluate(`document.querySelector('dialog.io-dialog[open]').querySelector('button').click()`);
    await sleep(500);
    await gc();
    figures.heapAfterCloseMB = await heapMB();
    figures.rendererRssAfterCloseMB = rendererRss();
    figures.mainRssAfterCloseMB = rssMB(host.pid);

    log(`pod-logs: app (web host -> Chromium): ${totalLines.toLocaleString('en-US')} lines followed to the end in ${seconds.toFixed(2)} s = ${Math.round(figures.appLinesPerSecond).toLocaleString('en-US')} lines/s; the page took in ${figures.pageTookInLines.toLocaleString('en-US')} (shows the last ${page.shown.toLocaleString('en-US')}, ${trimmed.toLocaleString('en-US')} trimmed as older), main skipped ${skipped.toLocaleString('en-US')} while the page was behind`);
    log(`pod-logs: CPU while streaming: renderer ${figures.pageCpuSeconds.toFixed(2)} s, main (web host) ${figures.mainCpuSeconds.toFixed(2)} s of ${seconds.toFixed(2)} s wall (on a loaded machine the page gets what the scheduler leaves it)`);
    log(`pod-logs: page while streaming: ${page.longTasks.length} long tasks, longest ${figures.longestTaskMs.toFixed(0)} ms; animation frames p50 ${figures.frameP50Ms.toFixed(1)} ms, p99 ${figures.frameP99Ms.toFixed(1)} ms, max ${figures.frameMaxMs.toFixed(0)} ms (${frames.length} frames)`);
    log(`pod-logs: memory (MB): renderer JS heap ${figures.heapBeforeMB} before -> ${peakHeap} peak -> ${figures.heapEndMB} at the end -> ${figures.heapAfterCloseMB} after closing + GC; renderer RSS ${figures.rendererRssBeforeMB} -> ${peakRenderer} peak -> ${figures.rendererRssAfterCloseMB}; main (web host) RSS ${figures.mainRssBeforeMB} -> ${peakMain} peak -> ${figures.mainRssAfterCloseMB}`);
    log(`pod-logs: app vs straight read: ${(figures.straightSeconds / seconds * 100).toFixed(0)}% of its pace${figures.kubectlSeconds ? `; vs kubectl: ${(figures.kubectlSeconds / seconds * 100).toFixed(0)}%` : ''}; load average ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    return figures;
  } finally {
    // Cleanup must not hide the error that got us here.
    await browser.close().catch((e: unknown) => log(`pod-logs: closing Chromium: ${String(e)}`));
    await host.stop().catch(() => undefined);
    await sim.stop().catch(() => undefined);
  }
}
