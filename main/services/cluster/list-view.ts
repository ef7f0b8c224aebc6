import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ListKind, Row, ViewUpdate } from '../../contract';
import type { KubeObject } from '../../kube';
import type { Change } from './apply-events';
import { objectSortValue, searchText, sortableColumns, sortValue } from './rows';
import { SortedIndex } from './sorted-index';
import { FirstRows, mergeRunsInSteps } from './sort-in-steps';
import { controllerOwner } from './workload-rows';

// One open list in the renderer: filters (namespaces, search, node), sort, and the visible window.
// It keeps its matching rows in a SortedIndex updated per change (never a full sort per event)
// and sends only the window's rows, and only when they or the total changed.
// At 150,000 rows a full rebuild (a view opened, a new filter or sort) costs a few hundred ms of
// CPU: above `syncRebuildMax` rows it runs in slices that yield to the event loop (rows built and
// sorted in runs, then merged), so watch events and calls keep being served meanwhile. A change
// of the total alone (rows created or deleted off screen) is sent at most every `totalOnlyMs`:
// under churn it changes on nearly every batch, and each update costs the renderer a render.

export interface ListViewQuery {
  kind: ListKind;
  namespaces: string[];
  labelSelector: string;
  search: string;
  sort: { column: string; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  node?: string | undefined;
  /** Only rows whose controller owner has one of these uids (the owner chain downwards). */
  ownerUids?: string[] | undefined;
  /** Events only: about this object. */
  involvedObject?: { kind: string; namespace?: string | undefined; name: string } | undefined;
}

const BULK_CHANGES = 2_000;
/** A window further down than this waits for the whole sort (keeping that many aside costs more than it saves). */
const FIRST_ROWS_MAX = 5_000;

interface Entry {
  key: string;
  value: string | number;
  obj: KubeObject;
  /** Only when the filters or sort needed it (see ListView.fromObjects). */
  row?: Row;
}

export interface ListViewDeps {
  rowOf(obj: KubeObject): Row;
  emit(update: ViewUpdate): void;
  /**
   * True when rowOf gives the same row for the same object every time (a row cache): a changed
   * object's old entry is then found from the change's `before` alone. Otherwise (node rows carry
   * the pods' load and are built afresh) the view keeps its entries by key, which at 150,000 pods
   * cost a third of a rebuild's CPU.
   */
  stableRows?(kind: ListKind): boolean;
}

export interface ListViewSettings {
  /** Rebuilds of up to this many objects run at once; larger ones in slices. */
  syncRebuildMax: number;
  /** Objects turned into entries (and sorted as one run) per event-loop turn. */
  rebuildSlice: number;
  /** A change of the total alone waits up to this long for company. */
  totalOnlyMs: number;
}

export const defaultListViewSettings: ListViewSettings = { syncRebuildMax: 20_000, rebuildSlice: 10_000, totalOnlyMs: 250 };

export interface SourceState {
  cache: ReadonlyMap<string, KubeObject>;
  loading: boolean;
  error?: { message: string; hint?: string } | undefined;
}

export class ListView {
  /** Entries by key, only for kinds whose rows are not stable (see ListViewDeps.stableRows). */
  private entries: Map<string, Entry> | undefined;
  private index: SortedIndex<Entry>;
  private lastRows: Row[] = [];
  private lastRowsText = '[]';
  private lastMeta: { total: number; rest: string } | undefined;
  private totalTimer: NodeJS.Timeout | undefined;
  private source: SourceState | undefined;
  private selectorError: { message: string; hint?: string } | undefined;
  /** Bumped by every rebuild: a sliced rebuild that is no longer the latest stops. */
  private generation = 0;
  /** Changes that arrived while a sliced rebuild ran, applied once it is done. */
  private queued: Change[] | undefined;
  private closed = false;
  /** fromObjects() for the current query (the filters and sort it depends on only change with a rebuild). */
  private lazyRows = false;

  constructor(
    readonly viewId: string,
    private query: ListViewQuery,
    private readonly deps: ListViewDeps,
    private readonly settings: ListViewSettings = defaultListViewSettings,
  ) {
    this.index = new SortedIndex(this.comparator());
    this.lazyRows = this.fromObjects();
  }

  /** True while a sliced rebuild runs (nothing is sent meanwhile: the index is being replaced). */
  get rebuilding(): boolean {
    return this.queued !== undefined;
  }

  get currentQuery(): ListViewQuery {
    return this.query;
  }

  private comparator(): (a: Entry, b: Entry) => number {
    const dir = this.query.sort.direction === 'desc' ? -1 : 1;
    return (a, b) => {
      if (a.value < b.value) return -dir;
      if (a.value > b.value) return dir;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    };
  }

  private sortColumn(): string {
    const { column } = this.query.sort;
    return sortableColumns[this.query.kind].includes(column) ? column : 'name';
  }

  private matches(row: Row, text: string | undefined): boolean {
    const q = this.query;
    if (q.namespaces.length > 0 && !q.namespaces.includes(row.namespace ?? '')) return false;
    if (q.node && !(row.kind === 'pods' && row.node === q.node)) return false;
    if (q.ownerUids && !matchesOwner(row, q.ownerUids)) return false;
    if (q.involvedObject && !matchesInvolved(row, q.involvedObject)) return false;
    if (q.search) return (text ?? searchText(row)).includes(q.search.toLowerCase());
    return true;
  }

  /** A map for the entries by key when this kind needs one (see ListViewDeps.stableRows). */
  private keyedEntries(): Map<string, Entry> | undefined {
    return this.deps.stableRows?.(this.query.kind) ? undefined : new Map();
  }

  /**
   * True when the filters and the sort read the object itself (namespace, name, age, a pod's
   * node and owner): no row is built for the entries, only for the rows sent (the window). At
   * 150,000 pods a row per pod was ~430 B of heap kept for the cache's life and a build per
   * watch event. A search, or a sort on another column, reads rows.
   */
  private fromObjects(): boolean {
    const q = this.query;
    if (q.search || q.involvedObject || !(this.deps.stableRows?.(q.kind) ?? false)) return false;
    if (q.kind !== 'pods' && (q.node || q.ownerUids)) return false;
    return objectSortValue({}, this.sortColumn()) !== undefined;
  }

  private entryFor(key: string, obj: KubeObject): Entry | undefined {
    if (this.lazyRows) {
      const q = this.query;
      const m = obj.metadata ?? {};
      if (q.namespaces.length > 0 && !q.namespaces.includes(m.namespace ?? '')) return undefined;
      // The row's node and owner cells, read where the row reads them (podRow, controllerOwner).
      if (q.node && ((obj as { spec?: { nodeName?: string } }).spec?.nodeName ?? '') !== q.node) return undefined;
      if (q.ownerUids) {
        const uid = controllerOwner(obj)?.uid;
        if (uid === undefined || !q.ownerUids.includes(uid)) return undefined;
      }
      return { key, value: objectSortValue(obj, this.sortColumn())!, obj };
    }
    const row = this.deps.rowOf(obj);
    if (!this.matches(row, undefined)) return undefined;
    return { key, value: sortValue(row, this.sortColumn()), obj, row };
  }

  /** Takes a (new) source cache: one full pass and sort. */
  attach(source: SourceState): void {
    this.source = source;
    this.rebuild();
  }

  /** The filters, sort or window changed. Only a filter or sort change costs a rebuild. */
  update(next: ListViewQuery): void {
    const prev = this.query;
    this.query = next;
    const same =
      prev.kind === next.kind &&
      prev.search === next.search &&
      prev.node === next.node &&
      JSON.stringify(prev.ownerUids) === JSON.stringify(next.ownerUids) &&
      JSON.stringify(prev.involvedObject) === JSON.stringify(next.involvedObject) &&
      prev.sort.column === next.sort.column &&
      prev.sort.direction === next.sort.direction &&
      prev.namespaces.join(',') === next.namespaces.join(',');
    if (!same) this.rebuild();
    else this.send();
  }

  rebuild(): void {
    const generation = ++this.generation;
    this.lazyRows = this.fromObjects();
    const cache = this.source?.cache ?? new Map<string, KubeObject>();
    // Changes queued for an earlier rebuild are in this cache already (or belong to another one).
    if (cache.size > this.settings.syncRebuildMax) {
      this.queued = [];
      void this.rebuildInSlices(cache, generation);
      return;
    }
    this.queued = undefined;
    const entries = this.keyedEntries();
    const list: Entry[] = [];
    for (const [key, obj] of cache) {
      const entry = this.entryFor(key, obj);
      if (!entry) continue;
      entries?.set(key, entry);
      list.push(entry);
    }
    this.index = new SortedIndex(this.comparator());
    this.index.reset(list);
    this.entries = entries;
    this.finishRebuild();
  }

  /**
   * The same in slices. First pass: `rebuildSlice` objects per turn become entries, while the
   * smallest offset+limit of them are kept aside (FirstRows); at the end of that pass the window
   * is sent (a reload or a sort change shows rows after one pass, not after the whole sort). Then
   * the runs are sorted, one per turn, and merged in steps of `rebuildSlice` comparisons. The
   * cache may change between slices: those changes are queued by applyChanges and applied after,
   * in order, so the result is the same as a rebuild at the end (and the window is sent again if
   * they changed it).
   */
  private async rebuildInSlices(cache: ReadonlyMap<string, KubeObject>, generation: number): Promise<void> {
    const compare = this.comparator();
    const stale = () => generation !== this.generation || this.closed;
    const entries = this.keyedEntries();
    let count = 0;
    const runs: Entry[][] = [];
    const want = this.query.offset + this.query.limit;
    const first = want <= FIRST_ROWS_MAX ? new FirstRows(compare, want) : undefined;
    const iterator = cache.entries();
    for (let done = false; !done; ) {
      const run: Entry[] = [];
      for (let n = 0; n < this.settings.rebuildSlice; n++) {
        const next = iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const [key, obj] = next.value;
        const entry = this.entryFor(key, obj);
        if (!entry) continue;
        entries?.set(key, entry);
        count++;
        run.push(entry);
        first?.offer(entry);
      }
      if (run.length > 0) runs.push(run);
      await yieldToEventLoop();
      if (stale()) return;
    }
    if (first) {
      const q = this.query;
      // The window may have moved meanwhile (a scroll): send it only if the kept rows cover it.
      if (q.offset + q.limit <= first.k) this.sendRows(first.sorted().slice(q.offset, q.offset + q.limit), count, false);
    }
    for (const run of runs) {
      run.sort(compare);
      await yieldToEventLoop();
      if (stale()) return;
    }
    const merging = mergeRunsInSteps(runs, compare, this.settings.rebuildSlice);
    let sorted: Entry[];
    for (;;) {
      const step = merging.next();
      if (step.done) {
        sorted = step.value;
        break;
      }
      await yieldToEventLoop();
      if (stale()) return;
    }
    this.index = new SortedIndex(compare);
    this.index.resetSorted(sorted);
    this.entries = entries;
    this.finishRebuild();
  }

  private finishRebuild(): void {
    const queued = this.queued;
    this.queued = undefined;
    if (queued && queued.length > 0) this.applyToIndex(queued, true);
    this.send();
  }

  applyChanges(changes: readonly Change[]): void {
    if (this.queued) {
      for (const change of changes) this.queued.push(change);
      return;
    }
    // A relist or a big list page arrives as one big batch: one sort beats 150,000 splices.
    if (changes.length > BULK_CHANGES && changes.length > this.index.size / 8) {
      this.rebuild();
      return;
    }
    this.applyToIndex(changes);
    this.send();
  }

  /** `queued`: changes made during a sliced rebuild, whose first pass may have met them already. */
  private applyToIndex(changes: readonly Change[], queued = false): void {
    const entries = this.entries;
    for (const change of changes) {
      if (entries) {
        const old = entries.get(change.key);
        if (old) {
          this.index.remove(old);
          entries.delete(change.key);
        }
      } else if (change.before) {
        const old = this.entryFor(change.key, change.before);
        if (old) this.index.remove(old);
      }
      if (!change.after) continue;
      const entry = this.entryFor(change.key, change.after);
      if (!entry) continue;
      if (entries) entries.set(change.key, entry);
      // The first pass of a sliced rebuild reads the cache live and may have met `after`
      // already: take that entry out first, or the row would be there twice.
      else if (queued) this.index.remove(entry);
      this.index.insert(entry);
    }
  }

  setSource(source: SourceState): void {
    this.source = source;
  }

  setSelectorError(error: { message: string; hint?: string } | undefined): void {
    this.selectorError = error;
    this.send();
  }

  /**
   * Sends the window if anything in it (or the total, loading, error) changed. Rows are compared
   * by identity first (pod rows are cached per object version), by content only when that fails.
   */
  send(force = false): void {
    // While a sliced rebuild runs the index is being replaced; its end sends.
    if (this.closed || this.queued) return;
    const q = this.query;
    this.sendRows(this.index.slice(q.offset, q.limit), this.index.size, force);
  }

  /** Sends these entries as the window (and `total`) unless nothing changed since the last send. */
  private sendRows(window: Entry[], total: number, force: boolean): void {
    const q = this.query;
    // Node rows are built afresh (their load moves with pods); other kinds come from the row cache.
    const rows = window.map((e) => this.deps.rowOf(this.source?.cache.get(e.key) ?? ({} as KubeObject)));
    const loading = this.source?.loading ?? true;
    const error = this.selectorError ?? this.source?.error;
    const meta = { total, rest: `${q.kind}|${q.offset}|${loading}|${error ? `${error.message}|${error.hint ?? ''}` : ''}` };
    let sameRows = rows.length === this.lastRows.length && rows.every((r, i) => r === this.lastRows[i]);
    let rowsText: string | undefined;
    if (!sameRows) {
      rowsText = JSON.stringify(rows);
      sameRows = rowsText === this.lastRowsText;
    }
    const last = this.lastMeta;
    if (!force && sameRows && last && last.rest === meta.rest) {
      if (last.total === meta.total) return;
      // Only the total moved: wait a little for more to send together.
      this.totalTimer ??= setTimeout(() => {
        this.totalTimer = undefined;
        this.send(true);
      }, this.settings.totalOnlyMs);
      this.totalTimer.unref?.();
      return;
    }
    if (this.totalTimer) clearTimeout(this.totalTimer);
    this.totalTimer = undefined;
    this.lastRows = rows;
    if (rowsText !== undefined) this.lastRowsText = rowsText;
    this.lastMeta = meta;
    const update: ViewUpdate = { viewId: this.viewId, kind: q.kind, total: meta.total, offset: q.offset, rows, loading };
    if (error) update.error = error;
    this.deps.emit(update);
  }

  /** The view was closed: nothing more is sent, and a running rebuild stops. */
  close(): void {
    this.closed = true;
    if (this.totalTimer) clearTimeout(this.totalTimer);
    this.totalTimer = undefined;
  }

  /** Every matching row in order (the soak test and benchmarks read it; the renderer never does). */
  allRows(): Row[] {
    return this.index.toArray().map((e) => e.row ?? this.deps.rowOf(e.obj));
  }
}

function matchesOwner(row: Row, uids: string[]): boolean {
  const owner = 'owner' in row ? row.owner : undefined;
  return owner?.uid !== undefined && uids.includes(owner.uid);
}

function matchesInvolved(row: Row, ref: { kind: string; namespace?: string | undefined; name: string }): boolean {
  if (row.kind !== 'events' || !row.involved) return false;
  return row.involved.kind === ref.kind && row.involved.name === ref.name && (row.involved.namespace ?? '') === (ref.namespace ?? '');
}
