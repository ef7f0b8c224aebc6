import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../kube';
import { applyEvents, type Cache, type CacheEvent } from './apply-events';
import { NodeLoadIndex } from './node-load';
import { podRequests } from './quantity';

// Random pod churn: pods appear, move between nodes and phases, change requests and go away.
// The index kept from changes must always equal a recount over the whole cache.

const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed'] as const;
const CPU = ['100m', '250m', '1', '1500m', undefined];
const MEMORY = ['64Mi', '128Mi', '1Gi', '500M', undefined];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomPod(random: () => number, name: string, version: number): Pod {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const requests = (): Record<string, string> => {
    const r: Record<string, string> = {};
    const cpu = pick(CPU);
    const memory = pick(MEMORY);
    if (cpu) r.cpu = cpu;
    if (memory) r.memory = memory;
    return r;
  };
  const node = random() < 0.1 ? undefined : `node-${Math.floor(random() * 5)}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: String(version) },
    spec: {
      ...(node ? { nodeName: node } : {}),
      containers: [{ name: 'app', resources: { requests: requests() } }],
      ...(random() < 0.3 ? { initContainers: [{ name: 'init', resources: { requests: requests() } }] } : {}),
    },
    status: { phase: pick(PHASES) },
  } as Pod;
}

function recount(cache: Cache): Map<string, { cpu: number; memory: number; pods: number }> {
  const out = new Map<string, { cpu: number; memory: number; pods: number }>();
  for (const obj of cache.values()) {
    const pod = obj as Pod;
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    if (!node || phase === 'Succeeded' || phase === 'Failed') continue;
    const req = podRequests(pod);
    const cur = out.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    out.set(node, { cpu: cur.cpu + req.cpu, memory: cur.memory + req.memory, pods: cur.pods + 1 });
  }
  return out;
}

describe('NodeLoadIndex', () => {
  it('equals a full recount after random adds, updates and deletes', () => {
    const random = seeded(7);
    const cache: Cache = new Map();
    const index = new NodeLoadIndex();
    let version = 1;
    for (let round = 0; round < 300; round++) {
      const events: CacheEvent[] = [];
      for (let i = 0; i < 20; i++) {
        const name = `p${Math.floor(random() * 60)}`;
        const existing = cache.get(`default/${name}`);
        if (existing && random() < 0.3) events.push({ type: 'DELETED', object: existing as KubeObject });
        else events.push({ type: existing ? 'MODIFIED' : 'ADDED', object: randomPod(random, name, version++) });
      }
      index.apply(applyEvents(cache, events));
      const expected = recount(cache);
      for (let n = 0; n < 5; n++) {
        const node = `node-${n}`;
        expect(index.get(node), `round ${round} ${node}`).toEqual(expected.get(node) ?? { cpu: 0, memory: 0, pods: 0 });
      }
    }
  });

  it('moves the load of a pod from its old node to its new one', () => {
    const cache: Cache = new Map();
    const index = new NodeLoadIndex();
    const pod = (node: string, version: number): Pod =>
      ({
        metadata: { name: 'a', namespace: 'default', uid: 'u', resourceVersion: String(version) },
        spec: { nodeName: node, containers: [{ name: 'c', resources: { requests: { cpu: '200m' } } }] },
        status: { phase: 'Running' },
      }) as Pod;
    index.apply(applyEvents(cache, [{ type: 'ADDED', object: pod('n1', 1) }]));
    expect(index.get('n1')).toEqual({ cpu: 200, memory: 0, pods: 1 });
    index.apply(applyEvents(cache, [{ type: 'MODIFIED', object: pod('n2', 2) }]));
    expect(index.get('n1')).toEqual({ cpu: 0, memory: 0, pods: 0 });
    expect(index.get('n2')).toEqual({ cpu: 200, memory: 0, pods: 1 });
    index.clear();
    expect(index.get('n2')).toEqual({ cpu: 0, memory: 0, pods: 0 });
  });
});
