import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckupReport, CheckupState } from '../../contract';
import type { KubeTransport } from '../cluster/kube-http';
import { CheckupService, type CheckupServiceDeps } from './checkup-service';

const transport = { server: 'https://127.0.0.1:16443' } as KubeTransport;
const report = (at: number, context = 'microk8s'): CheckupReport => ({ context, generatedAt: at, durationMs: 5, score: 50, status: 'warning', areas: [], scope: 'Checked 1 pod.', releaseDataAsOf: '2026-09-15', notes: [] });

function setup(over: Partial<CheckupServiceDeps> = {}) {
  let now = 1_000_000;
  const run = vi.fn(async () => report(now));
  const service = new CheckupService({ connection: () => ({ transport, context: 'microk8s' }), microk8s: () => undefined, intervalMs: 60_000, now: () => now, run, ...over });
  return { service, run, advance: (ms: number) => (now += ms) };
}

afterEach(() => vi.useRealTimers());

describe('CheckupService', () => {
  it('runs when the screen opens, sends each state to the viewer, and re-runs on the interval only while open', async () => {
    vi.useFakeTimers();
    const { service, run, advance } = setup();
    const seen: CheckupState[] = [];
    const first = service.open('c1', (s) => seen.push(s));
    expect(first.report).toBeNull();
    await vi.waitFor(() => expect(seen.at(-1)?.report).not.toBeNull());
    expect(seen.map((s) => s.running)).toEqual([true, false]);
    expect(run).toHaveBeenCalledTimes(1);
    advance(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    service.close('c1');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    service.dispose();
  });

  it('waits five times as long as a slow run took before the next one, and says when that is', async () => {
    vi.useFakeTimers();
    const now = 0;
    const run = vi.fn(async () => ({ ...report(now), durationMs: 30_000 }));
    const service = new CheckupService({ connection: () => ({ transport, context: 'microk8s' }), microk8s: () => undefined, intervalMs: 60_000, now: () => now, run });
    const seen: CheckupState[] = [];
    service.open('c1', (s) => seen.push(s));
    await vi.waitFor(() => expect(seen.at(-1)?.report).not.toBeNull());
    expect(seen.at(-1)?.nextCheckAt).toBe(150_000);
    await vi.advanceTimersByTimeAsync(149_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    service.dispose();
  });

  it('reopening soon after shows the last report without running again', async () => {
    const { service, run } = setup();
    service.open('c1', () => undefined);
    await vi.waitFor(() => expect(service.current.report).not.toBeNull());
    service.close('c1');
    const again = service.open('c2', () => undefined);
    expect(again.report).not.toBeNull();
    expect(run).toHaveBeenCalledTimes(1);
    service.dispose();
  });

  it('one run at a time: asking during a run gets that run', async () => {
    let release: () => void = () => undefined;
    const run = vi.fn(() => new Promise<CheckupReport>((r) => (release = () => r(report(1)))));
    const { service } = setup({ run });
    const a = service.run();
    const b = service.run();
    release();
    expect(await a).toBe(await b);
    expect(run).toHaveBeenCalledTimes(1);
    service.dispose();
  });

  it('says what to do when not connected, and when the run fails keeps the last report', async () => {
    const { service } = setup({ connection: () => undefined });
    const state = await service.run();
    expect(state.error?.message).toMatch(/not connected/);
    expect(state.error?.hint).toMatch(/context switcher/);
    let fail = false;
    const flaky = setup({ run: async () => (fail ? Promise.reject(new Error('connection refused')) : report(1)) });
    await flaky.service.run();
    fail = true;
    const after = await flaky.service.run();
    expect(after.report?.generatedAt).toBe(1);
    expect(after.error?.message).toBe('The check-up could not read the cluster: connection refused');
    service.dispose();
    flaky.service.dispose();
  });

  it('exports the newest report, and refuses with a hint before there is one', async () => {
    const { service } = setup();
    expect(() => service.exportReport('json')).toThrow(/no check-up report/);
    await service.run();
    const file = service.exportReport('json');
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.content).score).toBe(50);
    expect(service.exportReport('markdown').filename).toMatch(/^berth-checkup-microk8s-.*\.md$/);
    service.dispose();
  });
});
