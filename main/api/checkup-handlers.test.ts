import { describe, expect, it, vi } from 'vitest';
import type { CheckupReport } from '../contract';
import type { KubeTransport } from '../services/cluster/kube-http';
import { CheckupService } from '../services/checkup/checkup-service';
import { checkupHandlers } from './checkup-handlers';
import { ClientHub } from './client-hub';
import { createRouter, type Handlers } from './router';

// The check-up calls through the real router: schema validation, live states to the client that
// opened the screen, nothing after it goes away.

const report: CheckupReport = { context: 'microk8s', generatedAt: 1, durationMs: 1, score: 80, status: 'warning', areas: [], scope: '', releaseDataAsOf: '2026-09-15', notes: [] };

function setup(connected = true) {
  const run = vi.fn(async () => report);
  const service = new CheckupService({ connection: () => (connected ? { transport: { server: 'https://127.0.0.1:1' } as KubeTransport, context: 'microk8s' } : undefined), microk8s: () => undefined, intervalMs: 60_000, now: () => 1, run });
  const router = createRouter(checkupHandlers(service, async () => undefined) as Handlers);
  const hub = new ClientHub();
  const events: Array<[string, unknown]> = [];
  const { client, close } = hub.connect((event, payload) => events.push([event, payload]));
  return { router, client, close, events, service, run };
}

describe('checkup handlers', () => {
  it('opens: the client gets the running state, then the report as events', async () => {
    const { router, client, events, service } = setup();
    const opened = await router.dispatch('checkup.open', {}, { client });
    expect(opened).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(events.at(-1)).toMatchObject(['checkup.state', { running: false, report: { score: 80 } }]));
    service.dispose();
  });

  it('validates the export format and says there is nothing to export before the first report', async () => {
    const { router, client, service } = setup();
    expect(await router.dispatch('checkup.export', { format: 'pdf' }, { client })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await router.dispatch('checkup.export', { format: 'json' }, { client })).toMatchObject({ ok: false, error: { code: 'no-report', hint: expect.stringMatching(/Check-up screen/) } });
    await router.dispatch('checkup.run', {}, { client });
    expect(await router.dispatch('checkup.export', { format: 'json' }, { client })).toMatchObject({ ok: true, value: { mimeType: 'application/json' } });
    service.dispose();
  });

  it('run while disconnected answers with what to do', async () => {
    const { router, client, service } = setup(false);
    expect(await router.dispatch('checkup.run', {}, { client })).toMatchObject({ ok: true, value: { error: { message: expect.stringMatching(/not connected/) } } });
    service.dispose();
  });

  it('stops sending states when the client goes away', async () => {
    const { router, client, close, events, service } = setup();
    await router.dispatch('checkup.open', {}, { client });
    await vi.waitFor(() => expect(events.length).toBeGreaterThan(1));
    close();
    const before = events.length;
    await service.run();
    expect(events.length).toBe(before);
    service.dispose();
  });
});
