import type { Writer } from '../api/writes';
import type { Faults } from '../faults';
import type { KObj } from '../objects';
import type { ResourceType } from '../resources';
import type { Store } from '../store';
import type { WatchHub } from '../watch-hub';
import type { LogRequest } from '../kubelet/logs';
import type { ShellFactory } from '../kubelet/shell';

// What the HTTP layer needs from the rest of the simulator, passed in (no globals).
export interface ApiContext {
  store: Store;
  hub: WatchHub;
  writer: Writer;
  faults: Faults;
  token: string;
  /** How often watches with allowWatchBookmarks get a BOOKMARK (the API server: about a minute). */
  bookmarkIntervalMs: number;
  /** Computed resources (metrics.k8s.io). */
  virtualList(rt: ResourceType, namespace: string | undefined): KObj[];
  /** Pod logs as lines, optionally following new ones until the returned stop is called. */
  logs(req: LogRequest, write: (chunk: string) => void, end: () => void): () => void;
  shell: ShellFactory;
  /** Server-wide operations the admin API exposes. */
  restart(seconds: number): Promise<void>;
  /** Requests without an Authorization header are served (as --anonymous-auth with AlwaysAllow would). */
  anonymous?: boolean;
  /** The rbac.authorization.k8s.io group is served (RBAC on). */
  rbac?: boolean;
  /** What /version answers, when the scenario runs another release than the default. */
  version?: Record<string, string>;
}
