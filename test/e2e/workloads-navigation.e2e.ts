import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { ClusterList } from './pages/cluster-list';
import { WorkloadsScreen } from './pages/workloads';
import { kubectlOnPath, openSimulatedClusterApp, type SimulatedClusterApp } from './support/simulated-cluster-app';


const kubectlPresent = await kubectlOnPath('workloads-navigation.e2e', 'the tests that read or change the cluster with kubectl');

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

// Owner chain links, CronJob operations, delete with a cascade choice, events, storage and
// network views on the busy simulated cluster (which lives: compare with the server when checking).
describe('workload links, CronJobs, cascading delete, events, storage and network', () => {
  let app: SimulatedClusterApp;
  let page: Page;
  let errors: string[];
  const kubectl = (...args: string[]) => app.kubectl(...args);

  beforeAll(async () => {
    app = await openSimulatedClusterApp({ simulator: { scenario: 'busy' }, viewport: { width: 1500, height: 950 } });
    ({ page, errors } = app);
  });
  afterAll(() => app?.stop());

  it('follows the owner chain up from a pod to its deployment, and down again to a pod', async () => {
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await pods.search().fill('frontend-');
    // Wait for the search to reach the list: right after typing, the unfiltered rows still show.
    await expect.poll(async () => {
      const names = await pods.visibleNames();
      return names.length > 0 && names.every((n) => n.startsWith('frontend-'));
    }, { timeout: 15_000 }).toBe(true);
    const [podName] = await pods.visibleNames();
    await pods.row(podName!).click();
    const owner = pods.detail().getByTestId('owner-chain').getByRole('button', { name: /^ReplicaSet frontend-/ });
    // The whole chain up: ReplicaSet, then its Deployment.
    await expect.poll(() => pods.detail().getByTestId('owner-chain').textContent(), { timeout: 10_000 }).toMatch(/^ReplicaSet frontend-\S+ ← Deployment frontend$/);
    const replicaSet = ((await owner.textContent()) ?? '').replace('ReplicaSet ', '');
    await owner.click();

    // The Workloads screen opens on ReplicaSets with that one's detail.
    const screen = new WorkloadsScreen(page);
    await expect.poll(() => page.getByRole('tab', { name: 'ReplicaSets', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => screen.detail().getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toBe(`ReplicaSet ${replicaSet}`);
    await screen.detail().getByTestId('owner-chain').getByRole('button', { name: 'Deployment frontend' }).click();
    await expect.poll(() => screen.detail().getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toBe('Deployment frontend');
    expect(await page.getByRole('tab', { name: 'Deployments', exact: true }).getAttribute('aria-selected')).toBe('true');
    // The deployment's logs: every pod of it, in one dialog.
    await screen.action('Logs').click();
    const logs = page.getByRole('dialog', { name: 'Logs of Deployment frontend' });
    await logs.waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await logs.waitFor({ state: 'detached', timeout: 10_000 });

    // Down: the deployment's pods, one of which opens in the Pods screen.
    const podList = screen.detail().getByTestId('pod-mini-list');
    await expect.poll(() => podList.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await podList.getByRole('button', { name: podName! }).click();
    await expect.poll(() => page.getByTestId('detail-pane').getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toBe(`Pod ${podName}`);
    expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Pods' }).getAttribute('aria-current')).toBe('page');
  });

  it('runs a CronJob now and suspends it, each confirmed, as the server then shows', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    const screen = new WorkloadsScreen(page);
    await screen.openObject('CronJobs', 'cleanup');
    await screen.action('Run now…').click();
    await screen.dialog('Run CronJob cleanup now?').getByRole('button', { name: 'Start a Job' }).click();
    // Berth opens the new Job in the Jobs tab.
    await expect.poll(() => screen.detail().getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toMatch(/^Job cleanup-/);
    const jobName = ((await screen.detail().getByRole('heading', { level: 2 }).textContent()) ?? '').replace('Job ', '');
    expect(await kubectl('get', 'job', jobName, '-n', 'batch', '-o', 'jsonpath={.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate}')).toBe('manual');
    await expect.poll(() => screen.detail().getByTestId('owner-chain').textContent()).toBe('CronJob cleanup');

    await screen.openObject('CronJobs', 'cleanup');
    await screen.action('Suspend…').click();
    await screen.dialog('Suspend CronJob cleanup?').getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => kubectl('get', 'cronjob', 'cleanup', '-n', 'batch', '-o', 'jsonpath={.spec.suspend}'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => new ClusterList(page, 'CronJobs').cell('cleanup', 5).textContent(), { timeout: 10_000 }).toMatch(/True/);
    await screen.action('Resume schedule…').click();
    await screen.dialog('Resume CronJob cleanup?').getByRole('button', { name: 'Resume schedule' }).click();
    await expect.poll(() => kubectl('get', 'cronjob', 'cleanup', '-n', 'batch', '-o', 'jsonpath={.spec.suspend}'), { timeout: 10_000 }).toBe('false');
  });

  it('deletes a deployment but keeps its ReplicaSet when the orphan cascade is chosen', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    // From a JSON manifest: `kubectl create deployment` sends protobuf, which the simulator does not read.
    const manifest = join(mkdtempSync(join(tmpdir(), 'berth-e2e-orphan-')), 'deployment.json');
    const labels = { app: 'e2e-orphan' };
    writeFileSync(
      manifest,
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'e2e-orphan', namespace: 'default', labels },
        spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
      }),
    );
    await kubectl('create', '-f', manifest);
    const rsOf = async () => lines(await kubectl('get', 'replicasets', '-n', 'default', '-l', 'app=e2e-orphan', '-o', 'name'));
    await expect.poll(rsOf, { timeout: 15_000 }).toHaveLength(1);
    const screen = new WorkloadsScreen(page);
    await screen.openObject('Deployments', 'e2e-orphan');
    await screen.action('Delete…').click();
    const dialog = screen.dialog('Delete Deployment e2e-orphan?');
    // Escape cancels: nothing is deleted.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(lines(await kubectl('get', 'deployments', '-n', 'default', '-o', 'name'))).toContain('deployment.apps/e2e-orphan');
    await screen.action('Delete…').click();
    await dialog.getByRole('radio', { name: /keep its dependents/ }).check();
    await dialog.getByRole('button', { name: 'Delete Deployment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => lines(await kubectl('get', 'deployments', '-n', 'default', '-o', 'name')).includes('deployment.apps/e2e-orphan'), { timeout: 15_000 }).toBe(false);
    // The ReplicaSet stays, with no controller.
    const [rs] = await rsOf();
    expect(rs).toBeDefined();
    expect(await kubectl('get', rs!, '-n', 'default', '-o', 'jsonpath={.metadata.ownerReferences}')).toBe('');
    await kubectl('delete', rs!, '-n', 'default', '--wait=false');
  });

  it('lists events with warnings marked, and groups them with counts and last seen', async () => {
    await new AppShell(page).goTo('Events');
    const events = new ClusterList(page, 'Events');
    await events.loaded();
    await expect.poll(() => events.grid().locator('.row-problem').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await events.grid().locator('.row-problem').first().textContent()).toContain('⚠ Warning');
    await page.getByRole('button', { name: 'Group similar events' }).click();
    const groups = page.getByTestId('event-groups').locator('details');
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Warnings come first; each group says how often, about how many objects, and when last.
    expect(await groups.first().locator('summary').textContent()).toMatch(/⚠ Warning.*×\d+ · \d+ objects? · last seen/);
    await groups.first().locator('summary').click();
    expect(await groups.first().locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('shows network policies in words with the pods they select, and ingress rules with their backends', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    await new AppShell(page).goTo('Network');
    await page.getByRole('tab', { name: 'NetworkPolicies', exact: true }).click();
    const policies = new ClusterList(page, 'NetworkPolicies');
    await policies.search().fill('allow-frontend');
    await policies.row('allow-frontend').click();
    const detail = policies.detail();
    await expect.poll(() => detail.getByTestId('policy-selects').textContent(), { timeout: 10_000 }).toMatch(/app=frontend/);
    expect(await detail.getByTestId('policy-ingress').textContent()).toMatch(/TCP.*80/);
    const serverPods = async () => lines(await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=frontend', '-o', 'name')).length;
    await expect.poll(async () => (await detail.getByTestId('pod-mini-list').locator('tbody tr').count()) === (await serverPods()), { timeout: 15_000 }).toBe(true);

    await page.getByRole('tab', { name: 'Ingresses', exact: true }).click();
    const ingresses = new ClusterList(page, 'Ingresses');
    await ingresses.row('shop').click({ timeout: 15_000 });
    const rules = ingresses.detail().getByTestId('ingress-rules');
    await expect.poll(() => rules.textContent(), { timeout: 10_000 }).toMatch(/shop\.example\.local\/Prefixfrontend:80/);
    await rules.getByRole('button', { name: 'frontend:80' }).click();
    await expect.poll(() => page.getByTestId('detail-pane').getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toBe('Service frontend');
  });

  it('lists claims with their status as the server has them; kind tabs and screens answer the keyboard', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    await new AppShell(page).goTo('Storage');
    const claims = new ClusterList(page, 'PersistentVolumeClaims');
    await claims.loaded();
    const server = lines(await kubectl('get', 'pvc', '-A', '--no-headers', '-o', 'custom-columns=NAME:.metadata.name,STATUS:.status.phase'));
    expect(server.length).toBeGreaterThan(0);
    await expect.poll(() => claims.rowCount(), { timeout: 10_000 }).toBe(server.length);
    const [name, status] = server[0]!.split(/\s+/);
    expect(await claims.cell(name!, 3).textContent()).toContain(status!);

    // The kind tabs work from the keyboard (arrow keys move and select), and Alt+7 opens Workloads.
    await page.getByRole('tab', { name: 'PersistentVolumeClaims', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'PersistentVolumes', exact: true }).getAttribute('aria-selected')).toBe('true');
    await new ClusterList(page, 'PersistentVolumes').loaded();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('PersistentVolumes');
    await page.keyboard.press('Alt+7');
    await expect.poll(() => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Workloads' }).getAttribute('aria-current')).toBe('page');
    expect(errors).toEqual([]);
  });
});
