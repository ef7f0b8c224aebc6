import type { ListKind, Row, ViewUpdate } from '../../contract';
import type { KubeObject } from '../../kube';
import type { Change } from './apply-events';
import { searchText, sortableColumns, sortValue } from './rows';
import { SortedIndex } from './sorted-index';

// One open list in the renderer: filters (namespaces, search, node), sort, and the visible window.
// It keeps its matching rows in a SortedIndex updated per change (never a full sort per event)
// and sends only the window's rows, and only when they or the total changed.

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

interface Entry {
  key: string;
  value: string | number;
  row: Row;
}

export interface ListViewDeps {
  rowOf(obj: KubeObject): Row;
  emit(update: ViewUpdate): void;
}

export interface SourceState {
  cache: ReadonlyMap<string, KubeObject>;
  loading: boolean;
  error?: { message: string; hint?: string } | undefined;
}

export class ListView {
  private readonly entries = new Map<string, Entry>();
  private index: SortedIndex<Entry>;
  private lastSent = '';
  private source: SourceState | undefined;
  private selectorError: { message: string; hint?: string } | undefined;

  constructor(
    readonly viewId: string,
    private query: ListViewQuery,
    private readonly deps: ListViewDeps,
  ) {
    this.index = new SortedIndex(this.comparator());
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

  private entryFor(key: string, obj: KubeObject): Entry | undefined {
    const row = this.deps.rowOf(obj);
    if (!this.matches(row, undefined)) return undefined;
    return { key, value: sortValue(row, this.sortColumn()), row };
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
    this.index = new SortedIndex(this.comparator());
    this.entries.clear();
    const list: Entry[] = [];
    for (const [key, obj] of this.source?.cache ?? []) {
      const entry = this.entryFor(key, obj);
      if (!entry) continue;
      this.entries.set(key, entry);
      list.push(entry);
    }
    this.index.reset(list);
    this.send();
  }

  applyChanges(changes: readonly Change[]): void {
    // A relist or the initial list arrives as one big batch: one sort beats 150,000 splices.
    if (changes.length > BULK_CHANGES && changes.length > this.entries.size / 8) {
      this.rebuild();
      return;
    }
    for (const change of changes) {
      const old = this.entries.get(change.key);
      if (old) {
        this.index.remove(old);
        this.entries.delete(change.key);
      }
      if (change.after) {
        const entry = this.entryFor(change.key, change.after);
        if (entry) {
          this.entries.set(change.key, entry);
          this.index.insert(entry);
        }
      }
    }
    this.send();
  }

  setSource(source: SourceState): void {
    this.source = source;
  }

  setSelectorError(error: { message: string; hint?: string } | undefined): void {
    this.selectorError = error;
    this.send();
  }

  /** Sends the window if anything in it (or the total, loading, error) changed. */
  send(force = false): void {
    const q = this.query;
    const rows = this.index.slice(q.offset, q.limit).map((e) => this.deps.rowOf(this.source?.cache.get(e.key) ?? ({} as KubeObject)));
    const update: ViewUpdate = {
      viewId: this.viewId,
      kind: q.kind,
      total: this.index.size,
      offset: q.offset,
      rows,
      loading: this.source?.loading ?? true,
    };
    const error = this.selectorError ?? this.source?.error;
    if (error) update.error = error;
    const text = JSON.stringify(update);
    if (!force && text === this.lastSent) return;
    this.lastSent = text;
    this.deps.emit(update);
  }

  /** Every matching row in order (the soak test and benchmarks read it; the renderer never does). */
  allRows(): Row[] {
    return this.index.toArray().map((e) => e.row);
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
