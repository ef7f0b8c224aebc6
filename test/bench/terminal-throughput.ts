import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn } from 'node-pty';
import { ClientHub } from '../../main/api/client-hub';
import { createRouter } from '../../main/api/router';
import { terminalHandlers } from '../../main/api/terminal-handlers';
import { builtPaths } from '../../main/app/paths';
import { TerminalSessions } from '../../main/services/terminal';
import { startWebHost } from '../../main/web/web-host';
import { launchBareChromium } from './bare-chromium';

// Terminal throughput: a command printing `megabytes` MB, read (1) straight from node-pty and
// (2) through the whole path Berth uses: PTY -> TerminalSession (batching, ack flow control) ->
// the web host's WebSocket -> xterm.js in Chromium, acknowledged from xterm's write callback.
// The page is a bench page (test/bench/terminal-page) served by the real web host with the real
// terminal handlers: it holds just xterm.js and the same wire protocol the renderer's client
// speaks, so the figure does not depend on the install screen's layout.
//
// Chromium is driven over a bare DevTools connection that enables nothing but what the bench
// reads (Runtime.evaluate, and the Profiler when asked), not through Playwright: Playwright enables
// the Network domain on every page, and Chromium then copies each WebSocket frame's payload into a
// `Network.webSocketFrameReceived` message to the Playwright client, which lives in this very
// process. Measured here: a plain ws -> page loop carried 7.8 MB/s under Playwright and 20-34 MB/s
// without it, with twice main's CPU per MB under Playwright. That is the bench measuring itself,
// not anything a person's browser or the desktop app does.

export interface ThroughputOptions {
  megabytes?: number;
  /** Acknowledge in the page without xterm.js (transport cost only). */
  transportOnly?: boolean;
  /** Write a CPU profile of the page (Chrome DevTools format) to this file. */
  pageProfile?: string;
  log?: (line: string) => void;
}

export interface ThroughputResult {
  bytes: number;
  straightMBps: number;
  wholePathMBps: number;
  ratio: number;
  longTasks: number;
  longestTaskMs: number;
  peakUnackedChars: number;
  pass: boolean;
}

const LINE = 'Berth throughput 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const printer = (bytes: number) => ['/bin/sh', '-c', `yes '${LINE}' | head -c ${bytes}`];
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', TERM: 'xterm-256color' };

async function straightRead(bytes: number): Promise<{ chars: number; seconds: number }> {
  const [file, ...args] = printer(bytes);
  const started = process.hrtime.bigint();
  const pty = spawn(file as string, args, { cols: 120, rows: 40, env, cwd: tmpdir(), encoding: 'utf8' });
  let chars = 0;
  pty.onData((data) => (chars += data.length));
  await new Promise<void>((resolve) => pty.onExit(() => resolve()));
  return { chars, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export async function runTerminalThroughput(options: ThroughputOptions = {}): Promise<ThroughputResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const bytes = Math.round((options.megabytes ?? 100) * 1e6);
  const pageDir = mkdtempSync(join(tmpdir(), 'berth-bench-page-'));
  const xtermDir = dirname(require.resolve('@xterm/xterm/package.json'));
  copyFileSync(join(builtPaths.appRoot, 'test/bench/terminal-page/index.html'), join(pageDir, 'index.html'));
  copyFileSync(join(builtPaths.appRoot, 'test/bench/terminal-page/bench-page.js'), join(pageDir, 'bench-page.js'));
  copyFileSync(join(xtermDir, 'lib/xterm.js'), join(pageDir, 'xterm.js'));
  copyFileSync(join(xtermDir, 'css/xterm.css'), join(pageDir, 'xterm.css'));

  const hub = new ClientHub();
  const sessions = new TerminalSessions({
    output: (payload) => hub.broadcast('terminal.output', payload),
    exit: (payload) => hub.broadcast('terminal.exit', payload),
    hasViewers: () => hub.size > 0,
  });
  // Only the terminal calls matter here; the router still validates every request against the contract.
  const router = createRouter(terminalHandlers(sessions) as never);
  const host = await startWebHost({ port: 0, rendererDir: pageDir, backend: { router, hub, isInstallerBusy: () => false, dispose: async () => undefined } });
  const browser = await launchBareBrowser();
  try {
    const straight = await straightRead(bytes);
    const straightMBps = straight.chars / 1e6 / straight.seconds;
    log(`terminal throughput: straight node-pty read: ${(straight.chars / 1e6).toFixed(1)} MB in ${straight.seconds.toFixed(2)} s = ${straightMBps.toFixed(1)} MB/s`);

    const page = await browser.open(options.transportOnly ? `${host.url}&transport` : host.url);
    await page.waitFor('window.bench?.open === true', 30_000);

    if (options.pageProfile) {
      await page.send('Profiler.enable');
      await page.send('Profiler.start');
    }
    const [file, ...args] = printer(bytes);
    const started = process.hrtime.bigint();
    const session = sessions.start({ file: file as string, args, env, cwd: tmpdir(), cols: 120, rows: 40 });
    let peakUnacked = 0;
    const sampler = setInterval(() => (peakUnacked = Math.max(peakUnacked, session.unacknowledged)), 5);
    await page.waitFor('window.bench.done === true', 600_000);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    if (options.pageProfile) {
      const { profile } = (await page.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(options.pageProfile, JSON.stringify(profile));
    }
    const result = await page.evaluate<{ chars: number; writes: number; longTasks: number[] }>(
      '({ chars: window.bench.chars, writes: window.bench.writes, longTasks: window.bench.longTasks })',
    );
    const wholePathMBps = result.chars / 1e6 / seconds;
    const longest = Math.max(0, ...result.longTasks);
    const ratio = wholePathMBps / straightMBps;
    const pass = wholePathMBps >= 50 && ratio >= 0.5 && longest <= 200;
    log(
      `terminal throughput: whole path (PTY -> main -> WebSocket -> xterm.js in Chromium): ${(result.chars / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s = ${wholePathMBps.toFixed(1)} MB/s, ` +
        `${result.writes} batches, ${(ratio * 100).toFixed(0)}% of the straight read`,
    );
    log(`terminal throughput: page long tasks: ${result.longTasks.length}, longest ${longest.toFixed(0)} ms; peak unacknowledged in main: ${peakUnacked} chars`);
    log(`terminal throughput: target >= 50 MB/s, >= 50% of straight, no task over 200 ms: ${pass ? 'PASS' : 'MISS'}`);
    return { bytes, straightMBps, wholePathMBps, ratio, longTasks: result.longTasks.length, longestTaskMs: longest, peakUnackedChars: peakUnacked, pass };
  } finally {
    await browser.close();
    await sessions.killAll();
    await host.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

interface BarePage {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  evaluate<T>(expression: string): Promise<T>;
  /** Resolves once `condition` (a page expression) is true, polled in the page every 20 ms. */
  waitFor(condition: string, timeoutMs: number): Promise<void>;
}

/** Pages over the shared bare DevTools connection (test/bench/bare-chromium.ts). */
async function launchBareBrowser(): Promise<{ open(url: string): Promise<BarePage>; close(): Promise<void> }> {
  const { send, close } = await launchBareChromium();
  return {
    async open(url) {
      const { targetId } = (await send('Target.createTarget', { url })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const evaluate = async <T>(expression: string): Promise<T> => {
        const reply = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)) as {
          result: { value: T };
          exceptionDetails?: { text: string };
        };
        if (reply.exceptionDetails) throw new Error(`page: ${reply.exceptionDetails.text}`);
        return reply.result.value;
      };
      return {
        send: (method, params) => send(method, params, sessionId),
        evaluate,
        async waitFor(condition, timeoutMs) {
          const deadline = Date.now() + timeoutMs;
          // The page may still be loading: retry until the condition can be evaluated and holds.
          for (;;) {
            const met = await evaluate<boolean>(
              `new Promise((resolve) => { const end = Date.now() + 1000; const poll = () => { let ok = false; try { ok = Boolean(${condition}); } catch {} if (ok || Date.now() > end) resolve(ok); else setTimeout(poll, 20); }; poll(); })`,
            ).catch(() => false);
            if (met) return;
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${condition}`);
          }
        },
      };
    },
    close,
  };
}
