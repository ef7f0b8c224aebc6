import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube';
import type { Change } from './apply-events';
import { Informer, type InformerSettings, type ResourceSpec } from './informer';
import type { KubeRequest, KubeTransport, WatchStream } from './kube-http';
import { ReconnectGate } from './reconnect-gate';

// The list side of the informer against a scripted transport: pages go into the cache as they
// arrive, big pages are applied in slices that let the event loop run, and the end of the list
// removes what it did not contain.

const pod = (name: string, rv = '1'): KubeObject => ({ metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv } });

interface PageAnswer {
  items: KubeObject[];
  continue?: string;
}

function scriptedTransport() {
  const asked: KubeRequest[] = [];
  const answers: Array<(page: PageAnswer) => void> = [];
  let watchOpened = 0;
  let watchLine: ((line: string) => void) | undefined;
  /** pause/resume calls on the watch stream, in order. */
  const flow: string[] = [];
  const transport: KubeTransport = {
    server: 'https://test',
    request<T>(req: KubeRequest): Promise<T> {
      asked.push(req);
      return new Promise<T>((resolve) => answers.push((p) => resolve({ metadata: { resourceVersion: '10', continue: p.continue }, items: p.items } as T)));
    },
    text: () => Promise.resolve({ status: 200, body: '' }),
    stream(_req, onLine, onOpen): WatchStream {
      watchOpened++;
      watchLine = onLine;
      let end!: () => void;
      const done = new Promise<void>((resolve) => (end = resolve));
      onOpen?.();
      return { done, abort: () => end(), pause: () => flow.push('pause'), resume: () => flow.push('resume') };
    },
    close: () => undefined,
  };
  /** Answers the oldest outstanding page request (waits for it to be asked). */
  const answer = async (page: PageAnswer) => {
    while (answers.length === 0) await new Promise((r) => setImmediate(r));
    answers.shift()!(page);
    // let the informer apply it
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  return { transport, asked, answer, flow, watches: () => watchOpened, line: (l: string) => watchLine!(l) };
}

const settings: InformerSettings = { pageSize: 2, watchTimeoutSeconds: 300, watchTimeoutJitter: 0, watchdogMs: 60_000, flushMs: 5, sliceSize: 1000 };

function informerWith(transport: KubeTransport, over: Partial<InformerSettings> = {}, spec: Partial<ResourceSpec> = {}) {
  const deps = { now: Date.now, random: () => 0.5, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
  return new Informer({ path: '/api/v1/pods', kind: 'Pod', apiVersion: 'v1', ...spec }, { transport, gate: new ReconnectGate(deps), settings: { ...settings, ...over }, ...deps });
}

describe('Informer list', () => {
  it('puts each page in the cache as it arrives, and is synced only after the last page', async () => {
    const t = scriptedTransport();
    const informer = informerWith(t.transport);
    const batches: Change[][] = [];
    informer.onChange((c) => batches.push(c));
    informer.start();
    try {
      await t.answer({ items: [pod('a'), pod('b')], continue: 'c1' });
      expect([...informer.cache.keys()]).toEqual(['ns/a', 'ns/b']);
      expect(informer.cache.get('ns/a')!.kind).toBe('Pod');
      expect(informer.status.synced).toBe(false);
      expect(t.asked.at(-1)!.query?.continue).toBe('c1');
      await t.answer({ items: [pod('c'), pod('d')], continue: 'c2' });
      // Every page, not only the first, is on screen before the list ends.
      expect(informer.cache.size).toBe(4);
      expect(informer.status.synced).toBe(false);
      await t.answer({ items: [pod('e')] });
      expect(informer.cache.size).toBe(5);
      expect(informer.status.synced).toBe(true);
      expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
      expect(t.watches()).toBe(1);
    } finally {
      informer.stop();
    }
  });

  it('applies a big page in slices and lets timers run between them', async () => {
    const t = scriptedTransport();
    const informer = informerWith(t.transport, { pageSize: 5000, sliceSize: 100 });
    const batchSizes: number[] = [];
    let timerRanAt = -1;
    informer.onChange((c) => {
      batchSizes.push(c.length);
      if (batchSizes.length === 1) setImmediate(() => (timerRanAt = batchSizes.length));
    });
    informer.start();
    try {
      await t.answer({ items: Array.from({ length: 350 }, (_, i) => pod(`p${String(i).padStart(3, '0')}`)) });
      await new Promise((r) => setTimeout(r, 20));
      expect(batchSizes).toEqual([100, 100, 100, 50]);
      // The callback queued during the first slice ran before the list was done.
      expect(timerRanAt).toBeGreaterThan(0);
      expect(timerRanAt).toBeLessThan(4);
      expect(informer.cache.size).toBe(350);
    } finally {
      informer.stop();
    }
  });

  it('a relist updates in place and removes what the new list no longer has', async () => {
    const t = scriptedTransport();
    const informer = informerWith(t.transport);
    informer.cache.set('ns/old', pod('old'));
    informer.cache.set('ns/a', pod('a', '1'));
    const seen: Change[] = [];
    informer.onChange((c) => seen.push(...c));
    informer.start();
    try {
      await t.answer({ items: [pod('a', '1'), pod('b', '2')], continue: 'c1' });
      // Still there mid-list: the list is not complete yet.
      expect(informer.cache.has('ns/old')).toBe(true);
      await t.answer({ items: [pod('c', '3')] });
      expect([...informer.cache.keys()].sort()).toEqual(['ns/a', 'ns/b', 'ns/c']);
      // Unchanged objects (same resourceVersion) are no change.
      expect(seen.map((c) => `${c.key}:${c.before ? 'b' : '-'}${c.after ? 'a' : '-'}`).sort()).toEqual(['ns/b:-a', 'ns/c:-a', 'ns/old:b-']);
    } finally {
      informer.stop();
    }
  });

  it('applies a burst of watch events (a watch catching up) a bounded batch per event-loop turn, in order', async () => {
    const t = scriptedTransport();
    const informer = informerWith(t.transport, { maxBatch: 1000 });
    const batchSizes: number[] = [];
    let between = 0;
    informer.onChange((c) => {
      batchSizes.push(c.length);
      setImmediate(() => between++);
    });
    informer.start();
    try {
      await t.answer({ items: [] });
      while (t.watches() === 0) await new Promise((r) => setImmediate(r));
      for (let i = 0; i < 2500; i++) t.line(JSON.stringify({ type: 'ADDED', object: pod(`w${i}`, String(100 + i)) }));
      // The same object twice in the burst: the later version wins.
      t.line(JSON.stringify({ type: 'MODIFIED', object: pod('w0', '9999') }));
      while (informer.cache.size < 2500 || informer.cache.get('ns/w0')!.metadata!.resourceVersion !== '9999') await new Promise((r) => setTimeout(r, 5));
      expect(batchSizes).toEqual([1000, 1000, 501]);
      expect(between).toBeGreaterThanOrEqual(2);
    } finally {
      informer.stop();
    }
  });

  it('pauses the watch stream while its backlog is full and resumes once it is down to a batch', async () => {
    const t = scriptedTransport();
    const informer = informerWith(t.transport, { maxBatch: 100, maxPending: 250 });
    informer.start();
    try {
      await t.answer({ items: [] });
      while (t.watches() === 0) await new Promise((r) => setImmediate(r));
      // The socket delivers a few lines more after pause() (the rest of its chunk): all are kept.
      for (let i = 0; i < 260; i++) t.line(JSON.stringify({ type: 'ADDED', object: pod(`w${i}`, String(100 + i)) }));
      expect(t.flow).toEqual(['pause']);
      while (informer.cache.size < 260) await new Promise((r) => setTimeout(r, 2));
      expect(t.flow).toEqual(['pause', 'resume']);
      // Below the mark nothing pauses.
      for (let i = 0; i < 50; i++) t.line(JSON.stringify({ type: 'MODIFIED', object: pod(`w${i}`, String(1000 + i)) }));
      expect(t.flow).toEqual(['pause', 'resume']);
    } finally {
      informer.stop();
    }
  });

  it('keeps what `slim` makes of each listed and watched object', async () => {
    const t = scriptedTransport();
    const slim = (o: KubeObject): KubeObject => ({ kind: o.kind, metadata: { name: o.metadata!.name, namespace: o.metadata!.namespace, resourceVersion: o.metadata!.resourceVersion } });
    const informer = informerWith(t.transport, {}, { slim });
    informer.start();
    try {
      await t.answer({ items: [pod('a'), pod('b')] });
      expect(informer.cache.get('ns/a')).toEqual({ kind: 'Pod', metadata: { name: 'a', namespace: 'ns', resourceVersion: '1' } });
      while (t.watches() === 0) await new Promise((r) => setImmediate(r));
      t.line(JSON.stringify({ type: 'MODIFIED', object: pod('b', '7') }));
      informer.flush();
      expect(informer.cache.get('ns/b')).toEqual({ kind: 'Pod', metadata: { name: 'b', namespace: 'ns', resourceVersion: '7' } });
    } finally {
      informer.stop();
    }
  });
});
