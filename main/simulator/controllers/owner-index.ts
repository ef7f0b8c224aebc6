import type { KObj } from '../objects';
import { objectKey, type Store } from '../store';
import { DEPENDENT_KEYS } from '../api/writes';

// Owner uid -> dependents, kept up to date from store events, so the ReplicaSet controller and
// the garbage collector find a owner's pods without scanning 150,000 of them.

export interface DependentRef {
  key: string; // storage key
  namespace: string | undefined;
  name: string;
  /** "namespace/name", built once: controllers read their pods on every status change (~2,000/s at scale). */
  objectKey: string;
}

export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, DependentRef>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly store: Store) {
    for (const k of DEPENDENT_KEYS) for (const o of store.list(k)) this.add(k, o);
    this.unsubscribe = store.subscribe((e) => {
      if (!DEPENDENT_KEYS.includes(e.key)) return;
      // Most writes (status updates) keep the owner references as they were: nothing to re-index.
      if (e.type === 'MODIFIED' && e.prev && sameOwners(e.prev, e.object)) return;
      if (e.prev) this.remove(e.key, e.prev);
      if (e.type !== 'DELETED') this.add(e.key, e.object);
    });
  }

  close(): void {
    this.unsubscribe();
  }

  private id(key: string, o: KObj): string {
    return `${key}:${objectKey(o.metadata.namespace, o.metadata.name)}`;
  }

  private add(key: string, o: KObj): void {
    for (const ref of o.metadata.ownerReferences ?? []) {
      let m = this.byOwner.get(ref.uid);
      if (!m) {
        m = new Map();
        this.byOwner.set(ref.uid, m);
      }
      m.set(this.id(key, o), { key, namespace: o.metadata.namespace, name: o.metadata.name, objectKey: objectKey(o.metadata.namespace, o.metadata.name) });
    }
  }

  private remove(key: string, o: KObj): void {
    for (const ref of o.metadata.ownerReferences ?? []) {
      const m = this.byOwner.get(ref.uid);
      if (!m) continue;
      m.delete(this.id(key, o));
      if (m.size === 0) this.byOwner.delete(ref.uid);
    }
  }

  dependents(ownerUid: string): DependentRef[] {
    return [...(this.byOwner.get(ownerUid)?.values() ?? [])];
  }

  /** The dependents of `ownerUid` in one storage key, as current objects. */
  objects<T = KObj>(ownerUid: string, key: string): (T & KObj)[] {
    const out: (T & KObj)[] = [];
    for (const d of this.byOwner.get(ownerUid)?.values() ?? []) {
      if (d.key !== key) continue;
      const o = this.store.getByKey<T>(key, d.objectKey);
      if (o) out.push(o);
    }
    return out;
  }
}

function sameOwners(a: KObj, b: KObj): boolean {
  const x = a.metadata.ownerReferences ?? [];
  const y = b.metadata.ownerReferences ?? [];
  return x === y || (x.length === y.length && x.every((r, i) => r.uid === y[i]!.uid));
}
