import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterList } from './pages/cluster-list';
import { NodeDrain } from './pages/node-drain';
import { WorkloadsScreen } from './pages/workloads';
import { kubectlOnPath, openSimulatedClusterApp, type SimulatedClusterApp } from './support/simulated-cluster-app';

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

const kubectlPresent = await kubectlOnPath('workloads.e2e', 'the tests that change or read the cluster with kubectl');

// The busy cluster lives (pods are replaced, jobs run): every assertion compares with what the
// server says at the time of checking.
describe('workloads and day-two operations against the simulated microk8s', () => {
  let app: SimulatedClusterApp;
  let page: Page;
  let errors: string[];
  const kubectl = (...args: string[]) => app.kubectl(...args);
  const jsonpath = async (path: string, ...args: string[]) => (await kubectl('get', ...args, '-o', `jsonpath=${path}`)).trim();

  beforeAll(async () => {
    app = await openSimulatedClusterApp({ simulator: { scenario: 'busy' }, viewport: { width: 1500, height: 950 } });
    ({ page, errors } = app);
  });
  afterAll(() => app?.stop());

  it('scales a deployment after confirming, and the server has the new count', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    const screen = new WorkloadsScreen(page);
    const list = await screen.openTab('Deployments');
    await screen.openObject('Deployments', 'hello');
    await screen.action('Scale…').click();
    const dialog = screen.dialog('Scale Deployment hello');
    const replicas = dialog.getByRole('spinbutton', { name: 'Replicas' });
    await replicas.fill('-2');
    expect(await dialog.getByText('Use a whole number').count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Scale' }).isDisabled()).toBe(true);
    await replicas.fill('3');
    await dialog.getByRole('button', { name: 'Scale' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => jsonpath('{.spec.replicas}', 'deployment', 'hello', '-n', 'default'), { timeout: 10_000 }).toBe('3');
    // READY follows the server's status as the new pods come up.
    await expect.poll(async () => `${(await list.cell('hello', 3).textContent())?.split(' ')[0]} vs ${await jsonpath('{.status.readyReplicas}/{.spec.replicas}', 'deployment', 'hello', '-n', 'default')}`, { timeout: 30_000 }).toBe('3/3 vs 3/3');

    // Back to 1 with the keyboard: Enter submits the form.
    await screen.action('Scale…').click();
    await replicas.fill('1');
    await replicas.press('Enter');
    await expect.poll(() => jsonpath('{.spec.replicas}', 'deployment', 'hello', '-n', 'default'), { timeout: 10_000 }).toBe('1');
  });

  it('pauses and resumes a rollout, and restarts a deployment, each confirmed and seen on the server', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    const screen = new WorkloadsScreen(page);
    await screen.openObject('Deployments', 'hello');
    await screen.action('Pause rollout…').click();
    await screen.dialog('Pause the rollout of hello?').getByRole('button', { name: 'Pause rollout' }).click();
    await expect.poll(() => jsonpath('{.spec.paused}', 'deployment', 'hello', '-n', 'default'), { timeout: 10_000 }).toBe('true');
    await screen.detail().getByTestId('rollout-paused').waitFor({ timeout: 10_000 });
    // Resume from the banner.
    await screen.detail().getByTestId('rollout-paused').getByRole('button', { name: 'Resume rollout…' }).click();
    await screen.dialog('Resume the rollout of hello?').getByRole('button', { name: 'Resume rollout' }).click();
    await expect.poll(() => jsonpath('{.spec.paused}', 'deployment', 'hello', '-n', 'default'), { timeout: 10_000 }).toBe('');
    await screen.detail().getByTestId('rollout-paused').waitFor({ state: 'detached', timeout: 10_000 });

    const revision = Number(await jsonpath('{.metadata.annotations.deployment\\.kubernetes\\.io/revision}', 'deployment', 'hello', '-n', 'default'));
    await screen.action('Restart…').click();
    await screen.dialog('Restart Deployment hello?').getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => jsonpath('{.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}', 'deployment', 'hello', '-n', 'default'), { timeout: 10_000 }).not.toBe('');
    // A restart is a new revision: a new ReplicaSet replaces the pods.
    await expect.poll(() => screen.rolloutProgress().textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^Up to date: 1 pod on revision ${revision + 1}`));
  }, 90_000);

  it('shows a rollout live: new pods come up on the new ReplicaSet while the old one scales down', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    const screen = new WorkloadsScreen(page);
    await screen.openObject('Deployments', 'frontend');
    await expect.poll(() => screen.rolloutProgress().textContent(), { timeout: 20_000 }).toMatch(/^Up to date: 3 pods on revision 1/);

    // The change-cause first, so the new ReplicaSet is created with it (as with kubectl --record).
    await kubectl('-n', 'shop', 'annotate', 'deployment/frontend', 'kubernetes.io/change-cause=e2e: nginx 1.27.4', '--overwrite');
    await kubectl('-n', 'shop', 'set', 'image', 'deployment/frontend', 'nginx=nginx:1.27.4');
    const progress: string[] = [];
    const snapshots: string[][] = [];
    await expect
      .poll(
        async () => {
          progress.push((await screen.rolloutProgress().textContent()) ?? '');
          snapshots.push(await screen.revisionSnapshot());
          return progress.at(-1);
        },
        { timeout: 60_000, interval: 100 },
      )
      .toMatch(/^Up to date: 3 pods on revision 2/);

    expect(progress.some((t) => t.startsWith('Rolling out revision 2')), progress.join('\n')).toBe(true);
    // At some moment both ReplicaSets ran pods: the new one coming up, the old one going away.
    const both = snapshots.some((s) => s.length === 2 && s.every((entry) => !entry.endsWith('/0')));
    expect(both, snapshots.map((s) => s.join(' ')).join('\n')).toBe(true);
    // Now revision 2 is current with 3 pods and the old ReplicaSet is at 0, as on the server. The
    // rollout counts as done while the old ReplicaSet's last pod is still terminating (its row
    // reads 1/0 until the server has it gone), so the old row is waited for.
    expect(await screen.revisionRow(2).textContent()).toMatch(/current.*3\/3.*nginx:1\.27\.4.*e2e: nginx 1\.27\.4/);
    await expect.poll(() => screen.revisionRow(1).textContent(), { timeout: 20_000 }).toMatch(/0\/0.*nginx:1\.27\.3/);
    const old = await jsonpath('{.items[?(@.metadata.annotations.deployment\\.kubernetes\\.io/revision=="1")].spec.replicas}', 'replicasets', '-n', 'shop', '-l', 'app=frontend');
    expect(old).toBe('0');
    // The pods listed in the detail are those the server has for the deployment now.
    const serverPods = async () => (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=frontend', '-o', 'name')).trim().split('\n').filter(Boolean).map((n) => n.replace('pod/', '')).sort();
    const shownPods = async () => (await screen.detail().getByTestId('pod-mini-list').locator('tbody tr td:first-child').allTextContents()).sort();
    await expect.poll(async () => JSON.stringify(await shownPods()) === JSON.stringify(await serverPods()), { timeout: 20_000 }).toBe(true);
  }, 120_000);

  it('rolls back to a chosen earlier revision after confirming, and the server runs its template again', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    const screen = new WorkloadsScreen(page);
    await screen.openObject('Deployments', 'frontend');
    await screen.revisionRow(1).getByRole('button', { name: 'Roll back to revision 1' }).click({ timeout: 15_000 });
    const dialog = screen.dialog('Roll back frontend to revision 1?');
    expect(await dialog.textContent()).toContain('nginx:1.27.3');
    await dialog.getByRole('button', { name: 'Roll back to 1' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => jsonpath('{.spec.template.spec.containers[0].image}', 'deployment', 'frontend', '-n', 'shop'), { timeout: 10_000 }).toBe('nginx:1.27.3');
    // kubectl rollout undo semantics: revision 1's ReplicaSet becomes revision 3.
    await expect.poll(() => jsonpath('{.metadata.annotations.deployment\\.kubernetes\\.io/revision}', 'deployment', 'frontend', '-n', 'shop'), { timeout: 20_000 }).toBe('3');
    await expect.poll(() => screen.rolloutProgress().textContent(), { timeout: 60_000 }).toMatch(/^Up to date: 3 pods on revision 3/);
    expect(await screen.revisionRow(3).textContent()).toMatch(/current.*nginx:1\.27\.3/);
    const history = await kubectl('rollout', 'history', 'deployment/frontend', '-n', 'shop');
    expect(history).toMatch(/^2\s+e2e: nginx 1\.27\.4$/m);
    expect(history).toMatch(/^3\s/m);
  }, 120_000);

  it('shows a clear rollout-stuck banner with what to do when a rollout exceeds its deadline', async () => {
    const screen = new WorkloadsScreen(page);
    await screen.openObject('Deployments', 'checkout');
    // The busy scenario ships checkout an image that does not exist once it has rolled out.
    await screen.stuckBanner().waitFor({ timeout: 90_000 });
    const text = (await screen.stuckBanner().textContent()) ?? '';
    expect(text).toMatch(/Rollout stuck/);
    expect(text).toMatch(/progressDeadlineSeconds/);
    expect(text).toMatch(/image that cannot be pulled/);
    await expect.poll(() => screen.stuckBanner().getByRole('button', { name: 'Roll back to revision 1…' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await screen.rolloutProgress().textContent()).toMatch(/^Rollout stuck/);
    // The list marks it too, in words.
    expect(await new ClusterList(page, 'Deployments').row('checkout').textContent()).toMatch(/stuck/);
  }, 120_000);

  it('drains a node with per-pod progress: a PodDisruptionBudget blocks it, then it completes once the budget allows', async ({ skip }) => {
    if (!kubectlPresent) skip('kubectl is not on PATH');
    // A node that runs a frontend pod; a budget that allows no frontend pod to go.
    const node = await jsonpath('{.items[0].spec.nodeName}', 'pods', '-n', 'shop', '-l', 'app=frontend', '--field-selector=status.phase=Running');
    expect(node).not.toBe('');
    // The busy cluster may already have a budget for the frontend (two budgets for one pod make
    // every eviction fail): tighten that one, or create one, so no frontend pod may go.
    const budgets = lines(await kubectl('get', 'poddisruptionbudgets', '-n', 'shop', '-o', 'name'));
    const existing = budgets.includes('poddisruptionbudget.policy/frontend');
    const before = existing ? await jsonpath('{.spec.minAvailable}', 'poddisruptionbudget', 'frontend', '-n', 'shop') : '';
    if (existing) {
      await kubectl('patch', 'poddisruptionbudget', 'frontend', '-n', 'shop', '--type=merge', '-p', JSON.stringify({ spec: { minAvailable: 3 } }));
    } else {
      // From a JSON manifest: `kubectl create poddisruptionbudget` sends protobuf, which the simulator does not read.
      const manifest = join(mkdtempSync(join(tmpdir(), 'berth-e2e-pdb-')), 'pdb.json');
      writeFileSync(manifest, JSON.stringify({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'e2e-frontend', namespace: 'shop' }, spec: { minAvailable: 3, selector: { matchLabels: { app: 'frontend' } } } }));
      await kubectl('create', '-f', manifest);
    }
    try {
      const drain = new NodeDrain(page);
      await drain.openNode(node);
      await page.getByTestId('detail-pane').getByRole('button', { name: 'Drain…' }).click();
      const confirm = drain.confirmation(node);
      await expect.poll(() => confirm.getByTestId('drain-plan').textContent(), { timeout: 10_000 }).toMatch(/Evict \d+ pods?/);
      expect(await confirm.getByTestId('drain-plan').textContent()).toMatch(/DaemonSet pods? stays?/);
      // Bare pods (debug-shell...) and pods with emptyDir volumes would stop a drain, as in kubectl: allow both.
      await confirm.getByRole('checkbox', { name: /no controller manages/ }).check();
      await confirm.getByRole('checkbox', { name: /emptyDir/ }).check();
      await confirm.getByRole('button', { name: 'Drain node' }).click();
      await confirm.waitFor({ state: 'detached' });

      await expect
        .poll(async () => (Object.values(await drain.podStates()).includes('blocked') ? 'blocked' : await drain.progress().textContent()), { timeout: 30_000, interval: 200 })
        .toBe('blocked');
      expect(await drain.progress().textContent()).toMatch(/PodDisruptionBudget allows no more disruptions/);
      expect(await jsonpath('{.spec.unschedulable}', 'node', node)).toBe('true');
    } finally {
      // The budget allows one frontend pod to go again: the blocked eviction goes through.
      if (existing) await kubectl('patch', 'poddisruptionbudget', 'frontend', '-n', 'shop', '--type=merge', '-p', JSON.stringify({ spec: { minAvailable: Number(before) || 2 } }));
      else await kubectl('delete', 'poddisruptionbudget', 'e2e-frontend', '-n', 'shop');
    }
    const drain = new NodeDrain(page);
    await expect.poll(() => drain.progress().getAttribute('data-phase'), { timeout: 60_000 }).toBe('done');
    expect(await drain.progress().textContent()).toMatch(/Drained:/);
    // On the server: only DaemonSet and mirror pods are left on the node.
    const left = await kubectl('get', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '-o', 'jsonpath={range .items[*]}{.metadata.ownerReferences[0].kind}{" "}{.metadata.name}{"\\n"}{end}');
    const others = left.split('\n').filter((l) => l.trim() && !/^(DaemonSet|Node) /.test(l));
    expect(others, left).toEqual([]);
    await page.getByTestId('detail-pane').getByRole('button', { name: 'Uncordon' }).click();
    await expect.poll(() => jsonpath('{.spec.unschedulable}', 'node', node), { timeout: 10_000 }).toBe('');
    expect(errors).toEqual([]);
  }, 150_000);
});
