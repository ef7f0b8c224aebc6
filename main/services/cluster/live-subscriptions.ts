import { stringify as toYaml } from 'yaml';
import type { EventRow, ListKind, ObjectKind, ObjectRef, ObjectUpdate, Overview, Row, ViewUpdate } from '../../contract';
import { formatLabelSelector, parseLabelSelector, SelectorParseError, type KubeObject, type LabelSelectorSpec, type Node, type Pod } from '../../kube';
import type { Change } from './apply-events';
import type { ClusterSession } from './cluster-session';
import type { Informer } from './informer';
import { ListView, type ListViewQuery, type SourceState } from './list-view';
import { fetchHealth, OverviewIndex } from './overview';
import { objectDetail, type DetailLookup } from './object-detail';
import { isNamespaced } from './object-paths';
import { eventLastSeen, eventRow, involvedObject, nodeRow, podRow, rowFor, type serviceRow, type RowContext } from './rows';
import { controllerOwner } from './workload-rows';

// Everything a renderer has open: list views, opened objects and the overview. Each holds the
// informers it needs from the current session and lets go of them when closed; on a context
// switch they are re-attached to the new session with the same queries.

export interface Owner {
  id: string;
  emitView(update: ViewUpdate): void;
  emitObject(update: ObjectUpdate): void;
  emitOverview(overview: Overview): void;
}

interface ViewEntry {
  owner: Owner;
  view: ListView;
  /** Informers held: [kind, labelSelector]. */
  held: Array<[ListKind, string]>;
  unsubscribe: Array<() => void>;
  nodeRefresh?: NodeJS.Timeout;
}

interface ObjectEntry {
  owner: Owner;
  subscriptionId: string;
  ref: ObjectRef;
  /** Informers held: [kind, labelSelector, namespace ('' = all), name ('' = all)]. */
  held: Array<[ListKind, string, string, string?]>;
  unsubscribe: Array<() => void>;
  lastSent: string;
}

interface OverviewEntry {
  owner: Owner;
  unsubscribe: Array<() => void>;
  timer?: NodeJS.Timeout;
  healthTimer?: NodeJS.Timeout;
  health: Overview['health'];
  lastSent: string;
  /** Counts kept from informer changes (no walk over every pod each second). */
  counts: OverviewIndex;
}

export interface SubscriptionSettings {
  /** Node rows sorted by requests are re-sorted at most this often as pods move. */
  nodeResortMs: number;
  overviewThrottleMs: number;
  healthIntervalMs: number;
}

export const defaultSubscriptionSettings: SubscriptionSettings = { nodeResortMs: 1_000, overviewThrottleMs: 1_000, healthIntervalMs: 15_000 };

/** A workload's selector as the informer key a list with that labelSelector uses ('' when none or invalid). */
function serverSelector(obj: KubeObject | undefined): string {
  const text = formatLabelSelector((obj as { spec?: { selector?: LabelSelectorSpec } } | undefined)?.spec?.selector);
  if (text === '<none>' || text === '<error>') return '';
  try {
    return parseLabelSelector(text).toString();
  } catch {
    return '';
  }
}

function selectorProblem(text: string): { message: string; hint: string } | undefined {
  try {
    parseLabelSelector(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof SelectorParseError)) throw error;
    return { message: `Label selector: ${error.message}`, hint: 'Use the Kubernetes selector grammar, e.g. app=web,tier in (front,back),!legacy' };
  }
}

const KIND_NAMES: Record<ObjectRef['kind'], string> = {
  pods: 'Pod',
  nodes: 'Node',
  services: 'Service',
  namespaces: 'Namespace',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  replicationcontrollers: 'ReplicationController',
  daemonsets: 'DaemonSet',
  statefulsets: 'StatefulSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
  persistentvolumes: 'PersistentVolume',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  storageclasses: 'StorageClass',
  ingresses: 'Ingress',
  networkpolicies: 'NetworkPolicy',
};
const EVENTS_SHOWN = 50;

export class LiveSubscriptions {
  private session: ClusterSession | undefined;
  private readonly views = new Map<string, ViewEntry>();
  private readonly objects = new Map<string, ObjectEntry>();
  private readonly overviews = new Map<string, OverviewEntry>();
  private readonly rowCache = new WeakMap<KubeObject, Row>();
  private readonly metrics = new Map<string, { cpu: number; memory: number }>();

  constructor(private readonly settings: SubscriptionSettings = defaultSubscriptionSettings) {}

  private readonly rowContext: RowContext = {
    nodeLoad: (name) => this.session?.nodeLoad.get(name) ?? { cpu: 0, memory: 0, pods: 0 },
    nodeUsage: (name) => this.metrics.get(name),
  };

  /** The row for an object, cached per object version (nodes: rebuilt, their load moves with pods). */
  rowOf = (obj: KubeObject): Row => {
    const kind = obj.kind;
    if (kind === 'Node') return nodeRow(obj as Node, this.rowContext);
    let row = this.rowCache.get(obj);
    if (!row) {
      row = rowFor(obj);
      this.rowCache.set(obj, row);
    }
    return row;
  };

  /** Moves everything open to another session (or none, while disconnected). */
  setSession(session: ClusterSession | undefined): void {
    for (const entry of this.views.values()) this.detachView(entry);
    for (const entry of this.objects.values()) this.detachObject(entry);
    for (const entry of this.overviews.values()) this.detachOverview(entry);
    this.session = session;
    this.metrics.clear();
    for (const entry of this.views.values()) this.attachView(entry);
    for (const entry of this.objects.values()) this.attachObject(entry);
    for (const entry of this.overviews.values()) this.attachOverview(entry);
  }

  // ---- list views ---------------------------------------------------------------------------

  openView(owner: Owner, viewId: string, query: ListViewQuery): void {
    const key = `${owner.id}:${viewId}`;
    const existing = this.views.get(key);
    if (existing) this.closeView(owner, viewId);
    // Rows are cached per object version (rowOf), except node rows (built afresh with the pods' load).
    const view = new ListView(viewId, query, { rowOf: this.rowOf, emit: (u) => owner.emitView(u), stableRows: (kind) => kind !== 'nodes' });
    const entry: ViewEntry = { owner, view, held: [], unsubscribe: [] };
    this.views.set(key, entry);
    this.attachView(entry);
  }

  updateView(owner: Owner, viewId: string, patch: Partial<ListViewQuery>): boolean {
    const entry = this.views.get(`${owner.id}:${viewId}`);
    if (!entry) return false;
    const prev = entry.view.currentQuery;
    const next: ListViewQuery = { ...prev, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    if (next.labelSelector !== prev.labelSelector) {
      const problem = selectorProblem(next.labelSelector);
      if (problem) {
        // Keep the old selector (and its live rows); say what is wrong with the new one.
        entry.view.update({ ...next, labelSelector: prev.labelSelector, kind: prev.kind });
        entry.view.setSelectorError(problem);
        return true;
      }
    }
    if (next.kind !== prev.kind || next.labelSelector !== prev.labelSelector) {
      this.detachView(entry);
      entry.view.update(next);
      this.attachView(entry);
    } else {
      entry.view.update(next);
    }
    return true;
  }

  closeView(owner: Owner, viewId: string): void {
    const key = `${owner.id}:${viewId}`;
    const entry = this.views.get(key);
    if (!entry) return;
    this.detachView(entry);
    entry.view.close();
    this.views.delete(key);
  }

  private sourceOf(informer: Informer): SourceState {
    const h = informer.status;
    const error = h.error && !h.error.transient && h.phase !== 'watching' ? { message: h.error.message, ...(h.error.hint ? { hint: h.error.hint } : {}) } : undefined;
    return { cache: informer.cache, loading: !h.synced, error };
  }

  private attachView(entry: ViewEntry): void {
    const { view } = entry;
    const q = view.currentQuery;
    const session = this.session;
    if (!session) {
      view.attach({ cache: new Map(), loading: true });
      return;
    }
    const problem = selectorProblem(q.labelSelector);
    view.setSelectorError(problem);
    if (problem) return;
    const selector = parseLabelSelector(q.labelSelector).toString();
    const informer = session.acquire(q.kind, selector);
    entry.held.push([q.kind, selector]);
    view.attach(this.sourceOf(informer));
    entry.unsubscribe.push(
      informer.onChange((changes) => {
        view.setSource(this.sourceOf(informer));
        view.applyChanges(changes);
      }),
      informer.onHealth(() => {
        view.setSource(this.sourceOf(informer));
        view.send();
      }),
    );
    if (q.kind === 'nodes') {
      // Node rows show the requests of the pods on them: hold the pod informer too.
      const pods = session.acquire('pods', '');
      entry.held.push(['pods', '']);
      entry.unsubscribe.push(
        pods.onChange(() => {
          entry.nodeRefresh ??= setTimeout(() => {
            entry.nodeRefresh = undefined;
            const column = view.currentQuery.sort.column;
            if (column === 'cpu' || column === 'memory' || column === 'pods') view.rebuild();
            else view.send();
          }, this.settings.nodeResortMs);
        }),
      );
    }
  }

  private detachView(entry: ViewEntry): void {
    for (const u of entry.unsubscribe.splice(0)) u();
    if (entry.nodeRefresh) clearTimeout(entry.nodeRefresh);
    entry.nodeRefresh = undefined;
    for (const [kind, selector] of entry.held.splice(0)) this.session?.release(kind, selector);
  }

  /** True while an open view is still sorting after a rebuild (benchmarks). */
  viewRebuilding(ownerId: string, viewId: string): boolean {
    return this.views.get(`${ownerId}:${viewId}`)?.view.rebuilding ?? false;
  }

  /** The rows of an open view in order (tests, soak and benchmarks). */
  viewRows(ownerId: string, viewId: string): Row[] | undefined {
    return this.views.get(`${ownerId}:${viewId}`)?.view.allRows();
  }

  // ---- one object -----------------------------------------------------------------------------

  openObject(owner: Owner, subscriptionId: string, ref: ObjectRef): void {
    this.closeObject(owner, subscriptionId);
    const entry: ObjectEntry = { owner, subscriptionId, ref, held: [], unsubscribe: [], lastSent: '' };
    this.objects.set(`${owner.id}:${subscriptionId}`, entry);
    this.attachObject(entry);
  }

  closeObject(owner: Owner, subscriptionId: string): void {
    const key = `${owner.id}:${subscriptionId}`;
    const entry = this.objects.get(key);
    if (!entry) return;
    this.detachObject(entry);
    this.objects.delete(key);
  }

  private attachObject(entry: ObjectEntry): void {
    const session = this.session;
    if (!session) return;
    // A list of the kind open cluster-wide already holds the object; otherwise watch only its
    // namespace (one pod's detail must not list every pod of a 150,000-pod cluster).
    const ns = entry.ref.namespace ?? '';
    const scope = (kind: ListKind): string => (ns && isNamespaced(kind as ObjectKind) && !session.informer(kind, '') ? ns : '');
    // A pod is watched by name, whole: the pod lists keep slim pods (slimPod), and the detail
    // shows the YAML, containers and annotations.
    const byName = entry.ref.kind === 'pods' ? entry.ref.name : '';
    const ownScope = byName ? ns : scope(entry.ref.kind);
    const eventScope = scope('events');
    const informer = session.acquire(entry.ref.kind, '', ownScope, byName);
    const events = session.acquire('events', '', eventScope);
    entry.held.push([entry.ref.kind, '', ownScope, byName], ['events', '', eventScope]);
    const key = entry.ref.namespace ? `${entry.ref.namespace}/${entry.ref.name}` : entry.ref.name;
    const kindName = KIND_NAMES[entry.ref.kind];
    const involves = (c: Change) =>
      [c.before, c.after].some((ev) => {
        if (!ev) return false;
        const o = involvedObject(ev);
        return o.name === entry.ref.name && o.kind === kindName && (o.namespace ?? '') === (entry.ref.namespace ?? '');
      });
    // Informers the detail needs beyond the object's own: a deployment's ReplicaSets (narrowed on
    // the server by its selector, the same informer its ReplicaSets list uses), and each owner
    // kind met walking the chain upwards. Held while the object is open.
    const extra = new Map<string, Informer>();
    const chainKeys = new Set<string>();
    const need = (kind: ListKind, selector = ''): Informer => {
      if (kind === entry.ref.kind && !selector) return informer;
      let held = extra.get(`${kind}|${selector}`);
      if (!held) {
        const where = scope(kind);
        held = session.acquire(kind, selector, where);
        extra.set(`${kind}|${selector}`, held);
        entry.held.push([kind, selector, where]);
        const mine = held;
        entry.unsubscribe.push(
          mine.onChange((changes) => {
            const uid = informer.cache.get(key)?.metadata?.uid;
            const relevant = changes.some(
              (c) => chainKeys.has(`${kind}|${c.key}`) || (kind === 'replicasets' && uid !== undefined && [c.before, c.after].some((o) => o && controllerOwner(o)?.uid === uid)),
            );
            if (relevant) send();
          }),
          mine.onHealth(send),
        );
      }
      return held;
    };
    const lookup: DetailLookup = {
      get: (kind, k) => {
        chainKeys.add(`${kind}|${k}`);
        return need(kind).cache.get(k);
      },
      replicaSets: () => need('replicasets', serverSelector(informer.cache.get(key))).cache.values(),
      rowOf: (o) => this.rowOf(o),
    };
    const send = () => {
      if (!informer.status.synced) return;
      const obj = informer.cache.get(key);
      const related: Array<{ at: number; row: EventRow }> = [];
      for (const ev of events.cache.values()) {
        const o = involvedObject(ev);
        if (o.name === entry.ref.name && o.kind === kindName && (o.namespace ?? '') === (entry.ref.namespace ?? '')) {
          related.push({ at: Date.parse(eventLastSeen(ev) ?? '') || 0, row: eventRow(ev) });
        }
      }
      related.sort((a, b) => b.at - a.at);
      const update: ObjectUpdate = {
        subscriptionId: entry.subscriptionId,
        ref: entry.ref,
        exists: obj !== undefined,
        object: obj ? (obj as Record<string, unknown>) : null,
        yaml: obj ? toYaml(obj) : '',
        events: related.slice(0, EVENTS_SHOWN).map((r) => r.row),
      };
      if (obj) update.detail = objectDetail(entry.ref, obj, lookup);
      const text = `${obj?.metadata?.resourceVersion ?? '-'}|${JSON.stringify(update.events)}|${update.exists}|${JSON.stringify(update.detail ?? null)}`;
      if (text === entry.lastSent) return;
      entry.lastSent = text;
      entry.owner.emitObject(update);
    };
    entry.unsubscribe.push(
      informer.onChange((changes) => {
        if (changes.some((c) => c.key === key || chainKeys.has(`${entry.ref.kind}|${c.key}`))) send();
      }),
      informer.onHealth(send),
      events.onChange((changes) => {
        if (changes.some(involves)) send();
      }),
      events.onHealth(send),
    );
    send();
  }

  private detachObject(entry: ObjectEntry): void {
    for (const u of entry.unsubscribe.splice(0)) u();
    for (const [kind, selector, namespace, name] of entry.held.splice(0)) this.session?.release(kind, selector, namespace, name);
    entry.lastSent = '';
  }

  // ---- overview -------------------------------------------------------------------------------

  openOverview(owner: Owner): Overview {
    let entry = this.overviews.get(owner.id);
    if (!entry) {
      entry = { owner, unsubscribe: [], health: undefined, lastSent: '', counts: this.overviewIndex() };
      this.overviews.set(owner.id, entry);
      this.attachOverview(entry);
    }
    const overview = this.computeOverview(entry);
    entry.lastSent = JSON.stringify(overview);
    return overview;
  }

  closeOverview(owner: Owner): void {
    const entry = this.overviews.get(owner.id);
    if (!entry) return;
    this.detachOverview(entry);
    this.overviews.delete(owner.id);
  }

  private overviewIndex(): OverviewIndex {
    return new OverviewIndex({
      // Built and dropped, not kept in the row cache: list views no longer build a row per pod
      // (ListView reads the objects), and a cached row per pod is ~430 B for each of 150,000
      // pods kept as long as the pod is; the status is all the overview counts.
      podRow: (p) => podRow(p as Pod),
      serviceRow: (svc) => this.rowOf(svc) as ReturnType<typeof serviceRow>,
    });
  }

  private computeOverview(entry: OverviewEntry): Overview {
    return entry.counts.result(this.session?.serverVersion, entry.health);
  }

  private attachOverview(entry: OverviewEntry): void {
    const session = this.session;
    if (!session) return;
    const schedule = () => {
      entry.timer ??= setTimeout(() => {
        entry.timer = undefined;
        const overview = this.computeOverview(entry);
        const text = JSON.stringify(overview);
        if (text === entry.lastSent) return;
        entry.lastSent = text;
        entry.owner.emitOverview(overview);
      }, this.settings.overviewThrottleMs);
    };
    entry.counts = this.overviewIndex();
    for (const kind of ['nodes', 'pods', 'services', 'events'] as const) {
      const informer = session.acquire(kind, '');
      // An informer another view already filled is counted once here; changes keep it current.
      entry.counts.reset(kind, informer.cache);
      const onChange = (changes: Change[]) => {
        entry.counts.apply(kind, changes);
        schedule();
      };
      entry.unsubscribe.push(informer.onChange(onChange), informer.onHealth(schedule), () => session.release(kind, ''));
    }
    const pollHealth = async () => {
      entry.health = await fetchHealth(session.transport);
      schedule();
      if (this.overviews.get(entry.owner.id) === entry && this.session === session) {
        entry.healthTimer = setTimeout(() => void pollHealth(), this.settings.healthIntervalMs);
        entry.healthTimer.unref();
      }
    };
    void pollHealth();
  }

  private detachOverview(entry: OverviewEntry): void {
    for (const u of entry.unsubscribe.splice(0)) u();
    entry.counts = this.overviewIndex();
    if (entry.timer) clearTimeout(entry.timer);
    if (entry.healthTimer) clearTimeout(entry.healthTimer);
    entry.timer = undefined;
    entry.healthTimer = undefined;
  }

  // ---- clients --------------------------------------------------------------------------------

  /** A renderer went away: let go of everything it held. */
  closeOwner(ownerId: string): void {
    for (const [key, entry] of [...this.views]) {
      if (entry.owner.id !== ownerId) continue;
      this.detachView(entry);
      entry.view.close();
      this.views.delete(key);
    }
    for (const [key, entry] of [...this.objects]) {
      if (entry.owner.id !== ownerId) continue;
      this.detachObject(entry);
      this.objects.delete(key);
    }
    const overview = this.overviews.get(ownerId);
    if (overview) this.closeOverview(overview.owner);
  }

  /** Node usage from metrics-server, when it answers. */
  setNodeMetrics(usage: Map<string, { cpu: number; memory: number }>): void {
    this.metrics.clear();
    for (const [k, v] of usage) this.metrics.set(k, v);
    for (const entry of this.views.values()) if (entry.view.currentQuery.kind === 'nodes') entry.view.send();
  }

  hasNodeViews(): boolean {
    return [...this.views.values()].some((e) => e.view.currentQuery.kind === 'nodes');
  }
}
