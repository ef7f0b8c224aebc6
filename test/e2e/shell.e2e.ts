import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../main/simulator/index';
import { call } from '../../main/simulator/testing';
import { AppShell } from './pages/app-shell';
import { ClusterBar } from './pages/cluster-bar';
import { ClusterList } from './pages/cluster-list';
import { PodShell } from './pages/pod-shell';
import { launchChromium } from './support/browser';
import { startWebHostProcess, type RunningWebHost } from './support/web-host-process';

// An exec session in the built app: a shell starts, runs a command, exits; a container without a
// shell says which shells were tried.

describe('pod shell in the app', () => {
  let sim: Simulator;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const runPod = async (name: string, image: string): Promise<void> => {
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'main', image }] } });
    if (r.status !== 201) throw new Error(`could not create ${name}: ${r.text}`);
    for (const end = Date.now() + 30_000; ; ) {
      const phase = (await call(sim, 'GET', `/api/v1/namespaces/default/pods/${name}`)).json<{ status: { phase?: string } }>().status.phase;
      if (phase === 'Running') return;
      if (Date.now() > end) throw new Error(`${name} is ${phase}, not Running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const openShell = async (name: string): Promise<PodShell> => {
    // A failed test may have left its dialog open.
    if (await new PodShell(page).dialog().count()) await new PodShell(page).close();
    await new AppShell(page).goTo('Pods');
    const pods = new ClusterList(page, 'Pods');
    await pods.loaded();
    await pods.search().fill(name);
    await pods.row(name).click();
    const button = pods.detail().getByRole('button', { name: 'Shell' });
    await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
    await button.click();
    return new PodShell(page);
  };

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'empty', speed: 10 });
    host = await startWebHostProcess(['--kubeconfig', sim.kubeconfigPath, '--context', 'microk8s']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await new ClusterBar(page).state().filter({ hasText: 'Connected' }).waitFor({ timeout: 60_000 });
    await runPod('e2e-alpine', 'alpine:3.21');
    await runPod('e2e-distroless', 'gcr.io/distroless/static-debian12:nonroot');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await sim?.stop();
  });

  it('opens a shell, runs a command, and exits', async () => {
    const shell = await openShell('e2e-alpine');
    await expect.poll(() => shell.status().textContent(), { timeout: 15_000 }).toBe('/bin/sh in main');
    await expect.poll(() => shell.screen(), { timeout: 10_000 }).toContain('/ # ');
    await page.keyboard.type('hostname');
    await page.keyboard.press('Enter');
    await expect.poll(() => shell.screen(), { timeout: 10_000 }).toMatch(/# hostname\s*\n\s*e2e-alpine\s*\n/);
    await page.keyboard.type('exit 4');
    await page.keyboard.press('Enter');
    await expect.poll(() => shell.status().textContent(), { timeout: 10_000 }).toBe('The shell exited (code 4).');
    expect(await shell.screen()).toContain('[the shell exited with code 4]');
    await shell.close();
    await shell.dialog().waitFor({ state: 'detached' });
  }, 60_000);

  it('Ctrl+] leaves the terminal for the Close button; closing ends the session', async () => {
    const shell = await openShell('e2e-alpine');
    await expect.poll(() => shell.screen(), { timeout: 15_000 }).toContain('/ # ');
    await page.keyboard.press('Control+BracketRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Enter');
    await shell.dialog().waitFor({ state: 'detached' });
  }, 60_000);

  it('a container without a shell: the shells tried and why', async () => {
    const shell = await openShell('e2e-distroless');
    await expect.poll(() => shell.problem().textContent(), { timeout: 15_000 }).toContain('has no shell Berth could start');
    const text = (await shell.problem().textContent()) ?? '';
    expect(text).toContain('/bin/sh: OCI runtime exec failed');
    expect(text).toContain('/bin/bash:');
    expect(text).toContain('kubectl debug');
    await shell.close();
    expect(errors).toEqual([]);
  }, 60_000);
});
