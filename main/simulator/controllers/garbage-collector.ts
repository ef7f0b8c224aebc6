import type { Writer } from '../api/writes';
import type { KObj } from '../objects';
import { resourceByKey, RESOURCE_TYPES, storageKey } from '../resources';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import type { OwnerIndex } from './owner-index';

// The garbage collector and the namespace controller:
// - an owner gone (Background) takes its dependents with it;
// - an owner deleted in the Foreground waits with the foregroundDeletion finalizer until its
//   dependents are gone, then goes;
// - a Terminating namespace is emptied, then removed.
// https://kubernetes.io/docs/concepts/architecture/garbage-collection/

const NAME = 'garbage-collector';

const NAMESPACED_KEYS = [...new Set(RESOURCE_TYPES.filter((t) => t.namespaced && !t.virtual && !t.storage).map(storageKey))];

export class GarbageCollector implements Controller {
  readonly name = NAME;
  readonly watches: string[];

  constructor(
    private readonly store: Store,
    private readonly writer: Writer,
    private readonly owners: OwnerIndex,
  ) {
    this.watches = [...new Set(RESOURCE_TYPES.filter((t) => !t.virtual && !t.storage).map(storageKey))];
  }

  onEvent(e: StoreEvent, q: Queue): void {
    const o = e.object;
    const id = `${e.key}|${objectKey(o.metadata.namespace, o.metadata.name)}|${o.metadata.uid}`;
    if (e.type === 'DELETED') {
      if (this.owners.dependents(o.metadata.uid).length) q.add(NAME, `orphans|${o.metadata.uid}`);
      // A dependent leaving may let a foreground-deleting owner go.
      for (const ref of o.metadata.ownerReferences ?? []) q.add(NAME, `owner|${ref.uid}|${o.metadata.namespace ?? ''}|${ref.apiVersion}|${ref.kind}|${ref.name}`, 100);
      return;
    }
    if (o.metadata.deletionTimestamp) q.add(NAME, `deleting|${id}`);
  }

  resync(q: Queue): void {
    for (const ns of this.store.list('namespaces')) if (ns.metadata.deletionTimestamp) q.add(NAME, `deleting|namespaces|${ns.metadata.name}|${ns.metadata.uid}`);
  }

  reconcile(key: string, q: Queue): void {
    const parts = key.split('|');
    if (parts[0] === 'orphans') return this.deleteDependents(parts[1]!);
    if (parts[0] === 'owner') {
      const [, , ns, apiVersion, kind, name] = parts as [string, string, string, string, string, string];
      const rt = RESOURCE_TYPES.find((t) => (t.group ? `${t.group}/${t.version}` : t.version) === apiVersion && t.kind === kind && !t.storage && !t.virtual);
      if (!rt) return;
      const o = this.store.get(storageKey(rt), rt.namespaced ? ns : undefined, name);
      if (o?.metadata.deletionTimestamp) q.add(NAME, `deleting|${storageKey(rt)}|${objectKey(o.metadata.namespace, o.metadata.name)}|${o.metadata.uid}`);
      return;
    }
    const [, storage, objKey] = parts as [string, string, string];
    const [ns, name] = objKey.includes('/') ? (objKey.split('/') as [string, string]) : [undefined, objKey];
    const o = this.store.get(storage, ns, name);
    if (!o || !o.metadata.deletionTimestamp) return;
    if (storage === 'namespaces') return this.drainNamespace(o, q);
    if ((o.metadata.finalizers ?? []).includes('foregroundDeletion')) {
      this.deleteDependents(o.metadata.uid);
      if (this.owners.dependents(o.metadata.uid).length === 0) {
        const rest = (o.metadata.finalizers ?? []).filter((f) => f !== 'foregroundDeletion');
        if (rest.length === 0) this.store.remove(storage, ns, name);
        else this.store.mutate(storage, ns, name, (c) => void (c.metadata.finalizers = rest));
      } else q.add(NAME, key, 1000);
    }
  }

  private deleteDependents(uid: string): void {
    for (const d of this.owners.dependents(uid)) {
      const o = this.store.get(d.key, d.namespace, d.name);
      if (!o || o.metadata.deletionTimestamp) continue;
      // Only dependents all of whose owners are gone (or this one) are collected.
      const others = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (others.length) continue;
      this.writer.delete(resourceByKey(d.key), d.namespace, d.name, { propagationPolicy: 'Background' });
    }
  }

  private drainNamespace(ns: KObj, q: Queue): void {
    let remaining = 0;
    for (const key of NAMESPACED_KEYS) {
      for (const o of [...this.store.list(key, ns.metadata.name)]) {
        remaining++;
        if (!o.metadata.deletionTimestamp) this.writer.delete(resourceByKey(key), ns.metadata.name, o.metadata.name, { propagationPolicy: 'Background' });
      }
    }
    if (remaining === 0) this.store.remove('namespaces', undefined, ns.metadata.name);
    else q.add(NAME, `deleting|namespaces|${ns.metadata.name}|${ns.metadata.uid}`, 1000);
  }
}
