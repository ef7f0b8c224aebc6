import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultSpec } from './faults';
import { startSimulator, type Simulator } from './index';
import { call, eventually, watch } from './testing';

// Every fault knob, set through the in-process API and through the admin HTTP API.

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'empty', speed: 20, nodeName: 'ubuntu', faults: 'latency=0' });
});
afterAll(() => sim.stop());

const pods = (): Promise<{ status: number; headers: Record<string, unknown>; json: () => Record<string, unknown> }> => call(sim, 'GET', '/api/v1/pods');

describe('faults', () => {
  it('parses the CLI spec and rejects unknown knobs', () => {
    expect(parseFaultSpec('latency=50ms,429=0.1,503=0.05,500=0.01,retry-after=2,drop-watch=30s,watch-410,continue-410,stall')).toEqual({
      latencyMs: 50,
      rate429: 0.1,
      rate503: 0.05,
      rate500: 0.01,
      retryAfterSeconds: 2,
      dropWatchesAfterMs: 30_000,
      watchExpired: true,
      continueExpired: true,
      stallWatches: true,
    });
    expect(() => parseFaultSpec('explode=1')).toThrow(/unknown fault "explode"/);
    expect(() => parseFaultSpec('429=2')).toThrow();
  });

  it('adds latency', async () => {
    sim.faults.setLatency(300);
    const t = Date.now();
    expect((await pods()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    sim.faults.setLatency(0);
  });

  it('answers 429 and 503 with Retry-After, and 500, at the configured rates', async () => {
    sim.faults.set({ rate429: 0.5, retryAfterSeconds: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await pods());
    expect(statuses.map((r) => r.status)).toEqual([200, 429, 200, 429]);
    expect(statuses[1]!.headers['retry-after']).toBe('3');
    expect(statuses[1]!.json()).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', code: 429, details: { retryAfterSeconds: 3 } });
    sim.faults.set({ rate429: 0, rate503: 1 });
    const r503 = await pods();
    expect(r503.status).toBe(503);
    expect(r503.headers['retry-after']).toBe('3');
    sim.faults.set({ rate503: 0, rate500: 1 });
    const r500 = await pods();
    expect(r500.status).toBe(500);
    expect(r500.json()).toMatchObject({ reason: 'InternalError' });
    sim.faults.reset();
    expect((await pods()).status).toBe(200);
  });

  it('drops watch connections', async () => {
    sim.faults.dropWatchesAfter(150);
    const w = await watch(sim, '/api/v1/namespaces/default/configmaps?watch=true');
    expect(await w.ended).toBe('error');
    sim.faults.dropWatchesAfter(0);
  });

  it('answers watches and continue tokens with 410', async () => {
    sim.faults.expireWatches(true);
    const rv = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps')).json().metadata.resourceVersion;
    const w = await watch(sim, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}`);
    expect((await w.next(() => true)).object).toMatchObject({ code: 410, reason: 'Expired' });
    sim.faults.expireWatches(false);

    for (let i = 0; i < 3; i++) await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` } });
    const page = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps?limit=1')).json();
    sim.faults.expireContinueTokens(true);
    const r = await call(sim, 'GET', `/api/v1/namespaces/default/configmaps?limit=1&continue=${encodeURIComponent(page.metadata.continue)}`);
    expect(r.status).toBe(410);
    sim.faults.expireContinueTokens(false);
    expect((await call(sim, 'GET', `/api/v1/namespaces/default/configmaps?limit=1&continue=${encodeURIComponent(page.metadata.continue)}`)).status).toBe(200);
  });

  it('stalls watch streams, then delivers what was held back', async () => {
    const w = await watch(sim, '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=' + (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps')).json().metadata.resourceVersion);
    sim.faults.stallWatches(true);
    await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(w.events.some((e) => e.object.metadata?.name === 'held')).toBe(false);
    sim.faults.stallWatches(false);
    await w.next((e) => e.type === 'ADDED' && e.object.metadata.name === 'held', 2000);
    w.close();
  });

  it('is driven over the admin HTTP API too', async () => {
    const set = await call(sim, 'PUT', '/simulator/faults', { rate500: 1 });
    expect(set.json().rate500).toBe(1);
    expect((await pods()).status).toBe(500);
    expect((await call(sim, 'PUT', '/simulator/faults', { bogus: true })).status).toBe(400);
    expect((await call(sim, 'PUT', '/simulator/faults', { rate500: 0 })).json().rate500).toBe(0);
    expect((await call(sim, 'GET', '/simulator/faults', undefined, {}, 'wrong')).status).toBe(401);
  });

  it('restarts: same data, connections refused meanwhile', async () => {
    await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'survivor' } });
    const w = await watch(sim, '/api/v1/namespaces/default/configmaps?watch=true');
    const r = await call(sim, 'POST', '/simulator/restart', { seconds: 1 });
    expect(r.status).toBe(202);
    expect(await w.ended).toBe('error');
    const port = Number(new URL(sim.url).port);
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.on('connect', () => (s.destroy(), resolve(false)));
      s.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    const back = await eventually(async () => {
      try {
        return (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps/survivor')).status === 200;
      } catch {
        return false;
      }
    }, 5000, 'server back');
    expect(back).toBe(true);
  });
});
