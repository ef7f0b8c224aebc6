import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startSimulator, type Simulator } from './index';

// Scale benchmark: starts the `scale` scenario and measures how fast a client can read every
// pod (one unpaginated LIST, and a paginated walk with limit=500 as informers do), and what the
// process holds in memory at that size. Run it from a build (`npm run bench`) or a test runner;
// it is not part of the unit tests.

export interface BenchOptions {
  nodes?: number;
  pods?: number;
  pageSize?: number;
  churn?: number;
}

export interface BenchReport {
  nodes: number;
  pods: number;
  startupMs: number;
  heapUsedMiB: number;
  rssMiB: number;
  /** One unpaginated LIST, read by curl (a separate process) when available. */
  fullList: { ms: number; bytes: number; objectsPerSecond: number };
  /** limit=500 pages over one keep-alive connection from a separate Node process, parsed there. */
  paginatedList: { ms: number; pages: number; objects: number; objectsPerSecond: number };
  tableList: { ms: number; rows: number; rowsPerSecond: number };
  /** With churn: pod watch events one client receives per second, the simulator's CPU share, and the longest event-loop stall. */
  churnWatch?: { seconds: number; eventsPerSecond: number; cpuPercent: number; maxLoopStallMs: number };
}

const MiB = 1024 * 1024;

function forceGc(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // No GC control: figures include garbage.
  }
}

function get(sim: Simulator, path: string, accept = 'application/json'): Promise<{ bytes: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, sim.url), { headers: { Authorization: `Bearer ${sim.token}`, Accept: accept }, ca: sim.caPem, agent: false }, (res) => {
      let bytes = 0;
      const keep = path.includes('limit=');
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (keep) chunks.push(c);
      });
      res.on('end', () => resolve(keep ? { bytes, body: Buffer.concat(chunks).toString('utf8') } : { bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The full list fetched by curl in its own process, so client-side TLS does not share our CPU. */
async function curlBytes(sim: Simulator, path: string): Promise<{ bytes: number; ms: number } | undefined> {
  const ca = `${sim.kubeconfigPath}.ca.pem`;
  await writeFile(ca, sim.caPem);
  return new Promise((resolve) => {
    const t = Date.now();
    execFile('curl', ['-s', '--cacert', ca, '-H', `Authorization: Bearer ${sim.token}`, '-o', '/dev/null', '-w', '%{size_download}', `${sim.url}${path}`], { timeout: 300_000 }, (err, out) => {
      resolve(err ? undefined : { bytes: Number(out), ms: Date.now() - t });
    });
  });
}

// The paginated reader runs in a separate Node process with one keep-alive connection, as an
// informer's initial list would (plain JS, so it needs no build step).
const PAGER = `
const https = require('node:https');
const [url, token, ca, limit] = process.argv.slice(1);
const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca });
const get = (path) => new Promise((resolve, reject) => {
  https.get(url + path, { agent, headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  }).on('error', reject);
});
(async () => {
  const t = Date.now();
  let cont = '', pages = 0, objects = 0;
  do {
    const list = JSON.parse(await get('/api/v1/pods?limit=' + limit + (cont ? '&continue=' + encodeURIComponent(cont) : '')));
    objects += list.items.length;
    cont = list.metadata.continue || '';
    pages++;
  } while (cont);
  process.stdout.write(JSON.stringify({ ms: Date.now() - t, pages, objects }));
  agent.destroy();
})();
`;

function pagedInChild(sim: Simulator, limit: number): Promise<{ ms: number; pages: number; objects: number } | undefined> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', PAGER, sim.url, sim.token, sim.caPem, String(limit)], { timeout: 600_000, maxBuffer: 1024 * 1024 }, (err, out) => {
      resolve(err ? undefined : (JSON.parse(out) as { ms: number; pages: number; objects: number }));
    });
  });
}

/** Counts the lines of a pods watch for `seconds` while the scenario churns. */
async function churnWatch(sim: Simulator, seconds: number): Promise<BenchReport['churnWatch']> {
  const stall = monitorEventLoopDelay({ resolution: 10 });
  let lines = 0;
  const req = request(new URL(`/api/v1/pods?watch=1&resourceVersion=${sim.store.resourceVersion()}`, sim.url), { headers: { Authorization: `Bearer ${sim.token}` }, ca: sim.caPem, agent: false }, (res) => {
    res.on('data', (c: Buffer) => {
      for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  req.end();
  // Count from a second in, once the watch is open.
  await new Promise((r) => setTimeout(r, 1000));
  const start = lines;
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  stall.enable();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stall.disable();
  const wall = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  req.destroy();
  return { seconds, eventsPerSecond: Math.round((lines - start) / wall), cpuPercent: Math.round((cpu.user + cpu.system) / 1e4 / wall), maxLoopStallMs: Math.round(stall.max / 1e6) };
}

export async function runBenchmark(opts: BenchOptions = {}): Promise<BenchReport> {
  const nodes = opts.nodes ?? 5000;
  const pods = opts.pods ?? 150_000;
  const pageSize = opts.pageSize ?? 500;
  const t0 = Date.now();
  // A history as deep as cluster-scale's, so churn does not expire the paginated walk's continue token.
  const sim = await startSimulator({ scenario: 'scale', nodes, pods, churn: opts.churn ?? 0, nodeName: 'bench', historySize: 600_000 });
  const startupMs = Date.now() - t0;
  try {
    // Let the controllers' start-up resync settle before measuring.
    await new Promise((r) => setTimeout(r, 1000));
    forceGc();
    const mem = process.memoryUsage();
    const podCount = sim.store.count('pods');

    let t = Date.now();
    const viaCurl = await curlBytes(sim, '/api/v1/pods');
    const full = viaCurl ?? (await get(sim, '/api/v1/pods'));
    const fullMs = viaCurl?.ms ?? Date.now() - t;

    t = Date.now();
    let paged = await pagedInChild(sim, pageSize);
    if (!paged) {
      let cont = '';
      let pages = 0;
      let objects = 0;
      do {
        const r = await get(sim, `/api/v1/pods?limit=${pageSize}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
        const list = JSON.parse(r.body ?? '{}') as { items: unknown[]; metadata: { continue?: string } };
        objects += list.items.length;
        cont = list.metadata.continue ?? '';
        pages++;
      } while (cont);
      paged = { ms: Date.now() - t, pages, objects };
    }

    t = Date.now();
    const table = await get(sim, `/api/v1/pods?limit=${pageSize}`, 'application/json;as=Table;v=v1;g=meta.k8s.io');
    const rows = (JSON.parse(table.body ?? '{}') as { rows: unknown[] }).rows.length;
    const tableMs = Date.now() - t;

    const churn = opts.churn ? await churnWatch(sim, 10) : undefined;

    return {
      nodes,
      pods: podCount,
      startupMs,
      heapUsedMiB: Math.round(mem.heapUsed / MiB),
      rssMiB: Math.round(mem.rss / MiB),
      fullList: { ms: fullMs, bytes: full.bytes, objectsPerSecond: Math.round(podCount / (fullMs / 1000)) },
      paginatedList: { ...paged, objectsPerSecond: Math.round(paged.objects / (paged.ms / 1000)) },
      tableList: { ms: tableMs, rows, rowsPerSecond: Math.round(rows / (tableMs / 1000)) },
      ...(churn ? { churnWatch: churn } : {}),
    };
  } finally {
    await sim.stop();
  }
}

// `node out/main/bench.js [nodes] [pods] [churn]` prints the report as JSON; with churn (pod
// deletions per second, replaced by their ReplicaSets) it also measures a pods watch.
if (/(?:^|[\\/])bench\.(?:ts|js|mjs)$/.test(process.argv[1] ?? '')) {
  const [nodes, pods, churn] = process.argv.slice(2).map(Number);
  runBenchmark({ nodes: nodes || undefined, pods: pods || undefined, churn: churn || undefined }).then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}
