import type { KubeObject } from '../../kube';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { applyEvents, objectKey, type CacheEvent, type Cache, type Change } from './apply-events';
import { codeForStatus, KubeApiError } from './kube-errors';
import type { KubeTransport, WatchStream } from './kube-http';
import type { ReconnectGate } from './reconnect-gate';

// List + watch for one resource (and one server-side label selector), kept in main.
// - initial list paginated (`limit` + `continue`); a 410 on a continue token falls back to one
//   unpaginated list, as client-go's pager does (FullListIfExpired);
// - watch from the list's resourceVersion with bookmarks and a bounded, jittered timeoutSeconds,
//   then re-watch from the last resourceVersion seen (never compared, only passed back);
// - 410 Expired on the watch: relist (through the shared gate);
// - a watchdog: no line (event or bookmark) for `watchdogMs` -> drop the stream and re-watch.
//   Streams that silently stop delivering are a known trap of client-node's informer
//   (https://github.com/kubernetes-client/javascript/issues/596);
// - errors back off with jitter through the shared gate, honouring Retry-After.
// Events are coalesced for `flushMs` and applied in one batch through applyEvents; list pages are
// applied as they arrive (the view fills progressively, `synced` only once the list is complete).

export interface ResourceSpec {
  /** e.g. /api/v1/pods */
  path: string;
  /** The list's item kind, filled into items (list items carry no kind). */
  kind: string;
  apiVersion: string;
  labelSelector?: string;
  /** e.g. metadata.name=web-1: one object's detail watches only it. */
  fieldSelector?: string;
  /**
   * Turns each listed or watched object into what the cache keeps (slimPod for the pod lists),
   * before it is queued: the parsed object is then garbage at once, not after the next flush.
   */
  slim?: (obj: KubeObject) => KubeObject;
}

export interface InformerSettings {
  pageSize: number;
  watchTimeoutSeconds: number;
  /** ± this fraction of watchTimeoutSeconds, so watches don't all end together. */
  watchTimeoutJitter: number;
  watchdogMs: number;
  flushMs: number;
  /** List objects applied per event-loop turn (a page of `pageSize` is split into slices this big). */
  sliceSize?: number;
  /** Watch events applied per event-loop turn at most. */
  maxBatch?: number;
  /**
   * Watch events waiting to be applied at most: beyond this the stream is paused (the rest waits
   * in the socket) until the backlog is down to maxBatch. A watch replaying the ~70,000 events
   * made during a 150,000-pod list otherwise parsed them all ahead of applying them: ~300 MB of
   * parsed objects held at once, which the heap kept (as RSS) long after.
   */
  maxPending?: number;
}

export const defaultInformerSettings: InformerSettings = {
  pageSize: 500,
  watchTimeoutSeconds: 300,
  watchTimeoutJitter: 0.2,
  // The API server sends a bookmark about once a minute to watchers that allow them.
  watchdogMs: 90_000,
  flushMs: 30,
  sliceSize: 1_000,
  maxBatch: 500,
  maxPending: 4_000,
};

export type InformerPhase = 'listing' | 'watching' | 'backoff' | 'stopped';

export interface InformerHealth {
  phase: InformerPhase;
  /** True once a list completed; stays true through later reconnects (the cache is still shown). */
  synced: boolean;
  error?: KubeApiError;
  /** When the cache last provably matched the server. */
  lastSyncAt?: number;
}

export interface InformerDeps {
  transport: KubeTransport;
  gate: ReconnectGate;
  settings: InformerSettings;
  random?: () => number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now?: () => number;
}

interface ListPage {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

interface WatchLine {
  type?: string;
  object?: KubeObject & { code?: number; message?: string; reason?: string };
}

class WatchRestart extends Error {
  constructor(readonly why: 'stalled' | 'expired') {
    super(why);
  }
}

export class Informer {
  readonly cache: Cache = new Map();
  private readonly changeListeners = new Set<(changes: Change[]) => void>();
  private readonly healthListeners = new Set<(health: InformerHealth) => void>();
  private health: InformerHealth = { phase: 'stopped', synced: false };
  private controller: AbortController | undefined;
  private pending: CacheEvent[] = [];
  /** The watch being read, paused while the backlog is full. */
  private stream: WatchStream | undefined;
  private streamPaused = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private resourceVersion = '';
  private readonly now: () => number;
  private readonly random: () => number;
  /** Counters for tests and benchmarks. */
  readonly stats = { lists: 0, pages: 0, watches: 0, relists: 0, watchdogFired: 0, errors: 0 };

  constructor(
    readonly spec: ResourceSpec,
    private readonly deps: InformerDeps,
  ) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  onChange(listener: (changes: Change[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onHealth(listener: (health: InformerHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  get status(): InformerHealth {
    return this.health;
  }

  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    void this.run(controller.signal);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending = [];
    this.setHealth({ ...this.health, phase: 'stopped' });
  }

  /** Applies anything buffered now (tests and the soak's final comparison). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.apply(batch);
    this.resumeIfRoom();
  }

  private resumeIfRoom(): void {
    if (!this.streamPaused || this.pending.length > (this.deps.settings.maxBatch ?? defaultInformerSettings.maxBatch!)) return;
    this.streamPaused = false;
    this.stream?.resume?.();
  }

  /**
   * The timer's flush: at most `maxBatch` events per event-loop turn, the rest on the next turn.
   * A watch catching up after a long list replays hundreds of thousands of events at once, and
   * one batch of them would hold the event loop (and every call) for seconds.
   */
  private flushSome(): void {
    this.flushTimer = undefined;
    const max = this.deps.settings.maxBatch ?? defaultInformerSettings.maxBatch!;
    if (this.pending.length <= max) {
      this.flush();
      return;
    }
    const batch = this.pending.splice(0, max);
    this.apply(batch);
    this.resumeIfRoom();
    this.flushTimer = setTimeout(() => this.flushSome(), 0);
  }

  private setHealth(next: InformerHealth): void {
    this.health = next;
    for (const l of this.healthListeners) l(next);
  }

  private markSynced(): void {
    const h = this.health;
    if (h.phase === 'watching' && h.synced && !h.error && h.lastSyncAt !== undefined && this.now() - h.lastSyncAt < 1000) return;
    this.setHealth({ phase: 'watching', synced: true, lastSyncAt: this.now() });
  }

  private enqueue(event: CacheEvent): void {
    this.pending.push(event);
    this.flushTimer ??= setTimeout(() => this.flushSome(), this.deps.settings.flushMs);
    const max = this.deps.settings.maxPending ?? defaultInformerSettings.maxPending!;
    if (!this.streamPaused && this.pending.length >= max && this.stream?.pause) {
      this.streamPaused = true;
      this.stream.pause();
    }
  }

  private async run(signal: AbortSignal): Promise<void> {
    let needList = true;
    while (!signal.aborted) {
      try {
        if (needList) {
          this.setHealth({ ...this.health, phase: 'listing' });
          const release = await this.deps.gate.acquireList(signal);
          try {
            await this.list(signal);
          } finally {
            release();
          }
          needList = false;
          this.deps.gate.succeeded();
          this.markSynced();
        }
        const started = this.now();
        const lines = await this.watch(signal);
        // A server that ends every watch at once (a proxy, a restarting API server) must not
        // get a tight loop of watch requests.
        if (lines === 0 && this.now() - started < 1000) await this.deps.sleep(250 + this.random() * 500, signal);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof WatchRestart) {
          if (error.why === 'expired') {
            needList = true;
            this.stats.relists++;
          }
          continue;
        }
        const err = error instanceof KubeApiError ? error : new KubeApiError('server-error', (error as Error).message, undefined, undefined);
        this.stats.errors++;
        if (err.code === 'expired') {
          needList = true;
          this.stats.relists++;
          continue;
        }
        const delay = this.deps.gate.failed(err);
        this.setHealth({ ...this.health, phase: 'backoff', error: err });
        await this.deps.sleep(delay, signal);
      }
    }
  }

  private async list(signal: AbortSignal): Promise<void> {
    this.stats.lists++;
    const { spec, settings } = { spec: this.spec, settings: this.deps.settings };
    // Watch events buffered before this list are older than it: the list supersedes them (and
    // none arrive while it runs: the watch starts after it).
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending = [];
    // Each page goes into the cache (and on screen) as it arrives: at 150,000 pods the whole list
    // takes seconds, and the first rows should not wait for the last page. Pages of one list are
    // one snapshot, so once the last page is in, removing what no page contained makes the cache
    // equal the list.
    let seen = new Set<string>();
    let cont: string | undefined;
    let rv = '';
    let restarts = 0;
    for (;;) {
      let page: ListPage;
      try {
        page = await this.deps.transport.request<ListPage>({
          path: spec.path,
          query: { limit: settings.pageSize, continue: cont, labelSelector: spec.labelSelector, fieldSelector: spec.fieldSelector },
          signal,
          idleTimeoutMs: 60_000,
        });
      } catch (error) {
        if (cont !== undefined && error instanceof KubeApiError && error.code === 'expired' && restarts < 1) {
          // The continue token expired mid-list (a slow list on a busy server): start over once
          // in pages; a huge cluster's unpaginated list can exceed what one string can hold.
          restarts++;
          seen = new Set();
          cont = undefined;
          continue;
        }
        if (cont !== undefined && error instanceof KubeApiError && error.code === 'expired') {
          // Expired again: one consistent list without pages, as client-go's pager does.
          seen = new Set();
          page = await this.deps.transport.request<ListPage>({ path: spec.path, query: { labelSelector: spec.labelSelector, fieldSelector: spec.fieldSelector }, signal, idleTimeoutMs: 120_000 });
          await this.applyPage(page, seen, signal);
          rv = page.metadata?.resourceVersion ?? '';
          break;
        }
        throw error;
      }
      this.stats.pages++;
      await this.applyPage(page, seen, signal);
      rv = page.metadata?.resourceVersion ?? rv;
      cont = page.metadata?.continue || undefined;
      if (!cont) break;
    }
    if (signal.aborted) return;
    this.apply([{ type: 'PRUNE', keep: seen }]);
    this.resourceVersion = rv;
  }

  /**
   * Puts one list page into the cache, `sliceSize` objects at a time, yielding to the event loop
   * between slices: a huge page (the unpaginated fallback) must not stall watch events and
   * calls for seconds.
   */
  private async applyPage(page: ListPage, seen: Set<string>, signal: AbortSignal): Promise<void> {
    const items = page.items ?? [];
    const slim = this.spec.slim;
    const slice = Math.max(1, this.deps.settings.sliceSize ?? defaultInformerSettings.sliceSize!);
    for (let i = 0; i < items.length; i += slice) {
      if (i > 0) await yieldToEventLoop();
      if (signal.aborted) return;
      const events: CacheEvent[] = [];
      for (let j = i; j < Math.min(items.length, i + slice); j++) {
        const listed = items[j]!;
        listed.kind ??= this.spec.kind;
        listed.apiVersion ??= this.spec.apiVersion;
        const item = slim ? slim(listed) : listed;
        // The page is let go of item by item (a slim copy keeps nothing of the parsed one).
        if (slim) (items as Array<KubeObject | undefined>)[j] = undefined;
        seen.add(objectKey(item));
        events.push({ type: 'ADDED', object: item });
      }
      this.apply(events);
    }
  }

  private apply(events: CacheEvent[]): void {
    const changes = applyEvents(this.cache, events);
    if (changes.length > 0) for (const l of this.changeListeners) l(changes);
  }

  private async watch(signal: AbortSignal): Promise<number> {
    this.stats.watches++;
    const { settings } = this.deps;
    const jitter = 1 + (this.random() * 2 - 1) * settings.watchTimeoutJitter;
    const timeoutSeconds = Math.max(1, Math.round(settings.watchTimeoutSeconds * jitter));
    let restart: WatchRestart | undefined;
    let serverError: KubeApiError | undefined;
    let watchdog: NodeJS.Timeout | undefined;
    let lines = 0;

    const stream = this.deps.transport.stream(
      {
        path: this.spec.path,
        query: {
          watch: 1,
          resourceVersion: this.resourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds,
          labelSelector: this.spec.labelSelector,
          fieldSelector: this.spec.fieldSelector,
        },
        idleTimeoutMs: settings.watchdogMs + 10_000,
      },
      (line) => {
        lines++;
        armWatchdog();
        let parsed: WatchLine;
        try {
          parsed = JSON.parse(line) as WatchLine;
        } catch {
          return;
        }
        const obj = parsed.object;
        if (!obj) return;
        switch (parsed.type) {
          case 'ADDED':
          case 'MODIFIED':
          case 'DELETED': {
            obj.kind ??= this.spec.kind;
            obj.apiVersion ??= this.spec.apiVersion;
            this.enqueue({ type: parsed.type, object: this.spec.slim ? this.spec.slim(obj) : obj });
            if (obj.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
            this.markSynced();
            break;
          }
          case 'BOOKMARK':
            if (obj.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
            this.markSynced();
            break;
          case 'ERROR': {
            const code = typeof obj.code === 'number' ? obj.code : 500;
            if (code === 410) restart = new WatchRestart('expired');
            else serverError = new KubeApiError(codeForStatus(code), obj.message ?? `watch error ${code}`, code, undefined);
            stream.abort();
            break;
          }
        }
      },
      // The server took the watch from our resourceVersion: the cache is current again, even on a
      // quiet cluster where no event or bookmark may come for a minute (a resumed watch after an
      // outage otherwise kept showing "Unreachable" until the next line).
      () => {
        this.deps.gate.succeeded();
        this.markSynced();
      },
    );
    const armWatchdog = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        this.stats.watchdogFired++;
        restart ??= new WatchRestart('stalled');
        stream.abort();
      }, settings.watchdogMs);
    };
    const onAbort = () => stream.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    armWatchdog();
    this.stream = stream;
    this.streamPaused = false;
    try {
      await stream.done;
    } finally {
      if (watchdog) clearTimeout(watchdog);
      signal.removeEventListener('abort', onAbort);
      if (this.stream === stream) this.stream = undefined;
      this.streamPaused = false;
    }
    if (restart) throw restart;
    if (serverError) throw serverError;
    // A normal end (timeoutSeconds reached, or the server closed it): the loop re-watches.
    this.deps.gate.succeeded();
    return lines;
  }
}
