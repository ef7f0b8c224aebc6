import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../main/simulator';
import { createStandinEnv, type StandinEnv } from '../../main/simulator/standins';
import { InstallPage } from './pages/install-page';
import { launchChromium } from './support/browser';
import { startWebHostProcess, type RunningWebHost } from './support/web-host-process';

// The whole install wizard, end to end: the built web host runs the real installer, whose steps
// run the stand-in snap/sudo/microk8s executables in real PTYs against the simulated cluster.
// The page types the sudo password into xterm like a person would.

const PASSWORD = 'correct-horse-7';
const SPEED = 0.05;

interface Machine {
  sim: Simulator;
  standin: StandinEnv;
  home: string;
  host: RunningWebHost;
}

async function startMachine(): Promise<Machine> {
  const sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 20 });
  const standin = createStandinEnv({ simKubeconfig: sim.kubeconfigPath, speed: SPEED, sudoPassword: PASSWORD });
  const home = mkdtempSync(join(tmpdir(), 'berth-e2e-home-'));
  const host = await startWebHostProcess([], {
    ...standin.env,
    HOME: home,
    USER: standin.env.BERTH_STANDIN_USER,
    KUBECONFIG: join(home, '.kube', 'config'),
  });
  return { sim, standin, home, host };
}

async function stopMachine(machine: Machine | undefined): Promise<void> {
  if (!machine) return;
  await machine.host.stop();
  await machine.sim.stop();
  machine.standin.dispose();
  rmSync(machine.home, { recursive: true, force: true });
}

async function openInstall(browser: Browser, machine: Machine): Promise<{ page: Page; install: InstallPage; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(machine.host.url);
  // The Welcome page's call to action leads to the wizard.
  await page.getByRole('button', { name: 'Install microk8s' }).first().click();
  const install = new InstallPage(page);
  await install.heading().waitFor();
  return { page, install, errors };
}

/** Waits for sudo's prompt in the terminal, then types into the focused xterm. */
async function typePassword(page: Page, install: InstallPage, password: string): Promise<void> {
  await install.passwordNotice().waitFor({ timeout: 30_000 });
  await expect.poll(() => install.terminalHasFocus()).toBe(true);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await install.passwordNotice().waitFor({ state: 'detached', timeout: 10_000 });
}

async function startWithDefaults(install: InstallPage): Promise<void> {
  const start = install.startButton();
  await start.waitFor({ timeout: 30_000 }).catch(async () => {
    throw new Error(`The wizard offers no install; the page says:\n${await install.page.locator('main').innerText()}`);
  });
  await start.click();
}

describe('install wizard against the stand-ins', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a fresh machine', () => {
    let machine: Machine;
    beforeAll(async () => {
      machine = await startMachine();
    });
    afterAll(() => stopMachine(machine));

    it('goes from preflight through the password prompt to a connected cluster', async () => {
      const { page, install, errors } = await openInstall(browser, machine);
      expect(await install.check('os').textContent()).toMatch(/Pass/);
      expect(await install.channel().inputValue()).not.toBe('');
      await startWithDefaults(install);

      await typePassword(page, install, PASSWORD);
      await install.succeeded().waitFor({ timeout: 60_000 });
      expect(await install.progressPercent()).toBe(100);
      const states = await page.locator('.steps > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-state')));
      expect(states.every((s) => s === 'succeeded' || s === 'skipped')).toBe(true);
      // The re-login notice, once.
      expect(await page.getByTestId('run-notices').count()).toBe(1);
      expect(await page.getByTestId('run-notices').innerText()).toMatch(/log (out|in)|re-?login|newgrp/i);

      // The log has the steps' output but never the password.
      await install.button('Open log').click();
      await install.logText().waitFor();
      const log = (await install.logText().textContent()) ?? '';
      expect(log).toContain('microk8s');
      expect(log).not.toContain(PASSWORD);
      await page.keyboard.press('Escape');
      expect(machine.host.output()).not.toContain(PASSWORD);

      // The cluster view, on the context the install set up.
      await install.button('Open cluster view').click();
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      const kubeconfig = readFileSync(join(machine.home, '.kube', 'config'), 'utf8');
      expect(kubeconfig).toContain('microk8s');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('adds a node: shows the join commands for the other machine, with copy buttons', async () => {
      const { page, install } = await openInstall(browser, machine);
      // The finished install is still on screen; the machine tools are below it.
      await install.openMoreMachines();
      // Enabled once the install run has ended (the previous test waited for its outcome only).
      await install.button('Add a node').click({ timeout: 60_000 });
      await page.getByRole('heading', { name: 'Ready for another machine to join' }).waitFor({ timeout: 30_000 });
      const commands = await page.getByTestId('join-command').allTextContents();
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) expect(command).toMatch(/^microk8s join \S+:\d+\/[0-9a-f]{32}\/[0-9a-f]{12}( --worker)?$/);
      expect(await install.button('Copy join command 1').count()).toBe(1);
      await page.close();
    });
  });

  describe('mistakes and second thoughts', () => {
    let machine: Machine;
    beforeAll(async () => {
      machine = await startMachine();
    });
    afterAll(() => stopMachine(machine));

    it('picks the run back up after a reload, and cancels mid-step after confirming', async () => {
      const { page, install } = await openInstall(browser, machine);
      await startWithDefaults(install);
      await install.passwordNotice().waitFor({ timeout: 30_000 });
      // Reload while sudo waits: the run, its step and the prompt (replayed) are all still there.
      page.on('dialog', (dialog) => void dialog.accept());
      await page.reload();
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Install' }).click();
      await install.passwordNotice().waitFor({ timeout: 10_000 });
      expect(await install.stepState('snap-install')).toBe('running');
      await expect.poll(() => install.terminalText()).toContain('password for');

      await install.button('Cancel').click();
      await install.dialog('Cancel the install?').waitFor();
      await install.button('Cancel the install').click();
      await install.cancelled().waitFor({ timeout: 20_000 });
      expect(await install.stepState('snap-install')).toBe('cancelled');
      const states = await page.locator('.steps > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-state')));
      expect(states).not.toContain('running');
      expect(machine.standin.readState().snap).toBeNull();
      await page.close();
    });

    it('fails a step after three wrong passwords, says what to do, and a retry with the right one carries on', async () => {
      const { page, install } = await openInstall(browser, machine);
      // The cancelled run from before is on screen: start over.
      await install.button('Start over').click();
      await startWithDefaults(install);
      // sudo asks three times; each wrong answer brings the prompt back.
      for (let attempt = 1; attempt <= 3; attempt++) {
        await expect.poll(async () => (await install.terminalText()).split('password for').length - 1, { timeout: 30_000 }).toBe(attempt);
        await install.passwordNotice().waitFor();
        await page.keyboard.type('wrong-password');
        await page.keyboard.press('Enter');
      }
      await install.failed().waitFor({ timeout: 30_000 });
      expect(await install.failed().innerText()).toMatch(/What to do:/);
      await expect.poll(() => install.terminalText()).toMatch(/incorrect password attempts/);

      await install.button('Retry').click();
      await typePassword(page, install, PASSWORD);
      // The failed step passes now and the run carries on with the next one.
      await expect.poll(() => install.stepState('snap-install'), { timeout: 30_000 }).toBe('succeeded');
      await expect.poll(() => install.stepState('add-group')).not.toBe('pending');
      expect(await install.failed().count()).toBe(0);
      await page.close();
    });
  });
});
