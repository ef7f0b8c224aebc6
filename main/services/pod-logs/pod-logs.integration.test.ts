import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogBatch, LogOptions, LogSourceState, LogTarget } from '../../contract';
import { startSimulator, type Simulator } from '../../simulator';
import { call } from '../../simulator/testing';
import { createKubeTransport, type KubeTransport } from '../cluster/kube-http';
import { PodLogs } from './pod-logs-service';

// The log service against the simulated API server: what a person sees for follow, previous,
// tail, since, init containers, a workload's pods, and the API's own errors.

let sim: Simulator;
let transport: KubeTransport;
let logs: PodLogs;
const NS = 'default';

async function createPod(manifest: Record<string, unknown>): Promise<void> {
  const r = await call(sim, 'POST', `/api/v1/namespaces/${NS}/pods`, { apiVersion: 'v1', kind: 'Pod', ...manifest });
  expect(r.status, r.text).toBe(201);
}

async function podWhere(name: string, pred: (pod: Record<string, any>) => boolean, ms = 10_000): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
  const until = Date.now() + ms;
  for (;;) {
    const pod = (await call(sim, 'GET', `/api/v1/namespaces/${NS}/pods/${name}`)).json();
    if (pred(pod)) return pod;
    if (Date.now() > until) throw new Error(`pod ${name} never got there: ${JSON.stringify(pod.status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Collected {
  lines: Array<{ pod: string; text: string }>;
  states: LogSourceState[];
  dropped: number;
  streamId: string;
  pods: string[];
}

async function collect(target: LogTarget, options: LogOptions, autoAck = true): Promise<Collected> {
  const out: Collected = { lines: [], states: [], dropped: 0, streamId: '', pods: [] };
  const started = await logs.start(target, options, {
    batch: (b: LogBatch) => {
      let n = 0;
      for (const seg of b.segments) for (const text of seg.lines) {
        out.lines.push({ pod: b.sources[seg.source]!.pod, text });
        n++;
      }
      out.dropped += b.dropped;
      if (autoAck) logs.ack(b.streamId, n);
    },
    source: (s) => out.states.push(s),
  });
  out.streamId = started.streamId;
  out.pods = started.pods;
  return out;
}

async function until(pred: () => boolean, ms = 8_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const ended = (c: Collected): boolean => c.states.some((s) => s.state !== 'streaming');

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'empty', speed: 20 });
  const config = new KubeConfig();
  config.loadFromFile(sim.kubeconfigPath);
  transport = createKubeTransport(config);
  logs = new PodLogs({ transport: () => transport, relistMs: 200 });
  await createPod({
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      initContainers: [{ name: 'migrate', image: 'busybox:1.36' }],
      containers: [
        { name: 'nginx', image: 'nginx:1.27' },
        { name: 'sidecar', image: 'busybox:1.36' },
      ],
    },
  });
  await createPod({ metadata: { name: 'crasher', labels: { app: 'crasher' } }, spec: { containers: [{ name: 'app', image: 'example/api:1.0', command: ['sh', '-c', 'exit 1'] }] } });
  await createPod({ metadata: { name: 'web-2', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
  await createPod({ metadata: { name: 'flood', labels: { app: 'flood' } }, spec: { containers: [{ name: 'yes', image: 'busybox:1.36', command: ['sh', '-c', "yes 'flood line of the log benchmark' | head -c 20000000"] }] } });
  await podWhere('web', (p) => p.status?.containerStatuses?.every((s: any) => s.state?.running)); // eslint-disable-line @typescript-eslint/no-explicit-any
  await podWhere('web-2', (p) => p.status?.containerStatuses?.every((s: any) => s.state?.running)); // eslint-disable-line @typescript-eslint/no-explicit-any
  await podWhere('flood', (p) => p.status?.containerStatuses?.every((s: any) => s.state?.running)); // eslint-disable-line @typescript-eslint/no-explicit-any
  await podWhere('crasher', (p) => p.status?.containerStatuses?.[0]?.lastState?.terminated !== undefined, 20_000);
}, 40_000);

afterAll(async () => {
  logs?.stopAll();
  transport?.close();
  await sim?.stop();
});

describe('pod logs against the simulator', () => {
  it('follows a container: the start-up lines, then new lines as they are printed', async () => {
    const c = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { container: 'nginx', follow: true });
    await until(() => c.lines.length >= 5);
    const before = c.lines.length;
    expect(c.lines[0]!.text).toContain('/docker-entrypoint.sh');
    await until(() => c.lines.length > before + 1);
    expect(c.states[0]).toMatchObject({ pod: 'web', container: 'nginx', state: 'streaming' });
    logs.stop(c.streamId);
    expect(logs.openCount).toBe(0);
  });

  it('tail N and timestamps, without following, then ends', async () => {
    const c = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { container: 'nginx', follow: false, tailLines: 2, timestamps: true });
    await until(() => ended(c));
    expect(c.lines).toHaveLength(2);
    for (const l of c.lines) expect(l.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
    expect(c.states.at(-1)).toMatchObject({ state: 'ended' });
    logs.stop(c.streamId);
  });

  it('since: sinceSeconds and sinceTime keep only newer lines', async () => {
    const all = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { container: 'nginx', follow: false, timestamps: true });
    await until(() => ended(all));
    const cut = all.lines[Math.floor(all.lines.length / 2)]!.text.split(' ')[0]!;
    const since = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { container: 'nginx', follow: false, timestamps: true, sinceTime: cut });
    await until(() => ended(since));
    expect(since.lines.length).toBeGreaterThan(0);
    expect(since.lines.length).toBeLessThan(all.lines.length);
    for (const l of since.lines) expect(Date.parse(l.text.split(' ')[0]!)).toBeGreaterThanOrEqual(Date.parse(cut) - 1);
    // sinceSeconds: every line from the last second before the request (on a fast run the whole log
    // may be that young, so compare timestamps rather than counts).
    const asked = Date.now();
    const recent = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { container: 'nginx', follow: false, timestamps: true, sinceSeconds: 1 });
    await until(() => ended(recent));
    for (const l of recent.lines) expect(Date.parse(l.text.split(' ')[0]!)).toBeGreaterThanOrEqual(asked - 1_000 - 1);
    for (const c of [all, since, recent]) logs.stop(c.streamId);
  });

  it('reads an init container', async () => {
    const c = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { container: 'migrate', follow: false });
    await until(() => ended(c));
    expect(c.states.at(-1)).toMatchObject({ container: 'migrate', state: 'ended' });
    expect(c.lines.length).toBeGreaterThan(0);
    logs.stop(c.streamId);
  });

  it('previous instance of a crashed container, and the API error where there is none', async () => {
    const prev = await collect({ kind: 'pod', namespace: NS, pod: 'crasher' }, { container: 'app', follow: false, previous: true });
    await until(() => ended(prev));
    expect(prev.lines.at(-1)?.text).toContain('panic:');
    const none = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { container: 'nginx', follow: false, previous: true });
    await until(() => ended(none));
    expect(none.states.at(-1)).toMatchObject({ state: 'failed', message: 'previous terminated container "nginx" in pod "web" not found' });
    for (const c of [prev, none]) logs.stop(c.streamId);
  });

  it('no container named on a two-container pod: the API says which to choose', async () => {
    const c = await collect({ kind: 'pod', namespace: NS, pod: 'web' }, { follow: false });
    await until(() => ended(c));
    expect(c.states.at(-1)?.message).toBe('a container name must be specified for pod web, choose one of: [nginx sidecar]');
    logs.stop(c.streamId);
  });

  it("a workload: every matching pod's lines, each tagged with its pod, and new pods join while following", async () => {
    const c = await collect({ kind: 'selector', namespace: NS, selector: 'app=web' }, { container: 'nginx', follow: true, tailLines: 3 });
    expect(c.pods.sort()).toEqual(['web', 'web-2']);
    await until(() => new Set(c.lines.map((l) => l.pod)).size === 2);
    await createPod({ metadata: { name: 'web-3', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
    await until(() => c.lines.some((l) => l.pod === 'web-3'), 15_000);
    logs.stop(c.streamId);
  });

  it('a bad selector is refused with the reason', async () => {
    await expect(logs.start({ kind: 'selector', namespace: NS, selector: 'app in (web' }, { follow: false }, { batch: () => undefined, source: () => undefined })).rejects.toThrow(/not valid/);
  });

  it('a flooding pod: a page that never acknowledges gets a bounded number of lines, the rest counted as dropped', async () => {
    const c = await collect({ kind: 'pod', namespace: NS, pod: 'flood' }, { follow: true }, false);
    await until(() => ended(c), 30_000);
    const unit = 'flood line of the log benchmark\n'.length;
    const total = Math.floor(20_000_000 / unit);
    expect(c.lines.length).toBeLessThanOrEqual(40_000);
    expect(c.lines.length + c.dropped).toBeGreaterThanOrEqual(total);
    expect(c.lines.length + c.dropped).toBeLessThanOrEqual(total + 1);
    logs.stop(c.streamId);
  }, 40_000);
});
