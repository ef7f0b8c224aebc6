import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube';
import { applyEvents, objectKey, type Cache } from './apply-events';

const pod = (name: string, rv: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({ kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: rv, ...extra } }) as KubeObject;

describe('applyEvents', () => {
  it('adds, modifies and deletes, reporting before and after', () => {
    const cache: Cache = new Map();
    const a1 = pod('a', '1');
    expect(applyEvents(cache, [{ type: 'ADDED', object: a1 }])).toEqual([{ key: 'default/a', before: undefined, after: a1 }]);
    const a2 = pod('a', '2');
    expect(applyEvents(cache, [{ type: 'MODIFIED', object: a2 }])).toEqual([{ key: 'default/a', before: a1, after: a2 }]);
    expect(applyEvents(cache, [{ type: 'DELETED', object: pod('a', '3') }])).toEqual([{ key: 'default/a', before: a2, after: undefined }]);
    expect(cache.size).toBe(0);
  });

  it('leaves the cache unchanged on ERROR and BOOKMARK', () => {
    const cache: Cache = new Map([['default/a', pod('a', '1')]]);
    const snapshot = new Map(cache);
    expect(applyEvents(cache, [{ type: 'ERROR', status: { code: 410 } }, { type: 'BOOKMARK', resourceVersion: '99' }])).toEqual([]);
    expect(cache).toEqual(snapshot);
  });

  it('collapses several events for one key into one change, and add-then-delete into none', () => {
    const cache: Cache = new Map();
    const changes = applyEvents(cache, [
      { type: 'ADDED', object: pod('a', '1') },
      { type: 'MODIFIED', object: pod('a', '2') },
      { type: 'ADDED', object: pod('b', '3') },
      { type: 'DELETED', object: pod('b', '4') },
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.after?.metadata?.resourceVersion).toBe('2');
    expect([...cache.keys()]).toEqual(['default/a']);
  });

  it('SYNC replaces the cache: missing keys deleted, same resourceVersion untouched', () => {
    const a = pod('a', '1');
    const cache: Cache = new Map([
      ['default/a', a],
      ['default/gone', pod('gone', '2')],
    ]);
    const changes = applyEvents(cache, [{ type: 'SYNC', objects: [pod('a', '1'), pod('new', '5')] }]);
    expect(changes.map((c) => [c.key, c.before ? 'before' : '-', c.after ? 'after' : '-'])).toEqual([
      ['default/new', '-', 'after'],
      ['default/gone', 'before', '-'],
    ]);
    expect(cache.get('default/a')).toBe(a);
  });

  it('PRUNE ends a list applied page by page: keys no page contained are deleted, the rest kept', () => {
    const a = pod('a', '1');
    const cache: Cache = new Map([
      ['default/a', a],
      ['default/gone', pod('gone', '2')],
    ]);
    applyEvents(cache, [{ type: 'ADDED', object: pod('new', '5') }]);
    const changes = applyEvents(cache, [{ type: 'PRUNE', keep: new Set(['default/a', 'default/new']) }]);
    expect(changes.map((c) => [c.key, c.before ? 'before' : '-', c.after ? 'after' : '-'])).toEqual([['default/gone', 'before', '-']]);
    expect([...cache.keys()].sort()).toEqual(['default/a', 'default/new']);
    expect(cache.get('default/a')).toBe(a);
  });

  it('treats resourceVersion as opaque: a "smaller" version still replaces', () => {
    const cache: Cache = new Map([['default/a', pod('a', '10')]]);
    applyEvents(cache, [{ type: 'MODIFIED', object: pod('a', '9') }]);
    expect(cache.get('default/a')?.metadata?.resourceVersion).toBe('9');
  });

  it('strips managedFields', () => {
    const cache: Cache = new Map();
    applyEvents(cache, [{ type: 'ADDED', object: pod('a', '1', { managedFields: [{ manager: 'kubectl' }] }) }]);
    expect(cache.get('default/a')?.metadata).not.toHaveProperty('managedFields');
  });

  it('keys cluster-scoped objects by name', () => {
    expect(objectKey({ metadata: { name: 'node-1' } })).toBe('node-1');
  });
});
