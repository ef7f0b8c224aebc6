import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../main/simulator/index';
import { ClusterBar } from '../pages/cluster-bar';
import { launchChromium } from './browser';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

// The setup most cluster e2e suites share: a simulated cluster, the built web host connected to it
// (context `microk8s`), Chromium on the app until it says Connected, page errors collected, and
// real kubectl pointed at the same server.

const run = promisify(execFile);

export interface SimulatedClusterApp {
  sim: Simulator;
  host: RunningWebHost;
  browser: Browser;
  page: Page;
  /** Uncaught errors in the page; suites expect it to stay empty. */
  errors: string[];
  /** Real kubectl against the simulator; resolves to stdout. */
  kubectl(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function openSimulatedClusterApp(options: { simulator: SimulatorOptions; viewport?: { width: number; height: number }; acceptDownloads?: boolean }): Promise<SimulatedClusterApp> {
  const sim = await startSimulator(options.simulator);
  let host: RunningWebHost | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  let page: Page;
  try {
    host = await startWebHostProcess(['--kubeconfig', sim.kubeconfigPath, '--context', 'microk8s']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await new ClusterBar(page).state().filter({ hasText: 'Connected' }).waitFor({ timeout: 60_000 });
  } catch (error) {
    // Leave nothing running when the setup fails half way (a suite's afterAll has no app to stop).
    await browser?.close().catch(() => undefined);
    await host?.stop().catch(() => undefined);
    await sim.stop();
    throw error;
  }
  const started = { host, browser };
  return {
    sim,
    host: started.host,
    browser: started.browser,
    page,
    errors,
    kubectl: async (...args) => (await run('kubectl', ['--kubeconfig', sim.kubeconfigPath, '--context', 'microk8s', ...args])).stdout,
    async stop() {
      await started.browser.close();
      await started.host.stop();
      await sim.stop();
    },
  };
}

/** Whether real kubectl is on PATH; when not, says once which of the suite's tests will skip. */
export async function kubectlOnPath(suite: string, skipped: string): Promise<boolean> {
  try {
    await run('kubectl', ['version', '--client']);
    return true;
  } catch {
    console.warn(`${suite}: kubectl is not on PATH; ${skipped} are skipped.`);
    return false;
  }
}
