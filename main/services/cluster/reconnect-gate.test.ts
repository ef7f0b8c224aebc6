import { describe, expect, it } from 'vitest';
import { errorFromNetwork, errorFromResponse, parseRetryAfter } from './kube-errors';
import type { Pod } from '../../kube';
import { parseQuantity, podRequests } from './quantity';
import { backoffDelay, ReconnectGate } from './reconnect-gate';

describe('backoff', () => {
  it('grows exponentially to a cap with a fixed floor and a random half', () => {
    const s = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, s, () => 0)).toBe(50);
    expect(backoffDelay(1, s, () => 1)).toBe(100);
    expect(backoffDelay(3, s, () => 0)).toBe(200);
    expect(backoffDelay(10, s, () => 1)).toBe(1000);
  });
});

describe('ReconnectGate', () => {
  const fakeDeps = () => {
    let now = 0;
    const slept: number[] = [];
    return {
      deps: {
        now: () => now,
        random: () => 0.5,
        sleep: async (ms: number) => {
          slept.push(ms);
          now += ms;
        },
      },
      slept,
    };
  };

  it('honours Retry-After as a floor and holds every informer\'s next LIST', async () => {
    const { deps, slept } = fakeDeps();
    const gate = new ReconnectGate(deps, { maxConcurrentLists: 2, baseDelayMs: 100, maxDelayMs: 1000 });
    const delay = gate.failed(errorFromResponse(429, '{"kind":"Status","message":"slow down"}', '3'));
    expect(delay).toBe(3000);
    const release = await gate.acquireList();
    expect(slept).toEqual([3000]);
    release();
  });

  it('shares one failure count that grows per backoff round, reset by a success', async () => {
    const { deps } = fakeDeps();
    const gate = new ReconnectGate(deps, { maxConcurrentLists: 2, baseDelayMs: 100, maxDelayMs: 10_000 });
    const err = errorFromResponse(500, '', undefined);
    // Three informers failing together in one outage: one round, one delay for all.
    expect([gate.failed(err), gate.failed(err), gate.failed(err)]).toEqual([75, 75, 75]);
    expect(gate.failureCount).toBe(1);
    // Each retry after the round has passed grows the delay.
    await deps.sleep(75);
    expect(gate.failed(err)).toBe(150);
    await deps.sleep(150);
    expect(gate.failed(err)).toBe(300);
    gate.succeeded();
    expect(gate.failed(err)).toBe(75);
  });

  it('keeps a short outage short however many informers fail in it', async () => {
    const { deps } = fakeDeps();
    const gate = new ReconnectGate(deps);
    const err = errorFromNetwork(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'https://127.0.0.1:16443');
    // Ten informers, each retrying whenever the gate lets it, through a 3 s outage.
    while (deps.now() < 3_000) {
      let delay = 0;
      for (let i = 0; i < 10; i++) delay = gate.failed(err);
      await deps.sleep(delay);
    }
    // The server came back at 3 s: the first attempt after that comes within seconds, not a minute.
    expect(deps.now() - 3_000).toBeLessThanOrEqual(4_000);
    expect(gate.failureCount).toBeLessThanOrEqual(4);
  });

  it('lets at most maxConcurrentLists LISTs run at once', async () => {
    const { deps } = fakeDeps();
    const gate = new ReconnectGate(deps, { maxConcurrentLists: 2, baseDelayMs: 100, maxDelayMs: 1000 });
    const r1 = await gate.acquireList();
    await gate.acquireList();
    let third = false;
    const p = gate.acquireList().then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    r1();
    await p;
    expect(third).toBe(true);
    expect(gate.listsStarted).toBe(3);
  });
});

describe('kube errors', () => {
  it('classifies statuses and keeps the server message', () => {
    const e = errorFromResponse(409, JSON.stringify({ kind: 'Status', message: 'pods "web" already exists', reason: 'AlreadyExists' }), undefined);
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('pods "web" already exists');
    expect(e.hint).toMatch(/another name/);
    expect(errorFromResponse(422, '{}', undefined).code).toBe('invalid');
    expect(errorFromResponse(403, '', undefined).code).toBe('forbidden');
    expect(errorFromResponse(503, '', '2').retryAfterSeconds).toBe(2);
    expect(errorFromResponse(410, '', undefined).transient).toBe(true);
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('says where the server could not be reached', () => {
    const e = errorFromNetwork(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'https://127.0.0.1:16443');
    expect(e.code).toBe('unreachable');
    expect(e.message).toContain('https://127.0.0.1:16443');
  });
});

describe('quantities', () => {
  it('parses CPU and memory quantities', () => {
    expect(parseQuantity('250m')).toBeCloseTo(0.25);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('128Mi')).toBe(128 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('12e3')).toBe(12000);
    expect(parseQuantity('lots')).toBeUndefined();
  });

  it("counts a pod's requests as the scheduler does: max(app containers, largest init) + overhead", () => {
    const pod = {
      spec: {
        containers: [{ name: 'a', resources: { requests: { cpu: '100m', memory: '64Mi' } } }, { name: 'b', resources: { requests: { cpu: '200m' } } }],
        initContainers: [{ name: 'init', resources: { requests: { cpu: '500m', memory: '32Mi' } } }],
        overhead: { cpu: '10m' },
      },
    };
    expect(podRequests(pod as Pod)).toEqual({ cpu: 510, memory: 64 * 2 ** 20 });
  });
});
