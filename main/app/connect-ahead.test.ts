import { describe, expect, it } from 'vitest';
import { ClientHub } from '../api/client-hub';
import type { Router } from '../api/router';
import { connectAhead } from './connect-ahead';

describe('connect ahead', () => {
  it('asks for the cluster status as a client of its own, which leaves once answered', async () => {
    const hub = new ClientHub();
    const calls: string[] = [];
    let answer: () => void = () => undefined;
    const router = {
      dispatch: (channel: unknown) => {
        calls.push(String(channel));
        return new Promise((resolve) => (answer = () => resolve({ ok: true, value: {} })));
      },
    } as unknown as Router;
    const done = connectAhead({ hub, router });
    expect(calls).toEqual(['cluster.status']);
    expect(hub.size).toBe(1);
    answer();
    await done;
    expect(hub.size).toBe(0);
  });

  it('leaves also when the call fails', async () => {
    const hub = new ClientHub();
    const router = { dispatch: () => Promise.reject(new Error('no cluster')) } as unknown as Router;
    await connectAhead({ hub, router });
    expect(hub.size).toBe(0);
  });
});
