import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:https';
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
  /** limit=500 pages read and parsed in this process (client TLS shares the CPU with the server). */
  paginatedList: { ms: number; pages: number; objects: number; objectsPerSecond: number };
  tableList: { ms: number; rows: number; rowsPerSecond: number };
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

export async function runBenchmark(opts: BenchOptions = {}): Promise<BenchReport> {
  const nodes = opts.nodes ?? 5000;
  const pods = opts.pods ?? 150_000;
  const pageSize = opts.pageSize ?? 500;
  const t0 = Date.now();
  const sim = await startSimulator({ scenario: 'scale', nodes, pods, churn: opts.churn ?? 0, nodeName: 'bench' });
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
    const pagedMs = Date.now() - t;

    t = Date.now();
    const table = await get(sim, `/api/v1/pods?limit=${pageSize}`, 'application/json;as=Table;v=v1;g=meta.k8s.io');
    const rows = (JSON.parse(table.body ?? '{}') as { rows: unknown[] }).rows.length;
    const tableMs = Date.now() - t;

    return {
      nodes,
      pods: podCount,
      startupMs,
      heapUsedMiB: Math.round(mem.heapUsed / MiB),
      rssMiB: Math.round(mem.rss / MiB),
      fullList: { ms: fullMs, bytes: full.bytes, objectsPerSecond: Math.round(podCount / (fullMs / 1000)) },
      paginatedList: { ms: pagedMs, pages, objects, objectsPerSecond: Math.round(objects / (pagedMs / 1000)) },
      tableList: { ms: tableMs, rows, rowsPerSecond: Math.round(rows / (tableMs / 1000)) },
    };
  } finally {
    await sim.stop();
  }
}

// `node out/main/bench.js [nodes] [pods]` prints the report as JSON.
if (/(?:^|[\\/])bench\.(?:ts|js|mjs)$/.test(process.argv[1] ?? '')) {
  const [nodes, pods] = process.argv.slice(2).map(Number);
  runBenchmark({ nodes: nodes || undefined, pods: pods || undefined }).then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}
