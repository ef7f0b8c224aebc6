import { expired } from './errors';
import type { KObj } from './objects';
import type { EventType, Store, StoreEvent } from './store';

// Fans store changes out to watchers and keeps a bounded history per resource type, so a
// watch can resume from a resourceVersion. Older than the history -> 410 Expired, as the
// API server's watch cache answers (staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go).

export type WatchFilter = (obj: KObj) => boolean;
export type WatchSink = (type: EventType, obj: KObj) => void;

interface Watcher {
  filter: WatchFilter;
  sink: WatchSink;
}

interface History {
  events: StoreEvent[];
  start: number; // index of the oldest event in the ring
  evictedUpTo: number; // rv of the newest event dropped from the ring
}

export class WatchHub {
  private readonly history = new Map<string, History>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store,
    private readonly historySize = 2000,
  ) {
    this.unsubscribe = store.subscribe((e) => this.onEvent(e));
  }

  close(): void {
    this.unsubscribe();
    this.watchers.clear();
  }

  private hist(key: string): History {
    let h = this.history.get(key);
    if (!h) {
      h = { events: [], start: 0, evictedUpTo: 0 };
      this.history.set(key, h);
    }
    return h;
  }

  private onEvent(e: StoreEvent): void {
    const h = this.hist(e.key);
    if (h.events.length < this.historySize) {
      h.events.push(e);
    } else {
      h.evictedUpTo = h.events[h.start]!.rv;
      h.events[h.start] = e;
      h.start = (h.start + 1) % this.historySize;
    }
    const ws = this.watchers.get(e.key);
    if (ws) for (const w of ws) deliver(w, e);
  }

  /** The oldest resourceVersion a watch or continue token may still start from. */
  oldestValidRv(key: string): number {
    return this.history.get(key)?.evictedUpTo ?? 0;
  }

  /** Marks everything before `rv` as compacted (restart, or the 410 fault). */
  compact(key: string, rv: number): void {
    const h = this.hist(key);
    h.evictedUpTo = Math.max(h.evictedUpTo, rv);
  }

  /**
   * Starts a watch. With `fromRv`, replays the events after it first; throws 410 Expired when
   * they are no longer in the history.
   */
  watch(key: string, fromRv: number | undefined, filter: WatchFilter, sink: WatchSink): () => void {
    const w: Watcher = { filter, sink };
    if (fromRv !== undefined) {
      const h = this.history.get(key);
      if (h && fromRv < h.evictedUpTo) {
        throw expired(`too old resource version: ${fromRv} (${h.evictedUpTo})`);
      }
      if (h) {
        const n = h.events.length;
        for (let i = 0; i < n; i++) {
          const e = h.events[(h.start + i) % n]!;
          if (e.rv > fromRv) deliver(w, e);
        }
      }
    }
    let set = this.watchers.get(key);
    if (!set) {
      set = new Set();
      this.watchers.set(key, set);
    }
    set.add(w);
    return () => set.delete(w);
  }

  watcherCount(): number {
    let n = 0;
    for (const s of this.watchers.values()) n += s.size;
    return n;
  }

  get storeRef(): Store {
    return this.store;
  }
}

// An object entering the selector reads as ADDED, leaving it as DELETED (carrying the previous
// content at the new resourceVersion), as cacheWatcher.convertToWatchEvent does.
function deliver(w: Watcher, e: StoreEvent): void {
  const cur = w.filter(e.object);
  if (e.type === 'ADDED') {
    if (cur) w.sink('ADDED', e.object);
    return;
  }
  if (e.type === 'DELETED') {
    if (cur) w.sink('DELETED', e.object);
    return;
  }
  const old = e.prev ? w.filter(e.prev) : false;
  if (cur && old) w.sink('MODIFIED', e.object);
  else if (cur) w.sink('ADDED', e.object);
  else if (old && e.prev) w.sink('DELETED', { ...e.prev, metadata: { ...e.prev.metadata, resourceVersion: e.object.metadata.resourceVersion } });
}
