import type { Cluster } from '../cluster';
import type { Simulator } from '../index';
import { busy } from './busy';
import { freshMicrok8s, type Addon } from './fresh-microk8s';
import { hardened } from './hardened';
import { scale } from './scale';

export type ScenarioName = 'fresh-microk8s' | 'busy' | 'hardened' | 'scale' | 'empty';

export interface ScenarioParams {
  nodeName: string;
  nodeIP: string;
  addons: Addon[];
  nodes: number;
  pods: number;
  churn: number;
}

/** How the scenario's API server behaves (the check-up's API server and version cases). */
export interface ScenarioServer {
  /** Serve requests that carry no credentials. */
  anonymous?: boolean;
  /** Serve the rbac.authorization.k8s.io group. */
  rbac?: boolean;
  /** Days until the serving certificate expires (default 365). */
  certificateValidDays?: number;
  /** /version's answer, when not the default 1.32. */
  version?: Record<string, string>;
}

export interface RunningScenario {
  server?: ScenarioServer;
  /** Work to do once the API is up (e.g. roll a deployment out, then break it). */
  afterStart?(sim: Simulator): void;
  stop(): void;
}

export function applyScenario(name: ScenarioName, cluster: Cluster, p: ScenarioParams): RunningScenario {
  switch (name) {
    case 'empty':
      // A microk8s with nothing enabled: the namespaces, the node, the kubernetes service.
      freshMicrok8s(cluster.store, cluster.network, { nodeName: p.nodeName, nodeIP: p.nodeIP, addons: [], bare: true });
      return { stop: () => undefined };
    case 'fresh-microk8s':
      freshMicrok8s(cluster.store, cluster.network, { nodeName: p.nodeName, nodeIP: p.nodeIP, addons: p.addons });
      return { stop: () => undefined };
    case 'busy':
      return busy(cluster, p);
    case 'hardened':
      return hardened(cluster, p);
    case 'scale':
      return scale(cluster, p);
    default:
      throw new Error(`unknown scenario "${String(name)}" (known: fresh-microk8s, busy, hardened, scale, empty)`);
  }
}
