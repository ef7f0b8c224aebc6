import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../main/simulator/index';
import { call } from '../../main/simulator/testing';
import { AppShell } from './pages/app-shell';
import { ClusterList } from './pages/cluster-list';
import { PodLogs } from './pages/pod-logs';
import { openSimulatedClusterApp, type SimulatedClusterApp } from './support/simulated-cluster-app';

// Following the logs of a busy pod in the built app: lines keep arriving and the newest line the
// server has is on screen; search highlights; timestamps; a flooding pod stays bounded with a note.

describe('pod logs in the app', () => {
  let app: SimulatedClusterApp;
  let sim: Simulator;
  let page: Page;
  let errors: string[];

  /** What the server prints last for the container now (as `kubectl logs --tail=1`). */
  const serverLastLine = async (ns: string, pod: string, container: string): Promise<string> =>
    (await call(sim, 'GET', `/api/v1/namespaces/${ns}/pods/${pod}/log?container=${container}&tailLines=1`)).text.trim();

  const openPod = async (ns: string, name: string): Promise<void> => {
    // A failed test may have left its dialog open.
    if (await new PodLogs(page).dialog().count()) await new PodLogs(page).close();
    await new AppShell(page).goTo('Pods');
    const detail = await new ClusterList(page, 'Pods').openDetail(name);
    await detail.getByRole('button', { name: 'Logs' }).click();
  };

  beforeAll(async () => {
    app = await openSimulatedClusterApp({ simulator: { scenario: 'busy', speed: 10 } });
    ({ sim, page, errors } = app);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('follows a busy pod: new lines arrive and the newest server line is shown', async () => {
    const list = (await call(sim, 'GET', '/api/v1/namespaces/shop/pods?labelSelector=app%3Dfrontend')).json<{ items: Array<{ metadata: { name: string }; status: { phase: string } }> }>();
    const name = list.items.find((p) => p.status.phase === 'Running')!.metadata.name;
    await openPod('shop', name);
    const logs = new PodLogs(page);
    await logs.view().waitFor();
    await expect.poll(() => logs.lineCount(), { timeout: 15_000 }).toBeGreaterThan(3);
    const first = await logs.lineCount();
    await expect.poll(() => logs.lineCount(), { timeout: 15_000 }).toBeGreaterThan(first);
    // The view sticks to the end: the line the server has last right now shows up on screen.
    const latest = await serverLastLine('shop', name, 'nginx');
    await expect.poll(async () => (await logs.shownLines()).includes(latest), { timeout: 10_000 }).toBe(true);
    expect(await logs.status().textContent()).toMatch(/following 1/);

    await logs.search().fill('kube-probe');
    await expect.poll(() => logs.marks().count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await logs.marks().first().textContent()).toBe('kube-probe');
    await logs.search().press('Enter');
    await expect.poll(() => logs.dialog().getByText(/^1 of \d+/).count()).toBe(1);
    await logs.search().fill('');

    await logs.option('Timestamps').check();
    await expect.poll(async () => (await logs.shownLines()).at(-1) ?? '', { timeout: 10_000 }).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
    await logs.close();
    await logs.dialog().waitFor({ state: 'detached' });
  }, 90_000);

  it('a pod printing flat out: the window keeps a bounded number of lines and says older ones were dropped', async () => {
    const created = await call(sim, 'POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'e2e-flood' },
      spec: { containers: [{ name: 'yes', image: 'busybox:1.36', command: ['sh', '-c', "yes 'e2e flood line: the same text again and again' | head -c 12000000"] }] },
    });
    expect(created.status).toBe(201);
    await expect.poll(async () => (await call(sim, 'GET', '/api/v1/namespaces/default/pods/e2e-flood')).json<{ status: { phase?: string } }>().status.phase, { timeout: 30_000 }).toBe('Running');
    await openPod('default', 'e2e-flood');
    const logs = new PodLogs(page);
    await logs.dialog().getByRole('combobox', { name: 'How many lines' }).selectOption({ label: 'All lines' });
    await expect.poll(() => logs.status().textContent(), { timeout: 60_000 }).toMatch(/not streaming.*1 ended|1 ended/);
    const total = Math.floor(12_000_000 / 'e2e flood line: the same text again and again\n'.length);
    expect(await logs.lineCount()).toBeLessThanOrEqual(105_000);
    await expect.poll(() => logs.dialog().locator('.logs-note').first().textContent()).toMatch(/older lines dropped|lines skipped/);
    const notes = (await logs.dialog().locator('.logs-note').allTextContents()).join(' ');
    const counted = [...notes.matchAll(/([\d,]+) (?:older lines dropped|lines skipped)/g)].reduce((n, m) => n + Number(m[1]!.replace(/,/g, '')), 0);
    expect(counted + (await logs.lineCount())).toBeGreaterThanOrEqual(total);
    // Still responsive: the search box takes input at once.
    await logs.search().fill('again');
    await expect.poll(() => logs.marks().count()).toBeGreaterThan(0);
    await logs.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
