import { describe, expect, it } from 'vitest';
import type { KObj } from '../objects';
import { Store } from '../store';
import { OwnerIndex } from './owner-index';

const ref = (uid: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, controller: true });
const pod = (owner: string): KObj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', uid: '', resourceVersion: '', creationTimestamp: '', ownerReferences: [ref(owner)] } });

describe('owner index', () => {
  it('follows a dependent through status writes, a change of owner and its deletion', () => {
    const store = new Store();
    const index = new OwnerIndex(store);
    const created = store.create('pods', pod('a'));
    expect(index.objects('a', 'pods').map((p) => p.metadata.resourceVersion)).toEqual([created.metadata.resourceVersion]);
    // A status write keeps the references: the index hands out the newest object all the same.
    const updated = store.update('pods', { ...created, status: { phase: 'Running' } } as KObj);
    expect(index.objects('a', 'pods')).toEqual([updated]);
    // Same owners in a new array (a client PUT) is no change either.
    const put = store.update('pods', { ...updated, metadata: { ...updated.metadata, ownerReferences: [ref('a')] } });
    expect(index.objects('a', 'pods')).toEqual([put]);
    const moved = store.update('pods', { ...put, metadata: { ...put.metadata, ownerReferences: [ref('b')] } });
    expect(index.dependents('a')).toEqual([]);
    expect(index.objects('b', 'pods')).toEqual([moved]);
    store.remove('pods', 'ns', 'p');
    expect(index.dependents('b')).toEqual([]);
    index.close();
  });
});
