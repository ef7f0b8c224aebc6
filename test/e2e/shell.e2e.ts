import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../main/simulator/index';
import { call } from '../../main/simulator/testing';
import { AppShell } from './pages/app-shell';
import { ClusterList } from './pages/cluster-list';
import { PodShell } from './pages/pod-shell';
import { openSimulatedClusterApp, type SimulatedClusterApp } from './support/simulated-cluster-app';

// An exec session in the built app: a shell starts, runs a command, exits; a container without a
// shell says which shells were tried.

describe('pod shell in the app', () => {
  let app: SimulatedClusterApp;
  let sim: Simulator;
  let page: Page;
  let errors: string[];

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
    const detail = await new ClusterList(page, 'Pods').openDetail(name);
    const button = detail.getByRole('button', { name: 'Shell' });
    await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
    await button.click();
    return new PodShell(page);
  };

  beforeAll(async () => {
    app = await openSimulatedClusterApp({ simulator: { scenario: 'empty', speed: 10 } });
    ({ sim, page, errors } = app);
    await runPod('e2e-alpine', 'alpine:3.21');
    await runPod('e2e-distroless', 'gcr.io/distroless/static-debian12:nonroot');
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('opens a shell, runs a command, and exits', async () => {
    const shell = await openShell('e2e-alpine');
    await expect.poll(() => shell.status().textContent(), { timeout: 15_000 }).toBe('/bin/sh in main');
    await expect.poll(() => shell.screen(), { timeout: 10_000 }).toContain('/ # ');
    // The xterm.js in the app still has the internals the scrollbar's hide timer is debounced through.
    expect(await shell.dialog().locator('[data-scrollbar-hide]').getAttribute('data-scrollbar-hide')).toBe('debounced');
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
