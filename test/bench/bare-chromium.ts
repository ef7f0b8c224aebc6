import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { CHROMIUM_PATH } from '../e2e/support/browser';

// Headless Chromium driven over a bare DevTools connection that enables no domain by itself: the
// benchmarks measure WebSocket traffic, and Playwright would enable the Network domain, which makes
// Chromium copy every WebSocket frame to the client (see test/bench/terminal-throughput.ts).

export interface Cdp {
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<unknown>;
  /** Every event (a message without an id) for `method`, from any session. */
  on(method: string, listener: (params: unknown) => void): void;
  close(): Promise<void>;
  pid: number;
}

export async function launchBareChromium(extraArgs: string[] = []): Promise<Cdp> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'berth-bench-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs, '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolvePromise, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (found) {
        clearTimeout(timer);
        resolvePromise(found[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`Chromium exited: ${err.slice(-500)}`)));
  });
  const ws = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
  await new Promise((r, reject) => ws.once('open', r).once('error', reject));
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const eventListeners = new Map<string, Array<(params: unknown) => void>>();
  ws.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
    if (message.id === undefined && message.method) for (const listener of eventListeners.get(message.method) ?? []) listener(message.params);
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    pid: child.pid!,
    on(method, listener) {
      eventListeners.set(method, [...(eventListeners.get(method) ?? []), listener]);
    },
    send: (method, params = {}, sessionId) =>
      new Promise((resolvePromise, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolvePromise, reject });
        ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      }),
    async close() {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method: 'Browser.close', params: {} }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      ws.close();
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
