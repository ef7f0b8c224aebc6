import { execFile, spawn } from 'node:child_process';
import { request } from 'node:https';
import type { Simulator } from './index';

// Helpers for the simulator's own tests: a raw HTTPS client that trusts the simulator's CA,
// a watch reader, and kubectl as an independent client.

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: <T = Record<string, any>>() => T; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

export function call(sim: Simulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token: string | null = sim.token): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, sim.url);
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    if (token !== null) h.Authorization = `Bearer ${token}`;
    if (data !== undefined) {
      h['Content-Type'] ??= 'application/json';
      h['Content-Length'] = String(Buffer.byteLength(data));
    }
    const req = request(url, { method, headers: h, ca: sim.caPem, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

export interface WatchEvent {
  type: string;
  object: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

export interface WatchStream {
  events: WatchEvent[];
  /** Resolves when an event satisfies `pred` (or rejects after `ms`). */
  next(pred: (e: WatchEvent) => boolean, ms?: number): Promise<WatchEvent>;
  ended: Promise<'end' | 'error'>;
  close(): void;
}

export function watch(sim: Simulator, path: string, headers: Record<string, string> = {}): Promise<WatchStream> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, sim.url);
    const events: WatchEvent[] = [];
    const waiters: { pred: (e: WatchEvent) => boolean; resolve: (e: WatchEvent) => void }[] = [];
    let endResolve: (v: 'end' | 'error') => void = () => undefined;
    const ended = new Promise<'end' | 'error'>((r) => (endResolve = r));
    const req = request(url, { method: 'GET', headers: { Authorization: `Bearer ${sim.token}`, Accept: 'application/json', ...headers }, ca: sim.caPem, agent: false }, (res) => {
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          if (!line.trim()) continue;
          const e = JSON.parse(line) as WatchEvent;
          events.push(e);
          for (const w of [...waiters]) if (w.pred(e)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(e);
          }
        }
      });
      res.on('end', () => endResolve('end'));
      res.on('error', () => endResolve('error'));
      res.on('aborted', () => endResolve('error'));
      resolve({
        events,
        ended,
        next(pred, ms = 10_000) {
          const found = events.find(pred);
          if (found) return Promise.resolve(found);
          return new Promise((res2, rej) => {
            const t = setTimeout(() => rej(new Error(`no matching watch event within ${ms} ms; got ${events.map((e) => e.type).join(',')}`)), ms);
            waiters.push({ pred, resolve: (e) => (clearTimeout(t), res2(e)) });
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => {
      endResolve('error');
      reject(e);
    });
    req.end();
  });
}

export async function eventually<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function kubectl(sim: Simulator, args: string[], opts: { timeoutMs?: number; cacheDir?: string; input?: string } = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = spawn('kubectl', ['--kubeconfig', sim.kubeconfigPath, '--cache-dir', opts.cacheDir ?? `${sim.kubeconfigPath}.cache`, ...args], { env: { ...process.env, KUBECONFIG: sim.kubeconfigPath } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

export async function hasKubectl(): Promise<boolean> {
  return new Promise((resolve) => execFile('kubectl', ['version', '--client'], { timeout: 10_000 }, (err) => resolve(!err)));
}
