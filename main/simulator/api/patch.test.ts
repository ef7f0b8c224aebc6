import { describe, expect, it } from 'vitest';
import { applyPatch, jsonPatch, mergePatch, strategicMergePatch } from './patch';

describe('patches', () => {
  it('JSON merge patch (RFC 7386): objects merge, null deletes, arrays replace', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] }, { b: { c: null, x: 1 }, e: [3] })).toEqual({ a: 1, b: { d: 3, x: 1 }, e: [3] });
  });

  it('strategic merge patch merges containers by name and honours directives', () => {
    const target = { spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] }, { name: 'b', image: 'b:1' }], finalizers: ['f1'] } };
    expect(strategicMergePatch(target, { spec: { containers: [{ name: 'a', image: 'a:2', env: [{ name: 'Y', value: '2' }] }] } })).toEqual({
      spec: { containers: [{ name: 'a', image: 'a:2', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }, { name: 'b', image: 'b:1' }], finalizers: ['f1'] },
    });
    expect(strategicMergePatch(target, { spec: { containers: [{ name: 'b', $patch: 'delete' }] } })).toEqual({ spec: { containers: [target.spec.containers[0]], finalizers: ['f1'] } });
    expect(strategicMergePatch(target, { spec: { $setElementOrder: 1, 'finalizers': ['f2'] } })).toMatchObject({ spec: { finalizers: ['f1', 'f2'] } });
    expect(strategicMergePatch(target, { spec: { $deleteFromPrimitiveList: 1, '$deleteFromPrimitiveList/finalizers': ['f1'] } })).toMatchObject({ spec: { finalizers: [] } });
    expect(strategicMergePatch({ spec: { ports: [{ port: 80, name: 'h' }] } }, { spec: { ports: [{ port: 443, name: 's' }] } })).toEqual({ spec: { ports: [{ port: 80, name: 'h' }, { port: 443, name: 's' }] } });
    expect(strategicMergePatch({ spec: { tolerations: [{ key: 'a' }] } }, { spec: { tolerations: [{ key: 'b' }] } })).toEqual({ spec: { tolerations: [{ key: 'b' }] } });
  });

  it('JSON patch (RFC 6902): add, remove, replace, move, copy, test', () => {
    const doc = { metadata: { annotations: { 'a/b': '1' } }, list: [1, 2, 3] };
    expect(jsonPatch(doc, [{ op: 'replace', path: '/metadata/annotations/a~1b', value: '2' }, { op: 'add', path: '/list/-', value: 4 }, { op: 'remove', path: '/list/0' }])).toEqual({ metadata: { annotations: { 'a/b': '2' } }, list: [2, 3, 4] });
    expect(jsonPatch(doc, [{ op: 'copy', from: '/list', path: '/copy' }, { op: 'move', from: '/list', path: '/moved' }])).toEqual({ metadata: doc.metadata, copy: [1, 2, 3], moved: [1, 2, 3] });
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/list/0', value: 9 }])).toThrow(/testing value/);
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/nope' }])).toThrow(/missing path/);
    expect(doc.list).toEqual([1, 2, 3]);
  });

  it('refuses unknown patch types with 415', () => {
    expect(() => applyPatch('application/apply-patch+yaml', {}, {})).toThrow(expect.objectContaining({ code: 415 }));
  });
});
