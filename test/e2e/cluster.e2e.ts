import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../main/simulator/index';
import { AppShell } from './pages/app-shell';
import { ClusterBar } from './pages/cluster-bar';
import { ClusterList } from './pages/cluster-list';
import { launchChromium } from './support/browser';
import { kubectlOnPath, openSimulatedClusterApp, type SimulatedClusterApp } from './support/simulated-cluster-app';
import { startWebHostProcess, type RunningWebHost } from './support/web-host-process';


const kubectlPresent = await kubectlOnPath('cluster.e2e', 'the tests that drive the cluster with kubectl');

describe('live cluster views against the simulated microk8s', () => {
  let app: SimulatedClusterApp;
  let sim: Simulator;
  let page: Page;
  let errors: string[];
  const kubectl = (...args: string[]) => app.kubectl(...args);

  beforeAll(async () => {
    app = await openSimulatedClusterApp({ simulator: { scenario: 'busy' }, viewport: { width: 1400, height: 900 } });
    ({ sim, page, errors } = app);
  });
  afterAll(() => app?.stop());

  it('shows the context and that it is connected, with the last sync', async () => {
    const bar = new ClusterBar(page);
    expect(await bar.context().inputValue()).toBe('microk8s');
    await expect.poll(() => bar.state().textContent()).toMatch(/Connected.*last synced \d+s ago/);
  });

  it('shows the overview: version, nodes ready, pods by status, services by type, warnings', async () => {
    await new AppShell(page).goTo('Overview');
    await expect.poll(() => page.getByTestId('overview-version').textContent(), { timeout: 15_000 }).toMatch(/^v1\.\d+/);
    await expect.poll(() => page.getByTestId('overview-nodes').textContent(), { timeout: 15_000 }).toMatch(/3 \/ 3/);
    await expect.poll(() => page.getByTestId('overview-pods').textContent()).toMatch(/Running\d+/);
    await expect.poll(() => page.getByTestId('overview-services').textContent()).toMatch(/NodePort\d+/);
    // The busy scenario has a crash-looping API: its warnings are listed.
    await expect.poll(() => page.getByRole('region', { name: 'Recent warnings' }).textContent(), { timeout: 20_000 }).toMatch(/Warning/);
  });

  it('counts every pod the server has in aria-rowcount', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await pods.grid().waitFor();
    const serverCount = async () => (await kubectl('get', 'pods', '-A', '-o', 'name')).trim().split('\n').filter(Boolean).length;
    await expect.poll(async () => (await pods.rowCount()) === (await serverCount()), { timeout: 15_000 }).toBe(true);
    expect(await pods.rowCount()).toBeGreaterThan(10);
  });

  it('shows a pod created with kubectl run, its status changes, and it goes after kubectl delete', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await pods.search().fill('e2e-web');
    await kubectl('run', 'e2e-web', '--image=nginx:1.27', '-n', 'default', '--labels=app=e2e-web');
    const status = pods.cell('e2e-web', 4);
    await status.waitFor({ timeout: 15_000 });
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await status.textContent()) ?? '');
          return seen.has('Running');
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    expect(seen.size, `statuses seen: ${[...seen].join(', ')}`).toBeGreaterThan(1);
    await kubectl('delete', 'pod', 'e2e-web', '-n', 'default', '--wait=false');
    await pods.row('e2e-web').waitFor({ state: 'detached', timeout: 30_000 });
    await pods.search().fill('');
  });

  it('filters by label selector on the server, and refuses an invalid one with a clear message', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await pods.loaded();
    await expect.poll(() => pods.rowCount()).toBeGreaterThan(10); // the search of the last test is cleared
    const before = await pods.rowCount();
    const selector = 'app in (frontend,redis),tier!=api';
    await pods.selectorBox().fill(selector);
    const expected = (await kubectl('get', 'pods', '-A', '-l', selector, '-o', 'name')).trim().split('\n').filter(Boolean).length;
    await expect.poll(() => pods.rowCount(), { timeout: 10_000 }).toBe(expected);
    expect(expected).toBeLessThan(before);
    const names = await pods.visibleNames();
    expect(names.every((n) => /^(frontend|redis)-/.test(n)), names.join(', ')).toBe(true);

    await pods.selectorBox().fill('app in (frontend');
    await expect.poll(() => pods.selectorError().textContent()).toMatch(/Not a valid label selector at character 17/);
    expect(await pods.selectorBox().getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(500); // longer than the debounce: nothing invalid may have been sent
    expect(await pods.rowCount()).toBe(expected);
    await pods.selectorBox().fill('');
    // The busy cluster lives (jobs and crash loops replace pods), so compare with the server now.
    const all = async () => (await kubectl('get', 'pods', '-A', '-o', 'name')).trim().split('\n').filter(Boolean).length;
    await expect.poll(async () => (await pods.rowCount()) - (await all()), { timeout: 10_000 }).toBe(0);
  });

  it('sorts on the server when a column header is clicked', async () => {
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await expect.poll(async () => (await pods.visibleNames()).length).toBeGreaterThan(3);
    expect(await pods.columnHeader('Name').getAttribute('aria-sort')).toBe('ascending');
    const ascending = await pods.visibleNames();
    await pods.sortBy('Name');
    await expect.poll(() => pods.columnHeader('Name').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await pods.visibleNames())[0]).not.toBe(ascending[0]);
    const descending = await pods.visibleNames();
    expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a)));
    await pods.sortBy('Restarts');
    await expect.poll(() => pods.columnHeader('Restarts').getAttribute('aria-sort')).toBe('ascending');
    expect(await pods.columnHeader('Name').getAttribute('aria-sort')).toBeNull();
    await pods.sortBy('Name'); // back to name ascending for the next tests
    await expect.poll(() => pods.columnHeader('Name').getAttribute('aria-sort')).toBe('ascending');
  });

  it('moves between rows with the keyboard and opens the detail with Enter', async () => {
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await expect.poll(async () => (await pods.visibleNames()).length).toBeGreaterThan(3);
    const names = await pods.visibleNames();
    await pods.grid().focus();
    await page.keyboard.press('ArrowDown');
    expect(await pods.activeRowName()).toBe(names[0]);
    await page.keyboard.press('ArrowDown');
    expect(await pods.activeRowName()).toBe(names[1]);
    await page.keyboard.press('End');
    const total = await pods.rowCount();
    await expect.poll(() => pods.grid().locator(`[role="row"][aria-rowindex="${total + 1}"]`).count()).toBe(1);
    await page.keyboard.press('Home');
    await expect.poll(() => pods.activeRowName()).toBe(names[0]);
    await page.keyboard.press('Enter');
    await expect.poll(() => pods.detail().getByRole('heading', { level: 2 }).textContent()).toBe(`Pod ${names[0]}`);
    await pods.detail().getByRole('button', { name: /^Close/ }).focus();
    await page.keyboard.press('Escape');
    await pods.detail().waitFor({ state: 'detached' });
  });

  it('runs a pod from the form after checking it, then deletes it after a confirmation that Escape cancels', async () => {
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await pods.search().fill('ui-run');
    await page.getByRole('button', { name: 'Run a pod…' }).click();
    const form = page.getByRole('dialog', { name: 'Run a pod' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('UI_Run');
    await form.getByRole('textbox', { name: 'Image', exact: true }).fill('nginx:1.27');
    await form.getByRole('button', { name: 'Run pod' }).click();
    expect(await form.getByText(/Use lower case/).count()).toBe(1);
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('ui-run');
    await form.getByRole('textbox', { name: 'Labels', exact: true }).fill('app=ui-run, tier=test');
    await form.getByRole('textbox', { name: 'Command', exact: true }).fill('sh -c "sleep 3600"');
    await form.getByRole('button', { name: 'Run pod' }).click();
    await form.waitFor({ state: 'detached' });
    await pods.row('ui-run').waitFor({ timeout: 15_000 });
    await expect.poll(() => pods.cell('ui-run', 4).textContent(), { timeout: 30_000 }).toBe('Running');

    // A label chip in the detail adds to the selector.
    await pods.row('ui-run').click();
    await pods.detail().getByRole('button', { name: 'tier=test' }).click();
    expect(await pods.selectorBox().inputValue()).toBe('tier=test');
    await expect.poll(() => pods.rowCount()).toBe(1);

    await pods.detail().getByRole('button', { name: 'Delete pod…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete pod ui-run?' });
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await pods.cell('ui-run', 4).textContent()).toBe('Running');
    await pods.detail().getByRole('button', { name: 'Delete pod…' }).click();
    await confirm.getByRole('button', { name: 'Delete pod' }).click();
    await expect.poll(() => pods.cell('ui-run', 4).textContent()).toMatch(/Terminating/);
    await pods.row('ui-run').waitFor({ state: 'detached', timeout: 60_000 });
    await pods.selectorBox().fill('');
    await pods.search().fill('');
  });

  it('cordons and uncordons a node from its detail', async () => {
    await new AppShell(page).goTo('Nodes');
    const nodes = new ClusterList(page, 'Nodes');
    await nodes.loaded();
    await expect.poll(async () => (await nodes.visibleNames()).length).toBe(3);
    const [name] = (await nodes.visibleNames()).filter((n) => n.includes('worker'));
    await nodes.row(name!).click();
    await nodes.detail().getByRole('button', { name: 'Cordon' }).click();
    await expect.poll(() => nodes.cell(name!, 2).textContent(), { timeout: 10_000 }).toMatch(/SchedulingDisabled/);
    await nodes.detail().getByRole('button', { name: 'Uncordon' }).click();
    await expect.poll(() => nodes.cell(name!, 2).textContent(), { timeout: 10_000 }).toBe('Ready');
  });

  it('says when the API server goes away, why, and recovers on its own', async () => {
    // A list is open, so main is watching (watches live only while something is shown).
    await new AppShell(page).goTo('Pods');
    await new ClusterList(page, 'Pods').loaded();
    const bar = new ClusterBar(page);
    const seen: string[] = [];
    const restarted = sim.restart(3);
    await expect
      .poll(
        async () => {
          const text = (await bar.state().textContent()) ?? '';
          seen.push(text);
          return /Reconnecting|Unreachable/.test(text);
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    expect(await page.getByTestId('cluster-detail').textContent()).not.toBe('');
    await restarted;
    // One outage is one backoff round for all informers (main/services/cluster/reconnect-gate.ts):
    // after a 3 s outage Berth is back within seconds (it took ~66 s before that fix).
    const backAt = Date.now();
    await expect.poll(() => bar.state().textContent(), { timeout: 30_000 }).toMatch(/^Connected/);
    expect(Date.now() - backAt).toBeLessThan(20_000);
    // The list carries on after the reconnect.
    await expect.poll(() => new ClusterList(page, 'Pods').rowCount(), { timeout: 15_000 }).toBeGreaterThan(10);
  }, 90_000);

  it("shows the pods behind a service, its DNS name and the pods' environment variables", async () => {
    await new AppShell(page).goTo('Services');
    const services = new ClusterList(page, 'Services');
    await services.search().fill('frontend');
    await services.row('frontend').click();
    const detail = services.detail();
    await expect.poll(() => detail.getByTestId('service-dns').textContent()).toBe('frontend.shop.svc.cluster.local');
    const podList = detail.getByTestId('pod-mini-list');
    await expect.poll(() => podList.locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);
    expect(await podList.locator('tbody').textContent()).toMatch(/frontend-/);
    expect(await detail.getByTestId('service-env').textContent()).toContain('FRONTEND_SERVICE_HOST');
    expect(errors).toEqual([]);
  });
});

describe('no cluster configured', () => {
  let host: RunningWebHost;
  let browser: Browser;
  let home: string;

  beforeAll(async () => {
    // A home without ~/.kube and no KUBECONFIG: Berth finds no context at all.
    home = mkdtempSync(join(tmpdir(), 'berth-e2e-home-'));
    host = await startWebHostProcess([], { HOME: home, KUBECONFIG: '' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('offers to install microk8s or explore a simulated cluster on Welcome', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    const offer = page.getByTestId('no-cluster-offer');
    await offer.waitFor({ timeout: 20_000 });
    expect(await offer.getByRole('button', { name: 'Install microk8s' }).count()).toBe(1);
    expect(await offer.textContent()).toContain('npm start -- --demo');
    expect(await page.getByTestId('no-contexts').textContent()).toMatch(/No kubeconfig contexts found/);
    await offer.getByRole('button', { name: 'Install microk8s' }).click();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Install' }).and(page.locator('[aria-current="page"]')).waitFor();
    await page.close();
  });
});
