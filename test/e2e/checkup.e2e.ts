import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../main/simulator/index';
import { call } from '../../main/simulator/testing';
import { AppShell } from './pages/app-shell';
import { CheckupPage } from './pages/checkup-page';
import { ClusterList } from './pages/cluster-list';
import { openSimulatedClusterApp, type SimulatedClusterApp } from './support/simulated-cluster-app';

// The check-up in Chromium on the busy cluster: scores, a finding followed to its object in the
// Pods screen, a re-check that sees a new pod, and the Markdown export.

describe('cluster check-up', () => {
  let app: SimulatedClusterApp;
  let sim: Simulator;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await openSimulatedClusterApp({ simulator: { scenario: 'busy' }, viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    ({ sim, page, errors } = app);
  });
  afterAll(() => app?.stop());

  it('shows an overall score and a score per area, and when the report was made', async () => {
    await new AppShell(page).goTo('Check-up');
    const checkup = new CheckupPage(page);
    const score = await checkup.overallScore();
    // busy fails in every area: far from 100, but not nothing either.
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(70);
    await expect.poll(() => checkup.areaScore('api-server').textContent()).toMatch(/^API server\d+\/100$/);
    await expect.poll(() => checkup.meta().textContent()).toMatch(/Context microk8s, Kubernetes v1\.32\.2\. Made at .+ as of 2026-09-15/);
    await expect.poll(() => checkup.finding('api-server.anonymous').textContent()).toMatch(/Fail/);
  });

  it('follows a finding to the affected pod in the Pods screen', async () => {
    const checkup = new CheckupPage(page);
    await checkup.expand('workload-hygiene.bare-pods');
    await checkup.objectLink('workload-hygiene.bare-pods', 'dev/debug-shell').click();
    const pods = new ClusterList(page, 'Pods');
    await expect.poll(() => pods.detail().textContent(), { timeout: 15_000 }).toMatch(/debug-shell/);
    await expect.poll(() => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Pods' }).getAttribute('aria-current')).toBe('page');
  });

  it('checks again on request and sees what changed in the cluster', async () => {
    const created = await call(sim, 'POST', '/api/v1/namespaces/dev/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'e2e-stray' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
    expect(created.status).toBe(201);
    await new AppShell(page).goTo('Check-up');
    const checkup = new CheckupPage(page);
    await checkup.overallScore();
    await checkup.checkAgain().click();
    await checkup.expand('workload-hygiene.bare-pods');
    await expect.poll(() => checkup.affected('workload-hygiene.bare-pods').textContent(), { timeout: 20_000 }).toContain('dev/e2e-stray');
  });

  it('exports the report as Markdown', async () => {
    const checkup = new CheckupPage(page);
    const [download] = await Promise.all([page.waitForEvent('download'), checkup.exportButton('Markdown').click()]);
    expect(download.suggestedFilename()).toMatch(/^berth-checkup-microk8s-[\d-]+\.md$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toMatch(/^# Cluster check-up: microk8s\n/);
    expect(text).toContain('Pods without owners');
    expect(errors).toEqual([]);
  });
});
