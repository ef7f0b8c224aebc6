import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCerts } from './certs';
import { Cluster } from './cluster';
import { Faults, parseFaultSpec, type FaultPatch } from './faults';
import type { ApiContext } from './http/context';
import { createApiServer, type ApiServer } from './http/server';
import { createShell } from './kubelet/shell';
import { LogBook } from './kubelet/logs';
import { writeKubeconfig } from './kubeconfig';
import { nodeMetrics, podMetrics } from './metrics';
import type { KObj } from './objects';
import type { ResourceType } from './resources';
import { applyScenario, type ScenarioName } from './scenarios';
import type { Addon } from './scenarios/fresh-microk8s';
import type { Store } from './store';

// The simulated microk8s cluster: an HTTPS Kubernetes API server in this process that real
// clients (kubectl, @kubernetes/client-node) use like a small microk8s, for Berth's tests,
// demo mode and scale benchmarks.

export interface SimulatorOptions {
  scenario: ScenarioName;
  /** scale: number of nodes (default 5000). */
  nodes?: number;
  /** scale: number of pods (default 150000). */
  pods?: number;
  /** scale: pod replacements per second, each producing several watch events (default 0). */
  churn?: number;
  /** Faults at start: an object or the CLI spec string ("latency=50ms,429=0.1,..."). */
  faults?: FaultPatch | string;
  /** 0 or absent = any free port. */
  port?: number;
  /** Where to write the kubeconfig (default: a new temporary directory). */
  dir?: string;
  /** Simulated time runs this many times faster (default 1). */
  speed?: number;
  /** The single node's name (default: this machine's hostname in lower case, as microk8s). */
  nodeName?: string;
  /** fresh-microk8s: addons enabled besides Calico (default ['dns'], as 1.32 ships). */
  addons?: Addon[];
  /** Real milliseconds between watch BOOKMARK events (default 60000). */
  bookmarkIntervalMs?: number;
  /** Watch events kept per resource type for resuming watches (default 2000). */
  historySize?: number;
  /** Pods get an IPv6 address too. */
  dualStack?: boolean;
}

export interface Simulator {
  /** https://127.0.0.1:PORT */
  url: string;
  kubeconfigPath: string;
  token: string;
  caPem: string;
  /** Direct access to the objects (read, or write bypassing HTTP) for tests. */
  store: Store;
  /** Fault knobs, changeable at any time. */
  faults: Faults;
  cluster: Cluster;
  /** Drops every connection and refuses new ones for `seconds`; the data stays. */
  restart(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

function defaultNodeIP(): string {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '10.0.2.15';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const speed = opts.speed ?? 1;
  if (!(speed > 0)) throw new Error('speed must be > 0');
  const faults = new Faults(typeof opts.faults === 'string' ? parseFaultSpec(opts.faults) : (opts.faults ?? {}));
  const cluster = new Cluster({ speed, historySize: opts.historySize ?? 2000, dualStack: opts.dualStack ?? false });
  const nodeName = (opts.nodeName ?? hostname()).toLowerCase();
  const scenario = applyScenario(opts.scenario, cluster, {
    nodeName,
    nodeIP: defaultNodeIP(),
    addons: opts.addons ?? ['dns'],
    nodes: opts.nodes ?? 5000,
    pods: opts.pods ?? 150_000,
    churn: opts.churn ?? 0,
  });
  cluster.start();

  const certs = await makeCerts({ serverValidDays: scenario.server?.certificateValidDays });
  const token = randomBytes(24).toString('base64url');
  const logs = new LogBook(cluster.store, 5000 / speed);
  let port = opts.port ?? 0;
  const ctx: ApiContext = {
    store: cluster.store,
    hub: cluster.hub,
    writer: cluster.writer,
    faults,
    token,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 60_000,
    virtualList: (rt: ResourceType, ns: string | undefined): KObj[] => (rt.kind === 'NodeMetrics' ? nodeMetrics(cluster.store) : podMetrics(cluster.store, ns)),
    logs: (req, write, end) => logs.stream(req, write, end),
    shell: createShell,
    restart: (seconds) => sim.restart(seconds),
    // The scenario's API server settings (the check-up's anonymous, RBAC and version cases).
    ...(scenario.server?.anonymous ? { anonymous: true } : {}),
    ...(scenario.server?.rbac ? { rbac: true } : {}),
    ...(scenario.server?.version ? { version: scenario.server.version } : {}),
  };
  const api: ApiServer = createApiServer(ctx, { key: certs.serverKey, cert: certs.serverCert }, () => `127.0.0.1:${port}`);
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      api.server.once('error', reject);
      api.server.listen(port, '127.0.0.1', () => {
        api.server.off('error', reject);
        port = (api.server.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      api.server.close(() => resolve());
      api.dropConnections();
    });
  await listen();

  const url = `https://127.0.0.1:${port}`;
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'berth-sim-')));
  const kubeconfigPath = join(dir, 'kubeconfig');
  await writeKubeconfig(kubeconfigPath, url, certs.caPem, token);

  let stopped = false;
  let restarting: Promise<void> | undefined;
  const sim: Simulator = {
    url,
    kubeconfigPath,
    token,
    caPem: certs.caPem,
    store: cluster.store,
    faults,
    cluster,
    restart(seconds: number): Promise<void> {
      restarting ??= (async () => {
        await close();
        await sleep(seconds * 1000);
        if (!stopped) await listen();
      })().finally(() => {
        restarting = undefined;
      });
      return restarting;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      scenario.stop();
      cluster.stop();
      if (api.server.listening) await close();
      api.dropConnections();
    },
  };
  scenario.afterStart?.(sim);
  return sim;
}

export type { Addon } from './scenarios/fresh-microk8s';
export type { ScenarioName } from './scenarios';
export type { FaultPatch, FaultSettings } from './faults';
export { Faults, parseFaultSpec } from './faults';
