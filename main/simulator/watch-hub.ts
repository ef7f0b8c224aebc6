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
  /** Events still to send, in order, while a long replay goes out in slices; live ones queue behind. */
  backlog?: Queued[];
  next: number; // index of the next backlog entry to send
}

/** A store event to deliver, or a marker to call when everything before it has been delivered. */
type Queued = StoreEvent | (() => void);

export interface WatchStart {
  /** Objects to send as ADDED before any change (a watch without a resourceVersion lists first). */
  initial?: readonly KObj[];
  /** Called once the initial objects (and any replay) have gone out, before later changes. */
  afterInitial?: () => void;
  /** Called when the backlog is out and changes go straight to the sink (at once when there was none). */
  caughtUp?: () => void;
}

// A replay of hundreds of thousands of events must not hold the event loop: other clients'
// requests (a TLS handshake times out after seconds) wait meanwhile. So the backlog goes out in
// slices of about this long, yielding between them; the first slice runs at once, so a short
// replay is still delivered before watch() returns.
const SLICE_MS = 8;
const CHECK_EVERY = 64; // events between clock reads

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
    if (ws)
      for (const w of ws) {
        if (w.backlog) w.backlog.push(e);
        else deliver(w, e);
      }
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
   * they are no longer in the history. A long replay (or initial list) is sent in slices that
   * yield to the event loop, in order, with later changes queued behind it.
   */
  watch(key: string, fromRv: number | undefined, filter: WatchFilter, sink: WatchSink, start: WatchStart = {}): () => void {
    const backlog: Queued[] = [];
    for (const object of start.initial ?? []) backlog.push({ key, type: 'ADDED', object, rv: 0 });
    if (fromRv !== undefined) {
      const h = this.history.get(key);
      if (h && fromRv < h.evictedUpTo) {
        throw expired(`too old resource version: ${fromRv} (${h.evictedUpTo})`);
      }
      if (h) {
        const n = h.events.length;
        for (let i = 0; i < n; i++) {
          const e = h.events[(h.start + i) % n]!;
          if (e.rv > fromRv) backlog.push(e);
        }
      }
    }
    if (start.afterInitial) backlog.push(start.afterInitial);
    const w: Watcher = { filter, sink, backlog: backlog.length ? backlog : undefined, next: 0 };
    let set = this.watchers.get(key);
    if (!set) {
      set = new Set();
      this.watchers.set(key, set);
    }
    set.add(w);
    let stopped = false;
    let timer: NodeJS.Immediate | undefined;
    const pump = (): void => {
      timer = undefined;
      const q = w.backlog;
      if (!q || stopped) return;
      const until = performance.now() + SLICE_MS;
      let i = w.next;
      for (let sent = 0; i < q.length; sent++) {
        if (sent % CHECK_EVERY === CHECK_EVERY - 1 && performance.now() > until) break;
        const item = q[i++]!;
        if (typeof item === 'function') item();
        else deliver(w, item);
        if (stopped) return;
      }
      w.next = i;
      if (i < q.length) {
        timer = setImmediate(pump);
        return;
      }
      // Caught up: later changes go straight to the sink.
      w.backlog = undefined;
      w.next = 0;
      start.caughtUp?.();
    };
    if (w.backlog) pump();
    else start.caughtUp?.();
    return () => {
      stopped = true;
      if (timer) clearImmediate(timer);
      w.backlog = undefined;
      set.delete(w);
    };
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
