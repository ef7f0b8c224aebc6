import { alreadyExists, conflict, notFound } from './errors';
import { type KObj, newUid, rfc3339 } from './objects';
import { resourceByKey } from './resources';
import { SortedKeys } from './sorted-keys';

// The object store: one table per resource type, keyed "namespace/name" (or "name" for
// cluster-scoped kinds), with one global resourceVersion counter as etcd has.
// Stored objects are treated as immutable: every write stores a new object, so readers
// (list responses being streamed, watch history) never see a half-applied change, and
// scenarios can share sub-objects (container specs) between thousands of pods.

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  key: string; // storage key, e.g. "apps/deployments"
  object: KObj;
  prev?: KObj;
  rv: number;
}

export type StoreListener = (e: StoreEvent) => void;

interface Table {
  objects: Map<string, KObj>;
  keys: SortedKeys;
}

export const objectKey = (namespace: string | undefined, name: string): string => (namespace ? `${namespace}/${name}` : name);

export class Store {
  private rv = 0;
  private readonly tables = new Map<string, Table>();
  private readonly listeners = new Set<StoreListener>();

  /** The newest resourceVersion handed out, as the opaque string clients see. */
  resourceVersion(): string {
    return String(this.rv);
  }

  currentRv(): number {
    return this.rv;
  }

  subscribe(l: StoreListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private table(key: string): Table {
    let t = this.tables.get(key);
    if (!t) {
      t = { objects: new Map(), keys: new SortedKeys() };
      this.tables.set(key, t);
    }
    return t;
  }

  private emit(e: StoreEvent): void {
    for (const l of this.listeners) l(e);
  }

  count(key: string): number {
    return this.tables.get(key)?.objects.size ?? 0;
  }

  get<T = KObj>(key: string, namespace: string | undefined, name: string): (T & KObj) | undefined {
    return this.tables.get(key)?.objects.get(objectKey(namespace, name)) as (T & KObj) | undefined;
  }

  /** The same by its object key ("namespace/name" or "name"), for callers that keep keys. */
  getByKey<T = KObj>(key: string, objKey: string): (T & KObj) | undefined {
    return this.tables.get(key)?.objects.get(objKey) as (T & KObj) | undefined;
  }

  /** Objects in key order, optionally one namespace, starting at a key (for continue tokens). */
  *list<T = KObj>(key: string, namespace?: string, startKey = ''): Generator<T & KObj> {
    const t = this.tables.get(key);
    if (!t) return;
    const prefix = namespace ? `${namespace}/` : '';
    for (const k of t.keys.from(startKey, prefix)) {
      const o = t.objects.get(k);
      if (o) yield o as T & KObj;
    }
  }

  /** How many objects (optionally in one namespace) sort at or after startKey. */
  countFrom(key: string, namespace: string | undefined, startKey: string): number {
    return this.tables.get(key)?.keys.countFrom(startKey, namespace ? `${namespace}/` : '') ?? 0;
  }

  /** All objects of a type as an array (for controllers over small types). */
  all<T = KObj>(key: string, namespace?: string): (T & KObj)[] {
    return [...this.list<T>(key, namespace)];
  }

  private stamp(obj: KObj): KObj {
    this.rv++;
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.rv) } };
  }

  /** Stores a new object; fills uid and creationTimestamp when missing. */
  create<T = KObj>(key: string, input: KObj): T & KObj {
    const t = this.table(key);
    const k = objectKey(input.metadata.namespace, input.metadata.name);
    if (t.objects.has(k)) {
      const rt = resourceByKey(key);
      throw alreadyExists(rt.group, rt.resource, input.metadata.name);
    }
    const withMeta: KObj = {
      ...input,
      metadata: { ...input.metadata, uid: input.metadata.uid || newUid(), creationTimestamp: input.metadata.creationTimestamp || rfc3339() },
    };
    const obj = this.stamp(withMeta);
    t.objects.set(k, obj);
    t.keys.insert(k);
    this.emit({ type: 'ADDED', key, object: obj, rv: this.rv });
    return obj as T & KObj;
  }

  /**
   * Replaces an object. With `expectRv` (the client's metadata.resourceVersion) a stale write
   * fails with 409 Conflict, as optimistic concurrency does in the real API server.
   */
  update<T = KObj>(key: string, next: KObj, expectRv?: string): T & KObj {
    const t = this.table(key);
    const k = objectKey(next.metadata.namespace, next.metadata.name);
    const prev = t.objects.get(k);
    const rt = resourceByKey(key);
    if (!prev) throw notFound(rt.group, rt.resource, next.metadata.name);
    if (expectRv && expectRv !== prev.metadata.resourceVersion) throw conflict(rt.group, rt.resource, next.metadata.name);
    // Identity fields are the server's, whatever the client sent.
    const merged: KObj = {
      ...next,
      metadata: { ...next.metadata, uid: prev.metadata.uid, creationTimestamp: prev.metadata.creationTimestamp },
    };
    const obj = this.stamp(merged);
    t.objects.set(k, obj);
    this.emit({ type: 'MODIFIED', key, object: obj, prev, rv: this.rv });
    return obj as T & KObj;
  }

  /** Applies `fn` to a copy of the current object and stores the result (no-op when fn returns undefined). */
  mutate<T = KObj>(key: string, namespace: string | undefined, name: string, fn: (copy: T & KObj) => void | false): (T & KObj) | undefined {
    const cur = this.get<T>(key, namespace, name);
    if (!cur) return undefined;
    const copy = structuredClone(cur);
    if (fn(copy) === false) return cur;
    return this.update<T>(key, copy);
  }

  remove(key: string, namespace: string | undefined, name: string): KObj {
    const t = this.table(key);
    const k = objectKey(namespace, name);
    const prev = t.objects.get(k);
    const rt = resourceByKey(key);
    if (!prev) throw notFound(rt.group, rt.resource, name);
    t.objects.delete(k);
    t.keys.remove(k);
    const obj = this.stamp(prev);
    this.emit({ type: 'DELETED', key, object: obj, prev, rv: this.rv });
    return obj;
  }

  /**
   * Loads many objects at once without per-object events or sorting (scenario start-up at
   * 150,000 pods). Objects get consecutive resourceVersions.
   */
  bulkLoad(key: string, objects: KObj[]): void {
    const t = this.table(key);
    const keys: string[] = [];
    for (const o of objects) {
      this.rv++;
      o.metadata.resourceVersion = String(this.rv);
      const k = objectKey(o.metadata.namespace, o.metadata.name);
      t.objects.set(k, o);
      keys.push(k);
    }
    t.keys.bulkInsert(keys);
  }
}
