import type { KubeObject } from '../../kube';

// The one place the cached state of a resource changes. Watch events are coalesced for a frame
// and applied here as a batch; a list arrives page by page (ADDED events) and ends with a PRUNE
// of what it did not contain (or as one SYNC carrying the complete list).
// It updates the cache map in place and returns what changed (old and new object per key):
// copying a 150,000-entry map per frame would cost more than the rest of the pipeline together.
// No I/O, no clocks: the same cache and events always give the same result.

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type CacheEvent =
  | { type: WatchEventType; object: KubeObject }
  | { type: 'BOOKMARK'; resourceVersion: string }
  /** The server said something went wrong; the cache stays as it was. */
  | { type: 'ERROR'; status?: unknown }
  /** A complete list: what is not in it is gone. */
  | { type: 'SYNC'; objects: KubeObject[] }
  /** The end of a list applied page by page (as ADDED events): every key not in `keep` is gone. */
  | { type: 'PRUNE'; keep: ReadonlySet<string> };

export interface Change {
  key: string;
  before?: KubeObject;
  after?: KubeObject;
}

export type Cache = Map<string, KubeObject>;

export function objectKey(obj: KubeObject): string {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '');
}

/** managedFields is often half an object's size and nobody reads it in Berth. */
export function stripManagedFields<T extends KubeObject>(obj: T): T {
  const meta = obj.metadata as (T['metadata'] & { managedFields?: unknown }) | undefined;
  if (meta && 'managedFields' in meta) delete meta.managedFields;
  return obj;
}

function sameVersion(a: KubeObject, b: KubeObject): boolean {
  // resourceVersion is opaque: equal or not, never older or newer.
  const ra = a.metadata?.resourceVersion;
  return ra !== undefined && ra === b.metadata?.resourceVersion && a.metadata?.uid === b.metadata?.uid;
}

export function applyEvents(cache: Cache, events: readonly CacheEvent[]): Change[] {
  // Several events for one key in a batch collapse into one change from the first `before`.
  const changes = new Map<string, Change>();
  const record = (key: string, before: KubeObject | undefined, after: KubeObject | undefined) => {
    const existing = changes.get(key);
    if (existing) existing.after = after;
    else changes.set(key, { key, before, after });
  };

  for (const event of events) {
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED': {
        const obj = stripManagedFields(event.object);
        const key = objectKey(obj);
        const before = cache.get(key);
        if (before && sameVersion(before, obj)) break;
        cache.set(key, obj);
        record(key, before, obj);
        break;
      }
      case 'DELETED': {
        const key = objectKey(event.object);
        const before = cache.get(key);
        if (!before) break;
        cache.delete(key);
        record(key, before, undefined);
        break;
      }
      case 'SYNC': {
        const seen = new Set<string>();
        for (const raw of event.objects) {
          const obj = stripManagedFields(raw);
          const key = objectKey(obj);
          seen.add(key);
          const before = cache.get(key);
          if (before && sameVersion(before, obj)) continue;
          cache.set(key, obj);
          record(key, before, obj);
        }
        for (const [key, before] of cache) {
          if (seen.has(key)) continue;
          cache.delete(key);
          record(key, before, undefined);
        }
        break;
      }
      case 'PRUNE': {
        for (const [key, before] of cache) {
          if (event.keep.has(key)) continue;
          cache.delete(key);
          record(key, before, undefined);
        }
        break;
      }
      case 'BOOKMARK':
      case 'ERROR':
        break;
    }
  }
  // A key added and deleted within one batch is no change at all.
  return [...changes.values()].filter((c) => c.before !== undefined || c.after !== undefined);
}
